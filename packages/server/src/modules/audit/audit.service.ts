import type { Selectable } from 'kysely';
import type { AuditRecord, PageQuery } from '@gezinsplan/domain';
import type { AuditEventsTable } from '../../platform/db/schema';
import type { FamilyScope } from '../../platform/access/gate';
import { decodeCursor, olderThan, page } from '../../platform/http/cursor';

/** Who accessed this family's file, newest first. Reading it is itself recorded (by the gate). */
export async function listFamilyAudit(scope: FamilyScope, query: PageQuery & { outcome?: string }) {
  let q = scope.db.selectFrom('audit_events').selectAll().where('family_id', '=', scope.familyId);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(olderThan('occurred_at', 'id', after));
  const rows = await q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.occurred_at).toISOString(), last.id]);
  return { items: result.items.map(presentAuditRecord), nextCursor: result.nextCursor };
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
