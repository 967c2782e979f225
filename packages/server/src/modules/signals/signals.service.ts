import type { DeclineSignal, PageQuery, Signal, SignalAction } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { RequestContext } from '../../platform/http/request-context';
import { AppError } from '../../platform/http/app-error';
import { decodeCursor, olderThan, page } from '../../platform/http/cursor';
import { recordReads } from '../../platform/audit/audit-batcher';
import { activeUntil, signalActiveSince, signalAuditEvents, type SignalRow, type SignalScope, type SignalSide } from '../../platform/access/signal-gate';
import { joinByReferral } from '../team';
import { recordSignalEvent, refreshSignalsForFamily, teamOrganisations, tellBothTimelines } from './matching';

const familyOn = (s: Pick<SignalRow, 'family_a_id' | 'family_b_id'>, side: SignalSide) => (side === 'a' ? s.family_a_id : s.family_b_id);
const whose = (familyId: string | null, mine: string) => (familyId === null ? null : familyId === mine ? 'me' as const : 'other' as const);

function allowedActions(s: SignalRow, mine: string): SignalAction[] {
  if (s.status !== 'open') return [];
  if (!s.proposed_by_family_id) return ['propose-team', 'decline'];
  return s.proposed_by_family_id === mine ? ['decline'] : ['accept-team', 'decline'];
}

/**
 * What a side sees of its signals: its own file's id and matching members, the other side's coordinator's contact
 * details, and the steps taken (by which side, never by which file). Nothing of the other file itself.
 */
async function present(db: Db, items: { row: SignalRow; side: SignalSide }[]): Promise<Signal[]> {
  if (items.length === 0) return [];
  const ids = items.map((i) => i.row.id);
  const families = [...new Set(items.flatMap((i) => [i.row.family_a_id, i.row.family_b_id]))];
  const contacts = await db.selectFrom('team_members as t').innerJoin('users as u', 'u.id', 't.user_id').innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['t.family_id', 'u.name', 'u.email', 'u.phone', 'o.name as organisation_name'])
    .where('t.family_id', 'in', families).where('t.role', '=', 'coordinator').where('t.ended_at', 'is', null).execute();
  const matched = await db.selectFrom('signals as s')
    .innerJoin('members as ma', 'ma.family_id', 's.family_a_id')
    .innerJoin('members as mb', (j) => j.onRef('mb.family_id', '=', 's.family_b_id').onRef('mb.bsn', '=', 'ma.bsn'))
    .select(['s.id', 'ma.id as member_a_id', 'mb.id as member_b_id']).where('s.id', 'in', ids).execute();
  const events = await db.selectFrom('signal_events').select(['signal_id', 'event', 'by_family_id', 'created_at'])
    .where('signal_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
  return items.map(({ row: s, side }) => {
    const mine = familyOn(s, side);
    const other = contacts.find((c) => c.family_id === familyOn(s, side === 'a' ? 'b' : 'a'));
    const resolved = s.status === 'joined' || s.status === 'declined';
    return {
      id: s.id, source: 'gezinsplan' as const, status: s.status,
      mine: { familyId: mine, memberIds: matched.filter((m) => m.id === s.id).map((m) => (side === 'a' ? m.member_a_id : m.member_b_id)) },
      other: other ? { name: other.name, organisationName: other.organisation_name, email: other.email, phone: other.phone } : null,
      proposal: s.proposed_by_family_id && s.proposed_at ? { by: whose(s.proposed_by_family_id, mine)!, at: new Date(s.proposed_at).toISOString() } : null,
      resolution: resolved && s.resolved_at ? {
        by: whose(s.resolved_by_family_id, mine), at: new Date(s.resolved_at).toISOString(),
        // The reason may say something of the writer's own file: it stays on that side.
        reason: s.resolved_by_family_id === mine ? s.reason : null,
      } : null,
      history: events.filter((e) => e.signal_id === s.id).map((e) => ({ event: e.event, by: whose(e.by_family_id, mine), at: new Date(e.created_at).toISOString() })),
      allowedActions: allowedActions(s, mine),
      createdAt: new Date(s.created_at).toISOString(), lastActivityAt: new Date(s.last_activity_at).toISOString(), activeUntil: activeUntil(s.last_activity_at).toISOString(),
    };
  });
}

/**
 * My open signals (for the files I coordinate), newest first, each with the other side's contact details. Each one
 * shown is audited in both files' chains.
 */
