import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../packages/server/src/platform/db/database';
import { sql } from 'kysely';
import { freePort, runCli as run } from '../support/server-process';

const cli = path.resolve('packages/server/src/cli.ts');

/** Where this project's runs keep their data: a temp PGlite directory, or an empty PostgreSQL database. */
interface Target {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

async function emptyTarget(): Promise<Target> {
  const templateUrl = process.env.GP_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  if (templateUrl) {
    const base = new URL(templateUrl);
    const name = `${base.pathname.slice(1)}_cli${randomBytes(3).toString('hex')}`;
    const adminUrl = new URL(templateUrl);
    adminUrl.pathname = '/postgres';
    const c = new pg.Client({ connectionString: adminUrl.toString() });
    await c.connect();
    await c.query(`create database "${name}"`);
    await c.end();
    base.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: base.toString() },
      dispose: async () => {
        const d = new pg.Client({ connectionString: adminUrl.toString() });
        await d.connect();
        await d.query(`drop database if exists "${name}" with (force)`);
        await d.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-cli-'));
  return { env: { GEZINSPLAN_DATA_DIR: dir }, dispose: () => rm(dir, { recursive: true, force: true }) };
}


/** Starts `serve` and resolves once it says where it listens; the caller stops it. */
function serve(env: Record<string, string>): Promise<{ stop: () => Promise<void>; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve'], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' } });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/listening on http/.test(out)) {
        resolve({
          output: () => out,
          stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

describe('the command line', () => {
  let target: Target;
  beforeAll(async () => { target = await emptyTarget(); });
  afterAll(async () => { await target.dispose(); });

  it('refuses to start on an empty database without a first admin, and says how', async () => {
    const result = await run(['serve'], { ...target.env, PORT: String(await freePort()), GEZINSPLAN_ADMIN_EMAIL: '', GEZINSPLAN_ADMIN_PASSWORD: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('GEZINSPLAN_ADMIN_EMAIL');
    expect(result.stderr).toContain('GEZINSPLAN_ADMIN_PASSWORD');
  });

  it('creates the first admin from the environment, serves health and readiness, and verifies its audit log', async () => {
    const port = await freePort();
    const server = await serve({
      ...target.env, PORT: String(port), HOST: '127.0.0.1',
      GEZINSPLAN_ADMIN_EMAIL: 'Beheer@Example.nl', GEZINSPLAN_ADMIN_PASSWORD: 'een lange beheerderszin',
    });
    try {
      expect(server.output()).toContain('First administrator');
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'beheer@example.nl', password: 'een lange beheerderszin' }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: { roles: string[] } }).user.roles).toEqual(['admin']);
      const page = await fetch(`${base}/`);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      await server.stop();
    }

    const migrate = await run(['migrate'], target.env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('up to date');
    const verified = await run(['audit', 'verify'], target.env);
    expect(verified.stdout).toMatch(/Audit log intact: \d+ records in 1 chains/);
    expect(verified.code).toBe(0);
  });

  it('exits non-zero and names the record when the audit log was tampered with', async () => {
    const handle = await openDatabase(target.env.DATABASE_URL ? { kind: 'postgres', url: target.env.DATABASE_URL } : { kind: 'pglite', dataDir: target.env.GEZINSPLAN_DATA_DIR! });
    const first = await handle.db.selectFrom('audit_events').select(['id']).orderBy('seq').executeTakeFirstOrThrow();
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(handle.db);
    await sql`update audit_events set ip = '10.0.0.1' where id = ${first.id}`.execute(handle.db);
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(handle.db);
    await handle.close();
    const verified = await run(['audit', 'verify'], target.env);
    expect(verified.code).toBe(2);
    expect(verified.stderr).toContain(first.id);
  });

  it('prints usage for an unknown command and fails', async () => {
    const result = await run(['frobnicate'], target.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('gezinsplan <command>');
  });
});
