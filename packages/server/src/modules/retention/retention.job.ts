import { sql } from 'kysely';
import { RETENTION_YEARS, todayInNetherlands } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import { destroyFamilyFile } from './destroy-file';
import { expireSignals } from '../signals';

export interface RetentionReport {
  destroyed: { familyId: string; reason: 'erasure-request' | 'retention-ended' }[];
  /** Signals destroyed after two years without a change. */
  signalsExpired: number;
}

/**
 * The retention job: destroys the files whose term has passed — scheduled erasures that have come due, and closed
 * files whose 20-year retention period has ended — each in its own transaction, each logged; then the signals
 * that had no change for two years. Safe to run often,
 * and from several servers at once: a file already gone is skipped.
 */
export async function runRetention(db: Db, now: Date = new Date()): Promise<RetentionReport> {
  const today = todayInNetherlands(now);
  const due = await db.selectFrom('data_subject_requests').select('family_id').distinct()
    .where('kind', '=', 'erasure').where('status', '=', 'scheduled').where('due_on', '<=', today).execute();
  const expired = await db.selectFrom('families').select('id')
    .where('phase', '=', 'afgesloten').where('closed_at', '<', sql<Date>`${now}::timestamptz - make_interval(years => ${RETENTION_YEARS})`).execute();
  const work = [
    ...due.map((r) => ({ familyId: r.family_id, reason: 'erasure-request' as const })),
    ...expired.filter((f) => !due.some((r) => r.family_id === f.id)).map((f) => ({ familyId: f.id, reason: 'retention-ended' as const })),
  ];
  const destroyed: RetentionReport['destroyed'] = [];
  for (const item of work) {
    const done = await db.transaction().execute(async (tx) => {
      const family = await tx.selectFrom('families').select('id').where('id', '=', item.familyId).forUpdate().executeTakeFirst();
      if (!family) return false;
      await destroyFamilyFile(tx, item.familyId, item.reason, now, 'retention');
      return true;
    });
    if (done) destroyed.push(item);
  }
  const signalsExpired = await db.transaction().execute((tx) => expireSignals(tx, now, 'retention'));
  return { destroyed, signalsExpired };
}
