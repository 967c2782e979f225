import { z } from 'zod';
import { listOf } from '@gezinsplan/domain';
import { defineRoute } from '../../platform/http/define-route';

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
];
