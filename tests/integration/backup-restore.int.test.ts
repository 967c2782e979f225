import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseConfig } from '../../packages/server/src/platform/db/database';
import { PID_FILE } from '../../packages/server/src/platform/db/pglite-lock';
import { freePort, runCli, serveCli } from '../support/server-process';

/**
 * `gezinsplan backup` and `gezinsplan restore`, run as an operator would: a database seeded with the demo region is
 * backed up and restored elsewhere, and the copy has the same rows in every table and an intact audit log.
 * On PostgreSQL that is pg_dump/pg_restore; on the embedded database a tarball of the data directory.
 */

const onPostgres = process.env.GP_TEST_DB === 'postgres';

/** A database of its own: an empty PostgreSQL database (named after the run's, so CI's cleanup finds leftovers) or a data directory yet to be made. */
interface Target {
  env: Record<string, string>;
  config: DatabaseConfig;
  dataDir?: string;
  dispose(): Promise<void>;
}

async function emptyTarget(): Promise<Target> {
  if (onPostgres) {
    const base = new URL(process.env.TEST_DATABASE_URL!);
    const name = `${base.pathname.slice(1)}_bk${randomBytes(4).toString('hex')}`;
    const adminUrl = Object.assign(new URL(base), { pathname: '/postgres' }).toString();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
    return {
      env: { DATABASE_URL: url },
      config: { kind: 'postgres', url, poolSize: 2 },
      dispose: async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      },
    };
  }
  const parent = await mkdtemp(path.join(tmpdir(), 'gezinsplan-backup-'));
  const dataDir = path.join(parent, 'data');
  return {
    env: { GEZINSPLAN_DATA_DIR: dataDir, DATABASE_URL: '' },
    config: { kind: 'pglite', dataDir },
    dataDir,
    dispose: () => rm(parent, { recursive: true, force: true }),
  };
}

/** The number of rows in every table of the schema, by name. */
async function rowCounts(config: DatabaseConfig): Promise<Record<string, number>> {
  const handle = await openDatabase(config);
  try {
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(handle.db);
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      counts[name] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(handle.db)).rows[0]!.n;
    }
    return counts;
  } finally {
    await handle.close();
  }
}

async function deleteSessions(config: DatabaseConfig): Promise<void> {
  const handle = await openDatabase(config);
  try {
    await sql`delete from sessions`.execute(handle.db);
  } finally {
    await handle.close();
  }
}

/** The id of a process that has come and gone, as a server killed with -9 leaves in its pid file. */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.once('exit', () => resolve(child.pid!));
  });
}

describe('backup and restore', () => {
  const targets: Target[] = [];
  let work: string;
  let source: Target;
  let backupFile: string;
  let seeded: Record<string, number>;

  const target = async () => {
    const t = await emptyTarget();
    targets.push(t);
    return t;
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'gezinsplan-backups-'));
    source = await target();
    const seed = await runCli(['seed-demo'], source.env);
    expect(seed.stderr).toBe('');
    expect(seed.code).toBe(0);
    seeded = await rowCounts(source.config);
    backupFile = path.join(work, onPostgres ? 'gezinsplan.dump' : 'gezinsplan.tar.gz');
    const backup = await runCli(['backup', backupFile], source.env);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain('Backup written');
    expect(backup.code).toBe(0);
  }, 300_000);

  afterAll(async () => {
    for (const t of targets) await t.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('round-trips a seeded database: every table has as many rows as before, and the audit log verifies', async () => {
    // The demo region is really there: families, their plans, and the audit log of seeding them.
    expect(seeded.families).toBeGreaterThan(0);
    expect(seeded.goals).toBeGreaterThan(0);
    expect(seeded.audit_events).toBeGreaterThan(0);
    const copy = await target();
    const restored = await runCli(['restore', backupFile], copy.env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(await rowCounts(copy.config)).toEqual(seeded);
    const verified = await runCli(['audit', 'verify'], copy.env);
    expect(verified.stdout).toMatch(/Audit log intact: \d+ records/);
    expect(verified.code).toBe(0);
  }, 180_000);

  it('will not overwrite a database without --force; with it, the contents are replaced by the backup', async () => {
    const copy = await target();
    expect((await runCli(['restore', backupFile], copy.env)).code).toBe(0);
    await deleteSessions(copy.config);

    const refused = await runCli(['restore', backupFile], copy.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect((await rowCounts(copy.config)).sessions).toBe(0);

    const forced = await runCli(['restore', backupFile, '--force'], copy.env);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(await rowCounts(copy.config)).toEqual(seeded);
    expect((await runCli(['audit', 'verify'], copy.env)).code).toBe(0);
  }, 180_000);

  it("refuses a backup of the other engine, and says which it is", async () => {
    const copy = await target();
    const foreign = path.join(work, 'foreign-backup');
    await writeFile(foreign, onPostgres ? gzipSync(Buffer.from('not a dump')) : Buffer.from('PGDMP and then some'));
    const refused = await runCli(['restore', foreign], copy.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(onPostgres ? 'embedded (PGlite) backup' : 'pg_dump backup');
  }, 180_000);

  it.skipIf(onPostgres)('leaves an embedded data directory alone while a server runs on it, and takes over a stale pid file', async () => {
    const copy = await target();
    expect((await runCli(['restore', backupFile], copy.env)).code).toBe(0);
    const server = await serveCli({ ...copy.env, PORT: String(await freePort()), HOST: '127.0.0.1' });
    try {
      const restore = await runCli(['restore', backupFile, '--force'], copy.env);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain(`in use by process ${server.pid}`);
      const backup = await runCli(['backup', path.join(work, 'while-serving.tar.gz')], copy.env);
      expect(backup.code).toBe(1);
      expect(backup.stderr).toContain('Stop the server first');
      expect(existsSync(path.join(work, 'while-serving.tar.gz'))).toBe(false);
    } finally {
      await server.stop();
    }
    // A clean stop gives the directory back; a hard kill leaves a pid file of a process that no longer lives.
    expect(existsSync(path.join(copy.dataDir!, PID_FILE))).toBe(false);
    await writeFile(path.join(copy.dataDir!, PID_FILE), `${await deadPid()}\n`);
    const forced = await runCli(['restore', backupFile, '--force'], copy.env);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(existsSync(path.join(copy.dataDir!, PID_FILE))).toBe(false);
    expect(await rowCounts(copy.config)).toEqual(seeded);
  }, 240_000);

  it.skipIf(!onPostgres)('says plainly what to install when pg_dump is missing', async () => {
    const file = path.join(work, 'no-tools.dump');
    const result = await runCli(['backup', file], { ...source.env, PATH: '/nonexistent', GEZINSPLAN_PG_BIN: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pg_dump was not found');
    expect(result.stderr).toContain('GEZINSPLAN_PG_BIN');
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});
