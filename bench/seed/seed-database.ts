import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Db } from '../../packages/server/src/platform/db/database';
import { migrate } from '../../packages/server/src/platform/db/migrate';
import { PGliteDialect } from '../../packages/server/src/platform/db/pglite-dialect';
import type { Database } from '../../packages/server/src/platform/db/schema';
import { hashPassword } from '../../packages/server/src/platform/auth/passwords';
import { pgliteCopyTarget, postgresCopyTarget, type CopyTarget } from './copy';
import { auditTables, loadOrder, seedRegion, type RegionSummary, type Table } from './region';

/** The password of every generated account. */
export const BENCH_PASSWORD = 'bench-password-long-enough';

export interface SeedOptions {
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  families: number;
  seed: number;
  asOf?: Date;
  onProgress?: (familiesDone: number, seconds: number) => void;
}

export interface SeedResult extends RegionSummary {
  loadSeconds: number;
  analyseSeconds: number;
}

/**
 * Migrates, refuses a database that already holds families, and loads the region in one transaction per
 * connection (a failed load rolls both back and leaves nothing behind), the way PostgreSQL's guide to populating a database advises: COPY, secondary
 * indexes built once at the end rather than row by row, foreign-key triggers off (the generator writes parents
 * first and the seed test checks every reference afterwards), then ANALYZE.
 */
export async function seedDatabase(opts: SeedOptions): Promise<SeedResult> {
  const { db, targets, close } = await open(opts.database);
  const targetOf = (table: Table) => (auditTables.includes(table) ? targets.audit : targets.main);
  const distinct = [...new Set([targets.main, targets.audit])];
  try {
    await migrate(db);
    const existing = await db.selectFrom('families').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) throw new Error(`the database already holds ${existing.n} families; seed an empty one`);
    const asOf = opts.asOf ?? new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const t0 = performance.now();
    const rebuild = new Map<CopyTarget, string[]>();
    for (const target of distinct) {
      await target.query('BEGIN');
      await target.query('SET LOCAL session_replication_role = replica');
      if (target.kind === 'postgres') await target.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      const tables = loadOrder.filter((t) => distinct.length === 1 || targetOf(t) === target);
      const indexes = await target.query<{ name: string; definition: string }>(
        `select i.indexname as name, i.indexdef as definition from pg_indexes i
          join pg_class c on c.relname = i.indexname and c.relnamespace = 'public'::regnamespace
          join pg_index x on x.indexrelid = c.oid
         where i.schemaname = 'public' and i.tablename = any($1) and not x.indisunique and not x.indisprimary`, [tables]);
      for (const i of indexes) await target.query(`DROP INDEX ${i.name}`);
      // pg_indexes gives a partitioned table's index as ON ONLY, which would leave its partitions without one.
      rebuild.set(target, indexes.map((i) => i.definition.replace(' ON ONLY ', ' ON ')));
    }
    const summary = await seedRegion(targetOf, {
      families: opts.families, seed: opts.seed, asOf, passwordHash,
      onChunk: (done) => opts.onProgress?.(done, (performance.now() - t0) / 1000),
    });
    await Promise.all(distinct.map(async (target) => {
      for (const definition of rebuild.get(target)!) await target.query(definition);
    }));
    for (const target of distinct) await target.query('COMMIT');
    const loadSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await targets.main.query('ANALYZE');
    return { ...summary, loadSeconds, analyseSeconds: (performance.now() - t1) / 1000 };
  } catch (error) {
    for (const target of distinct) await target.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await close();
  }
}

async function open(database: SeedOptions['database']): Promise<{ db: Db; targets: { main: CopyTarget; audit: CopyTarget }; close: () => Promise<void> }> {
  if (database.kind === 'postgres') {
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    const main = await postgresCopyTarget(database.url);
    const audit = await postgresCopyTarget(database.url);
    return { db, targets: { main, audit }, close: async () => { await main.close(); await audit.close(); await db.destroy(); } };
  }
  // PGlite has one connection: the migration and the COPYs share it, one after the other.
  const pglite = await PGlite.create({ dataDir: database.dataDir });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const target = pgliteCopyTarget(pglite);
  return { db, targets: { main: target, audit: target }, close: () => db.destroy() };
}

