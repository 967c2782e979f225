import { sql, type Selectable } from 'kysely';
import { SIGNAL_INACTIVE_YEARS } from '@gezinsplan/domain';
import type { Db } from '../db/database';
import type { SignalsTable } from '../db/schema';
import type { ProfessionalActor } from '../auth/actor';
import type { AccessPoint } from '../http/request-context';
import { AppError, notFound } from '../http/app-error';
import { writeAudit, writeAuditAlone, type AuditEvent } from '../audit/audit-writer';
import { recordReads } from '../audit/audit-batcher';

export type SignalSide = 'a' | 'b';
export type SignalRow = Selectable<SignalsTable>;

/** A signal still shown: its last change is less than two years ago. */
export const signalActiveSince = (now: Date) => sql<Date>`${now}::timestamptz - make_interval(years => ${SIGNAL_INACTIVE_YEARS})`;

/**
 * The gate for one signal. A signal is seen by the coordinator of either file it links, and by nobody else (404, as
 * for a signal that does not exist or is no longer shown). The reader learns the other side's contact details and
 * nothing of its file. Every decision is recorded in both files' audit chains — the reader's own, and the other
 * file's, whose coordinator's details were read — and a change commits with its records.
 */
export interface SignalScope {
  db: Db;
  actor: ProfessionalActor;
  signal: SignalRow;
  side: SignalSide;
  /** The reader's own file, and the other one (never shown to the reader). */
  familyId: string;
  otherFamilyId: string;
  now: Date;
  audit: { detail: Record<string, unknown> };
}

export interface SignalAccessRequest {
  actor: ProfessionalActor;
  signalId: string;
  action: 'R' | 'U';
  event: string;
  accessPoint: AccessPoint;
}

/** One record per file the signal links: the reader's side (care relationship) and the other side. */
export function signalAuditEvents(
  base: Omit<AuditEvent, 'familyId' | 'checks' | 'detail' | 'resourceType'>,
  families: { familyId: string; own: boolean }[],
  allowed: boolean,
  detail: Record<string, unknown> = {},
): AuditEvent[] {
  return families.map(({ familyId, own }) => ({
    ...base, familyId, resourceType: 'signal', purpose: 'care',
    checks: { authorisation: allowed, careRelationship: allowed && own, consent: allowed, emergency: false },
    detail: { basis: !allowed ? 'no-signal-access' : own ? 'signal-coordinator' : 'signal-counterpart', ...detail },
  }));
}

export async function withSignalAccess<T>(db: Db, req: SignalAccessRequest, work: (scope: SignalScope) => Promise<T>): Promise<T> {
  const now = new Date();
  const signalId = req.signalId.toLowerCase();
  const base = { action: req.action, eventType: req.event, actor: req.actor, resourceId: signalId, accessPoint: req.accessPoint };
  const sides = (s: Pick<SignalRow, 'family_a_id' | 'family_b_id'>, side: SignalSide | null) => [
    { familyId: s.family_a_id, own: side === 'a' }, { familyId: s.family_b_id, own: side === 'b' },
  ];
  let denied: SignalRow | null | undefined;
  let decided: { row: SignalRow; side: SignalSide; detail: Record<string, unknown> } | null = null;
  try {
    const result = await db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('signals as s').selectAll('s')
        .select((eb) => [
          eb.exists(eb.selectFrom('team_members as t').select('t.id').whereRef('t.family_id', '=', 's.family_a_id')
            .where('t.user_id', '=', req.actor.userId).where('t.role', '=', 'coordinator').where('t.ended_at', 'is', null)).as('coordinates_a'),
          eb.exists(eb.selectFrom('team_members as t').select('t.id').whereRef('t.family_id', '=', 's.family_b_id')
            .where('t.user_id', '=', req.actor.userId).where('t.role', '=', 'coordinator').where('t.ended_at', 'is', null)).as('coordinates_b'),
        ])
        .where('s.id', '=', signalId);
      if (req.action !== 'R') {
        // Changes take turns with each file's other changes: both family rows first (in id order), as the family gate
        // and the matcher do, then the signal — one lock order everywhere, so no two writers wait on each other.
        const pair = await tx.selectFrom('signals').select(['family_a_id', 'family_b_id']).where('id', '=', signalId).executeTakeFirst();
        if (pair) await tx.selectFrom('families').select('id').where('id', 'in', [pair.family_a_id, pair.family_b_id]).orderBy('id').forNoKeyUpdate().execute();
        q = q.forUpdate();
      }
      const found = await q.executeTakeFirst();
      const { coordinates_a: a, coordinates_b: b, ...row } = found ?? { coordinates_a: false, coordinates_b: false };
      const shown = found !== undefined && activeAt(found.last_activity_at, now);
      const side: SignalSide | null = !found || !shown || !req.actor.roles.includes('professional') ? null : a ? 'a' : b ? 'b' : null;
      if (!found || !side) {
        denied = found ? (row as SignalRow) : null;
        return undefined;
      }
      const signal = row as SignalRow;
      const scope: SignalScope = {
        db: tx, actor: req.actor, signal, side, now, audit: { detail: {} },
        familyId: side === 'a' ? signal.family_a_id : signal.family_b_id,
        otherFamilyId: side === 'a' ? signal.family_b_id : signal.family_a_id,
      };
      decided = { row: signal, side, detail: scope.audit.detail };
      const value = await work(scope);
      if (req.action !== 'R') await writeAudit(tx, signalAuditEvents({ ...base, outcome: 'success' }, sides(signal, side), true, scope.audit.detail), now);
      return value;
    });
    if (denied !== undefined) {
      const events = denied
        ? signalAuditEvents({ ...base, outcome: 'denied' }, sides(denied, null), false)
        : [{ ...base, outcome: 'denied' as const, familyId: null, resourceType: 'signal', checks: { authorisation: false, careRelationship: false, consent: false, emergency: false }, detail: { basis: 'no-signal' } }];
      await writeAuditAlone(db, events);
      throw notFound();
    }
    const d = decided!;
    if (req.action === 'R') {
      await recordReads(db, signalAuditEvents({ ...base, outcome: 'success', occurredAt: now }, sides(d.row, d.side), true, d.detail));
    }
    return result as T;
  } catch (error) {
    const d = decided as { row: SignalRow; side: SignalSide; detail: Record<string, unknown> } | null;
    if (d && !(error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE')) {
      await writeAuditAlone(db, signalAuditEvents({ ...base, outcome: 'failure' }, sides(d.row, d.side), true,
        { ...d.detail, error: error instanceof AppError ? error.code : 'INTERNAL' }));
    }
    throw error;
  }
}

/** Until when a signal last changed at `lastActivity` is shown. */
export function activeUntil(lastActivity: Date | string): Date {
  const until = new Date(lastActivity);
  until.setUTCFullYear(until.getUTCFullYear() + SIGNAL_INACTIVE_YEARS);
  return until;
}

/** Whether a signal last changed at `lastActivity` is still shown at `now`. */
export const activeAt = (lastActivity: Date | string, now: Date): boolean => activeUntil(lastActivity) > now;
