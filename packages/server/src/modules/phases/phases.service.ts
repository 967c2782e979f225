import { v7 as uuidv7 } from 'uuid';
import {
  checkTransition, phaseTransitions,
  type FamilyPhase, type PhaseState, type PhaseTransitionRequest, type TransitionFacts, type TransitionRefusal,
} from '@gezinsplan/domain';
import { authorColumns, type FamilyScope } from '../../platform/access/gate';
import { presentAuthor } from '../../platform/access/author';
import { AppError } from '../../platform/http/app-error';
import { appendTimeline } from '../timeline';
import { adoptPlan, currentAgreementId, endPlanCycle, goalsNowIds, startPlanCycle } from '../plan';
import { closingEvaluationHeld } from '../evaluations';
import { listClosures, markReopened, recordClosure } from './closure.service';

/** What the guards look at, read under the family's lock so the answer holds until the transition commits. */
async function transitionFacts(scope: FamilyScope, closingReason: TransitionFacts['closingReason']): Promise<TransitionFacts> {
  const coordinator = await scope.db.selectFrom('team_members').select('id').where('family_id', '=', scope.familyId)
    .where('role', '=', 'coordinator').where('ended_at', 'is', null).executeTakeFirst();
  return {
    goalsNow: (await goalsNowIds(scope)).length,
    hasCoordinator: coordinator !== undefined,
    familyAgreed: (await currentAgreementId(scope)) !== null,
    closingEvaluationHeld: await closingEvaluationHeld(scope),
    closingReason,
  };
}

/** Where a refusal points in the request: the closing reason at its field, the rest at the phase asked for. */
const pointerOf = (refusal: TransitionRefusal) => (refusal === 'needs-closing-reason' ? '/body/closing/reason' : '/body/to');

/**
 * The file's phase, and for each phase it could move to next what still stands in the way (the closing details are
 * asked for when closing, so they do not count here); how it got here; and its closures with their aftercare.
 */
export async function getPhaseState(scope: FamilyScope): Promise<PhaseState> {
  const family = await scope.db.selectFrom('families').select(['phase', 'version']).where('id', '=', scope.familyId).executeTakeFirstOrThrow();
  const phase = family.phase as FamilyPhase;
  const facts = await transitionFacts(scope, 'goals-reached');
  const history = await scope.db.selectFrom('phase_transitions as t')
    .innerJoin('users as u', 'u.id', 't.author_user_id')
    .leftJoin('organisations as o', 'o.id', 't.author_organisation_id')
    .selectAll('t').select(['u.name as author_name', 'o.name as author_organisation_name'])
    .where('t.family_id', '=', scope.familyId).orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(100).execute();
  // A write that answers with the state (the aftercare check) has named its own object already; keep it.
  scope.audit.resourceId ??= scope.familyId;
  return {
    familyId: scope.familyId, phase, version: family.version,
    next: phaseTransitions[phase].map((to) => ({ to, refusals: checkTransition(phase, to, facts) })),
    history: history.map((t) => ({
      id: t.id, from: t.from_phase as FamilyPhase, to: t.to_phase as FamilyPhase, at: new Date(t.created_at).toISOString(),
      // The phase itself everyone on the team sees; what was said about it is the plan's overview.
      note: scope.sight.sees({ category: 'plan-overview', authorOrganisationId: t.author_organisation_id, memberIds: [] }) ? t.note : '',
      by: presentAuthor({ ...t, author_member_id: null }),
    })),
    closures: await listClosures(scope),
  };
}

/**
 * Moves the file one step through the care process, if the guards allow: adopting the plan starts its evaluation
 * rhythm, closing records the closure and its aftercare check, reopening starts a new plan cycle and keeps the
 * history. A refusal names every unmet condition at once.
 */
export async function changePhase(scope: FamilyScope, input: PhaseTransitionRequest): Promise<PhaseState> {
  const family = await scope.db.selectFrom('families').select(['phase', 'version']).where('id', '=', scope.familyId).forNoKeyUpdate().executeTakeFirstOrThrow();
  const from = family.phase as FamilyPhase;
  const refusals = checkTransition(from, input.to, await transitionFacts(scope, input.closing?.reason ?? null));
  if (refusals.length > 0) {
    throw new AppError('CONFLICT', `The file cannot move from ${from} to ${input.to} yet.`, refusals.map((r) => ({ pointer: pointerOf(r), detail: r })));
  }
  await scope.db.updateTable('families').set({
    phase: input.to, version: family.version + 1, updated_at: scope.now,
    // The retention period of a closed file runs from the moment care ended; reopening stops the clock.
    ...(input.to === 'afgesloten' ? { closed_at: scope.now } : from === 'afgesloten' ? { closed_at: null } : {}),
  }).where('id', '=', scope.familyId).execute();
  await scope.db.insertInto('phase_transitions').values({
    id: uuidv7(), family_id: scope.familyId, from_phase: from, to_phase: input.to, note: input.note ?? '',
    author_user_id: scope.actor.userId, author_organisation_id: authorColumns(scope).author_organisation_id, created_at: scope.now,
  }).execute();
  if (from === 'plan' && input.to === 'uitvoering') await adoptPlan(scope);
  if (input.to === 'afgesloten') {
    await recordClosure(scope, input.closing!);
    await endPlanCycle(scope);
  }
  if (from === 'afgesloten') {
    await markReopened(scope);
    await startPlanCycle(scope);
  }
  // The phase is shared with the whole team (an 'identity' entry); why the file closed is the closure's, shared as
  // the plan's overview (GET …/phase), so the reason stays out of this entry.
  await appendTimeline(scope, { kind: 'family', event: 'family.phase-changed', data: { from, to: input.to } });
  scope.audit.resourceId = scope.familyId;
  scope.audit.detail.from = from;
  scope.audit.detail.to = input.to;
  return getPhaseState(scope);
}
