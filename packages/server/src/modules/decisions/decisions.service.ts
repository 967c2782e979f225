import { v7 as uuidv7 } from 'uuid';
import { todayInNetherlands, type CreateDecision, type Decision, type Expectation } from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import { presentAuthor } from '../../platform/access/author';
import type { StoredExpectation } from '../../platform/db/schema';
import { AppError } from '../../platform/http/app-error';
import { assertMembersOfFamily, memberDatum, touchFamily } from '../families';
import { createAction } from '../plan';
import { assertParticipants, isOnActiveTeam, loadParticipantNames } from '../team';
import { appendTimeline } from '../timeline';
import { aboutGoal, requireGoal, type GoalFacts } from './goal-access';
import { visibleOptions } from './options.service';

function selectDecisions(scope: FamilyScope, goalId: string) {
  return scope.db.selectFrom('decisions as d')
    .innerJoin('users as u', 'u.id', 'd.author_user_id')
    .leftJoin('organisations as o', 'o.id', 'd.author_organisation_id')
    .selectAll('d').select(['u.name as author_name', 'o.name as author_organisation_name'])
    .where('d.family_id', '=', scope.familyId).where('d.goal_id', '=', goalId);
}
type DecisionRow = Awaited<ReturnType<ReturnType<typeof selectDecisions>['execute']>>[number];

/** The names of whom the expectations ask something of: team members, family members (as far as seen), supporters. */
async function assigneeNames(scope: FamilyScope, rows: DecisionRow[]): Promise<(a: StoredExpectation['assignee']) => string> {
  const all = rows.flatMap((d) => d.expectations.map((e) => e.assignee));
  const ids = (kind: string) => [...new Set(all.filter((a) => a.kind === kind).map((a) => a.id))];
  const [users, members, supporters] = await Promise.all([
    ids('user').length ? scope.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids('user')).execute() : [],
    ids('member').length ? scope.db.selectFrom('members').select(['id', 'given_name', 'family_name', 'author_organisation_id']).where('family_id', '=', scope.familyId).where('id', 'in', ids('member')).execute() : [],
    ids('supporter').length ? scope.db.selectFrom('supporters').select(['id', 'name']).where('family_id', '=', scope.familyId).where('id', 'in', ids('supporter')).execute() : [],
  ]);
  const names = new Map<string, string>([
    ...users.map((u) => [u.id, u.name] as const),
    ...members.filter((m) => scope.sight.sees(memberDatum(m))).map((m) => [m.id, `${m.given_name} ${m.family_name}`] as const),
    ...supporters.map((s) => [s.id, s.name] as const),
  ]);
  return (a) => names.get(a.id) ?? '';
}

/** The decisions about a goal as the reader may see them, newest first, each marked current or revisited. */
async function present(scope: FamilyScope, goal: GoalFacts, rows: DecisionRow[]): Promise<Decision[]> {
  const shown = rows.filter((d) => scope.sight.sees(aboutGoal(goal, d)));
  if (shown.length === 0) return [];
  const optionTitles = new Map((await visibleOptions(scope, goal)).map((o) => [o.id, o.title]));
  const option = (id: string) => (optionTitles.has(id) ? { id, title: optionTitles.get(id)! } : null);
  const revisitedBy = new Map((await scope.db.selectFrom('decisions').select(['id', 'revisits_id']).where('goal_id', '=', goal.id)
    .where('revisits_id', 'in', shown.map((d) => d.id)).execute()).map((r) => [r.revisits_id!, r.id]));
  const people = await loadParticipantNames(scope, shown.map((d) => ({ memberIds: d.participant_member_ids, userIds: d.participant_user_ids })));
  const nameOf = await assigneeNames(scope, shown);
  return shown.map((d) => ({
    id: d.id, familyId: d.family_id, goalId: d.goal_id, decidedOn: d.decided_on,
    chosenOptions: d.chosen_option_ids.flatMap((id) => option(id) ?? []),
    preferredOption: d.preferred_option_id ? option(d.preferred_option_id) : null,
    familyView: d.family_view, rationale: d.rationale,
    participants: people.present(d.participant_member_ids, d.participant_user_ids),
    expectations: d.expectations.map((e) => ({ what: e.what, dueDate: e.dueDate, assignee: { ...e.assignee, name: nameOf(e.assignee) }, actionId: e.actionId })),
    revisits: d.revisits_id, revisitedBy: revisitedBy.get(d.id) ?? null, status: revisitedBy.has(d.id) ? 'revisited' : 'current',
    author: presentAuthor({ ...d, author_member_id: null }), createdAt: new Date(d.created_at).toISOString(),
  }));
}

export async function listDecisions(scope: FamilyScope, goalId: string) {
  const goal = await requireGoal(scope, goalId);
  scope.audit.resourceId = goalId;
  const rows = await selectDecisions(scope, goalId).orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(200).execute();
  return { items: await present(scope, goal, rows), nextCursor: null };
}

