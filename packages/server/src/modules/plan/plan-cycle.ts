import { addWeeks, todayInNetherlands } from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';

type Scope = Pick<FamilyScope, 'db' | 'familyId' | 'now'>;

/**
 * The plan's cycle: adopted when the file moves from plan to uitvoering, evaluated on a rhythm, ended at closing,
 * and started afresh when a closed file is reopened. What was agreed or evaluated in an earlier cycle stays as
 * history but counts for nothing in the new one.
 */
export interface PlanCycle {
  planId: string;
  version: number;
  startedAt: Date | null;
  adoptedAt: Date | null;
  intervalWeeks: number;
  nextEvaluationOn: string | null;
}

export async function planCycle(scope: Scope): Promise<PlanCycle> {
  const p = await scope.db.selectFrom('plans').select(['id', 'version', 'cycle_started_at', 'adopted_at', 'evaluation_interval_weeks', 'next_evaluation_on'])
    .where('family_id', '=', scope.familyId).executeTakeFirstOrThrow();
  return {
    planId: p.id, version: p.version, startedAt: p.cycle_started_at ? new Date(p.cycle_started_at) : null,
    adoptedAt: p.adopted_at ? new Date(p.adopted_at) : null, intervalWeeks: p.evaluation_interval_weeks, nextEvaluationOn: p.next_evaluation_on,
  };
}

/** The ids of the goals in focus "now", in priority order: what the family's agreement must cover. */
export async function goalsNowIds(scope: Scope): Promise<string[]> {
  const rows = await scope.db.selectFrom('goals').select('id').where('family_id', '=', scope.familyId).where('focus', '=', 'now')
    .orderBy('priority').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Adopting the plan starts the evaluation rhythm: the first joint evaluation one interval from today, unless set. */
export async function adoptPlan(scope: Scope): Promise<void> {
  const cycle = await planCycle(scope);
  await scope.db.updateTable('plans').set({
    adopted_at: scope.now,
    next_evaluation_on: cycle.nextEvaluationOn ?? addWeeks(todayInNetherlands(scope.now), cycle.intervalWeeks),
    updated_at: scope.now,
  }).where('family_id', '=', scope.familyId).execute();
}

/** After an evaluation: the next one on the day agreed, or one interval after this one; none after closing. */
export async function setNextEvaluation(scope: Scope, heldOn: string, agreed: string | null | undefined, closing: boolean): Promise<string | null> {
  const cycle = await planCycle(scope);
  const next = closing ? null : agreed ?? addWeeks(heldOn, cycle.intervalWeeks);
  await scope.db.updateTable('plans').set({ next_evaluation_on: next, updated_at: scope.now }).where('family_id', '=', scope.familyId).execute();
  return next;
}

/** Closing ends the rhythm; reopening starts a new cycle, which is adopted again before it is evaluated. */
export async function endPlanCycle(scope: Scope): Promise<void> {
  await scope.db.updateTable('plans').set({ next_evaluation_on: null, updated_at: scope.now }).where('family_id', '=', scope.familyId).execute();
}

export async function startPlanCycle(scope: Scope): Promise<void> {
  await scope.db.updateTable('plans').set({ cycle_started_at: scope.now, adopted_at: null, next_evaluation_on: null, updated_at: scope.now })
    .where('family_id', '=', scope.familyId).execute();
}
