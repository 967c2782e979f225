import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DatabaseConfig } from './database';
import { DataDirLocked, lockDataDir, PID_FILE, type DataDirLock } from './pglite-lock';

/**
 * Backup and restore, for both engines. PostgreSQL: `pg_dump -Fc` / `pg_restore`, which work while the server runs.
 * Embedded PGlite: its own tarball of the data directory (`dumpDataDir`), taken and restored while no server uses
 * the directory, because PGlite allows one process at a time.
 */

export interface BackupOptions {
  /** Where pg_dump and pg_restore live when they are not on PATH (GEZINSPLAN_PG_BIN). */
  pgBinDir?: string;
}

export interface RestoreOptions extends BackupOptions {
  /** Replace a database that already holds data; without it, restore refuses to overwrite anything. */
  force?: boolean;
}

export interface BackupReport {
  kind: DatabaseConfig['kind'];
  file: string;
  bytes: number;
}

/** A refusal the operator can act on: the CLI prints the message and exits non-zero. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const PG_DUMP_MAGIC = 'PGDMP';
const GZIP_MAGIC = [0x1f, 0x8b];

/** Writes a backup of the database to `file`; a failed or interrupted run never leaves a complete-looking file. */
export async function backupDatabase(config: DatabaseConfig, file: string, options: BackupOptions = {}): Promise<BackupReport> {
  const target = path.resolve(file);
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  await mkdir(path.dirname(target), { recursive: true });
  try {
    if (config.kind === 'postgres') {
      const { url, env } = libpqConnection(config.url);
      await runPgTool('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${url}`], env, options.pgBinDir);
    } else {
      await writeFile(partial, await dumpPglite(requireDataDir(config)));
    }
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return { kind: config.kind, file: target, bytes: (await stat(target)).size };
}

/** Restores `file` into the configured database; refuses to overwrite data without `force`. */
export async function restoreDatabase(config: DatabaseConfig, file: string, options: RestoreOptions = {}): Promise<{ kind: DatabaseConfig['kind']; replaced: boolean }> {
  const source = path.resolve(file);
  if (!existsSync(source)) throw new BackupError(`No backup file at ${source}.`);
  const format = await backupFormat(source);
  if (config.kind === 'postgres') {
    if (format !== 'pg_dump') {
      throw new BackupError(`${source} is not a pg_dump backup (custom format). ${format === 'pglite' ? 'It is an embedded (PGlite) backup: restore it without DATABASE_URL, into GEZINSPLAN_DATA_DIR.' : ''}`.trim());
    }
    return { kind: 'postgres', replaced: await restorePostgres(config.url, source, options) };
  }
  if (format !== 'pglite') {
    throw new BackupError(`${source} is not an embedded (PGlite) backup. ${format === 'pg_dump' ? 'It is a pg_dump backup: restore it with DATABASE_URL set to a PostgreSQL database.' : ''}`.trim());
  }
  return { kind: 'pglite', replaced: await restorePglite(requireDataDir(config), source, options.force ?? false) };
}

async function backupFormat(file: string): Promise<'pg_dump' | 'pglite' | 'unknown'> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString('latin1') === PG_DUMP_MAGIC) return 'pg_dump';
    if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return 'pglite';
    return 'unknown';
  } finally {
    await handle.close();
  }
}

// ---- PostgreSQL ----

async function restorePostgres(databaseUrl: string, file: string, options: RestoreOptions): Promise<boolean> {
  const tables = await userTableCount(databaseUrl);
  if (tables > 0 && !options.force) {
    throw new BackupError(`The database already holds ${tables} table(s). Restore into an empty database, or give --force to replace its contents.`);
  }
  const { url, env } = libpqConnection(databaseUrl);
  // No owners or grants from the source, so a backup restores under whatever role the target uses.
  const common = ['--no-owner', '--no-privileges'];
  if (tables === 0) {
    // One transaction: a restore that fails half-way leaves the database as it was.
    await runPgTool('pg_restore', ['--single-transaction', '--exit-on-error', ...common, `--dbname=${url}`, file], env, options.pgBinDir);
  } else {
    await replaceContents(url, file, common, env, options.pgBinDir);
  }
  return tables > 0;
}

/**
 * Replaces the database's contents in one transaction. Not `pg_restore --clean`: on PostgreSQL 15 it stops at the
 * audit log's partitions ("cannot drop inherited constraint"). Instead psql runs, in one transaction, a fresh public
 * schema and then pg_restore's script; COMMIT is sent only once pg_restore has finished well, so a failure on either
 * side ends the session without it and the database stays as it was.
 */
