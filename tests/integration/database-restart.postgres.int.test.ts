import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../packages/server/src/platform/db/database';
import { buildApp } from '../../packages/server/src/app';
import { createAdmin } from '../../packages/server/src/bootstrap';
import { verifyAuditLog } from '../../packages/server/src/platform/audit/audit-verify';
import { makeFamily, makeProfessional, PASSWORD, signIn, type TestApp } from '../support/test-app';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * The database goes away under a running server and comes back: the server answers 503 problem+json with
 * Retry-After while it is gone (never a 500, never a hang), and serves again by itself once it is back.
 * PostgreSQL only: the app reaches its database through a TCP proxy the test can cut.
 */

/** Longer than anything the server may take to give up on its database (5 s to get a connection, twice). */
const HANG = 30_000;

interface Answer {
  route: string;
  startedAt: number;
  answeredAt: number;
  status: number | 'no answer';
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
}

let t: TestApp;
let handle: DatabaseHandle;
let proxy: TcpProxy;
let base: string;
let cookie: string;
let csrf: string;
let familyId: string;
let dbName: string;
let adminUrl: string;
/** A connection of the test's own, straight to PostgreSQL, past the proxy. */
let direct: pg.Client;

beforeAll(async () => {
  const templateUrl = new URL(inject('postgresTemplate'));
  const template = templateUrl.pathname.slice(1);
  dbName = `${template}_rs${randomBytes(4).toString('hex')}`;
  adminUrl = Object.assign(new URL(templateUrl), { pathname: '/postgres' }).toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}" template "${template}"`);
  await admin.end();
  direct = new pg.Client({ connectionString: Object.assign(new URL(templateUrl), { pathname: `/${dbName}` }).toString() });
  await direct.connect();

  proxy = await startTcpProxy({ host: templateUrl.hostname, port: Number(templateUrl.port || 5432) });
  const viaProxy = Object.assign(new URL(templateUrl), { hostname: '127.0.0.1', port: String(proxy.port), pathname: `/${dbName}` });
  handle = await openDatabase({ kind: 'postgres', url: viaProxy.toString(), poolSize: 5 });
  await createAdmin(handle.db, { email: 'admin@test.nl', password: PASSWORD, name: 'Test Admin' });
  const app = await buildApp({ db: handle.db, logLevel: 'silent', checkResponses: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  t = { app, db: handle.db, kind: 'postgres', admin: await signIn(app, 'admin@test.nl'), close: async () => { await app.close(); } };

  const pro = await makeProfessional(t);
  familyId = (await makeFamily(pro.client)).id;
  // The professional signs in over real HTTP, as a browser would.
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: pro.email, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
});

afterAll(async () => {
  await t?.close();
  await handle?.close();
  await proxy?.close();
  await direct?.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
});

const routes = {
  plan: () => ({ url: `/api/v1/families/${familyId}/plan` }),
  family: () => ({ url: `/api/v1/families/${familyId}` }),
  ready: () => ({ url: '/readyz' }),
  goal: () => ({
    url: `/api/v1/families/${familyId}/goals`, method: 'POST',
    body: { title: 'Elke ochtend op tijd op school', lifeDomain: 'financien', memberIds: [] },
  }),
} as const;
type Route = keyof typeof routes;

/** One request over HTTP, bounded: a server that hangs shows as 'no answer', not as a test that never ends. */
async function ask(route: Route): Promise<Answer> {
  const { url, method, body } = { method: 'GET', body: undefined, ...routes[route]() } as { url: string; method: string; body?: unknown };
  const startedAt = performance.now();
  try {
    const res = await fetch(base + url, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(HANG),
    });
    const text = await res.text();
    return {
      route, startedAt, answeredAt: performance.now(), status: res.status, contentType: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'),
      body: text.startsWith('{') ? JSON.parse(text) : text,
    };
  } catch {
    return { route, startedAt, answeredAt: performance.now(), status: 'no answer', contentType: null, retryAfter: null, body: null };
  }
}

/** A stream of requests from several clients at once, until `stop` is set; every answer is kept. */
function load(clients: number, mix: Route[]): { answers: Answer[]; stop: () => Promise<void> } {
  const answers: Answer[] = [];
  let running = true;
  const workers = Array.from({ length: clients }, async (_, w) => {
    for (let i = w; running; i++) answers.push(await ask(mix[i % mix.length]!));
  });
  return { answers, stop: async () => { running = false; await Promise.all(workers); } };
}

/** Waits for a condition on what has happened (not for an amount of time), with a generous bound. */
async function until(what: string, condition: () => boolean | Promise<boolean>, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await condition()) return;
    await sleep(100);
  }
  throw new Error(`gave up waiting until ${what}`);
}

function expectServiceUnavailable(answers: Answer[]): void {
  for (const a of answers) {
    expect(a, `${a.route} while the database is away`).toMatchObject({
      status: 503, contentType: expect.stringContaining('application/problem+json'), retryAfter: expect.stringMatching(/^\d+$/),
      body: { status: 503, code: 'SERVICE_UNAVAILABLE' },
    });
  }
}

/** Every answer is a success or a proper 503: nothing else, and never none at all. */
function expectOnlySuccessOr503(answers: Answer[]): void {
  for (const a of answers) {
    if (a.status === 503) expectServiceUnavailable([a]);
    else expect([200, 201], `${a.route} answered ${a.status}: ${JSON.stringify(a.body)}`).toContain(a.status);
  }
}

