import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database';

/**
 * Coordination periods: who held coordination from when to when. A handover ends one period and starts the next at the
 * same instant, so there is never a moment without a coordinator; the unique index allows at most one open period.
 */
export async function startCoordination(db: Db, at: { familyId: string; teamMemberId: string; userId: string }, now: Date): Promise<void> {
  await db.insertInto('coordination_periods').values({
    id: uuidv7(), family_id: at.familyId, team_member_id: at.teamMemberId, user_id: at.userId, started_at: now,
  }).execute();
}

/** Ends the open period (if a file from before the periods has none, there is nothing to end) by this handover. */
export async function endCoordination(db: Db, familyId: string, handoverId: string, now: Date): Promise<void> {
  await db.updateTable('coordination_periods').set({ ended_at: now, handover_id: handoverId })
    .where('family_id', '=', familyId).where('ended_at', 'is', null).execute();
}
