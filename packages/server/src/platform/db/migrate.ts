import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { defaultLifeDomains } from '@gezinsplan/domain';
import type { Db } from './database';

const migrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** Any fixed number: it serialises concurrent migrators (several app servers starting at once). */
const MIGRATION_LOCK = 7_513_2026;

/**
 * Applies the timestamped SQL files in `migrations/` that have not run yet, each in its own transaction,
 * then makes sure the catalogue seeds and this month's audit partitions exist. Safe to run from many servers.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(tx);
    const done = new Set((await tx.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      const text = await readFile(migrationsDir + file, 'utf8');
      await sql.raw(text).execute(tx);
      await tx.insertInto('schema_migrations').values({ name: file }).execute();
      applied.push(file);
    }
    await seedLifeDomains(tx);
  });
  await ensureAuditPartitions(db, new Date());
  return applied;
}

/** The names of migrations on disk that the database has not applied; empty means ready. */
let migrationFiles: string[] | null = null;

export async function pendingMigrations(db: Db): Promise<string[]> {
  // The files ship with the code, so one look is enough; /readyz asks often.
  migrationFiles ??= (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql'));
  const files = migrationFiles;
  const exists = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return files;
  const done = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
  return files.filter((f) => !done.has(f));
}

async function seedLifeDomains(db: Db): Promise<void> {
  await db
    .insertInto('life_domains')
    .values(defaultLifeDomains.map((d, i) => ({
      code: d.code, domain_group: d.group, name_nl: d.nameNl, plain_nl: d.plainNl, name_en: d.nameEn, sort_order: i + 1,
    })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/**
 * Creates the audit log's monthly partitions from this month to two months ahead. Rows outside them land in the
 * default partition, so a missed run never loses a record; it only makes that month's archiving less neat.
 */
export async function ensureAuditPartitions(db: Db, now: Date): Promise<void> {
  for (let ahead = 0; ahead <= 2; ahead++) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const name = `audit_events_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
    const exists = await sql<{ t: string | null }>`select to_regclass(${name})::text as t`.execute(db);
    if (exists.rows[0]?.t) continue;
    try {
      await db.transaction().execute(async (tx) => {
        await sql.raw(
          `create table ${name} partition of audit_events for values from ('${from.toISOString()}') to ('${to.toISOString()}')`,
        ).execute(tx);
        await sql.raw(
          `create trigger ${name}_no_truncate before truncate on ${name} for each statement execute function audit_events_append_only()`,
        ).execute(tx);
      });
    } catch {
      // Another server created it first, or the default partition already holds rows of that month: both harmless.
    }
  }
}
