import { receiverSeesReferral, type ReferralSide, type ReferralStatus } from '@gezinsplan/domain';
import type { Db } from '../db/database';
import type { ProfessionalActor } from '../auth/actor';
import type { AccessPoint } from '../http/request-context';
import { AppError, notFound } from '../http/app-error';
import { writeAudit, writeAuditAlone, type AuditEvent } from '../audit/audit-writer';
import { recordReads } from '../audit/audit-batcher';

/**
 * The gate for a referral as a whole, for the one party that reaches a family's data without being on its team: the
 * receiving organisation. It sees the referral's shared snapshot while the referral stands (requested, accepted, in
 * progress, completed), and nothing once it is refused, withdrawn or failed. The referring side is the family's
 * active care team. Anyone else gets 404, like a referral that does not exist. Every decision is recorded in the
 * family's audit chain, in the same transaction as a change.
 */
export interface ReferralScope {
  db: Db;
  actor: ProfessionalActor;
  referral: { id: string; family_id: string; status: ReferralStatus; from_user_id: string; to_organisation_id: string };
  side: ReferralSide;
  /** On the referring side: whether the actor is the family's coordinator (who may act for the referrer). */
  coordinator: boolean;
  now: Date;
  accessPoint: AccessPoint;
  audit: { detail: Record<string, unknown> };
}

export interface ReferralAccessRequest {
  actor: ProfessionalActor;
  referralId: string;
  action: 'R' | 'U';
  event: string;
  accessPoint: AccessPoint;
}

export async function withReferralAccess<T>(db: Db, req: ReferralAccessRequest, work: (scope: ReferralScope) => Promise<T>): Promise<T> {
  const now = new Date();
  const event = (familyId: string | null, outcome: AuditEvent['outcome'], side: ReferralSide | null, detail: Record<string, unknown> = {}): AuditEvent => ({
    action: req.action, eventType: req.event, outcome, actor: req.actor, familyId, resourceType: 'referral', resourceId: req.referralId,
    accessPoint: req.accessPoint, purpose: 'care',
    checks: { authorisation: side !== null, careRelationship: side === 'referrer', consent: side !== null, emergency: false },
    detail: { basis: side === 'receiver' ? 'referral-receiver' : side === 'referrer' ? 'care-team' : 'no-referral-access', ...detail },
  });
  let denied: string | null | undefined;
  let decided: { familyId: string; side: ReferralSide; detail: Record<string, unknown> } | null = null;
  try {
    const result = await db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('referrals as r')
        .select(['r.id', 'r.family_id', 'r.status', 'r.from_user_id', 'r.to_organisation_id', (eb) => eb.selectFrom('team_members as t')
          .select('t.role').whereRef('t.family_id', '=', 'r.family_id').where('t.user_id', '=', req.actor.userId).where('t.ended_at', 'is', null).as('team_role')])
        .where('r.id', '=', req.referralId);
      if (req.action !== 'R') q = q.forUpdate();
      const row = await q.executeTakeFirst();
      const status = row?.status as ReferralStatus | undefined;
      const isProfessional = req.actor.roles.includes('professional');
      // The receiving organisation answers for itself, also once its professional joined the team by accepting.
      const side: ReferralSide | null = !row || !isProfessional ? null
        : row.to_organisation_id === req.actor.organisationId && receiverSeesReferral(status!) ? 'receiver'
          : row.team_role ? 'referrer' : null;
      if (!row || !side) {
        denied = row?.family_id ?? null;
        return undefined;
      }
      const scope: ReferralScope = {
        db: tx, actor: req.actor, referral: { ...row, status: status! }, side, coordinator: row.team_role === 'coordinator',
        now, accessPoint: req.accessPoint, audit: { detail: {} },
      };
      decided = { familyId: row.family_id, side, detail: scope.audit.detail };
      const value = await work(scope);
      if (req.action !== 'R') await writeAudit(tx, [event(row.family_id, 'success', side, scope.audit.detail)], now);
      return value;
    });
    if (denied !== undefined) {
      await writeAuditAlone(db, [event(denied, 'denied', null)]);
      throw notFound();
    }
    const d = decided!;
    if (req.action === 'R') await recordReads(db, [{ ...event(d.familyId, 'success', d.side, d.detail), occurredAt: now }]);
    return result as T;
  } catch (error) {
    const d = decided as { familyId: string; side: ReferralSide; detail: Record<string, unknown> } | null;
    if (d && !(error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE')) {
      await writeAuditAlone(db, [event(d.familyId, 'failure', d.side, { ...d.detail, error: error instanceof AppError ? error.code : 'INTERNAL' })]);
    }
    throw error;
  }
}
