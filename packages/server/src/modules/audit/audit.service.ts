import type { Selectable } from 'kysely';
import { decidesFor, todayInNetherlands, type AuditRecord, type PageQuery } from '@gezinsplan/domain';
import type { AuditEventsTable } from '../../platform/db/schema';
import type { FamilyScope } from '../../platform/access/gate';
import { decodeCursor, olderThan, page } from '../../platform/http/cursor';

/**
 * Who accessed this family's file, newest first. Reading it is itself recorded (by the gate). A family member sees
 * every access to the family as a whole, to their own data, and to the data of a child they decide for; where the
 * professionals worked from (address, browser) is the professionals' own business.
 */
export async function listFamilyAudit(scope: FamilyScope, query: PageQuery & { outcome?: string }) {
  let q = scope.db.selectFrom('audit_events').selectAll().where('family_id', '=', scope.familyId);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  const familyViewer = scope.actor.kind === 'family' ? scope.actor.memberId : null;
  if (familyViewer) {
    const today = todayInNetherlands(scope.now);
    const mine = [familyViewer, ...scope.household.filter((m) => m.id !== familyViewer && decidesFor(familyViewer, m, scope.household, today)).map((m) => m.id)];
    q = q.where((eb) => eb.or([eb('member_id', 'is', null), eb('member_id', 'in', mine)]));
  }
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(olderThan('occurred_at', 'id', after));
  const rows = await q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.occurred_at).toISOString(), last.id]);
  const items = result.items.map(presentAuditRecord);
  return { items: familyViewer ? items.map((r) => ({ ...r, accessPoint: { ip: null, client: null } })) : items, nextCursor: result.nextCursor };
}

type AuditRow = Selectable<AuditEventsTable>;

export function presentAuditRecord(r: AuditRow): AuditRecord {
  return {
    id: r.id, occurredAt: new Date(r.occurred_at).toISOString(), action: r.action as AuditRecord['action'], eventType: r.event_type,
    outcome: r.outcome as AuditRecord['outcome'],
    user: { id: r.user_id, name: r.user_name, roles: r.user_roles, organisationId: r.organisation_id, organisationName: r.organisation_name, onBehalfOfUserId: r.on_behalf_of_user_id },
    object: { familyId: r.family_id, memberId: r.member_id, resourceType: r.resource_type, resourceId: r.resource_id },
    accessPoint: { ip: r.ip, client: r.client },
    purpose: r.purpose,
    checks: [r.check_authorisation, r.check_care_relationship, r.check_consent, r.check_emergency].map((b) => (b ? 'T' : 'F')).join(''),
  };
}
