import type { Db } from '../../platform/db/database';
import { writeAudit } from '../../platform/audit/audit-writer';
import { signalActiveSince, signalAuditEvents } from '../../platform/access/signal-gate';
import { deleteSignals } from './matching';

/**
 * Destroys the signals that had no change for two years (they are no longer shown from that moment), each recorded
 * in both files' audit chains. Runs in the caller's transaction; answers how many went.
 */
export async function expireSignals(tx: Db, now: Date, job: string): Promise<number> {
  const expired = await tx.selectFrom('signals').select(['id', 'family_a_id', 'family_b_id'])
    .where('last_activity_at', '<=', signalActiveSince(now)).forUpdate().execute();
  if (expired.length === 0) return 0;
  await writeAudit(tx, expired.flatMap((s) => signalAuditEvents(
    { action: 'D', eventType: 'retention.signal-expired', outcome: 'success', actor: { kind: 'system', job }, resourceId: s.id, accessPoint: null },
    [{ familyId: s.family_a_id, own: true }, { familyId: s.family_b_id, own: true }], true, { basis: 'two-years-inactive' },
  )), now);
  await deleteSignals(tx, expired.map((s) => s.id));
  return expired.length;
}

/**
 * With a file destroyed its signals go too: a signal is only about the pair, and what would remain on the other side
 * would be that some file once held this child. The other file's audit chain keeps the record of the signal's life;
 * no new record is added there, so the other side does not learn that this file was destroyed.
 */
export async function destroySignalsOfFamily(tx: Db, familyId: string): Promise<number> {
  const rows = await tx.selectFrom('signals').select('id')
    .where((eb) => eb.or([eb('family_a_id', '=', familyId), eb('family_b_id', '=', familyId)])).execute();
  await deleteSignals(tx, rows.map((r) => r.id));
  return rows.length;
}
