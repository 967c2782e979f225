import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database';
import { writeAudit } from '../../platform/audit/audit-writer';
import { activeAt, signalAuditEvents, type SignalRow } from '../../platform/access/signal-gate';
import { appendSystemTimeline } from '../timeline';
import { notify } from '../notifications';

const MATCHER = { kind: 'system' as const, job: 'signal-match' };

/** The two files of a pair in the signal's fixed order (family_a_id < family_b_id). */
export const orderedPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/** Each file's active coordinator: the recipient of its side of a signal. */
export async function coordinatorsOf(db: Db, familyIds: readonly string[]) {
  if (familyIds.length === 0) return new Map<string, { userId: string; organisationId: string }>();
  const rows = await db.selectFrom('team_members as t').innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.family_id', 't.user_id', 'u.organisation_id'])
    .where('t.family_id', 'in', [...familyIds]).where('t.role', '=', 'coordinator').where('t.ended_at', 'is', null).execute();
  return new Map(rows.map((r) => [r.family_id, { userId: r.user_id, organisationId: r.organisation_id ?? '' }]));
}

/** A line in the signal's own log. */
export async function recordSignalEvent(db: Db, signalId: string, event: string, by: { familyId: string; userId: string } | null, now: Date): Promise<void> {
  await db.insertInto('signal_events').values({
    id: uuidv7(), signal_id: signalId, event, by_family_id: by?.familyId ?? null, by_user_id: by?.userId ?? null, created_at: now,
  }).execute();
}

/**
 * Tells both files' teams that something happened to a signal: a timeline entry in each, with the signal's id and
 * nothing of the other file, written as Gezinsplan's own (no person), shared as the coordinator's organisation's data.
 */
export async function tellBothTimelines(db: Db, signal: Pick<SignalRow, 'id' | 'family_a_id' | 'family_b_id'>, event: string, now: Date): Promise<void> {
  const coordinators = await coordinatorsOf(db, [signal.family_a_id, signal.family_b_id]);
  for (const familyId of [signal.family_a_id, signal.family_b_id]) {
    const organisationId = coordinators.get(familyId)?.organisationId
      ?? (await db.selectFrom('families').select('organisation_id').where('id', '=', familyId).executeTakeFirstOrThrow()).organisation_id;
    await appendSystemTimeline(db, familyId, organisationId, { kind: 'team', event, data: { signalId: signal.id } }, now);
  }
}

/** Removes signals with their log and the notifications that pointed at them (expiry, or a destroyed file). */
export async function deleteSignals(db: Db, signalIds: readonly string[]): Promise<void> {
  if (signalIds.length === 0) return;
  await db.deleteFrom('notifications').where('kind', '=', 'signal.created').where(sql<string>`data->>'signalId'`, 'in', [...signalIds]).execute();
  await db.deleteFrom('signal_events').where('signal_id', 'in', [...signalIds]).execute();
  await db.deleteFrom('signals').where('id', 'in', [...signalIds]).execute();
}

/** The organisations on each file's active care team, sorted: what "sharing a care team" is decided on. */
export async function teamOrganisations(db: Db, familyIds: readonly string[]): Promise<(familyId: string) => string[]> {
  const rows = await db.selectFrom('team_members as t').innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.family_id', 'u.organisation_id']).distinct()
    .where('t.family_id', 'in', [...familyIds]).where('t.ended_at', 'is', null).execute();
  return (f) => rows.filter((r) => r.family_id === f && r.organisation_id).map((r) => r.organisation_id!).sort();
}

const sameSet = (x: readonly string[], y: readonly string[]) => x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);

/**
 * The matcher. Call it, in the transaction of the change, whenever a file's children or BSNs change, or the set of
 * organisations on its team changes. For every other open file holding a member with the same BSN:
 * - no signal yet, and the two teams share no organisation: raise one — a row linking the two files (no BSN), a line
 *   in both timelines, a notification to both coordinators, an audit record in both chains;
 * - an open signal whose teams now share an organisation (someone joined the other team): resolved as linked;
 * - a resolved signal (joined, declined) is raised again only if the teams are apart and their sets of organisations
 *   differ from when it was resolved: a decline stands until the teams change;
 * and an open signal whose files no longer share a BSN (one was corrected, or a file was closed) lapses.
 * A signal past two years without a change counts as gone: it is replaced. Closed files take no part.
 */
