import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { OutboxMail } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatMoment } from '../../format';

/**
 * "Uitgaande e-mail": the newest mail of the outbox, to whom, with its subject and how sending goes. Without a
 * mail server it shows that mail waits; the demo relies on it. No family data is in any of it.
 */
export function MailOutboxCard() {
  const { t } = useTranslation();
  const outbox = useQuery({ queryKey: ['mail-outbox'], queryFn: () => api<Page<OutboxMail>>('GET', '/api/v1/admin/mail-outbox?limit=50') });
  return (
    <section aria-labelledby="outbox-title" className="gp-card gp-card--wide">
      <Heading2 id="outbox-title">{t('notifications.outbox.title')}</Heading2>
      <Paragraph>{t('notifications.outbox.intro')}</Paragraph>
      <QueryState query={outbox}>
        {(page) => page.items.length === 0 ? <Paragraph>{t('notifications.outbox.none')}</Paragraph> : (
            <table className="utrecht-table gp-outbox">
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {(['to', 'subject', 'status', 'attempts', 'created', 'sent'] as const).map((c) => (
                    <th key={c} scope="col" className="utrecht-table__header-cell">{t(`notifications.outbox.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {page.items.map((m) => (
                  <tr key={m.id} className="utrecht-table__row">
                    <td className="utrecht-table__cell">{m.recipientEmail}</td>
                    <td className="utrecht-table__cell">
                      {m.subject}
                      {m.digestDay && <><br /><span className="gp-meta">{t('notifications.outbox.digest', { date: formatDate(m.digestDay) })}</span></>}
                    </td>
                    <td className="utrecht-table__cell">
                      {t(`notifications.outbox.statuses.${m.status}`)}
                      {m.lastError && m.status !== 'no-server' && <><br /><span className="gp-meta">{m.lastError}</span></>}
                    </td>
                    <td className="utrecht-table__cell">{m.attempts}</td>
                    <td className="utrecht-table__cell">{formatMoment(m.createdAt)}</td>
                    <td className="utrecht-table__cell">{m.sentAt ? formatMoment(m.sentAt) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
        )}
      </QueryState>
    </section>
  );
}
