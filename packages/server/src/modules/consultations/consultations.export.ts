import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * The consultations in a member's copy (AVG art. 15): those they were invited to or attended, with when and where,
 * the agenda, and, for those they attended, what was recorded.
 */
export async function consultationsExport(db: Db, familyId: string, memberId: string) {
  const rows = await db.selectFrom('consultations')
    .select(['id', 'status', 'starts_at', 'ends_at', 'location', 'video_url', 'agenda', 'attended_member_ids', 'notes', 'decisions', 'actions', 'recorded_at', 'cancelled_at', 'cancel_reason'])
    .where('family_id', '=', familyId)
    .where((eb) => eb.or([
      eb(sql<boolean>`invited_member_ids @> array[${memberId}]::uuid[]`, '=', true),
      eb(sql<boolean>`coalesce(attended_member_ids @> array[${memberId}]::uuid[], false)`, '=', true),
    ]))
    .orderBy('starts_at').execute();
  return rows.map((c) => {
    const attended = c.attended_member_ids === null ? null : c.attended_member_ids.includes(memberId);
    return {
      id: c.id, status: c.status, startsAt: iso(c.starts_at), endsAt: iso(c.ends_at), location: c.location, videoUrl: c.video_url,
      agenda: c.agenda.map((a) => ({ kind: a.kind, title: a.title })), attended,
      cancelledAt: iso(c.cancelled_at), cancelReason: c.cancel_reason,
      ...(attended ? { recordedAt: iso(c.recorded_at), notes: c.notes, decisions: c.decisions.map((d) => d.text), actions: c.actions.map((a) => ({ actionId: a.actionId, title: a.title })) } : {}),
    };
  });
}
