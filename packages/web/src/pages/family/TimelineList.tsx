import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { TimelineEntry } from '@gezinsplan/domain';
import { lifeDomainName } from './PlanView';

/**
 * What happened in the family's file, newest first: notes in full, changes as a short sentence. With `newAfter`
 * (the reader's previous visit) what others added since is marked as new.
 */
export function TimelineList({ entries, formatMoment, newAfter, readerId }: {
  entries: TimelineEntry[];
  formatMoment: (iso: string) => string;
  newAfter?: string | null;
  readerId?: string;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Paragraph>{t('common.none')}</Paragraph>;
  const isNew = (e: TimelineEntry) => !!newAfter && e.createdAt > newAfter && e.author?.userId !== readerId;
  return (
    <ul className="gp-list">
      {entries.map((e) => (
        <li key={e.id}>
          <span>
            {isNew(e) && <><span className="gp-badge gp-badge--new">{t('timeline.new')}</span> </>}
            <strong>{t(`timeline.event.${e.event}`, { defaultValue: e.event })}</strong>
            {e.lifeDomain && <span className="gp-meta"> · {lifeDomainName(e.lifeDomain)}</span>}
            {e.body && <><br />{e.body}</>}
          </span>
          <span className="gp-meta">
            {e.author ? `${e.author.name}${e.author.organisationName ? ` (${e.author.organisationName})` : ` (${t('timeline.byFamily')})`}` : ''} · {formatMoment(e.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
