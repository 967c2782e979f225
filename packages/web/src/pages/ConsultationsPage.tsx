import { useParams, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Family } from '@gezinsplan/domain';
import { QueryState } from '../components/QueryState';
import { FamilyFrame } from './family/FamilyFrame';
import { useConsultations } from './consultations/api';
import { ConsultationList, NoConsultations, splitConsultations } from './consultations/ConsultationList';

/** The family's joint consultations (tab "Overleg"): what is coming up, what was held, and planning a new one. */
export function ConsultationsPage() {
  const { familyId = '' } = useParams();
  return <FamilyFrame familyId={familyId} active="consultations">{(family) => <Consultations family={family} />}</FamilyFrame>;
}

function Consultations({ family }: { family: Family }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const consultations = useConsultations(family.id);
  const newUrl = `/gezinnen/${family.id}/overleg/nieuw`;
  return (
    <section aria-labelledby="consultations-title" className="gp-card">
      <div className="gp-toolbar">
        <Heading2 id="consultations-title">{t('consultations.title')}</Heading2>
        {family.allowedActions.includes('plan:write') && (
          <ButtonLink href={newUrl} appearance="primary-action-button" onClick={(e) => { e.preventDefault(); void navigate(newUrl); }}>{t('consultations.plan')}</ButtonLink>
        )}
      </div>
      <Paragraph>{t('consultations.intro')}</Paragraph>
      <QueryState query={consultations}>
        {(page) => {
          if (page.items.length === 0) return <NoConsultations />;
          const { upcoming, past } = splitConsultations(page.items);
          return (
            <>
              <ConsultationList items={upcoming} headingId="consultations-upcoming" title={t('consultations.upcoming')} />
              <ConsultationList items={past} headingId="consultations-past" title={t('consultations.past')} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
