import { sql } from 'kysely';
import { z } from 'zod';
import { Id } from '@gezinsplan/domain';
import { definePublicRoute } from '../../platform/http/define-route';
import { notFound } from '../../platform/http/app-error';

/**
 * The load benchmark's ceiling: the same server, the same pool, one primary-key SELECT and a small JSON answer.
 * What a family route costs beyond this is ours to explain. Registered only when the benchmark asks for it.
 */
export const benchCeilingRoutes = [
  definePublicRoute({
    method: 'GET', url: '/bench/ceiling/:id', tag: 'health', summary: 'Benchmark ceiling: one primary-key SELECT',
    access: { public: 'benchmarks only (GEZINSPLAN_BENCH_CEILING=true); reads an organisation id, nothing personal' },
    params: z.strictObject({ id: Id }),
    response: { status: 200, schema: z.object({ id: Id }) },
    handler: async (ctx, { params }) => {
      const row = (await sql<{ id: string }>`select id from organisations where id = ${params.id}`.execute(ctx.db)).rows[0];
      if (!row) throw notFound();
      return { body: { id: row.id } };
    },
  }),
];
