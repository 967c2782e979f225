import { sql } from 'kysely';
import type { Db } from '../../packages/server/src/platform/db/database';

/**
 * Tables a refused request may still write to, and why. Everything else must hold exactly as many rows after a
 * 4xx as before it: a refusal that leaves half a write behind is a partial write.
 */
export const WRITTEN_BY_REFUSALS: Record<string, string> = {
  audit_events: 'a refused access (a 404 from the gate, a denied read) is itself audited (NEN 7513)',
  audit_chain_heads: 'moves with audit_events',
  sessions: 'the fuzz test signs in (one session) before every request',
  idempotency_keys: 'a refused keyed POST may keep its key with the refusal, so a repeat answers the same',
  family_visits: 'opening a family records the visit before a later check refuses',
};

/** The ordinary tables of the public schema (partitions are counted through their parent). */
async function tablesOf(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not in ('kysely_migration', 'kysely_migration_lock', 'schema_migrations', 'test_row_writes')
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/** Takes row-count snapshots of every table that refused requests must not touch, in one round trip each. */
export async function rowCounter(db: Db): Promise<() => Promise<Record<string, number>>> {
  const tables = (await tablesOf(db)).filter((t) => !(t in WRITTEN_BY_REFUSALS));
  const query = tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ');
  return async () => {
    const { rows } = await sql<{ t: string; n: number }>`${sql.raw(query)}`.execute(db);
    return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
  };
}

/**
 * Records every committed row write (insert, update, delete) to the tables refused requests must not touch, with
 * a trigger per table into a side table of this test database. A refused request's own transaction rolls back, so
 * whatever `take()` finds after a refusal was committed: a partial write. Cheaper than counting rows around every
 * request (one tiny query instead of a count of every table twice), and it sees updates too.
 */
export async function writeRecorder(db: Db): Promise<{ take(): Promise<string[]> }> {
  const tables = (await tablesOf(db)).filter((t) => !(t in WRITTEN_BY_REFUSALS));
  await sql`create table test_row_writes (tbl text not null, op text not null)`.execute(db);
  await sql.raw(`create function test_note_row_write() returns trigger language plpgsql as $$
    begin insert into test_row_writes values (TG_TABLE_NAME, TG_OP); return null; end $$`).execute(db);
  for (const t of tables) {
    await sql.raw(`create trigger test_note_row_write after insert or update or delete on "${t}" for each row execute function test_note_row_write()`).execute(db);
  }
  return {
    take: async () => {
      const { rows } = await sql<{ tbl: string; op: string }>`delete from test_row_writes returning tbl, op`.execute(db);
      return [...new Set(rows.map((r) => `${r.op} ${r.tbl}`))].sort();
    },
  };
}

/** The tables whose row count differs between two snapshots, as `table: before → after`. */
export function countChanges(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
}

interface ForeignKey { table: string; column: string; refTable: string; refColumn: string }

/** Single-column foreign keys of the public schema. */
async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select cl.relname as "table", a.attname as "column", rc.relname as "refTable", ra.attname as "refColumn"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid join pg_namespace n on n.oid = cl.relnamespace
    join pg_class rc on rc.oid = c.confrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
    where c.contype = 'f' and n.nspname = 'public' and array_length(c.conkey, 1) = 1 and not cl.relispartition`.execute(db);
  return rows;
}

/** uuid columns named like references (`…_id`, `…_by`) that no foreign key guards. */
async function unguardedReferences(db: Db): Promise<{ table: string; column: string }[]> {
  const fks = await foreignKeys(db);
  const guarded = new Set(fks.map((f) => `${f.table}.${f.column}`));
  const { rows } = await sql<{ table: string; column: string }>`
    select c.table_name as "table", c.column_name as "column" from information_schema.columns c
    join pg_class cl on cl.relname = c.table_name join pg_namespace n on n.oid = cl.relnamespace and n.nspname = c.table_schema
    where c.table_schema = 'public' and c.data_type = 'uuid' and c.column_name <> 'id'
      and (c.column_name like '%\_id' or c.column_name like '%\_by') and not cl.relispartition
    order by 1, 2`.execute(db);
  return rows.filter((r) => !guarded.has(`${r.table}.${r.column}`));
}

/**
 * References without a foreign key on purpose, and what they point at (refTable '' for an id that is not a
 * reference). The audit log and data-subject requests outlive a destroyed file (retention), so their ids may name
 * a family or member that no longer exists — but only once the audit log records a destruction; until then, and
 * for everything else unguarded, each must still resolve.
 */
const UNGUARDED_TARGETS: Record<string, { refTable: string; mayOutlive: boolean }> = {
  'audit_events.family_id': { refTable: 'families', mayOutlive: true },
  'audit_events.member_id': { refTable: 'members', mayOutlive: true },
  'audit_events.user_id': { refTable: 'users', mayOutlive: true },
  'audit_events.organisation_id': { refTable: 'organisations', mayOutlive: true },
  'audit_events.on_behalf_of_user_id': { refTable: 'users', mayOutlive: true },
  'data_subject_requests.family_id': { refTable: 'families', mayOutlive: true },
  'data_subject_requests.member_id': { refTable: 'members', mayOutlive: true },
  'data_subject_requests.requested_by': { refTable: 'members', mayOutlive: true },
  // Keys are kept per user for a day; users are never deleted, so each must still name one.
  'idempotency_keys.user_id': { refTable: 'users', mayOutlive: false },
  // Not a reference: the HSDS service_at_location id this row publishes under (its own identity).
  'service_locations.service_at_location_id': { refTable: '', mayOutlive: false },
};

/**
 * The database's own integrity, beyond what its constraints enforce: every unguarded reference resolves (or is
 * one the design lets outlive its target), and every row that belongs to a family belongs to the same family as
 * the rows it references (an action on another family's goal, a consent for another family's member…).
 * Returns a list of findings; empty means intact.
 */
export async function integrityFindings(db: Db): Promise<string[]> {
  const findings: string[] = [];
  const destroyed = await sql<{ n: number }>`select count(*)::int as n from audit_events where event_type like '%destroy%' or event_type like '%erase%'`.execute(db);
  const anyDestroyed = Number(destroyed.rows[0]!.n) > 0;
  for (const { table, column } of await unguardedReferences(db)) {
    const known = UNGUARDED_TARGETS[`${table}.${column}`];
    if (!known) {
      findings.push(`${table}.${column} is a uuid reference without a foreign key: add one, or say in db-integrity.ts what it points at`);
      continue;
    }
    if (!known.refTable || (known.mayOutlive && anyDestroyed)) continue;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} x
      where x.${sql.ref(column)} is not null and not exists (select 1 from ${sql.table(known.refTable)} r where r.id = x.${sql.ref(column)})`.execute(db);
    if (Number(rows[0]!.n) > 0) findings.push(`${rows[0]!.n} row(s) of ${table} name a missing ${known.refTable} in ${column}`);
  }
  const fks = await foreignKeys(db);
  const withFamily = new Set((await sql<{ t: string }>`select table_name as t from information_schema.columns where table_schema = 'public' and column_name = 'family_id'`.execute(db)).rows.map((r) => r.t));
  for (const fk of fks) {
    if (fk.refTable === 'families' || !withFamily.has(fk.table) || !withFamily.has(fk.refTable) || fk.column === 'family_id') continue;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(fk.table)} a join ${sql.table(fk.refTable)} b on b.${sql.ref(fk.refColumn)} = a.${sql.ref(fk.column)}
      where a.family_id <> b.family_id`.execute(db);
    if (Number(rows[0]!.n) > 0) findings.push(`${rows[0]!.n} row(s) of ${fk.table} reference a ${fk.refTable} of another family through ${fk.column}`);
  }
  return findings;
}
