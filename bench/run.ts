/**
 * Load benchmark: the same server answering /healthz is the ceiling; the hot family routes are measured against it
 * in the same run, so the ratios mean something on a noisy shared machine. Prints figures; asserts nothing.
 *
 *   npm run bench                          embedded PGlite, 2,000 families
 *   BENCH_DATABASE_URL=postgres://… npm run bench   on a PostgreSQL server (the database must be empty)
 *   BENCH_FAMILIES=20000 BENCH_SECONDS=10 npm run bench
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../packages/server/src/platform/db/database';
import { migrate } from '../packages/server/src/platform/db/migrate';
import { buildApp } from '../packages/server/src/app';
import { generateRegion } from './generate';

const families = Number(process.env.BENCH_FAMILIES ?? 2000);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const workerPath = fileURLToPath(new URL('./load-worker.cjs', import.meta.url));

interface Figures { requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number }

interface Client { cookie: string | null; path: string }

/** Runs autocannon in its own process, so the load generator does not share the server's event loop. */
function load(url: string, clients: Client[]): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const config = JSON.stringify({ url, connections, seconds, clients });
    const child = spawn(process.execPath, [workerPath, config], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', () => {
      try {
        const r = JSON.parse(out) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
        resolve({ requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

async function main(): Promise<void> {
  const dir = process.env.BENCH_DATABASE_URL ? null : await mkdtemp(path.join(tmpdir(), 'gezinsplan-bench-'));
  const handle = await openDatabase(dir ? { kind: 'pglite', dataDir: dir } : { kind: 'postgres', url: process.env.BENCH_DATABASE_URL!, poolSize: 20 });
  try {
    await migrate(handle.db);
    const t0 = Date.now();
    const region = await generateRegion(handle.db, { families, professionals: Math.max(10, Math.round(families / 25)) });
    process.stdout.write(`database: ${handle.kind}; generated ${families} families in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

    await sql`analyze`.execute(handle.db);

    const app = await buildApp({ db: handle.db, logLevel: 'silent' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    // One signed-in professional per connection, each with a family of their own.
    const users = await Promise.all(region.professionals.slice(0, connections).map(async (pro) => {
      const login = await fetch(`${address}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: pro.email, password: region.password }),
      });
      return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, familyId: region.familiesByCoordinator.get(pro.id)![0]! };
    }));

    const cases: [string, (u: (typeof users)[number]) => Client][] = [
      ['GET /healthz (ceiling)', () => ({ cookie: null, path: '/healthz' })],
      ['GET /api/v1/me (session only)', (u) => ({ cookie: u.cookie, path: '/api/v1/me' })],
      ['GET …/families/{id}/plan', (u) => ({ cookie: u.cookie, path: `/api/v1/families/${u.familyId}/plan` })],
      ['GET /api/v1/me/families', (u) => ({ cookie: u.cookie, path: '/api/v1/me/families' })],
      ['GET /api/v1/me/actions', (u) => ({ cookie: u.cookie, path: '/api/v1/me/actions' })],
    ];
    const results: [string, Figures][] = [];
    for (const [name, client] of cases) results.push([name, await load(address, users.map(client))]);
    await app.close();

    const ceiling = results[0]![1].requestsPerSecond;
    process.stdout.write(`\n${connections} connections (one professional each), ${seconds} s each\n`);
    process.stdout.write(`${'route'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'of ceiling'.padStart(11)} ${'non-2xx'.padStart(8)}\n`);
    for (const [name, f] of results) {
      process.stdout.write(`${name.padEnd(34)} ${f.requestsPerSecond.toFixed(0).padStart(8)} ${String(f.p50).padStart(7)} ${String(f.p99).padStart(7)} ${((f.requestsPerSecond / ceiling) * 100).toFixed(1).padStart(10)}% ${String(f.non2xx + f.errors).padStart(8)}\n`);
    }
    const audited = await handle.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    process.stdout.write(`\naudit records written during the run: ${audited.n}\n`);
  } finally {
    await handle.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

await main();
