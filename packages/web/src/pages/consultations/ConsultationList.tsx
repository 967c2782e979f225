import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Consultation } from '@gezinsplan/domain';
import { consultationUrl, formatSlot } from './api';

/** Consultations as a list: when, where, status, with a link to each. */
export function ConsultationList({ items, headingId, title }: { items: readonly Consultation[]; headingId: string; title: string }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <Heading3 id={headingId}>{title}</Heading3>
      <ul className="gp-list" aria-labelledby={headingId}>
        {items.map((c) => (
          <li key={c.id}>
            <span>
              <Link className="utrecht-link" to={consultationUrl(c.familyId, c.id)}>{t('consultations.when', formatSlot(c.startsAt, c.endsAt, i18n.language))}</Link>
              <br />
              <span className="gp-meta">{[c.location, c.videoUrl ? t('consultations.video') : ''].filter(Boolean).join(' · ')}</span>
            </span>
            <span className={c.status === 'cancelled' ? 'gp-badge gp-badge--late' : 'gp-badge'}>{t(`consultations.status.${c.status}`)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Upcoming (planned, not ended) first, soonest on top; then the rest, latest on top. */
export function splitConsultations(items: readonly Consultation[], now = Date.now()): { upcoming: Consultation[]; past: Consultation[] } {
  const upcoming = items.filter((c) => c.status === 'planned' && Date.parse(c.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { upcoming, past: items.filter((c) => !upcoming.includes(c)) };
}

export function NoConsultations() {
  const { t } = useTranslation();
  return <Paragraph>{t('consultations.none')}</Paragraph>;
}
