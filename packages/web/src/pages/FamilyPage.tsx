import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../api/client';
import { useFamily, useMembers, usePlan, useSupporters, useTeam, useTimeline } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { Loading } from '../components/Loading';
import { formatMoment } from '../format';
import { NetworkMap } from './family/NetworkMap';
import { PlanView } from './family/PlanView';
import { TimelineList } from './family/TimelineList';
import { TeamList } from './family/TeamList';
import { TeamForm } from './family/TeamForm';
import { GoalForm } from './family/GoalForm';
import { GoalTools } from './family/GoalTools';
import { NoteForm } from './family/NoteForm';
import { MembersCard } from './family/MembersCard';
import { useSession } from '../session/session';
import { useMoveGoal } from './family/useMoveGoal';
import { SupportersCard } from './family/SupportersCard';
import { FamilyHeader, FamilyNav } from './family/FamilyFrame';
import { PhaseCard } from './family/PhaseCard';
import { AgreementPanel } from './family/AgreementPanel';
import { EvaluationSchedule } from './family/EvaluationSchedule';
import { ContinuityCard } from './continuity/ContinuityCard';
import { SignalNotice } from './signals/SignalsSection';

/** One family, as a professional on its team sees it: who is in it, who helps, the plan and what happened. */
export function FamilyPage() {
  const { familyId = '' } = useParams();
  const { t } = useTranslation();
  const family = useFamily(familyId);
  const members = useMembers(familyId);
  const supporters = useSupporters(familyId);
  const team = useTeam(familyId);
  const plan = usePlan(familyId);
  const timeline = useTimeline(familyId);
  const { move: moveGoal, error: moveError } = useMoveGoal(familyId);
  const session = useSession();
  // The previous visit as this page first learnt it: reloading the family records a new visit, but what was new
  // when the page opened stays marked until the reader leaves.
  const [previousVisit, setPreviousVisit] = useState<{ familyId: string; at: string | null } | null>(null);
  if (family.data && previousVisit?.familyId !== familyId) setPreviousVisit({ familyId, at: family.data.myLastVisitAt });
  // Opening the file is a visit: the caseload's "new since your last visit" must start afresh.
  const queryClient = useQueryClient();
  const opened = family.isSuccess;
  useEffect(() => { if (opened) void queryClient.invalidateQueries({ queryKey: ['me', 'families'] }); }, [opened, familyId, queryClient]);

  if (family.isPending) return <Loading />;
  if (family.isError) {
    const missing = family.error instanceof ApiError && family.error.status === 404;
    return <Alert type="error" role="alert"><Paragraph>{missing ? t('family.notFound') : t('common.error')}</Paragraph></Alert>;
  }
  const name = family.data.name ?? t('family.nameHidden');
  const can = (permission: string) => family.data.allowedActions.includes(permission);
  const memberName = (id: string) => members.data?.items.find((m) => m.id === id)?.givenName ?? '…';

  return (
    <>
      <FamilyHeader family={family.data} />
      <FamilyNav familyId={familyId} active="overview" />
      <SignalNotice familyId={familyId} />
      <PhaseCard familyId={familyId} canMove={can('family:update')} />
      <div className="gp-grid">
        <MembersCard familyId={familyId} members={members} canWrite={can('member:write')} />
        <SupportersCard familyId={familyId} supporters={supporters} canWrite={can('member:write')} />
        <section aria-labelledby="team-title" className="gp-card gp-card--wide">
          <Heading2 id="team-title">{t('family.team')}</Heading2>
          <QueryState query={team}>
            {(page) => (
              <div className="gp-team">
                <NetworkMap familyName={name} supporters={supporters.data?.items ?? []} team={page.items} />
                <TeamList members={page.items} showResponsibility familyId={can('team:manage') ? familyId : undefined} />
                {can('team:manage') && <TeamForm familyId={familyId} hasCoordinator={!!family.data.coordinator} />}
              </div>
            )}
          </QueryState>
        </section>
      </div>
      <ContinuityCard familyId={familyId} canManage={can('team:manage')} />
      <section aria-labelledby="plan-title" className="gp-card">
        <Heading2 id="plan-title">{t('family.plan')}</Heading2>
        <Button appearance="secondary-action-button" className="gp-no-print" onClick={() => window.print()}>{t('family.print')}</Button>
        {plan.data && <AgreementPanel familyId={familyId} plan={plan.data} members={members.data?.items ?? []} canRecord={can('plan:write')} />}
        {plan.data && <EvaluationSchedule familyId={familyId} plan={plan.data} canEdit={can('family:update')} />}
        {can('plan:write') && plan.data && (
          <GoalForm familyId={familyId} members={members.data?.items ?? []} nowLimit={plan.data.maxGoalsNow} nowTaken={plan.data.goals.filter((g) => g.focus === 'now').length} />
        )}
        {can('plan:write') && <Paragraph className="gp-meta gp-no-print">{t('family.dragHint')}</Paragraph>}
        {moveError && <Alert type="error" role="alert"><Paragraph>{moveError}</Paragraph></Alert>}
        <QueryState query={plan}>
          {(p) => (
            <PlanView goals={p.goals} memberName={memberName} onMove={can('plan:write') ? (goal, to) => void moveGoal(goal, to) : undefined} renderGoalTools={can('plan:write')
              ? (goal) => <GoalTools familyId={familyId} goal={goal} goalCount={p.goals.length} team={team.data?.items ?? []} members={members.data?.items ?? []} />
              : undefined} />
          )}
        </QueryState>
      </section>
      <section aria-labelledby="timeline-title" className="gp-card gp-no-print">
        <Heading2 id="timeline-title">{t('family.timeline')}</Heading2>
        {can('timeline:write') && <NoteForm familyId={familyId} />}
        <QueryState query={timeline}>{(page) => <TimelineList entries={page.items} formatMoment={formatMoment} newAfter={previousVisit?.at} readerId={session.data?.user.id} />}</QueryState>
      </section>
    </>
  );
}
