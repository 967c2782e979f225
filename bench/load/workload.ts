import { sql } from 'kysely';
import { openDatabase, type Db } from '../../packages/server/src/platform/db/database';
import type { ScenarioOutput } from './types';

export interface BenchDatabase {
  db: Db;
  familyCount(): Promise<number>;
  close(): Promise<void>;
}

export async function openBenchDatabase(config: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }): Promise<BenchDatabase> {
  const handle = await openDatabase(config, { exclusive: true });
  return {
    db: handle.db,
    async familyCount() {
      const exists = await sql<{ t: string | null }>`select to_regclass('public.families') as t`.execute(handle.db);
      if (!exists.rows[0]?.t) return 0;
      const row = await handle.db.selectFrom('families').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    close: () => handle.close(),
  };
}

export interface Reader { email: string; familyIds: string[]; searches: string[] }
export interface Writer { email: string; userId: string; familyIds: string[]; write: { familyId: string; goalId: string; goalVersion: number } }
export interface Workload { readers: Reader[]; writers: Writer[]; organisationIds: string[]; professionals: number }

/**
 * Who the simulated professionals are: spread evenly over the region (not the first few accounts), readers of
 * every kind of organisation with ten of the families on their caseload each, and coordinators for the writes and
 * the audit log (which only the coordinator of a family may read), each writing in a family of their own.
 */
export async function pickWorkload(bench: BenchDatabase, connections: number): Promise<Workload> {
  const { db } = bench;
  const professionals = await db.selectFrom('users').select('id').where('roles', '@>', sql<string[]>`array['professional']`).where('email', 'like', '%@bench.test').orderBy('id').execute();
  if (professionals.length < connections * 2) throw new Error(`the region has ${professionals.length} professionals; seed more families for ${connections} connections`);
  const step = Math.floor(professionals.length / connections);
  const readerIds = Array.from({ length: connections }, (_, i) => professionals[i * step]!.id);
  const readerRows = await sql<{ email: string; family_ids: string[]; surnames: string[] }>`
    select u.email, (array_agg(t.family_id order by t.family_id))[1:10] as family_ids,
           (array_agg(distinct split_part(f.name, ' ', 2)))[1:5] as surnames
      from users u join team_members t on t.user_id = u.id and t.ended_at is null join families f on f.id = t.family_id
     where u.id = any(${readerIds}::uuid[]) group by u.email order by u.email`.execute(db);

  // Coordinators: each with a family in which the plan runs, and a goal "now" whose version we know.
  const writerRows = await sql<{ email: string; user_id: string; family_ids: string[]; family_id: string; goal_id: string; version: number }>`
    with coordinators as (
      select t.user_id, min(t.family_id::text)::uuid as family_id, (array_agg(t.family_id order by t.family_id))[1:10] as family_ids
        from team_members t join families f on f.id = t.family_id and f.phase = 'uitvoering'
       where t.role = 'coordinator' and t.ended_at is null group by t.user_id order by t.user_id
    )
    select u.email, c.user_id, c.family_ids, c.family_id, g.id as goal_id, g.version
      from coordinators c join users u on u.id = c.user_id
      join lateral (select id, version from goals where family_id = c.family_id and focus = 'now' order by priority limit 1) g on true
     order by c.user_id`.execute(db);
  const writerStep = Math.max(1, Math.floor(writerRows.rows.length / connections));
  const writers = Array.from({ length: Math.min(connections, writerRows.rows.length) }, (_, i) => writerRows.rows[i * writerStep]!).map((w) => ({
    email: w.email, userId: w.user_id, familyIds: w.family_ids, write: { familyId: w.family_id, goalId: w.goal_id, goalVersion: w.version },
  }));
  const organisationIds = (await db.selectFrom('organisations').select('id').orderBy('id').execute()).map((o) => o.id);
  return {
    readers: readerRows.rows.map((r) => ({ email: r.email, familyIds: r.family_ids, searches: r.surnames.filter(Boolean) })),
    writers, organisationIds: Array.from({ length: connections * 5 }, (_, i) => organisationIds[i % organisationIds.length]!), professionals: professionals.length,
  };
}

/**
 * Nothing lost: every action a 2xx reported exists with its title and its audit record; every goal is at the
 * version its accepted changes make (seeded version + accepted) with the title of the last accepted change.
 */
export async function verifyWrites(bench: BenchDatabase, out: ScenarioOutput) {
  const { db } = bench;
  const ids = out.created.filter((c) => c.kind === 'action').map((c) => c.id);
  const found = ids.length ? await db.selectFrom('actions').select(['id', 'title']).where('id', 'in', ids).execute() : [];
  const audited = ids.length ? await db.selectFrom('audit_events').select('resource_id').where('resource_id', 'in', ids).where('event_type', '=', 'action.created').execute() : [];
  const patched = Object.values(out.lastAccepted);
  const goals = patched.length ? await db.selectFrom('goals').select(['id', 'title', 'version']).where('id', 'in', patched.map((p) => p.body.id as string)).execute() : [];
  const consistent = goals.filter((g) => {
    const p = patched.find((x) => x.body.id === g.id)!;
    return g.title === p.body.title && g.version === p.body.version;
  }).length;
  // A client's last request may still be under way when the run ends: the server carries it out after the load
  // generator stopped listening. Such a goal is one version further, with a title this run sent; not lost.
  const landedLate = goals.filter((g) => {
    const p = patched.find((x) => x.body.id === g.id)!;
    return g.version === (p.body.version as number) + 1 && g.title.startsWith('Bench doel ');
  }).length;
  const titled = found.filter((a) => a.title.startsWith('Bench actie ')).length;
  return {
    actionsCreated: ids.length, actionsFound: titled, actionsAudited: new Set(audited.map((a) => a.resource_id)).size,
    goalPatches: patched.reduce((n, p) => n + p.accepted, 0), goals: patched.length, goalsConsistent: consistent, goalsLandedLate: landedLate,
    lost: (ids.length - titled) + (ids.length - new Set(audited.map((a) => a.resource_id)).size) + (patched.length - consistent - landedLate),
  };
}
