import { sql } from 'kysely';
import { z } from 'zod';
import { definePublicRoute } from '../../platform/http/define-route';
import { AppError } from '../../platform/http/app-error';
import { pendingMigrations } from '../../platform/db/migrate';

export const healthRoutes = [
  definePublicRoute({
    method: 'GET', url: '/healthz', tag: 'health', summary: 'The process is up',
    access: { public: 'load balancers probe it; it says nothing about data' },
    response: { status: 200, schema: z.object({ status: z.literal('ok') }) },
    handler: async () => ({ body: { status: 'ok' } }),
  }),
  definePublicRoute({
    method: 'GET', url: '/readyz', tag: 'health', summary: 'The database is reachable and fully migrated',
    access: { public: 'load balancers probe it; it says nothing about data' },
    response: { status: 200, schema: z.object({ status: z.literal('ready') }) },
    handler: async (ctx) => {
      try {
        await sql`select 1`.execute(ctx.db);
        if ((await pendingMigrations(ctx.db)).length > 0) throw new Error('pending migrations');
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE', 'Not ready: the database is unreachable or not migrated.');
      }
      return { body: { status: 'ready' } };
    },
  }),
];