/** Whom an expectation asks something of must belong to the family's file: its members, supporters, or the active team. */
async function assertAssignees(scope: FamilyScope, expectations: readonly Expectation[]): Promise<void> {
  for (const [i, e] of expectations.entries()) {
    const at = `/body/expectations/${i}`;
    if (e.assigneeMemberId) await assertMembersOfFamily(scope.db, scope.familyId, [e.assigneeMemberId], `${at}/assigneeMemberId`);
    if (e.assigneeUserId && !(await isOnActiveTeam(scope.db, scope.familyId, e.assigneeUserId))) {
      throw new AppError('UNPROCESSABLE', 'A professional something is expected of must be on the care team.', [{ pointer: `${at}/assigneeUserId`, detail: 'not on the care team' }]);
    }
    if (e.assigneeSupporterId) {
      const s = await scope.db.selectFrom('supporters').select('id').where('family_id', '=', scope.familyId).where('id', '=', e.assigneeSupporterId).executeTakeFirst();
      if (!s) throw new AppError('UNPROCESSABLE', 'The supporter must belong to this family.', [{ pointer: `${at}/assigneeSupporterId`, detail: 'not in this family' }]);
    }
  }
}

/** The decision revisited must be this goal's, seen by the reader, and still current (each is revisited once). */
async function assertRevisitable(scope: FamilyScope, goal: GoalFacts, decisionId: string): Promise<void> {
  const earlier = await scope.db.selectFrom('decisions').select(['id', 'author_organisation_id']).where('goal_id', '=', goal.id).where('id', '=', decisionId).executeTakeFirst();
  if (!earlier || !scope.sight.peek(aboutGoal(goal, earlier))) {
    throw new AppError('UNPROCESSABLE', 'The decision to revisit must be one about this goal.', [{ pointer: '/body/revisits', detail: 'not a decision about this goal' }]);
  }
  const later = await scope.db.selectFrom('decisions').select('id').where('revisits_id', '=', decisionId).executeTakeFirst();
  if (later) throw new AppError('CONFLICT', 'This decision was revisited already; revisit the decision that replaced it.', [{ pointer: '/body/revisits', detail: 'revisited already' }]);
}

/**
 * Records a decision taken together about the help for a goal: the options chosen (or none, for now), the family's
 * preference in their own words, who took part, and what is expected of whom, which can go into the plan as actions.
 */
export async function recordDecision(scope: FamilyScope, goalId: string, input: CreateDecision): Promise<Decision> {
  const author = professionalIn(scope);
  const goal = await requireGoal(scope, goalId);
  const optionIds = new Set((await visibleOptions(scope, goal)).map((o) => o.id));
  const notAnOption = input.chosenOptionIds.flatMap((id, i) => (optionIds.has(id) ? [] : [{ pointer: `/body/chosenOptionIds/${i}`, detail: 'not an option for this goal' }]));
  if (input.preferredOptionId && !optionIds.has(input.preferredOptionId)) notAnOption.push({ pointer: '/body/preferredOptionId', detail: 'not an option for this goal' });
  if (notAnOption.length > 0) throw new AppError('UNPROCESSABLE', 'Choose among the options put forward for this goal.', notAnOption);
  const decidedOn = input.decidedOn ?? todayInNetherlands(scope.now);
  if (decidedOn > todayInNetherlands(scope.now)) throw new AppError('UNPROCESSABLE', 'A decision is recorded once it is taken.', [{ pointer: '/body/decidedOn', detail: 'in the future' }]);
  await assertParticipants(scope, input.participants, '/body/participants');
  await assertAssignees(scope, input.expectations);
  if (input.revisits) await assertRevisitable(scope, goal, input.revisits);

  const expectations: StoredExpectation[] = [];
  for (const e of input.expectations) {
    const assignee = e.assigneeUserId ? { kind: 'user' as const, id: e.assigneeUserId }
      : e.assigneeMemberId ? { kind: 'member' as const, id: e.assigneeMemberId } : { kind: 'supporter' as const, id: e.assigneeSupporterId! };
    const action = e.addAsAction
      ? await createAction(scope, goalId, { title: e.what, dueDate: e.dueDate, assigneeUserId: e.assigneeUserId, assigneeMemberId: e.assigneeMemberId, assigneeSupporterId: e.assigneeSupporterId })
      : null;
    expectations.push({ what: e.what, dueDate: e.dueDate ?? null, assignee, actionId: action?.id ?? null });
  }
  const id = uuidv7();
  await scope.db.insertInto('decisions').values({
    id, family_id: scope.familyId, goal_id: goalId, decided_on: decidedOn, chosen_option_ids: input.chosenOptionIds,
    preferred_option_id: input.preferredOptionId, family_view: input.familyView ?? '', rationale: input.rationale,
    participant_member_ids: input.participants.memberIds, participant_user_ids: input.participants.userIds,
    expectations: JSON.stringify(expectations), revisits_id: input.revisits ?? null,
    author_user_id: author.userId, author_organisation_id: author.organisationId, created_at: scope.now,
  }).execute();
  await appendTimeline(scope, {
    kind: 'plan', event: 'decision.recorded', data: { goalId, decisionId: id, ...(input.revisits ? { revisits: input.revisits } : {}) },
    lifeDomain: goal.life_domain, memberIds: goal.member_ids,
  });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return (await present(scope, goal, await selectDecisions(scope, goalId).where('d.id', '=', id).execute()))[0]!;
}
