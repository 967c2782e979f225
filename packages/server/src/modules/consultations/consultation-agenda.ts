import { todayInNetherlands, type AgendaItem, type AgendaItemInput } from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';
import { AppError } from '../../platform/http/app-error';
import { actionDatum, goalView, selectActions } from '../plan';
import { viewerOf } from '../../platform/access/gate';

export interface GoalFacts { id: string; title: string; focus: string; priority: number; life_domain: string; member_ids: string[]; author_organisation_id: string | null; author_member_id: string | null }

/** The family's goals (for agenda items and their visibility), by priority. */
export async function familyGoals(scope: FamilyScope, ids?: readonly string[]): Promise<GoalFacts[]> {
  if (ids && ids.length === 0) return [];
  let q = scope.db.selectFrom('goals').select(['id', 'title', 'focus', 'priority', 'life_domain', 'member_ids', 'author_organisation_id', 'author_member_id'])
    .where('family_id', '=', scope.familyId);
  if (ids) q = q.where('id', 'in', [...new Set(ids)]);
  return q.orderBy('priority').orderBy('id').execute();
}

/**
 * Which agenda items the reader may see: a goal item as far as its goal is shown (overview suffices), an action or an
 * open decision only where the goal is shared in full; free items belong to the consultation itself.
 */
export function visibleAgenda(scope: FamilyScope, items: readonly AgendaItem[], goals: ReadonlyMap<string, GoalFacts>): AgendaItem[] {
  return items.filter((item) => {
    if (!item.goalId) return true;
    const goal = goals.get(item.goalId);
    if (!goal) return false;
    const view = goalView(scope.sight, goal);
    return item.kind === 'goal' ? view !== null : view === 'full';
  });
}

/** Open actions of the family past their due date, each with its goal, as the reader may see them. */
async function overdueActions(scope: FamilyScope, goals: ReadonlyMap<string, GoalFacts>, ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  let q = selectActions(scope.db).where('a.family_id', '=', scope.familyId);
  if (ids) q = q.where('a.id', 'in', [...ids]);
  else q = q.where('a.status', '=', 'open').where('a.due_date', '<', todayInNetherlands(scope.now));
  const rows = await q.orderBy('a.due_date').orderBy('a.id').execute();
  const viewer = viewerOf(scope);
  return rows.filter((a) => {
    const goal = goals.get(a.goal_id);
    return goal !== undefined && goalView(scope.sight, goal) === 'full' && scope.sight.peek(actionDatum(goal, a, viewer));
  });
}

/** Goals with help options on the table and no decision about them yet: the decisions still to take. */
async function goalsAwaitingDecision(scope: FamilyScope): Promise<Set<string>> {
  const rows = await scope.db.selectFrom('help_options as h').select('h.goal_id').distinct()
    .where('h.family_id', '=', scope.familyId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('decisions as d').select('d.id').whereRef('d.goal_id', '=', 'h.goal_id'))))
    .execute();
  return new Set(rows.map((r) => r.goal_id));
}

/** The agenda the plan suggests: the goals in focus now, the overdue actions, and the decisions still open. */
export async function proposeAgenda(scope: FamilyScope): Promise<AgendaItem[]> {
  const goals = await familyGoals(scope);
  const byId = new Map(goals.map((g) => [g.id, g]));
  const open = await goalsAwaitingDecision(scope);
  const items: AgendaItem[] = [
    ...goals.filter((g) => g.focus === 'now').map((g) => ({ kind: 'goal' as const, refId: g.id, goalId: g.id, title: g.title })),
    ...(await overdueActions(scope, byId)).map((a) => ({ kind: 'action' as const, refId: a.id, goalId: a.goal_id, title: a.title })),
    ...goals.filter((g) => open.has(g.id) && g.focus !== 'achieved' && g.focus !== 'stopped')
      .map((g) => ({ kind: 'decision' as const, refId: g.id, goalId: g.id, title: g.title })),
  ];
  return visibleAgenda(scope, items, byId).slice(0, 30);
}

/**
 * The agenda as planned: plan items resolved to their goal or action (the title is the plan's, as it is now), free
 * items as written. An item the reader cannot see is refused like a missing one.
 */
export async function resolveAgenda(scope: FamilyScope, input: readonly AgendaItemInput[] | undefined): Promise<AgendaItem[]> {
  if (input === undefined) return proposeAgenda(scope);
  const goalRefs = input.filter((i) => i.kind === 'goal' || i.kind === 'decision').map((i) => i.refId!);
  const actionRefs = input.filter((i) => i.kind === 'action').map((i) => i.refId!);
  const actionRows = actionRefs.length === 0 ? [] : await scope.db.selectFrom('actions').select(['id', 'goal_id']).where('family_id', '=', scope.familyId).where('id', 'in', actionRefs).execute();
  const goals = new Map((await familyGoals(scope, [...goalRefs, ...actionRows.map((a) => a.goal_id)])).map((g) => [g.id, g]));
  const actions = new Map((await overdueActions(scope, goals, actionRows.map((a) => a.id))).map((a) => [a.id, a]));
  return input.map((item, i) => {
    if (item.kind === 'free') return { kind: 'free', refId: null, goalId: null, title: item.title! };
    const action = item.kind === 'action' ? actions.get(item.refId!) : undefined;
    const goal = item.kind === 'action' ? (action ? goals.get(action.goal_id) : undefined) : goals.get(item.refId!);
    const resolved: AgendaItem | null = item.kind === 'action'
      ? (action ? { kind: 'action', refId: action.id, goalId: action.goal_id, title: action.title } : null)
      : (goal ? { kind: item.kind, refId: goal.id, goalId: goal.id, title: goal.title } : null);
    if (!resolved || !goal || visibleAgenda(scope, [resolved], goals).length === 0) {
      throw new AppError('UNPROCESSABLE', 'An agenda item from the plan names a goal or action of this family’s plan.', [{ pointer: `/body/agenda/${i}/refId`, detail: 'not in this plan' }]);
    }
    return resolved;
  });
}
