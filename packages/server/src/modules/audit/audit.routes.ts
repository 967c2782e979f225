import { AuditQuery, AuditRecord, IdParams, listOf, PageQuery } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { listFamilyAudit } from './audit.service';

export const auditRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/audit', tag: 'audit',
    summary: "Who accessed this family's file (coordinator; privacy officers of an involved organisation; the family's own members)",
    access: { family: 'audit:read', action: 'R', resource: 'audit-log', event: 'audit.read' },
    params: IdParams, query: PageQuery.extend(AuditQuery.shape),
    response: { status: 200, schema: listOf(AuditRecord) },
    handler: async (scope, { query }) => ({ body: await listFamilyAudit(scope, query) }),
  }),
];
