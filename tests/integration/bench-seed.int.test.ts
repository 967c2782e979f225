import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Db, type DatabaseHandle } from '../../packages/server/src/platform/db/database';
import { verifyAuditLog } from '../../packages/server/src/platform/audit/audit-verify';
import { buildApp } from '../../packages/server/src/app';
import { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { BENCH_PASSWORD } from '../../bench/seed/seed-database';
import { freshDataTarget, type DataTarget } from '../support/server-process';
import { integrityFindings } from '../support/db-integrity';

/** Runs `npm run bench:seed` as an operator would: a child process, on its own empty database. */
function seed(target: DataTarget, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const dataDir = target.config.kind === 'pglite' ? ['--data-dir', target.config.dataDir!] : [];
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/seed.ts', ...args, ...dataDir], {
      env: { ...process.env, DATABASE_URL: target.env.DATABASE_URL ?? '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fingerprint of a table's whole content, to compare two generated regions row for row. */
async function fingerprint(db: Db, table: string): Promise<string> {
  const { rows } = await sql<{ h: string }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.table(table)} t`.execute(db);
  return rows[0]!.h;
}

const FAMILIES = 400;
const args = ['--families', String(FAMILIES), '--seed', '7', '--as-of', '2026-12-01'];

describe('the region generator (npm run bench:seed)', () => {
  let target: DataTarget;
  let handle: DatabaseHandle;
  let output: string;

  beforeAll(async () => {
    target = await freshDataTarget();
    const run = await seed(target, args);
    expect(run.code, run.stderr).toBe(0);
    output = run.stdout;
    handle = await openDatabase(target.config);
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
    await target?.dispose();
  });

  it('prints what it loaded and how long it took', () => {
    expect(output).toMatch(/400 families, [\d,]+ professionals in \d+ organisations, [\d,]+ rows/);
    expect(output).toMatch(/loaded in \d+\.\d s \(generate \+ COPY\)/);
  });

  it('gives families of 2 to 7 members with ages that fit, and a care team of 2 to 6 from different organisations', async () => {
    const members = await sql<{ n: number; parents: number; oldest_child: number; youngest_parent: number }>`
      select count(*)::int as n, count(*) filter (where role = 'parent')::int as parents,
             coalesce(max(extract(year from age('2026-12-01', birth_date))) filter (where role = 'child'), 0)::int as oldest_child,
             min(extract(year from age('2026-12-01', birth_date))) filter (where role = 'parent')::int as youngest_parent
        from members group by family_id`.execute(handle.db);
    expect(members.rows).toHaveLength(FAMILIES);
    for (const m of members.rows) {
      expect(m.n).toBeGreaterThanOrEqual(2);
      expect(m.n).toBeLessThanOrEqual(7);
      expect(m.parents).toBeGreaterThanOrEqual(1);
      expect(m.youngest_parent - m.oldest_child).toBeGreaterThanOrEqual(17);
    }
    const teams = await sql<{ n: number; orgs: number; coordinators: number }>`
      select count(*)::int as n, count(distinct u.organisation_id)::int as orgs, count(*) filter (where t.role = 'coordinator')::int as coordinators
        from team_members t join users u on u.id = t.user_id group by t.family_id`.execute(handle.db);
    expect(teams.rows).toHaveLength(FAMILIES);
    for (const t of teams.rows) {
      expect(t.n).toBeGreaterThanOrEqual(2);
      expect(t.n).toBeLessThanOrEqual(6);
      expect(t.orgs).toBeGreaterThanOrEqual(2);
      expect(t.coordinators).toBe(1);
    }
  });

  it('gives every professional a caseload of 20 to 60 families (or all of a rare kind of organisation)', async () => {
    const { rows } = await sql<{ kind: string; caseload: number; kind_slots: number }>`
      with loads as (select u.id, o.kind, count(t.id)::int as caseload from users u join organisations o on o.id = u.organisation_id
                     left join team_members t on t.user_id = u.id where 'professional' = any(u.roles) group by u.id, o.kind)
      select kind, caseload, (sum(caseload) over (partition by kind))::int as kind_slots from loads`.execute(handle.db);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      if (r.kind_slots >= 20) {
        expect(r.caseload).toBeGreaterThanOrEqual(20);
        expect(r.caseload).toBeLessThanOrEqual(60);
      } else expect(r.caseload).toBe(r.kind_slots);
    }
    const kinds = await sql<{ n: number }>`select count(distinct kind)::int as n from organisations`.execute(handle.db);
    expect(kinds.rows[0]!.n).toBe(12);
  });

  it('fills plans, timelines, consents, assessments, evaluations and the audit log, and every reference resolves', async () => {
    const counts = await sql<Record<string, number>>`select
      (select count(*)::int from goals) as goals, (select count(*)::int from actions) as actions, (select count(*)::int from timeline_entries) as timeline,
      (select count(*)::int from consents) as consents, (select count(*)::int from assessments) as assessments,
      (select count(*)::int from evaluations) as evaluations, (select count(*)::int from audit_events) as audit,
      (select count(*)::int from covenants) as covenants`.execute(handle.db);
    const c = counts.rows[0]!;
    expect(c.goals).toBeGreaterThan(FAMILIES);
    expect(c.actions).toBeGreaterThan(c.goals!);
    expect(c.timeline).toBeGreaterThan(FAMILIES * 10);
    for (const key of ['consents', 'assessments', 'evaluations', 'covenants'] as const) expect(c[key]).toBeGreaterThan(0);
    expect(c.audit).toBeGreaterThan(FAMILIES * 10);
    // Foreign-key triggers were off during the load: every reference is checked here instead.
    expect(await integrityFindings(handle.db)).toEqual([]);
  });

  it('writes an audit log whose hash chains verify, one chain per family', async () => {
    const result = await verifyAuditLog(handle.db);
    expect(result.firstBroken).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.chains).toBe(FAMILIES);
  });

  it('leaves the same indexes as a freshly migrated database (the load drops and rebuilds them)', async () => {
    const fresh = await freshDataTarget();
    const other = await openDatabase(fresh.config);
    try {
      const indexes = async (db: Db) => (await sql<{ d: string }>`select indexdef as d from pg_indexes where schemaname = 'public' order by 1`.execute(db)).rows.map((r) => r.d);
      expect(await indexes(handle.db)).toEqual(await indexes(other.db));
    } finally {
      await other.close();
      await fresh.dispose();
    }
  });

  it('gives the same region for the same seed, and another for another seed', async () => {
    const again = await freshDataTarget();
    const different = await freshDataTarget();
    try {
      expect((await seed(again, args)).code).toBe(0);
      expect((await seed(different, ['--families', String(FAMILIES), '--seed', '8', '--as-of', '2026-12-01'])).code).toBe(0);
      const a = await openDatabase(again.config);
      const b = await openDatabase(different.config);
      try {
        for (const table of ['members', 'goals', 'actions', 'audit_events']) {
          expect(await fingerprint(a.db, table)).toBe(await fingerprint(handle.db, table));
          expect(await fingerprint(b.db, table)).not.toBe(await fingerprint(handle.db, table));
        }
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await again.dispose();
      await different.dispose();
    }
  }, 240_000);

  it('refuses a database that already holds families', async () => {
    await handle.close();
    const run = await seed(target, args);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/already holds 400 families/);
    handle = await openDatabase(target.config);
  }, 120_000);

  it('makes accounts that sign in and open a family plan through the gate, as the benchmark does', async () => {
    const app = await buildApp({ db: handle.db, logLevel: 'silent', checkResponses: true });
    await app.ready();
    try {
      const pro = await sql<{ email: string; family_id: string }>`
        select u.email, t.family_id from team_members t join users u on u.id = t.user_id join families f on f.id = t.family_id
         where t.role = 'coordinator' and f.phase = 'uitvoering' order by u.email limit 1`.execute(handle.db);
      const { email, family_id: familyId } = pro.rows[0]!;
      const client = await new ApiClient(app).login(email, BENCH_PASSWORD);
      const plan = await client.get(`/api/v1/families/${familyId}/plan`);
      expect(plan.statusCode, plan.body).toBe(200);
      expect((plan.json() as { goals: unknown[] }).goals.length).toBeGreaterThanOrEqual(2);
      const caseload = await client.get('/api/v1/me/families');
      expect(caseload.statusCode, caseload.body).toBe(200);
      expect((caseload.json() as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(20);
      expect((await verifyAuditLog(handle.db)).ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});
