import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { CareStep, Continuity, Handover, TeamMember } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { useFamilyReferrals, usePlan, type Page } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../format';
import { TeamTimeline } from './TeamTimeline';
import { StepDownForm, StepUpForm } from './StepForms';

const useContinuity = (familyId: string) => useQuery({
  queryKey: ['family', familyId, 'continuity'], queryFn: () => api<Continuity>('GET', `/api/v1/families/${familyId}/continuity`),
});
const useTeamHistory = (familyId: string) => useQuery({
  queryKey: ['family', familyId, 'team', 'all'], queryFn: () => api<Page<TeamMember>>('GET', `/api/v1/families/${familyId}/team?include=all`),
});

/**
 * Continuity of care on the family's overview: who helped when and alongside whom, who held coordination (never a
 * gap), the steps up to specialist care with who stayed involved, and every handover note.
 */
export function ContinuityCard({ familyId, canManage }: { familyId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const continuity = useContinuity(familyId);
  const history = useTeamHistory(familyId);
  const referrals = useFamilyReferrals(familyId);
  const plan = usePlan(familyId);
  const [steppingDown, setSteppingDown] = useState<string | null>(null);
  return (
    <section aria-labelledby="continuity-title" className="gp-card">
      <Heading2 id="continuity-title">{t('continuity.title')}</Heading2>
      <Paragraph>{t('continuity.intro')}</Paragraph>
      <QueryState query={continuity}>
        {(c) => {
          const team = history.data?.items ?? [];
          const coordinatorId = c.coordination.find((p) => p.to === null)?.userId;
          const openSteps = c.steps.filter((s) => !s.steppedDownAt);
          return (
            <>
              <TeamTimeline members={team} coordination={c.coordination} steps={c.steps} />
              <div className="gp-grid">
                <div>
                  <Heading3>{t('continuity.coordinationHistory')}</Heading3>
                  <ol className="gp-plain-list">
                    {c.coordination.map((p) => (
                      <li key={`${p.userId}-${p.from}`}>{t('continuity.coordinationItem', {
                        name: p.name, organisation: p.organisationName, from: formatDate(p.from), to: p.to ? formatDate(p.to) : t('continuity.untilNow'),
                      })}</li>
                    ))}
                  </ol>
                </div>
                <div>
                  <Heading3>{t('continuity.steps')}</Heading3>
                  {c.steps.length === 0 && <Paragraph className="gp-meta">{t('continuity.noSteps')}</Paragraph>}
                  <ul className="gp-list">
                    {c.steps.map((s) => (
                      <li key={s.id}>
                        <StepSummary step={s} />
                        {s.mayStepDown && steppingDown !== s.id && (
                          <Button appearance="secondary-action-button" className="gp-no-print" aria-label={t('continuity.stepDownLabel', { name: s.specialist.name })}
                            onClick={() => setSteppingDown(s.id)}>{t('continuity.stepDown')}</Button>
                        )}
                        {steppingDown === s.id && <StepDownForm familyId={familyId} step={s} team={team} plan={plan.data} onDone={() => setSteppingDown(null)} />}
                      </li>
                    ))}
                  </ul>
                  {canManage && <StepUpForm familyId={familyId} team={team} coordinatorId={coordinatorId} referrals={referrals.data?.items ?? []} openSteps={openSteps} />}
                </div>
              </div>
              <Heading3>{t('continuity.handovers')}</Heading3>
              {c.handovers.length === 0 ? <Paragraph className="gp-meta">{t('continuity.noHandovers')}</Paragraph> : (
                <ul className="gp-list">{[...c.handovers].reverse().map((h) => <li key={h.id}><HandoverSummary handover={h} /></li>)}</ul>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function StepSummary({ step }: { step: CareStep }) {
  const { t } = useTranslation();
  return (
    <span>
      <strong>{t('continuity.stepItem', { name: step.specialist.name, organisation: step.specialist.organisationName, date: formatDate(step.steppedUpAt) })}</strong>
      {step.steppedDownAt && <><br /><span className="gp-badge">{t('continuity.stepDone', { date: formatDate(step.steppedDownAt) })}</span></>}
      <br /><span className="gp-meta">{t('continuity.keepsCoordination', { name: step.coordinator.name })}</span>
      {step.staying.length > 0 && (
        <>
          <br /><span className="gp-meta">{t('continuity.staying')}:</span>
          <ul className="gp-plain-list">
            {step.staying.map((x) => <li key={x.userId}>{t('continuity.stayingItem', { name: x.name, organisation: x.organisationName, involvement: x.involvement })}</li>)}
          </ul>
        </>
      )}
      {step.note && <><br /><span>{step.note}</span></>}
    </span>
  );
}

function HandoverSummary({ handover: h }: { handover: Handover }) {
  const { t } = useTranslation();
  const parts = (['whatWorks', 'whatToWatch', 'familyTrusts', 'openActions'] as const).filter((p) => h.note[p]);
  return (
    <details className="gp-details">
      <summary>
        {t(`continuity.reason.${h.reason}`)}: {t('continuity.handoverItem', { from: h.from.name, to: h.to?.name ?? t('continuity.handoverToTeam'), date: formatDate(h.createdAt) })}
      </summary>
      <dl className="gp-pairs">
        {parts.map((p) => (
          <div key={p}><dt>{t(`continuity.handoverShown.${p}`)}</dt><dd>{h.note[p]}</dd></div>
        ))}
        {h.reassigned.length > 0 && (
          <div><dt>{t('continuity.reassign.legend', { name: h.from.name })}</dt><dd>
            <ul className="gp-plain-list">{h.reassigned.map((r) => <li key={r.actionId}>{t('continuity.reassign.moved', { title: r.title, name: r.toName })}</li>)}</ul>
          </dd></div>
        )}
      </dl>
    </details>
  );
}
