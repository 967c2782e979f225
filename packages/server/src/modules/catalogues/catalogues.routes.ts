import { z } from 'zod';
import { CollaborationCatalogue, listOf, NonEmptyText, PublishedCollaborationCatalogue } from '@gezinsplan/domain';
import { defineRoute } from '../../platform/http/define-route';
import { getCollaborationCatalogue, listCollaborationCatalogues, publishCollaborationCatalogue } from './collaboration-catalogue.service';

const LifeDomain = z.object({
  code: z.string(), group: z.string(), nameNl: z.string(), plainNl: z.string(), nameEn: z.string(), sortOrder: z.int(),
});

export const cataloguesRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/catalogues/life-domains', tag: 'catalogues',
    summary: 'The life domains (ZRM 2017 plus household and child domains), by stable code',
    access: { permission: 'catalogue:read' },
    response: { status: 200, schema: listOf(LifeDomain) },
    handler: async (ctx) => {
      const rows = await ctx.db.selectFrom('life_domains').selectAll().where('active', '=', true).orderBy('sort_order').execute();
      return {
        body: {
          items: rows.map((r) => ({ code: r.code, group: r.domain_group, nameNl: r.name_nl, plainNl: r.plain_nl, nameEn: r.name_en, sortOrder: r.sort_order })),
          nextCursor: null,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/catalogues/collaboration-components', tag: 'catalogues',
    summary: 'The collaboration components organisations evaluate integrated work against, as in use now',
    access: { permission: 'catalogue:read' },
    response: { status: 200, schema: PublishedCollaborationCatalogue },
    handler: async (ctx) => ({ body: await getCollaborationCatalogue(ctx.db, undefined) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/catalogues/collaboration-components/versions', tag: 'catalogues',
    summary: 'Every version of the collaboration components ever in use, newest first',
    access: { permission: 'catalogue:read' },
    response: { status: 200, schema: listOf(PublishedCollaborationCatalogue) },
    handler: async (ctx) => ({ body: await listCollaborationCatalogues(ctx.db) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/catalogues/collaboration-components/versions/:version', tag: 'catalogues',
    summary: 'One version of the collaboration components, current or earlier (old evaluations read against theirs)',
    access: { permission: 'catalogue:read' },
    params: z.object({ version: NonEmptyText(50) }),
    response: { status: 200, schema: PublishedCollaborationCatalogue },
    handler: async (ctx, { params }) => ({ body: await getCollaborationCatalogue(ctx.db, params.version) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/catalogues/collaboration-components', tag: 'catalogues',
    summary: 'Publish a new version of the collaboration components; it replaces the current one for new evaluations (admins)',
    access: { permission: 'catalogue:manage' },
    body: CollaborationCatalogue,
    response: { status: 201, schema: PublishedCollaborationCatalogue },
    handler: async (ctx, { body }) => ({ status: 201, body: await publishCollaborationCatalogue(ctx, body) }),
  }),
];
