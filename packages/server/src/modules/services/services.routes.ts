import { z } from 'zod';
import { CatalogueSearchQuery, CreateService, Id, listOf, PageQuery, Service, UpdateService } from '@gezinsplan/domain';
import { definePublicRoute, defineRoute } from '../../platform/http/define-route';
import { createService, listOrganisationServices, searchCatalogue, updateService } from './services.service';
import { hsdsExport } from './hsds';

const OrganisationParams = z.object({ organisationId: Id });
const ServiceParams = OrganisationParams.extend({ serviceId: Id });

export const servicesRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/organisations/:organisationId/services', tag: 'service catalogue',
    summary: 'What an organisation offers: its services, by name',
    access: { permission: 'catalogue:read' },
    params: OrganisationParams, query: PageQuery,
    response: { status: 200, schema: listOf(Service) },
    handler: async (ctx, { params, query }) => ({ body: await listOrganisationServices(ctx, params.organisationId, query) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/organisations/:organisationId/services', tag: 'service catalogue',
    summary: "Describe a service the organisation offers (the organisation's admin)",
    access: { permission: 'services:manage' },
    params: OrganisationParams, body: CreateService,
    response: { status: 201, schema: Service },
    handler: async (ctx, { params, body }) => ({ status: 201, body: await createService(ctx, params.organisationId, body) }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/organisations/:organisationId/services/:serviceId', tag: 'service catalogue',
    summary: "Change a service, or stop offering it (status inactive; the organisation's admin)",
    access: { permission: 'services:manage' },
    params: ServiceParams, body: UpdateService, ifMatch: 'required',
    response: { status: 200, schema: Service },
    handler: async (ctx, { params, body, ifMatch }) => ({ body: await updateService(ctx, params.organisationId, params.serviceId, ifMatch, body) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/catalogue/search', tag: 'service catalogue',
    summary: 'Who can help with this? Services by life domain, age, place and words',
    access: { permission: 'catalogue:read' },
    query: PageQuery.extend(CatalogueSearchQuery.shape),
    response: { status: 200, schema: listOf(Service) },
    handler: async (ctx, { query }) => ({ body: await searchCatalogue(ctx, query) }),
  }),
  definePublicRoute({
    method: 'GET', url: '/api/v1/catalogue/hsds', tag: 'service catalogue',
    summary: 'The whole catalogue as Open Referral HSDS 3.0 JSON (open data)',
    access: { public: 'the service directory is open data: what organisations offer, with no family or personal data' },
    response: { status: 200, schema: z.object({ hsds_version: z.literal('3.0') }).loose() },
    handler: async (ctx) => ({ body: await hsdsExport(ctx.db, ctx.now) }),
  }),
];
