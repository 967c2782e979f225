import { z } from 'zod';
import { CreateOrganisation, Id, listOf, Organisation, OrganisationKind, PageQuery, UpdateOrganisation } from '@gezinsplan/domain';
import { defineRoute } from '../../platform/http/define-route';
import { createOrganisation, listOrganisations, updateOrganisation } from './organisations.service';

export const organisationsRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/organisations', tag: 'organisations', summary: 'List the organisations that take part',
    access: { permission: 'organisations:read' },
    query: PageQuery.extend({ kind: OrganisationKind.optional() }),
    response: { status: 200, schema: listOf(Organisation) },
    handler: async (ctx, { query }) => ({ body: await listOrganisations(ctx, query) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/organisations', tag: 'organisations', summary: 'Register an organisation (admins)',
    access: { permission: 'organisations:manage' },
    body: CreateOrganisation,
    response: { status: 201, schema: Organisation },
    handler: async (ctx, { body }) => ({ status: 201, body: await createOrganisation(ctx, body) }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/organisations/:organisationId', tag: 'organisations',
    summary: 'Rename an organisation (admins), or require a second factor of all its people (its org-admin)',
    access: { permission: 'organisations:configure' },
    params: z.object({ organisationId: Id }), body: UpdateOrganisation, ifMatch: 'required',
    response: { status: 200, schema: Organisation },
    handler: async (ctx, { params, body, ifMatch }) => ({ body: await updateOrganisation(ctx, params.organisationId, ifMatch, body) }),
  }),
];
