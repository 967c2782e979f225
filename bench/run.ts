/**
 * Load benchmark: the real server (a child process, `gezinsplan serve`) on a seeded region, driven by autocannon in
 * a process of its own. The same server answering a trivial route and one primary-key SELECT through its pool is
 * the ceiling, measured in the same run, so the ratios mean something on a shared machine. Prints figures and
 * checks that the writes lost nothing; asserts no timing.
 *
 *   BENCH_DATABASE_URL=postgres://… npm run bench -- --families 100000   PostgreSQL (seeded first if empty)
 *   npm run bench -- --families 5000                                     the embedded database, in a temp dir
 *   options: --connections 32 --seconds 10 --pool 20 --seed 1 --only 1,3 (some scenarios; the ceilings always run)
 *            --cpu-prof DIR (the server writes a V8 CPU profile there when it stops)
 *            --max-old-space MB (the server's V8 heap limit, as README recommends for production)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_PASSWORD, seedDatabase } from './seed/seed-database';
import { runNotificationSweep } from '../packages/server/src/modules/notifications';
import { openBenchDatabase, pickWorkload, verifyWrites, type Workload } from './load/workload';
import type { ClientSpec, ScenarioInput, ScenarioOutput } from './load/types';

const { values } = parseArgs({
  options: {
    families: { type: 'string', default: '5000' },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
    pool: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'max-old-space': { type: 'string' },
  },
});
const families = Number(values.families);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const root = fileURLToPath(new URL('..', import.meta.url));

const url = process.env.BENCH_DATABASE_URL;
const dataDir = url ? null : await mkdtemp(path.join(tmpdir(), 'gezinsplan-bench-'));
const database = url ? { kind: 'postgres' as const, url } : { kind: 'pglite' as const, dataDir: dataDir! };

try {
  // 1. The region: seeded once, reused by later runs on the same PostgreSQL database.
  let db = await openBenchDatabase(database);
  let present = await db.familyCount();
  if (present === 0) {
    await db.close();
    process.stdout.write(`seeding ${families.toLocaleString('en')} families…\n`);
    const seeded = await seedDatabase({ database, families, seed: Number(values.seed) });
    process.stdout.write(`seeded in ${seeded.loadSeconds.toFixed(1)} s (+ ${seeded.analyseSeconds.toFixed(1)} s ANALYZE)\n`);
    db = await openBenchDatabase(database);
    present = await db.familyCount();
  }
  // The server sweeps for due notifications at start; in production the region was swept yesterday too. Sweep
  // first, so the scenarios measure requests, not a first sweep of the whole region (its time is a figure too).
  const sweepStart = performance.now();
  const swept = await runNotificationSweep(db.db);
  process.stdout.write(`notification sweep: ${swept.notified.toLocaleString('en')} new notifications in ${((performance.now() - sweepStart) / 1000).toFixed(1)} s\n`);
  const workload = await pickWorkload(db, connections);
  // The embedded database has one owner: the server's process, while it runs.
  if (database.kind === 'pglite') await db.close();

  // 2. The server, as in production, with the ceiling route switched on.
  const port = await freePort();
  const server = await startServer(port, database, Number(values.pool));
  const base = `http://127.0.0.1:${port}`;
  const sessions = await signIn(base, [...new Set([...workload.readers, ...workload.writers].map((w) => w.email))]);
  const client = (email: string, requests: ClientSpec['requests']): ClientSpec => ({ ...sessions.get(email)!, requests });

  const scenarios: [string, ClientSpec[]][] = [
    ['ceiling (a): GET /healthz', workload.readers.map(() => ({ cookie: null, csrf: '', requests: [{ kind: 'healthz', method: 'GET', path: '/healthz' }] }))],
    ['ceiling (b): one PK SELECT', workload.readers.map((_, i) => ({ cookie: null, csrf: '', requests: workload.organisationIds.slice(i * 5, i * 5 + 5).map((id) => ({ kind: 'pk', method: 'GET' as const, path: `/bench/ceiling/${id}` })) }))],
    ['1 open a family plan', workload.readers.map((r) => client(r.email, r.familyIds.map((f) => ({ kind: 'plan', method: 'GET', path: `/api/v1/families/${f}/plan` }))))],
    ['2 caseload + my actions', workload.readers.map((r) => client(r.email, [
      { kind: 'caseload', method: 'GET', path: '/api/v1/me/families' }, { kind: 'my-actions', method: 'GET', path: '/api/v1/me/actions' }]))],
    ['4 search families by name', workload.readers.map((r) => client(r.email, r.searches.map((q) => ({ kind: 'search', method: 'GET', path: `/api/v1/families?q=${encodeURIComponent(q)}` }))))],
    ['5 audit log of a family', workload.writers.map((w) => client(w.email, w.familyIds.map((f) => ({ kind: 'audit', method: 'GET', path: `/api/v1/families/${f}/audit` }))))],
    ['3 add action + change goal', workload.writers.map((w) => client(w.email, [
      { kind: 'action', method: 'POST', path: `/api/v1/families/${w.write.familyId}/goals/${w.write.goalId}/actions`, idempotent: true,
        body: { title: 'Bench actie {n}', assigneeUserId: w.userId, dueDate: '2027-01-15' } },
      { kind: 'goal', method: 'PATCH', path: `/api/v1/families/${w.write.familyId}/goals/${w.write.goalId}`, ifMatch: `"${w.write.goalVersion}"`,
        body: { title: 'Bench doel {n}' } }]))],
    ['ceiling (b) again, after', workload.readers.map((_, i) => ({ cookie: null, csrf: '', requests: workload.organisationIds.slice(i * 5, i * 5 + 5).map((id) => ({ kind: 'pk', method: 'GET' as const, path: `/bench/ceiling/${id}` })) }))],
  ];
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const results: { name: string; out: ScenarioOutput; peakRss: number }[] = [];
  for (const [name, clients] of scenarios) {
    if (only && !name.startsWith('ceiling') && !only.has(name.split(' ')[0]!)) continue;
    const rss = watchRss(server.pid!);
    const out = await runScenario({ url: base, seconds, clients });
    results.push({ name, out, peakRss: rss.stop() });
    const kinds = Object.entries(out.byKind).map(([k, c]) => `${k} ${c.ok} ok, ${c.clientError} 4xx, ${c.serverError} 5xx`).join('; ');
    process.stdout.write(`  ${name}: ${out.requestsPerSecond.toFixed(0)} req/s (${kinds || 'no answers'}; ${out.errors} errors, ${out.timeouts} timeouts)\n`);
  }
  const serverPeak = await peakRssOf(server.pid!);
  await stopServer(server);

  // 3. Did the writes lose anything? Every 2xx must be in the database, with its audit record.
  if (database.kind === 'pglite') db = await openBenchDatabase(database);
  const writes = results.find((r) => r.name.startsWith('3 '))?.out;
  const check = writes ? await verifyWrites(db, writes) : null;
  await db.close();

  report({ database: database.kind, families: present, connections, seconds, pool: Number(values.pool), results, serverPeak, check, workload });
} finally {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

function report(r: {
  database: string; families: number; connections: number; seconds: number; pool: number; serverPeak: number; workload: Workload;
  results: { name: string; out: ScenarioOutput; peakRss: number }[]; check: Awaited<ReturnType<typeof verifyWrites>> | null;
}): void {
  const ceilingB = (r.results[1]!.out.requestsPerSecond + r.results[r.results.length - 1]!.out.requestsPerSecond) / 2;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const lines = [
    '',
    `${r.database === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}, ${r.families.toLocaleString('en')} families, ${r.connections} connections `
      + `(one professional each; ${r.workload.professionals.toLocaleString('en')} professionals in the region), ${r.seconds} s per scenario, pool ${r.pool}`
      + `, server heap limit ${values['max-old-space'] ? `${values['max-old-space']} MB` : "V8's default"}`,
    '',
    `| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | of ceiling (b) | peak RSS MB |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|`,
    ...r.results.map(({ name, out, peakRss }) =>
      `| ${name} | ${out.requestsPerSecond.toFixed(0)} | ${out.p50.toFixed(1)} | ${out.p95.toFixed(1)} | ${out.p99.toFixed(1)} | ${out.non2xx + out.errors + out.timeouts} | ${((out.requestsPerSecond / ceilingB) * 100).toFixed(1)}% | ${mb(peakRss)} |`),
    '',
    `ceiling (b) used for the ratios: ${ceilingB.toFixed(0)} req/s (mean of before and after)`,
    `server peak RSS over the run (VmHWM): ${mb(r.serverPeak)} MB`,
  ];
  const check = r.check;
  if (check) {
    lines.push(`writes: ${check.actionsCreated} actions created (${check.actionsFound} found with their title, ${check.actionsAudited} with their audit record); `
      + `${check.goalPatches} goal changes accepted (${check.goalsConsistent} of ${check.goals} goals at the expected version and title, `
      + `${check.goalsLandedLate} one further by a change still under way when the run ended); `
      + `${check.lost === 0 ? 'nothing lost' : `${check.lost} LOST`}`);
  }
  const scenario = (n: string) => r.results.find((x) => x.name.startsWith(`${n} `))?.out;
  const target = (ok: boolean, text: string) => `  ${ok ? 'met   ' : 'MISSED'} ${text}`;
  const plan = scenario('1');
  const caseload = scenario('2');
  const writes = scenario('3');
  if (r.database !== 'postgres') {
    lines.push('', 'The targets are for PostgreSQL; these figures are for comparison.');
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  lines.push('', 'targets (PostgreSQL, 100,000 families, 32 connections):');
  if (plan) {
    lines.push(target(plan.requestsPerSecond / ceilingB >= 0.4, `scenario 1 ≥ 40% of ceiling (b): ${((plan.requestsPerSecond / ceilingB) * 100).toFixed(1)}%`),
      target(plan.p99 <= 50, `scenario 1 p99 ≤ 50 ms: ${plan.p99.toFixed(1)} ms`));
  }
  if (caseload) lines.push(target(caseload.p99 <= 30, `scenario 2 p99 ≤ 30 ms: ${caseload.p99.toFixed(1)} ms`));
  if (writes && check) {
    const writesPerSecond = (check.actionsCreated + check.goalPatches) / r.seconds;
    const serverErrors = Object.values(writes.byKind).reduce((n, k) => n + k.serverError, 0);
    lines.push(target(writesPerSecond >= 1000 && check.lost === 0 && serverErrors === 0,
      `scenario 3 ≥ 1,000 writes/s, nothing lost: ${writesPerSecond.toFixed(0)} writes/s, ${check.lost} lost, ${serverErrors} server errors`));
  }
  lines.push(target(r.serverPeak <= 300 * 1024 * 1024, `server RSS ≤ 300 MB: ${mb(r.serverPeak)} MB`));
  process.stdout.write(`${lines.join('\n')}\n`);
}

function runScenario(input: ScenarioInput): Promise<ScenarioOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/load/worker.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out) as ScenarioOutput);
      } catch {
        reject(new Error(`the load worker exited with ${code} and no figures`));
      }
    });
    child.stdin.end(JSON.stringify(input));
  });
}

async function startServer(port: number, db: typeof database, pool: number): Promise<ChildProcess> {
  const env = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', GEZINSPLAN_BENCH_CEILING: 'true', DATABASE_POOL_SIZE: String(pool),
    ...(db.kind === 'postgres' ? { DATABASE_URL: db.url } : { GEZINSPLAN_DATA_DIR: db.dataDir, DATABASE_URL: '' }),
  };
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
  const heap = values['max-old-space'] ? [`--max-old-space-size=${values['max-old-space']}`] : [];
  const child = spawn(process.execPath, [...profile, ...heap, '--import', 'tsx', path.join(root, 'packages/server/src/cli.ts'), 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ready) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become ready');
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Signs in through the real login route (password hashing included), a few at a time. */
async function signIn(base: string, emails: string[]): Promise<Map<string, { cookie: string; csrf: string }>> {
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  for (let i = 0; i < emails.length; i += 8) {
    await Promise.all(emails.slice(i, i + 8).map(async (email) => {
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: BENCH_PASSWORD }) });
      if (!res.ok) throw new Error(`sign-in failed for a bench account: ${res.status}`);
      const body = (await res.json()) as { csrfToken: string };
      sessions.set(email, { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken });
    }));
  }
  return sessions;
}

/** Samples the server's resident memory while a scenario runs; returns the highest seen. */
function watchRss(pid: number): { stop(): number } {
  let peak = 0;
  const sample = () => readFile(`/proc/${pid}/status`, 'utf8').then((s) => {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0);
    peak = Math.max(peak, kb * 1024);
  }, () => undefined);
  const timer = setInterval(() => void sample(), 100);
  return { stop: () => { clearInterval(timer); return peak; } };
}

async function peakRssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
