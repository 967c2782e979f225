import { useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { mailPreferences, type MailPreference, type Notification, type NotificationPage, type NotificationPreferences } from '@gezinsplan/domain';
import { api } from '../api/client';
import { QueryState } from '../components/QueryState';
import { RadioGroup } from '../components/RadioGroup';
import { problemText } from '../components/problemText';
import { formatMoment } from '../format';
import { useSession } from '../session/session';
import { UNREAD_NOTIFICATIONS } from '../layout/NotificationsLink';
import { notificationHref, notificationSentence } from './notifications/notification-text';

const LIST = ['notifications', 'list'] as const;
const PREFERENCES = ['notifications', 'preferences'] as const;

/** "Meldingen": what changed for me, newest first, each leading to where it happened; and how I want to hear by e-mail. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const professional = useSession().data?.user.kind === 'professional';
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const list = useInfiniteQuery({
    queryKey: LIST,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api<NotificationPage>('GET', `/api/v1/me/notifications?limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: LIST });
    await queryClient.invalidateQueries({ queryKey: UNREAD_NOTIFICATIONS });
  };
  const markRead = async (n: Notification) => {
    if (n.readAt) return;
    await api('POST', `/api/v1/me/notifications/${n.id}/read`).catch(() => undefined);
    await refresh();
  };
  const markAllRead = async () => {
    try {
      await api('POST', '/api/v1/me/notifications/read-all');
      setNotice({ type: 'ok', text: t('notifications.allRead') });
    } catch (e) {
      setNotice({ type: 'error', text: problemText(e) });
    }
    await refresh();
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;
  return (
    <>
      <Heading1>{t('notifications.title')}</Heading1>
      <Paragraph>{t('notifications.intro')}</Paragraph>
      {notice && <Alert type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'}><Paragraph>{notice.text}</Paragraph></Alert>}
      <section aria-labelledby="notifications-list-title" className="gp-card">
        <div className="gp-toolbar">
          <Heading2 id="notifications-list-title">{t('notifications.title')}</Heading2>
          {unreadCount > 0 && <Button appearance="secondary-action-button" onClick={() => void markAllRead()}>{t('notifications.markAllRead')}</Button>}
        </div>
        <QueryState query={list}>
          {() => items.length === 0 ? <Paragraph>{t('notifications.none')}</Paragraph> : (
            <ul className="gp-list" aria-labelledby="notifications-list-title">
              {items.map((n) => {
                const sentence = notificationSentence(t, n);
                return (
                  <li key={n.id} className={n.readAt ? undefined : 'gp-notification--unread'}>
                    <span>
                      {!n.readAt && <><span className="gp-badge">{t('notifications.unread')}</span>{' '}</>}
                      <Link className="utrecht-link" to={notificationHref(n, professional)} onClick={() => void markRead(n)}>{sentence}</Link>
                      <br /><span className="gp-meta">{formatMoment(n.createdAt)}</span>
                    </span>
                    {!n.readAt && (
                      <Button appearance="subtle-button" aria-label={t('notifications.markReadOf', { text: sentence })} onClick={() => void markRead(n)}>
                        {t('notifications.markRead')}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </QueryState>
        {list.hasNextPage && <Button appearance="secondary-action-button" onClick={() => void list.fetchNextPage()}>{t('notifications.more')}</Button>}
      </section>
      <MailPreferenceCard />
    </>
  );
}

/** The choice between a mail for each notification, one a day, or none; saved as soon as it is made. */
function MailPreferenceCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const preferences = useQuery({ queryKey: PREFERENCES, queryFn: () => api<NotificationPreferences>('GET', '/api/v1/me/notification-preferences') });
  const choose = async (mail: MailPreference) => {
    // The choice shows at once; should saving fail, the earlier one comes back with the reason.
    const before = queryClient.getQueryData<NotificationPreferences>(PREFERENCES);
    queryClient.setQueryData<NotificationPreferences>(PREFERENCES, { mail });
    try {
      queryClient.setQueryData(PREFERENCES, await api<NotificationPreferences>('PUT', '/api/v1/me/notification-preferences', { mail }));
      setNotice({ type: 'ok', text: t('notifications.mail.saved') });
    } catch (e) {
      queryClient.setQueryData(PREFERENCES, before);
      setNotice({ type: 'error', text: problemText(e) });
    }
  };
  return (
    <section aria-labelledby="mail-preference-title" className="gp-card">
      <Heading2 id="mail-preference-title">{t('notifications.mail.title')}</Heading2>
      <Paragraph>{t('notifications.mail.privacy')}</Paragraph>
      <QueryState query={preferences}>
        {(p) => (
          <RadioGroup id="mail-preference" legend={t('notifications.mail.legend')} value={p.mail} onChange={(v) => void choose(v as MailPreference)}
            options={mailPreferences.map((m) => ({ value: m, label: t(`notifications.mail.${m}`), description: t(`notifications.mail.${m}Hint`) }))} />
        )}
      </QueryState>
      {notice && <Alert type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'}><Paragraph>{notice.text}</Paragraph></Alert>}
    </section>
  );
}
