import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { v7 as uuidv7 } from 'uuid';
import { scheduleStatus, todayInNetherlands, type Action, type CreateAction, type CreateGoal, type Goal, type UpdateAction, type UpdateGoal, type UpdatePlanSchedule } from '@gezinsplan/domain';
import { authorColumns, professionalIn, viewerOf, type FamilyScope } from '../../platform/access/gate';
import type { Db } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { assertLifeDomain } from '../catalogues';
import { appendTimeline } from '../timeline';
import { assertMembersOfFamily, touchFamily } from '../families';
import { isOnActiveTeam } from '../team';
import { notify } from '../notifications';
import { selectActions, selectGoals, type ActionRow, type GoalRow } from './plan.queries';
import { presentAction, presentGoal } from './plan.presenter';
import { actionDatum, goalDatum, goalView, isAddressedTo } from './plan.visibility';
import { latestAgreementOfCycle, presentLatestAgreement } from './agreements.service';

/** A plan's goals in priority order, and each goal's actions by due date (undated last). */
const byPriority = (a: GoalRow, b: GoalRow) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
function byDueDate(a: ActionRow, b: ActionRow): number {
  if ((a.due_date === null) !== (b.due_date === null)) return a.due_date === null ? 1 : -1;
  if (a.due_date !== b.due_date) return a.due_date! < b.due_date! ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The goals the viewer may see, in priority order and ranked 1..n among themselves, each with the actions the viewer
 * may see: all of a goal shared in full, only those addressed to the viewer of a goal shared as overview.
 */
function visibleGoals(scope: FamilyScope, goals: GoalRow[], actions: ActionRow[]): Goal[] {
  const byGoal = new Map<string, ActionRow[]>();
  for (const a of [...actions].sort(byDueDate)) byGoal.set(a.goal_id, [...(byGoal.get(a.goal_id) ?? []), a]);
  const shown: Goal[] = [];
  const viewer = viewerOf(scope);
  for (const g of [...goals].sort(byPriority)) {
    const view = goalView(scope.sight, g);
    if (!view) continue;
    const own = (byGoal.get(g.id) ?? []).filter((a) => view === 'full' ? scope.sight.sees(actionDatum(g, a, viewer)) : isAddressedTo(a, viewer));
    shown.push(presentGoal(g, own.map(presentAction), view, shown.length + 1));
  }
  return shown;
}

/**
 * The plan: goals in priority order, each with its actions; its evaluation rhythm and next evaluation; the family's
 * latest agreement with it; and the plan's version. Opening a plan is the hottest route, so it is one statement:
 * the plan with its organisation's limit, all goals, all actions and the latest agreement of the cycle (as JSON);
 * the goals serve both the plan and its agreement. Only an agreement's names take a second.
 */
export async function getPlan(scope: FamilyScope) {
  const plan = await scope.db.selectFrom('plans as p')
    .innerJoin('families as f', 'f.id', 'p.family_id').innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .selectAll('p').select('o.max_goals_now')
    .select([
      jsonArrayFrom(selectGoals(scope.db, scope.familyId)).as('goals'),
      jsonArrayFrom(selectActions(scope.db).where('a.family_id', '=', scope.familyId)).as('actions'),
      jsonObjectFrom(latestAgreementOfCycle(scope.db, scope.familyId)).as('agreement'),
    ])
    .where('p.family_id', '=', scope.familyId).executeTakeFirstOrThrow();
  scope.audit.resourceId = plan.id;
  const nextOn = plan.next_evaluation_on;
  // JSON gives timestamps as text; the presenters read both.
  const goals: GoalRow[] = plan.goals;
  return {
    id: plan.id, familyId: plan.family_id, version: plan.version, updatedAt: new Date(plan.updated_at).toISOString(),
    maxGoalsNow: plan.max_goals_now,
    adoptedAt: plan.adopted_at ? new Date(plan.adopted_at).toISOString() : null,
    evaluation: { intervalWeeks: plan.evaluation_interval_weeks, nextOn, status: nextOn ? scheduleStatus(nextOn, todayInNetherlands(scope.now)) : null },
    agreement: await presentLatestAgreement(scope, plan.agreement, goals),
    goals: visibleGoals(scope, goals, plan.actions),
  };
}

/** The coordinator sets how often the plan is evaluated together, and the day of the next joint evaluation. */
export async function updatePlanSchedule(scope: FamilyScope, expectedVersion: number | null, input: UpdatePlanSchedule) {
  const current = assertVersion(
    await scope.db.selectFrom('plans').select(['id', 'version', 'evaluation_interval_weeks', 'next_evaluation_on']).where('family_id', '=', scope.familyId).forNoKeyUpdate().executeTakeFirst(),
    expectedVersion,
  );
  if (input.nextEvaluationOn && input.nextEvaluationOn < todayInNetherlands(scope.now)) {
    throw new AppError('UNPROCESSABLE', 'The next evaluation is a day still to come.', [{ pointer: '/body/nextEvaluationOn', detail: 'in the past' }]);
  }
  await scope.db.updateTable('plans').set({
    ...(input.evaluationIntervalWeeks !== undefined ? { evaluation_interval_weeks: input.evaluationIntervalWeeks } : {}),
    ...(input.nextEvaluationOn !== undefined ? { next_evaluation_on: input.nextEvaluationOn } : {}),
    version: current.version + 1, updated_at: scope.now,
  }).where('id', '=', current.id).execute();
  await touchFamily(scope);
  await appendTimeline(scope, {
    kind: 'plan', event: 'plan.schedule-changed',
    data: { intervalWeeks: input.evaluationIntervalWeeks ?? current.evaluation_interval_weeks, nextEvaluationOn: input.nextEvaluationOn === undefined ? current.next_evaluation_on : input.nextEvaluationOn },
  });
  scope.audit.detail.fields = Object.keys(input);
  return getPlan(scope);
}

async function roomNow(scope: FamilyScope): Promise<boolean> {
  const { limit, taken } = await placesNow(scope);
  return taken < limit;
}

async function placesNow(scope: FamilyScope): Promise<{ limit: number; taken: number }> {
  const { n } = await scope.db.selectFrom('goals').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('family_id', '=', scope.familyId).where('focus', '=', 'now').executeTakeFirstOrThrow();
  return { limit: await maxGoalsNow(scope), taken: Number(n) };
}

async function maxGoalsNow(scope: FamilyScope): Promise<number> {
  const row = await scope.db.selectFrom('families as f').innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select('o.max_goals_now').where('f.id', '=', scope.familyId).executeTakeFirstOrThrow();
  return row.max_goals_now;
}

/**
 * Not everything at once: a goal joins "now" only while fewer than the organisation's limit are there. Called after
 * bumpPlan, whose row lock makes concurrent additions wait, so two requests cannot both take the last place.
 */
async function assertRoomNow(scope: FamilyScope): Promise<void> {
  const { limit, taken } = await placesNow(scope);
  if (taken >= limit) {
    throw new AppError('CONFLICT', `The family already works on ${limit} goals now; move one to later first.`, [
      { pointer: '/body/focus', detail: `at most ${limit} goals in focus now` },
    ]);
  }
}

/** A new plan version, and the family's file marked changed (the caseload's order): one statement, one round trip. */
async function bumpPlan(scope: FamilyScope): Promise<string> {
  const plan = await scope.db
    .with('touched', (db) => db.updateTable('families').set({ updated_at: scope.now }).where('id', '=', scope.familyId))
    .updateTable('plans').set((eb) => ({ version: eb('version', '+', 1), updated_at: scope.now }))
    .where('family_id', '=', scope.familyId).returning('id').executeTakeFirstOrThrow();
  return plan.id;
}

async function assertOwner(scope: FamilyScope, ownerMemberId: string | undefined, ownerUserId: string | undefined): Promise<void> {
  if (ownerMemberId) await assertMembersOfFamily(scope.db, scope.familyId, [ownerMemberId], '/body/ownerMemberId');
  if (ownerUserId && !(await isOnActiveTeam(scope.db, scope.familyId, ownerUserId))) {
    throw new AppError('UNPROCESSABLE', 'The owner must be on the care team.', [{ pointer: '/body/ownerUserId', detail: 'not on the care team' }]);
  }
}

async function goalById(scope: FamilyScope, goalId: string): Promise<Goal> {
  // All goals, for the goal's rank among those the viewer sees; the actions of this goal only.
  const goals = await selectGoals(scope.db, scope.familyId).execute();
  const actions = await selectActions(scope.db).where('a.family_id', '=', scope.familyId).where('a.goal_id', '=', goalId).execute();
  const goal = visibleGoals(scope, goals, actions).find((g) => g.id === goalId);
  if (!goal) throw notFound();
  return goal;
}

/**
 * A goal in the family's own words. Without an owner named, the family member it is about owns it, else its author.
 * A family member writes goals for the family (they own them; a professional owner is the team's to name).
 */
export async function createGoal(scope: FamilyScope, input: CreateGoal): Promise<Goal> {
  if (scope.actor.kind === 'family' && input.ownerUserId) {
    throw new AppError('FORBIDDEN', 'The care team names a professional as owner; you can name someone in your family.');
  }
  await assertLifeDomain(scope.db, input.lifeDomain, '/body/lifeDomain');
  await assertMembersOfFamily(scope.db, scope.familyId, input.memberIds, '/body/memberIds');
  await assertOwner(scope, input.ownerMemberId, input.ownerUserId);
  const planId = await bumpPlan(scope);
  if (input.focus === 'now') await assertRoomNow(scope);
  const focus = input.focus ?? (scope.actor.kind === 'professional' && await roomNow(scope) ? 'now' : 'later');
  const { max } = await scope.db.selectFrom('goals').select((eb) => eb.fn.max<number | null>('priority').as('max'))
    .where('family_id', '=', scope.familyId).executeTakeFirstOrThrow();
  const id = uuidv7();
  const author = authorColumns(scope);
  const ownerMemberId = input.ownerMemberId ?? (input.ownerUserId ? null : (input.memberIds.length === 1 ? input.memberIds[0]! : author.author_member_id));
  await scope.db.insertInto('goals').values({
    id, family_id: scope.familyId, plan_id: planId, title: input.title, life_domain: input.lifeDomain, member_ids: input.memberIds,
    focus, priority: (max ?? 0) + 1, owner_member_id: ownerMemberId,
    owner_user_id: ownerMemberId ? null : (input.ownerUserId ?? scope.actor.userId),
    ...author, created_at: scope.now, updated_at: scope.now,
  }).execute();
  await appendTimeline(scope, { kind: 'plan', event: 'goal.created', data: { goalId: id, focus }, lifeDomain: input.lifeDomain, memberIds: input.memberIds });
  scope.audit.resourceId = id;
  return goalById(scope, id);
}

/**
 * Moves one goal to a rank among the goals the viewer sees (just before the one now at that rank, or after the last
 * one shown) and renumbers all 1..n, so ranks stay a simple, gapless order and hidden goals keep their places.
 */
async function moveGoal(scope: FamilyScope, goalId: string, rank: number): Promise<void> {
  const db = scope.db;
  const others = await db.selectFrom('goals').select(['id', 'priority', 'life_domain', 'author_organisation_id', 'author_member_id', 'member_ids'])
    .where('family_id', '=', scope.familyId).where('id', '<>', goalId).orderBy('priority').orderBy('id').execute();
  const order = others.map((g) => g.id);
  const shown = others.filter((g) => goalView(scope.sight, g) !== null);
  const anchor = shown[Math.max(rank - 1, 0)];
  const last = shown.at(-1);
  order.splice(anchor ? order.indexOf(anchor.id) : last ? order.indexOf(last.id) + 1 : order.length, 0, goalId);
  const current = new Map(others.map((g) => [g.id, g.priority]));
  for (const [index, id] of order.entries()) {
    if (current.get(id) !== index + 1) await db.updateTable('goals').set({ priority: index + 1 }).where('id', '=', id).execute();
  }
}

/**
 * A family member edits the goals they wrote, in their own words: title, life domain, whom it is about. Priorities,
 * focus and owners are agreed with the team, so the team records them.
 */
function assertFamilyMayEditGoal(scope: FamilyScope, goal: { author_member_id: string | null }, input: UpdateGoal): void {
  if (scope.actor.kind !== 'family') return;
  if (goal.author_member_id !== scope.actor.memberId) throw new AppError('FORBIDDEN', 'You can change the goals you wrote yourself; ask your coordinator about the others.');
  const agreedTogether = (['priority', 'focus', 'ownerMemberId', 'ownerUserId'] as const).filter((f) => input[f] !== undefined);
  if (agreedTogether.length > 0) {
    throw new AppError('FORBIDDEN', 'Priorities, focus and owners are agreed with your care team; ask your coordinator.',
      agreedTogether.map((f) => ({ pointer: `/body/${f}`, detail: 'agreed with the care team' })));
  }
}

export async function updateGoal(scope: FamilyScope, goalId: string, expectedVersion: number | null, input: UpdateGoal): Promise<Goal> {
  const current = assertVersion(
    await scope.db.selectFrom('goals').selectAll().where('family_id', '=', scope.familyId).where('id', '=', goalId).forNoKeyUpdate().executeTakeFirst(),
    expectedVersion,
  );
  scope.audit.resourceId = goalId;
  scope.require(goalDatum(current));
  assertFamilyMayEditGoal(scope, current, input);
  if (input.lifeDomain) await assertLifeDomain(scope.db, input.lifeDomain, '/body/lifeDomain');
  if (input.memberIds) await assertMembersOfFamily(scope.db, scope.familyId, input.memberIds, '/body/memberIds');
  await assertOwner(scope, input.ownerMemberId, input.ownerUserId);
  await bumpPlan(scope);
  if (input.focus === 'now' && current.focus !== 'now') await assertRoomNow(scope);
  if (input.priority !== undefined) await moveGoal(scope, goalId, input.priority);
  await scope.db.updateTable('goals').set({
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.lifeDomain !== undefined ? { life_domain: input.lifeDomain } : {}),
    ...(input.memberIds !== undefined ? { member_ids: input.memberIds } : {}),
    ...(input.focus !== undefined ? { focus: input.focus } : {}),
    ...(input.ownerMemberId ? { owner_member_id: input.ownerMemberId, owner_user_id: null } : {}),
    ...(input.ownerUserId ? { owner_user_id: input.ownerUserId, owner_member_id: null } : {}),
    version: current.version + 1, updated_at: scope.now,
  }).where('id', '=', goalId).execute();
  const fields = Object.keys(input);
  await appendTimeline(scope, {
    kind: 'plan', event: input.focus && input.focus !== current.focus ? 'goal.focus-changed' : 'goal.updated',
    data: { goalId, fields, ...(input.focus && input.focus !== current.focus ? { from: current.focus, to: input.focus } : {}) },
    lifeDomain: input.lifeDomain ?? current.life_domain, memberIds: input.memberIds ?? current.member_ids,
    dataOrganisationId: current.author_organisation_id,
  });
  scope.audit.resourceId = goalId;
  scope.audit.detail.fields = fields;
  return goalById(scope, goalId);
}