function replaceContents(url: string, file: string, common: string[], env: NodeJS.ProcessEnv, binDir?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Quiet: dropping the old schema lists every object it drops.
    const psql = startPgTool('psql', ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', `--dbname=${url}`], { ...env, PGOPTIONS: '-c client_min_messages=warning' }, binDir, ['pipe', 'ignore', 'pipe']);
    const script = startPgTool('pg_restore', [...common, '--file=-', file], env, binDir, ['ignore', 'pipe', 'pipe']);
    const stdin = psql.child.stdin!;
    // psql stops at the first error and closes its input; what pg_restore still sends then has nowhere to go.
    stdin.on('error', () => {});
    stdin.write('begin;\ndrop schema public cascade;\ncreate schema public;\n');
    script.child.stdout!.pipe(stdin, { end: false });
    script.done.then(() => stdin.end('commit;\n'), () => stdin.end());
    // If psql gave up, pg_restore would wait forever on a full pipe.
    psql.done.catch(() => script.child.kill());
    void Promise.allSettled([script.done, psql.done]).then(([dumped, applied]) => {
      if (applied.status === 'rejected') reject(applied.reason as Error);
      else if (dumped.status === 'rejected') reject(dumped.reason as Error);
      else resolve();
    });
  });
}

async function userTableCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      `select count(*) as n from pg_catalog.pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** libpq takes the URL as is, but the password goes through the environment so it never shows in `ps`. */
function libpqConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv, binDir?: string): Promise<void> {
  return startPgTool(tool, args, env, binDir, ['ignore', 'ignore', 'pipe']).done;
}

/** Starts one of the PostgreSQL client tools; `done` settles when it exits, with its own words if it failed. */
function startPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv, binDir: string | undefined, stdio: ('pipe' | 'ignore')[]) {
  const child = spawn(binDir ? path.join(binDir, tool) : tool, args, { env: { ...process.env, ...env }, stdio: stdio as ['pipe', 'pipe', 'pipe'] });
  const done = new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT'
        ? new BackupError(`${tool} was not found${binDir ? ` in ${binDir}` : ' on PATH'}. Install the PostgreSQL client tools ` +
          `(the server's major version or newer; on Debian: apt install postgresql-client), or set GEZINSPLAN_PG_BIN to the directory that holds ${tool}.`)
        : error);
    });
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim() || 'no message'}`));
    });
  });
  return { child, done };
}

// ---- PGlite ----

function requireDataDir(config: Extract<DatabaseConfig, { kind: 'pglite' }>): string {
  if (!config.dataDir) throw new BackupError('An in-memory database has nothing to back up or restore: set GEZINSPLAN_DATA_DIR.');
  return path.resolve(config.dataDir);
}

function hasDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** Claims the data directory, or says plainly that a server is using it. */
function claim(dataDir: string, doing: string): DataDirLock {
  try {
    return lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirLocked) {
      throw new BackupError(`Cannot ${doing} ${dataDir}: it is in use by process ${error.pid} (a running Gezinsplan server?). ` +
        'Stop the server first; an embedded database serves one process at a time. (PostgreSQL can be backed up while it runs.)');
    }
    throw error;
  }
}

async function dumpPglite(dataDir: string): Promise<Uint8Array> {
  if (!hasDatabase(dataDir)) throw new BackupError(`There is no database in ${dataDir} to back up.`);
  const lock = claim(dataDir, 'back up');
  try {
    const pglite = await PGlite.create({ dataDir });
    try {
      // Everything on disk in the data files themselves, so the copy does not lean on replaying the WAL.
      await pglite.exec('checkpoint');
      const tarball = await pglite.dumpDataDir('gzip');
      return new Uint8Array(await tarball.arrayBuffer());
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}

/**
 * Unpacks the backup into a staging directory beside the data directory, checks that it opens as a Gezinsplan
 * database, and only then swaps it in by renaming, so a failed restore leaves the old data directory untouched.
 */
async function restorePglite(dataDir: string, file: string, force: boolean): Promise<boolean> {
  const lock = claim(dataDir, 'restore into');
  const suffix = randomBytes(4).toString('hex');
  const staging = `${dataDir}.restore-${suffix}`;
  const previous = `${dataDir}.replaced-${suffix}`;
  try {
    const replacing = hasDatabase(dataDir);
    if (replacing && !force) {
      throw new BackupError(`${dataDir} already holds a database. Restore into an empty directory, or give --force to replace it.`);
    }
    const pglite = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([await readFile(file)]) });
    try {
      await pglite.query('select count(*) from schema_migrations');
    } catch {
      throw new BackupError(`${file} does not hold a Gezinsplan database.`);
    } finally {
      await pglite.close();
    }
    // The backup carries the pid file of the process that took it; in its place, ours, so the directory is
    // claimed from the moment it appears under its real name until this restore is done.
    await writeFile(path.join(staging, PID_FILE), `${process.pid}\n`);
    await rename(dataDir, previous);
    try {
      await rename(staging, dataDir);
    } catch (error) {
      await rename(previous, dataDir);
      throw error;
    }
    return replacing;
  } finally {
    // The pid file now in the data directory is the staged one, ours: releasing removes it.
    lock.release();
    await rm(staging, { recursive: true, force: true });
    await rm(previous, { recursive: true, force: true });
  }
}
