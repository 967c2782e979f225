import { v7 as uuidv7 } from 'uuid';
import type { ActionReassignment, FieldError, HandoverNote, HandoverReason } from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { notify } from '../notifications';

/** The open actions a professional holds in this family: what must move on before they leave. */
export function openActionsOf(db: Db, familyId: string, userId: string) {
  return db.selectFrom('actions').select(['id', 'title', 'version'])
    .where('family_id', '=', familyId).where('assignee_user_id', '=', userId).where('status', '=', 'open')
    .orderBy('due_date').orderBy('id').forUpdate().execute();
}

/**
 * Moves every open action of the one leaving to a professional who stays on the team. All of them must be named,
 * each to an active member other than the one leaving: no action is left without someone to do it.
 */
export async function reassignOpenActions(scope: FamilyScope, fromUserId: string, reassign: readonly ActionReassignment[], pointer: string): Promise<ActionReassignment[]> {
  const open = await openActionsOf(scope.db, scope.familyId, fromUserId);
  const errors: FieldError[] = [];
  const named = new Map(reassign.map((r) => [r.actionId, r.toUserId]));
  open.forEach((a) => { if (!named.has(a.id)) errors.push({ pointer, detail: `open action ${a.id} needs someone to take it over` }); });
  const openIds = new Set(open.map((a) => a.id));
  reassign.forEach((r, i) => { if (!openIds.has(r.actionId)) errors.push({ pointer: `${pointer}/${i}/actionId`, detail: 'not an open action of this professional' }); });
  const receivers = [...new Set(reassign.map((r) => r.toUserId))];
  const active = receivers.length === 0 ? [] : await scope.db.selectFrom('team_members').select('user_id')
    .where('family_id', '=', scope.familyId).where('user_id', 'in', receivers).where('ended_at', 'is', null).execute();
  const staying = new Set(active.map((m) => m.user_id).filter((u) => u !== fromUserId));
  reassign.forEach((r, i) => { if (!staying.has(r.toUserId)) errors.push({ pointer: `${pointer}/${i}/toUserId`, detail: 'not a professional who stays on the team' }); });
  if (errors.length > 0) throw new AppError('UNPROCESSABLE', 'Every open action needs a team member who takes it over.', errors);

  for (const a of open) {
    await scope.db.updateTable('actions').set({ assignee_user_id: named.get(a.id)!, version: a.version + 1, updated_at: scope.now })
      .where('id', '=', a.id).execute();
  }
  const perReceiver = new Map<string, number>();
  reassign.forEach((r) => perReceiver.set(r.toUserId, (perReceiver.get(r.toUserId) ?? 0) + 1));
  for (const [userId, count] of perReceiver) {
    if (userId !== scope.actor.userId) await notify(scope.db, { userId, familyId: scope.familyId, kind: 'team.actions-reassigned', data: { count } }, scope.now);
  }
  return [...reassign];
}

/** Whether a handover is needed to leave: only with open actions, which then must all be reassigned. */
export function requireHandover(note: HandoverNote | undefined, pointer: string, why: string): HandoverNote {
  if (!note) throw new AppError('UNPROCESSABLE', why, [{ pointer, detail: 'a handover note is required' }]);
  return note;
}

export async function recordHandover(scope: FamilyScope, h: { reason: HandoverReason; fromUserId: string; toUserId: string | null; note: HandoverNote; reassigned: ActionReassignment[] }): Promise<string> {
  const author = professionalIn(scope);
  const id = uuidv7();
  await scope.db.insertInto('handovers').values({
    id, family_id: scope.familyId, reason: h.reason, from_user_id: h.fromUserId, to_user_id: h.toUserId,
    what_works: h.note.whatWorks, what_to_watch: h.note.whatToWatch, family_trusts: h.note.familyTrusts, open_actions: h.note.openActions,
    reassigned: JSON.stringify(h.reassigned), author_user_id: author.userId, author_organisation_id: author.organisationId, created_at: scope.now,
  }).execute();
  return id;
}
