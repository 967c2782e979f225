import { BreakGlassGrant, Id, IdParams, listOf, OpenBreakGlass } from '@gezinsplan/domain';
import { defineFamilyRoute } from '../../platform/http/define-route';
import { closeBreakGlass, listBreakGlass, openBreakGlass } from './break-glass.service';

export const breakGlassRoutes = [
  defineFamilyRoute({
    method: 'GET', url: '/api/v1/families/:familyId/break-glass', tag: 'break-glass', summary: 'Every break-the-glass in this family',
    access: { family: 'team:read', action: 'R', resource: 'break-glass', event: 'break-glass.listed' },
    params: IdParams,
    response: { status: 200, schema: listOf(BreakGlassGrant) },
    handler: async (scope) => ({ body: await listBreakGlass(scope) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/break-glass', tag: 'break-glass',
    summary: 'Open categories outside consent in acute danger, with a written reason, for at most 24 hours (team member)',
    access: { family: 'break-glass:open', action: 'E', resource: 'break-glass', event: 'break-glass.opened' },
    params: IdParams, body: OpenBreakGlass,
    response: { status: 201, schema: BreakGlassGrant },
    handler: async (scope, { body }) => ({ status: 201, body: await openBreakGlass(scope, body) }),
  }),
  defineFamilyRoute({
    method: 'POST', url: '/api/v1/families/:familyId/break-glass/:grantId/close', tag: 'break-glass',
    summary: 'Close my break-the-glass before it expires',
    access: { family: 'break-glass:open', action: 'U', resource: 'break-glass', event: 'break-glass.closed' },
    params: IdParams.extend({ grantId: Id }), ifMatch: 'optional',
    response: { status: 200, schema: BreakGlassGrant },
    handler: async (scope, { params, ifMatch }) => ({ body: await closeBreakGlass(scope, params.grantId, ifMatch) }),
  }),
];