async function assertAssignee(scope: FamilyScope, a: { assigneeUserId?: string; assigneeMemberId?: string; assigneeSupporterId?: string }): Promise<void> {
  if (a.assigneeUserId && !(await isOnActiveTeam(scope.db, scope.familyId, a.assigneeUserId))) {
    throw new AppError('UNPROCESSABLE', 'A professional who does an action must be on the care team.', [{ pointer: '/body/assigneeUserId', detail: 'not on the care team' }]);
  }
  if (a.assigneeMemberId) await assertMembersOfFamily(scope.db, scope.familyId, [a.assigneeMemberId], '/body/assigneeMemberId');
  if (a.assigneeSupporterId) {
    const s = await scope.db.selectFrom('supporters').select('id').where('family_id', '=', scope.familyId).where('id', '=', a.assigneeSupporterId).executeTakeFirst();
    if (!s) throw new AppError('UNPROCESSABLE', 'The supporter must belong to this family.', [{ pointer: '/body/assigneeSupporterId', detail: 'not in this family' }]);
  }
}

/** A professional given an action by someone else hears of it, in the same transaction; taking one on yourself needs no notice. */
async function tellAssignee(scope: FamilyScope, assigneeUserId: string | null | undefined, actionId: string, goalId: string): Promise<void> {
  if (!assigneeUserId || assigneeUserId === scope.actor.userId) return;
  await notify(scope.db, { userId: assigneeUserId, familyId: scope.familyId, kind: 'action.assigned', data: { actionId, goalId } }, scope.now);
}

