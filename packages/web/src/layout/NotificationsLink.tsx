import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationPage } from '@gezinsplan/domain';
import { api } from '../api/client';

export const UNREAD_NOTIFICATIONS = ['notifications', 'unread'] as const;

/** "Meldingen" in the header, with how many are new; it asks again every minute, and whenever the page list changes. */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: UNREAD_NOTIFICATIONS,
    queryFn: () => api<NotificationPage>('GET', '/api/v1/me/notifications?unread=true&limit=1'),
    refetchInterval: 60_000,
  });
  const count = unread.data?.unreadCount ?? 0;
  return (
    <Link to="/meldingen" className="gp-header-link gp-notifications-link" aria-label={count > 0 ? t('notifications.linkUnread', { count }) : undefined}>
      <svg className="gp-bell" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      {t('notifications.link')}
      {count > 0 && <span className="gp-badge" aria-hidden="true">{count > 99 ? '99+' : count}</span>}
    </Link>
  );
}
