import { sql } from 'kysely';
import type { FamilyScope } from '../../platform/access/gate';

/**
 * Records that a professional opened the family's file now, and returns when they had last opened it before (null
 * the first time). Family members' visits are not kept: the caseload that uses them is a professional's.
 */
export async function recordVisit(scope: Pick<FamilyScope, 'db' | 'familyId' | 'actor' | 'now'>): Promise<Date | null> {
  if (scope.actor.kind !== 'professional') return null;
  const previous = await scope.db.selectFrom('family_visits').select('visited_at')
    .where('user_id', '=', scope.actor.userId).where('family_id', '=', scope.familyId).executeTakeFirst();
  await scope.db.insertInto('family_visits').values({ user_id: scope.actor.userId, family_id: scope.familyId, visited_at: scope.now })
    .onConflict((oc) => oc.columns(['user_id', 'family_id']).doUpdateSet({ visited_at: sql`greatest(family_visits.visited_at, excluded.visited_at)` }))
    .execute();
  return previous ? new Date(previous.visited_at) : null;
}
