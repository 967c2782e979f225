import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { TimelineEntry } from '@gezinsplan/domain';
import { lifeDomainName } from './PlanView';

/** What happened in the family's file, newest first: notes in full, changes as a short sentence. */
export function TimelineList({ entries, formatMoment }: { entries: TimelineEntry[]; formatMoment: (iso: string) => string }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Paragraph>{t('common.none')}</Paragraph>;
  return (
    <ul className="gp-list">
      {entries.map((e) => (
        <li key={e.id}>
          <span>
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
