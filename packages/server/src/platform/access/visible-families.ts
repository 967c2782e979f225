import type { ProfessionalActor } from '../auth/actor';
import type { Db } from '../db/database';
import type { RequestContext } from '../http/request-context';
import { recordReads } from '../audit/audit-batcher';

/**
 * The list form of the gate: the ids of the families this actor may see, as a subquery to filter any list by.
 * It states the same rule as `decideFamilyAccess` (an active care-team membership, and no erasure scheduled) for
 * many families at once.
 */
export function visibleFamilies(db: Db, actor: ProfessionalActor) {
  if (!actor.roles.includes('professional')) {
    return db.selectFrom('team_members').select('family_id').where((eb) => eb.val(false));
  }
  return db.selectFrom('team_members').select('family_id').where('user_id', '=', actor.userId).where('ended_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('data_subject_requests as r').select('r.id')
      .whereRef('r.family_id', '=', 'team_members.family_id').where('r.kind', '=', 'erasure').where('r.status', '=', 'scheduled'))));
}

/** One read record per family shown in a list, in each family's own chain, committed before the list leaves. */
export async function auditListedFamilies(ctx: RequestContext, familyIds: readonly string[], eventType: string): Promise<void> {
  await recordReads(ctx.db, familyIds.map((familyId) => ({
    action: 'R' as const, eventType, outcome: 'success' as const, actor: ctx.actor, familyId, resourceType: 'family',
    resourceId: familyId, accessPoint: ctx.accessPoint,
    checks: { authorisation: true, careRelationship: true, consent: true, emergency: false }, occurredAt: ctx.now,
  })));
}