async function actionById(db: Db, familyId: string, id: string): Promise<Action> {
  return presentAction(await selectActions(db).where('a.family_id', '=', familyId).where('a.id', '=', id).executeTakeFirstOrThrow());
}

export async function createAction(scope: FamilyScope, goalId: string, input: CreateAction): Promise<Action> {
  const author = professionalIn(scope);
  const goal = await scope.db.selectFrom('goals').select(['id', 'life_domain', 'author_organisation_id', 'author_member_id', 'member_ids'])
    .where('family_id', '=', scope.familyId).where('id', '=', goalId).executeTakeFirst();
  if (!goal) throw notFound();
  scope.audit.resourceId = goalId;
  scope.require(goalDatum(goal));
  await assertAssignee(scope, input);
  await bumpPlan(scope);
  const id = uuidv7();
  await scope.db.insertInto('actions').values({
    id, family_id: scope.familyId, goal_id: goalId, title: input.title, due_date: input.dueDate ?? null,
    assignee_user_id: input.assigneeUserId ?? null, assignee_member_id: input.assigneeMemberId ?? null,
    assignee_supporter_id: input.assigneeSupporterId ?? null, author_user_id: author.userId,
    author_organisation_id: author.organisationId, created_at: scope.now, updated_at: scope.now,
  }).execute();
  await appendTimeline(scope, { kind: 'plan', event: 'action.created', data: { actionId: id, goalId }, lifeDomain: goal.life_domain, memberIds: goal.member_ids });
  await tellAssignee(scope, input.assigneeUserId, id, goalId);
  scope.audit.resourceId = id;
  return actionById(scope.db, scope.familyId, id);
}

