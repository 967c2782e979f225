import { useTranslation } from 'react-i18next';
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { QueryState } from '../../components/QueryState';
import { formatSlot, useConsultations } from './api';
import { splitConsultations } from './ConsultationList';

/** In the family's portal: the joint consultations coming up, with where and what is on the agenda. */
export function PortalConsultations({ familyId }: { familyId: string }) {
  const { t, i18n } = useTranslation();
  const consultations = useConsultations(familyId);
  return (
    <section aria-labelledby="portal-consultations-title" className="gp-card">
      <Heading2 id="portal-consultations-title">{t('consultations.portalTitle')}</Heading2>
      <QueryState query={consultations}>
        {(page) => {
          const { upcoming } = splitConsultations(page.items);
          if (upcoming.length === 0) return <Paragraph>{t('consultations.portalNone')}</Paragraph>;
          return upcoming.map((c) => (
            <div key={c.id}>
              <Heading3>{t('consultations.when', formatSlot(c.startsAt, c.endsAt, i18n.language))}</Heading3>
              {c.location && <Paragraph>{c.location}</Paragraph>}
              {c.videoUrl && <Paragraph>{t('consultations.video')}: <a className="utrecht-link" href={c.videoUrl} rel="noreferrer noopener" target="_blank">{c.videoUrl}</a></Paragraph>}
              {c.agenda.length > 0 && (
                <>
                  <Paragraph>{t('consultations.portalAgenda')}</Paragraph>
                  <ul>{c.agenda.map((i, n) => <li key={n}>{i.title}</li>)}</ul>
                </>
              )}
            </div>
          ));
        }}
      </QueryState>
    </section>
  );
}
