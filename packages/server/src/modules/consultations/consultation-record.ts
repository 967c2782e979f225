import { todayInNetherlands, type Consultation, type RecordConsultation } from '@gezinsplan/domain';
import type { FamilyScope } from '../../platform/access/gate';
import { AppError } from '../../platform/http/app-error';
import { touchFamily } from '../families';
import { createAction, goalView } from '../plan';
import { recordDecision } from '../decisions';
import { appendTimeline } from '../timeline';
import { familyGoals } from './consultation-agenda';
import { assertPeople, consultationForChange, getConsultation } from './consultations.service';

type Pointer = { pointer: string; detail: string };

/** Those who attended were invited: attendance is ticked off the invitation list. */
function assertInvited(row: { invited_user_ids: string[]; invited_member_ids: string[]; invited_supporter_ids: string[] }, attended: RecordConsultation['attended']): void {
  const errors: Pointer[] = [
    ...attended.userIds.flatMap((id, i) => (row.invited_user_ids.includes(id) ? [] : [{ pointer: `/body/attended/userIds/${i}`, detail: 'not invited' }])),
    ...attended.memberIds.flatMap((id, i) => (row.invited_member_ids.includes(id) ? [] : [{ pointer: `/body/attended/memberIds/${i}`, detail: 'not invited' }])),
    ...attended.supporterIds.flatMap((id, i) => (row.invited_supporter_ids.includes(id) ? [] : [{ pointer: `/body/attended/supporterIds/${i}`, detail: 'not invited' }])),
  ];
  if (errors.length > 0) throw new AppError('UNPROCESSABLE', 'Tick off who attended among those invited.', errors);
}

/**
 * Records a consultation afterwards, in one transaction: who attended, what was decided, and the new actions, which
 * become actions of the plan on their goals (with the plan's own timeline entries). A decision about a goal with
 * options chosen is also the goal's shared decision, taken with the family members who attended.
 */
export async function recordConsultation(scope: FamilyScope, id: string, input: RecordConsultation): Promise<Consultation> {
  const row = await consultationForChange(scope, id, null);
  if (todayInNetherlands(new Date(row.starts_at)) > todayInNetherlands(scope.now)) {
    throw new AppError('CONFLICT', 'A consultation is recorded on the day it is held or later.');
  }
  assertInvited(row, input.attended);
  await assertPeople(scope, input.attended, '/body/attended');
  const goalIds = [...input.decisions.flatMap((d) => (d.goalId ? [d.goalId] : [])), ...input.actions.map((a) => a.goalId)];
  const goals = new Map((await familyGoals(scope, goalIds)).map((g) => [g.id, g]));
  const unknown: Pointer[] = [
    ...input.decisions.flatMap((d, i) => (d.goalId && !(goals.has(d.goalId) && goalView(scope.sight, goals.get(d.goalId)!) === 'full') ? [{ pointer: `/body/decisions/${i}/goalId`, detail: 'not a goal of this plan' }] : [])),
    ...input.actions.flatMap((a, i) => (goals.has(a.goalId) && goalView(scope.sight, goals.get(a.goalId)!) === 'full' ? [] : [{ pointer: `/body/actions/${i}/goalId`, detail: 'not a goal of this plan' }])),
  ];
  if (unknown.length > 0) throw new AppError('UNPROCESSABLE', 'Decisions and actions belong to goals of this family’s plan.', unknown);
  const shared = input.decisions.findIndex((d) => d.chosenOptionIds.length > 0);
  if (shared >= 0 && input.attended.memberIds.length === 0) {
    throw new AppError('UNPROCESSABLE', 'A shared decision is taken with the family: tick who of the family attended.', [{ pointer: `/body/decisions/${shared}/chosenOptionIds`, detail: 'no family member attended' }]);
  }

  const decisions = [];
  for (const d of input.decisions) {
    const decision = d.goalId && d.chosenOptionIds.length > 0
      ? await recordDecision(scope, d.goalId, {
        chosenOptionIds: d.chosenOptionIds, preferredOptionId: null, rationale: d.text, expectations: [],
        participants: { memberIds: input.attended.memberIds, userIds: input.attended.userIds },
      })
      : null;
    const goal = d.goalId ? goals.get(d.goalId) : undefined;
    await appendTimeline(scope, {
      kind: 'plan', event: 'consultation.decided', body: d.text, data: { consultationId: id, ...(d.goalId ? { goalId: d.goalId } : {}) },
      lifeDomain: goal?.life_domain ?? null, memberIds: goal?.member_ids ?? [],
    });
    decisions.push({ text: d.text, goalId: d.goalId ?? null, sharedDecisionId: decision?.id ?? null });
  }
  const actions = [];
  for (const a of input.actions) {
    const action = await createAction(scope, a.goalId, {
      title: a.title, dueDate: a.dueDate, assigneeUserId: a.assigneeUserId, assigneeMemberId: a.assigneeMemberId, assigneeSupporterId: a.assigneeSupporterId,
    });
    actions.push({ actionId: action.id, goalId: a.goalId, title: action.title });
  }
  scope.audit.resourceId = id;
  await scope.db.updateTable('consultations').set({
    status: 'held', recorded_at: scope.now, notes: input.notes,
    attended_user_ids: input.attended.userIds, attended_member_ids: input.attended.memberIds, attended_supporter_ids: input.attended.supporterIds,
    decisions: JSON.stringify(decisions), actions: JSON.stringify(actions), version: row.version + 1, updated_at: scope.now,
  }).where('id', '=', id).execute();
  await appendTimeline(scope, { kind: 'plan', event: 'consultation.held', data: { consultationId: id, decisions: decisions.length, actions: actions.length } });
  await touchFamily(scope);
  scope.audit.detail.actions = actions.map((a) => a.actionId);
  return getConsultation(scope, id);
}