export async function updateAction(scope: FamilyScope, actionId: string, expectedVersion: number | null, input: UpdateAction): Promise<Action> {
  const current = assertVersion(
    await scope.db.selectFrom('actions').selectAll().where('family_id', '=', scope.familyId).where('id', '=', actionId).forNoKeyUpdate().executeTakeFirst(),
    expectedVersion,
  );
  const goal = await scope.db.selectFrom('goals').select(['life_domain', 'author_organisation_id', 'author_member_id', 'member_ids']).where('id', '=', current.goal_id).executeTakeFirstOrThrow();
  scope.audit.resourceId = actionId;
  scope.require(actionDatum(goal, current, viewerOf(scope)));
  if (scope.actor.kind === 'family') {
    // A family member marks their own actions done (or open again); the rest of the action is the team's.
    if (current.assignee_member_id !== scope.actor.memberId) throw new AppError('FORBIDDEN', 'You can only mark your own actions done.');
    const others = Object.keys(input).filter((f) => f !== 'status');
    if (others.length > 0) throw new AppError('FORBIDDEN', 'You can change whether your action is done; ask your coordinator about the rest.', others.map((f) => ({ pointer: `/body/${f}`, detail: 'the care team changes this' })));
    if (input.status === 'cancelled') throw new AppError('FORBIDDEN', 'Stopping an action is agreed with your care team.', [{ pointer: '/body/status', detail: 'the care team cancels actions' }]);
  }
  await assertAssignee(scope, input);
  await bumpPlan(scope);
  const assignee = input.assigneeUserId || input.assigneeMemberId || input.assigneeSupporterId
    ? { assignee_user_id: input.assigneeUserId ?? null, assignee_member_id: input.assigneeMemberId ?? null, assignee_supporter_id: input.assigneeSupporterId ?? null }
    : {};
  const statusChanged = input.status !== undefined && input.status !== current.status;
  await scope.db.updateTable('actions').set({
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(statusChanged ? { completed_at: input.status === 'done' ? scope.now : null } : {}),
    ...assignee,
    version: current.version + 1, updated_at: scope.now,
  }).where('id', '=', actionId).execute();
  const fields = Object.keys(input);
  await appendTimeline(scope, {
    kind: 'plan', event: statusChanged ? `action.${input.status}` : 'action.updated',
    data: { actionId, goalId: current.goal_id, fields }, lifeDomain: goal.life_domain, memberIds: goal.member_ids,
    dataOrganisationId: current.author_organisation_id,
  });
  if (input.assigneeUserId !== current.assignee_user_id) await tellAssignee(scope, input.assigneeUserId, actionId, current.goal_id);
  scope.audit.resourceId = actionId;
  scope.audit.detail.fields = fields;
  return actionById(scope.db, scope.familyId, actionId);
}