export async function mySignals(ctx: RequestContext, query: PageQuery) {
  const mine = ctx.db.selectFrom('team_members').select('family_id')
    .where('user_id', '=', ctx.actor.userId).where('role', '=', 'coordinator').where('ended_at', 'is', null);
  let q = ctx.db.selectFrom('signals').selectAll()
    .where('status', '=', 'open').where('last_activity_at', '>', signalActiveSince(ctx.now))
    .where((eb) => eb.or([eb('family_a_id', 'in', mine), eb('family_b_id', 'in', mine)]));
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid'] as const);
  if (after) q = q.where(olderThan('created_at', 'id', after));
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [new Date(last.created_at).toISOString(), last.id]);
  const coordinated = new Set((await mine.execute()).map((r) => r.family_id));
  const items = result.items.map((row) => ({ row, side: coordinated.has(row.family_a_id) ? 'a' as const : 'b' as const }));
  await recordReads(ctx.db, items.flatMap(({ row, side }) => signalAuditEvents(
    { action: 'R', eventType: 'signal.listed', outcome: 'success', actor: ctx.actor, resourceId: row.id, accessPoint: ctx.accessPoint, occurredAt: ctx.now },
    [{ familyId: row.family_a_id, own: side === 'a' }, { familyId: row.family_b_id, own: side === 'b' }], true,
  )));
  return { items: await present(ctx.db, items), nextCursor: result.nextCursor };
}

export async function getSignal(scope: SignalScope): Promise<Signal> {
  const row = await scope.db.selectFrom('signals').selectAll().where('id', '=', scope.signal.id).executeTakeFirstOrThrow();
  return (await present(scope.db, [{ row, side: scope.side }]))[0]!;
}

function assertMay(scope: SignalScope, action: SignalAction): void {
  if (allowedActions(scope.signal, scope.familyId).includes(action)) return;
  const why = scope.signal.status !== 'open' ? 'This signal has been dealt with already.'
    : action === 'accept-team' ? 'Only the other side can accept a proposal; there is none from them.' : 'A care team has been proposed already.';
  throw new AppError('CONFLICT', why);
}

async function touch(scope: SignalScope, set: Partial<Pick<SignalRow, 'status' | 'proposed_by_family_id' | 'proposed_by_user_id' | 'proposed_at'
  | 'resolved_by_family_id' | 'resolved_by_user_id' | 'resolved_at' | 'reason' | 'organisations_a' | 'organisations_b'>>): Promise<void> {
  await scope.db.updateTable('signals').set((eb) => ({ ...set, last_activity_at: scope.now, updated_at: scope.now, version: eb('version', '+', 1) }))
    .where('id', '=', scope.signal.id).execute();
}

/** Proposes one care team: this side's. The other side's coordinator joins it on accepting. */
export async function proposeTeam(scope: SignalScope): Promise<Signal> {
  assertMay(scope, 'propose-team');
  await touch(scope, { proposed_by_family_id: scope.familyId, proposed_by_user_id: scope.actor.userId, proposed_at: scope.now });
  await recordSignalEvent(scope.db, scope.signal.id, 'team-proposed', { familyId: scope.familyId, userId: scope.actor.userId }, scope.now);
  scope.audit.detail.step = 'team-proposed';
  return getSignal(scope);
}

/**
 * Accepts the other side's proposal: the accepting coordinator joins the proposing file's care team as a member
 * (added on behalf of the proposer's organisation, as with an accepted referral; the gate holds both files' locks). Now one professional is on both
 * teams, so the two files are linked and the signal is resolved; the proposing file's other signals are re-matched.
 */
export async function acceptTeam(scope: SignalScope): Promise<Signal> {
  assertMay(scope, 'accept-team');
  const proposingFamily = scope.signal.proposed_by_family_id!;
  const proposer = await scope.db.selectFrom('users').select('organisation_id').where('id', '=', scope.signal.proposed_by_user_id!).executeTakeFirstOrThrow();
  await joinByReferral(scope.db, proposingFamily, scope.actor, scope.now, { lifeDomains: [], responsibility: '', referringOrganisationId: proposer.organisation_id! });
  await touch(scope, { status: 'joined', resolved_by_family_id: scope.familyId, resolved_by_user_id: scope.actor.userId, resolved_at: scope.now });
  await recordSignalEvent(scope.db, scope.signal.id, 'team-joined', { familyId: scope.familyId, userId: scope.actor.userId }, scope.now);
  await tellBothTimelines(scope.db, scope.signal, 'signal.joined', scope.now);
  await refreshSignalsForFamily(scope.db, proposingFamily, scope.now);
  scope.audit.detail.step = 'team-joined';
  return getSignal(scope);
}

/** Records why one care team is not needed; the signal is resolved and not raised again until the teams change. */
export async function declineSignal(scope: SignalScope, input: DeclineSignal): Promise<Signal> {
  assertMay(scope, 'decline');
  const of = await teamOrganisations(scope.db, [scope.signal.family_a_id, scope.signal.family_b_id]);
  await touch(scope, {
    status: 'declined', resolved_by_family_id: scope.familyId, resolved_by_user_id: scope.actor.userId, resolved_at: scope.now, reason: input.reason,
    organisations_a: of(scope.signal.family_a_id), organisations_b: of(scope.signal.family_b_id),
  });
  await recordSignalEvent(scope.db, scope.signal.id, 'declined', { familyId: scope.familyId, userId: scope.actor.userId }, scope.now);
  await tellBothTimelines(scope.db, scope.signal, 'signal.declined', scope.now);
  scope.audit.detail.step = 'declined';
  return getSignal(scope);
}
