import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../../packages/server/src/platform/db/database';

const cli = path.resolve('packages/server/src/cli.ts');

/**
 * Data of its own for a server process: a copy of the migrated PGlite template in a temp directory, or a new
 * PostgreSQL database made from the migrated template, so the test starts from a migrated, empty database.
 */
export interface DataTarget {
  /** What the CLI reads to find the data (GEZINSPLAN_DATA_DIR or DATABASE_URL). */
  env: Record<string, string>;
  /** The same data, for opening it in the test process while no server holds it. */
  config: DatabaseConfig;
  dispose(): Promise<void>;
}

export async function freshDataTarget(): Promise<DataTarget> {
  if (process.env.GP_TEST_DB === 'postgres') {
    const templateUrl = new URL(inject('postgresTemplate'));
    const template = templateUrl.pathname.slice(1);
    const name = `${template}_p${randomBytes(4).toString('hex')}`;
    const adminUrl = new URL(templateUrl);
    adminUrl.pathname = '/postgres';
    const admin = async (statement: string) => {
      const c = new pg.Client({ connectionString: adminUrl.toString() });
      await c.connect();
      try { await c.query(statement); } finally { await c.end(); }
    };
    await admin(`create database "${name}" template "${template}"`);
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      config: { kind: 'postgres', url: url.toString(), poolSize: 5 },
      dispose: () => admin(`drop database if exists "${name}" with (force)`),
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-proc-'));
  await cp(inject('pgliteTemplate'), dir, { recursive: true });
  return {
    env: { GEZINSPLAN_DATA_DIR: dir },
    config: { kind: 'pglite', dataDir: dir },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Stops it as an operator would (SIGTERM: finish, close the database) and waits until it has gone. */
  stop(): Promise<void>;
  /** Kills it without warning (SIGKILL: no shutdown code runs at all) and waits until it has gone. */
  kill(): Promise<void>;
  output(): string;
}

/** Starts `gezinsplan serve` in a child process on a free port and resolves once it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  let out = '';
  const collect = (d: Buffer) => (out += d.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = () => { if (/listening on http/.test(out)) { child.stdout.off('data', onData); child.off('exit', onExit); resolve(); } };
    const onExit = (code: number | null) => reject(new Error(`serve exited with ${code} before it listened: ${out}`));
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
  const signal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid!, stop: signal('SIGTERM'), kill: signal('SIGKILL'), output: () => out };
}

/** Runs one CLI command to its end. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `gezinsplan serve` and resolves once it says where it listens; the caller stops it. */
export function serveCli(env: Record<string, string>): Promise<{ pid: number; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve'], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' } });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/listening on http/.test(out)) {
        resolve({ pid: child.pid!, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}
