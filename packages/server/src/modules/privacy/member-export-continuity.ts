import type { Db } from '../../platform/db/database';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * Continuity of care in a member's copy (AVG art. 15): the handover notes and the steps up and down. They are about
 * the family as a whole, so every member's copy holds them, with who wrote them for whom.
 */
export async function continuityExport(db: Db, familyId: string) {
  const handovers = await db.selectFrom('handovers as h').innerJoin('users as f', 'f.id', 'h.from_user_id').leftJoin('users as t', 't.id', 'h.to_user_id')
    .select(['h.reason', 'f.name as from_name', 't.name as to_name', 'h.what_works', 'h.what_to_watch', 'h.family_trusts', 'h.open_actions', 'h.created_at'])
    .where('h.family_id', '=', familyId).orderBy('h.created_at').execute();
  const steps = await db.selectFrom('care_steps as s').innerJoin('users as u', 'u.id', 's.specialist_user_id')
    .select(['u.name as specialist', 's.note', 's.stepped_up_at', 's.stepped_down_at']).where('s.family_id', '=', familyId).orderBy('s.stepped_up_at').execute();
  return {
    handovers: handovers.map((h) => ({
      reason: h.reason, from: h.from_name, to: h.to_name, whatWorks: h.what_works, whatToWatch: h.what_to_watch,
      familyTrusts: h.family_trusts, openActions: h.open_actions, createdAt: iso(h.created_at),
    })),
    careSteps: steps.map((s) => ({ specialist: s.specialist, note: s.note, steppedUpAt: iso(s.stepped_up_at), steppedDownAt: iso(s.stepped_down_at) })),
  };
}