export async function refreshSignalsForFamily(db: Db, familyId: string, now: Date): Promise<void> {
  const id = familyId.toLowerCase();
  // Two files registering the same child at once must not both miss each other: matchers of one BSN take turns
  // (a transaction-scoped lock on a hash of it; the BSN itself is not stored).
  await sql`select pg_advisory_xact_lock(hashtext('signal:' || x.bsn))
    from (select distinct bsn from members where family_id = ${id} and bsn is not null order by bsn) x`.execute(db);
  // EXPLAIN: members_family_idx for m, members_bsn_idx for o (an index scan per BSN of this file, not a scan of all).
  const matches = await db.selectFrom('members as m')
    .innerJoin('members as o', (j) => j.onRef('o.bsn', '=', 'm.bsn').onRef('o.family_id', '<>', 'm.family_id'))
    .innerJoin('families as fo', 'fo.id', 'o.family_id')
    .innerJoin('families as fm', 'fm.id', 'm.family_id')
    .select('o.family_id').distinct()
    .where('m.family_id', '=', id).where('m.bsn', 'is not', null)
    .where('fo.phase', '<>', 'afgesloten').where('fm.phase', '<>', 'afgesloten')
    .execute();
  const others = matches.map((r) => r.family_id);
  const existing = await db.selectFrom('signals').selectAll()
    .where((eb) => eb.or([eb('family_a_id', '=', id), eb('family_b_id', '=', id)])).forUpdate().execute();
  if (others.length === 0 && existing.length === 0) return;

  const organisations = await teamOrganisations(db, [id, ...others]);
  const expired = existing.filter((s) => !activeAt(s.last_activity_at, now));
  await deleteSignals(db, expired.map((s) => s.id));
  const current = existing.filter((s) => !expired.includes(s));

  for (const other of others) {
    const [a, b] = orderedPair(id, other);
    const orgsA = organisations(a);
    const orgsB = organisations(b);
    const linked = orgsA.some((o) => orgsB.includes(o));
    const signal = current.find((s) => s.family_a_id === a && s.family_b_id === b);
    if (!signal) {
      if (!linked) await raise(db, { a, b, orgsA, orgsB }, now);
    } else if (signal.status === 'open') {
      if (linked) await resolveAsLinked(db, signal, orgsA, orgsB, now);
    } else if (!linked && (signal.status === 'lapsed' || !sameSet(signal.organisations_a, orgsA) || !sameSet(signal.organisations_b, orgsB))) {
      await raise(db, { a, b, orgsA, orgsB, again: signal }, now);
    }
  }
  for (const signal of current.filter((s) => s.status === 'open' && !others.includes(s.family_a_id === id ? s.family_b_id : s.family_a_id))) {
    await db.updateTable('signals').set((eb) => ({ status: 'lapsed', last_activity_at: now, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', signal.id).execute();
    await recordSignalEvent(db, signal.id, 'lapsed', null, now);
    await writeAudit(db, matcherAudit('U', 'signal.lapsed', signal), now);
  }
}

function matcherAudit(action: 'C' | 'U', eventType: string, s: Pick<SignalRow, 'id' | 'family_a_id' | 'family_b_id'>) {
  return signalAuditEvents({ action, eventType, outcome: 'success', actor: MATCHER, resourceId: s.id, accessPoint: null },
    [{ familyId: s.family_a_id, own: true }, { familyId: s.family_b_id, own: true }], true, { basis: 'bsn-match' });
}

async function raise(db: Db, p: { a: string; b: string; orgsA: string[]; orgsB: string[]; again?: SignalRow }, now: Date): Promise<void> {
  const fresh = {
    status: 'open' as const, proposed_by_family_id: null, proposed_by_user_id: null, proposed_at: null,
    resolved_by_family_id: null, resolved_by_user_id: null, resolved_at: null, reason: null,
    organisations_a: p.orgsA, organisations_b: p.orgsB, last_activity_at: now, updated_at: now,
  };
  let signalId: string;
  if (p.again) {
    signalId = p.again.id;
    await db.updateTable('signals').set((eb) => ({ ...fresh, version: eb('version', '+', 1) })).where('id', '=', signalId).execute();
  } else {
    signalId = uuidv7();
    // A concurrent matcher of the other file may have raised it a moment ago: one pair, one signal.
    const inserted = await db.insertInto('signals').values({ id: signalId, family_a_id: p.a, family_b_id: p.b, ...fresh, created_at: now })
      .onConflict((oc) => oc.columns(['family_a_id', 'family_b_id']).doNothing()).returning('id').executeTakeFirst();
    if (!inserted) return;
  }
  const signal = { id: signalId, family_a_id: p.a, family_b_id: p.b };
  await recordSignalEvent(db, signalId, p.again ? 'raised-again' : 'raised', null, now);
  await tellBothTimelines(db, signal, 'signal.raised', now);
  const coordinators = await coordinatorsOf(db, [p.a, p.b]);
  for (const familyId of [p.a, p.b]) {
    const c = coordinators.get(familyId);
    // Each coordinator is told about their own file; the other file's id is never in what they receive.
    if (c) await notify(db, { userId: c.userId, familyId, kind: 'signal.created', data: { signalId } }, now);
  }
  await writeAudit(db, matcherAudit(p.again ? 'U' : 'C', p.again ? 'signal.raised-again' : 'signal.raised', signal), now);
}

async function resolveAsLinked(db: Db, signal: SignalRow, orgsA: string[], orgsB: string[], now: Date): Promise<void> {
  await db.updateTable('signals').set((eb) => ({
    status: 'joined', resolved_at: now, organisations_a: orgsA, organisations_b: orgsB, last_activity_at: now, updated_at: now, version: eb('version', '+', 1),
  })).where('id', '=', signal.id).execute();
  await recordSignalEvent(db, signal.id, 'linked', null, now);
  await tellBothTimelines(db, signal, 'signal.joined', now);
  await writeAudit(db, matcherAudit('U', 'signal.linked', signal), now);
}