/** Holds a lock that makes creating a goal wait inside the gate, and answers the backend pid of the waiting request. */
async function blockGoalCreation(): Promise<{ waitingPid: () => Promise<number>; release: () => Promise<void> }> {
  await direct.query('begin');
  await direct.query('lock table goals in exclusive mode');
  const waiting = async () => {
    // Inside a transaction the activity view is a snapshot taken once; look afresh each time.
    await direct.query('select pg_stat_clear_snapshot()');
    return (await direct.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = $1 and wait_event_type = 'Lock' and query ilike 'insert into "goals"%'`, [dbName],
    )).rows[0]?.pid;
  };
  return {
    waitingPid: async () => {
      let pid: number | undefined;
      await until('the request waits for the lock inside the gate', async () => (pid = await waiting()) !== undefined);
      return pid!;
    },
    release: async () => { await direct.query('rollback'); },
  };
}

/** Failed attempts to create a goal in the audit log, recorded as a lost database (not as an internal error). */
async function goalFailures(): Promise<number> {
  const r = await direct.query<{ n: string }>(
    `select count(*) as n from audit_events where family_id = $1 and event_type = 'goal.created' and outcome = 'failure'
       and detail->>'error' = 'SERVICE_UNAVAILABLE'`, [familyId],
  );
  return Number(r.rows[0]!.n);
}

describe('the database goes away and comes back', () => {
  it('answers 503 problem+json with Retry-After under load while it is gone, and recovers by itself', async () => {
    expect((await ask('plan')).status).toBe(200);
    expect((await ask('ready')).status).toBe(200);

    const stream = load(6, ['plan', 'family', 'ready', 'plan', 'goal']);
    await until('the stream is under way', () => stream.answers.filter((a) => a.status === 200).length >= 20);
    await proxy.cut();
    const cutAt = performance.now();
    await until('many requests were answered while the database is away', () => stream.answers.filter((a) => a.startedAt > cutAt).length >= 60);
    // (A request asked just before the database is back may wait for a connection and be served once it is.)
    const resumedAt = performance.now();
    await proxy.resume();
    const backAt = performance.now();
    await until('the server serves again', () => stream.answers.filter((a) => a.startedAt > backAt && a.status === 200).length >= 30);
    await stream.stop();

    const { answers } = stream;
    expectOnlySuccessOr503(answers);
    // Asked after the cut and answered before the database came back: every one a 503, for reads, writes and readiness alike.
    const whileDown = answers.filter((a) => a.startedAt > cutAt && a.answeredAt < resumedAt);
    expect(new Set(whileDown.map((a) => a.route))).toEqual(new Set(['plan', 'family', 'ready', 'goal']));
    expectServiceUnavailable(whileDown);
    // Asked once it was back: all served, without restarting anything.
    const afterwards = answers.filter((a) => a.startedAt > backAt);
    for (const a of afterwards) expect([200, 201], `${a.route} after recovery: ${a.status} ${JSON.stringify(a.body)}`).toContain(a.status);
    expect(new Set(afterwards.map((a) => a.route))).toEqual(new Set(['plan', 'family', 'ready', 'goal']));
    expect((await verifyAuditLog(handle.db)).ok).toBe(true);
  }, 180_000);

  it('answers 503, not a hang, when the database accepts connections but never answers', async () => {
    await proxy.blackHole();
    try {
      const answers = await Promise.all((['plan', 'family', 'ready', 'goal', 'plan', 'plan', 'family', 'goal'] as const).map((r) => ask(r)));
      expectServiceUnavailable(answers);
    } finally {
      await proxy.resume();
    }
    expect((await ask('plan')).status).toBe(200);
  }, 180_000);

  it('records a failure and answers 503 when its connection is terminated inside the gate (pg_terminate_backend)', async () => {
    const failuresBefore = await goalFailures();
    const goalsBefore = Number((await direct.query<{ n: string }>('select count(*) as n from goals where family_id = $1', [familyId])).rows[0]!.n);
    const lock = await blockGoalCreation();
    try {
      const answer = ask('goal');
      const pid = await lock.waitingPid();
      await direct.query('select pg_terminate_backend($1)', [pid]);
      expectServiceUnavailable([await answer]);
    } finally {
      await lock.release();
    }
    // The database was reachable, so the gate recorded the failed attempt; the goal itself was never created.
    expect(await goalFailures()).toBe(failuresBefore + 1);
    expect(Number((await direct.query<{ n: string }>('select count(*) as n from goals where family_id = $1', [familyId])).rows[0]!.n)).toBe(goalsBefore);
    expect((await ask('goal')).status).toBe(201);
    expect((await verifyAuditLog(handle.db)).ok).toBe(true);
  }, 180_000);

  it('answers 503, not a 500, when the database goes away while the gate is at work and cannot record the failure', async () => {
    const lock = await blockGoalCreation();
    try {
      const answer = ask('goal');
      await lock.waitingPid();
      await proxy.cut();
      expectServiceUnavailable([await answer]);
    } finally {
      await lock.release();
      await proxy.resume();
    }
    expect((await ask('plan')).status).toBe(200);
    expect((await verifyAuditLog(handle.db)).ok).toBe(true);
  }, 180_000);
});
