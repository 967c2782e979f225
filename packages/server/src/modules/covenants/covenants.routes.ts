import { z } from 'zod';
import { Covenant, CovenantQuery, Id, listOf, PageQuery, ProposeCovenant } from '@gezinsplan/domain';
import { defineRoute } from '../../platform/http/define-route';
import { decideCovenant, endCovenant, getCovenant, listCovenants, proposeCovenant } from './covenants.service';

const CovenantParams = z.object({ covenantId: Id });

export const covenantsRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/covenants', tag: 'covenants', summary: "My organisation's covenants (administrators: all)",
    access: { permission: 'covenants:read' },
    query: PageQuery.extend(CovenantQuery.shape),
    response: { status: 200, schema: listOf(Covenant) },
    handler: async (ctx, { query }) => ({ body: await listCovenants(ctx, query) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/covenants', tag: 'covenants',
    summary: 'Propose a covenant to another organisation: which data categories, for what purpose, from when to when (org-admin)',
    access: { permission: 'covenants:manage' },
    body: ProposeCovenant,
    response: { status: 201, schema: Covenant },
    handler: async (ctx, { body }) => ({ status: 201, body: await proposeCovenant(ctx, body) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/covenants/:covenantId', tag: 'covenants', summary: 'One covenant (its parties only)',
    access: { permission: 'covenants:read' },
    params: CovenantParams,
    response: { status: 200, schema: Covenant },
    handler: async (ctx, { params }) => ({ body: await getCovenant(ctx, params.covenantId) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/covenants/:covenantId/accept', tag: 'covenants', summary: 'Accept a proposed covenant (org-admin of the other party)',
    access: { permission: 'covenants:manage' },
    params: CovenantParams, ifMatch: 'optional',
    response: { status: 200, schema: Covenant },
    handler: async (ctx, { params, ifMatch }) => ({ body: await decideCovenant(ctx, params.covenantId, 'accept', ifMatch) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/covenants/:covenantId/reject', tag: 'covenants', summary: 'Reject a proposed covenant (org-admin of the other party)',
    access: { permission: 'covenants:manage' },
    params: CovenantParams, ifMatch: 'optional',
    response: { status: 200, schema: Covenant },
    handler: async (ctx, { params, ifMatch }) => ({ body: await decideCovenant(ctx, params.covenantId, 'reject', ifMatch) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/covenants/:covenantId/end', tag: 'covenants', summary: 'End a covenant at once, or withdraw a proposal (org-admin of either party)',
    access: { permission: 'covenants:manage' },
    params: CovenantParams, ifMatch: 'optional',
    response: { status: 200, schema: Covenant },
    handler: async (ctx, { params, ifMatch }) => ({ body: await endCovenant(ctx, params.covenantId, ifMatch) }),
  }),
];
