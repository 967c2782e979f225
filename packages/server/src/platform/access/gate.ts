import { sql } from 'kysely';
import {
  decideFamilyAccess,
  familyPermissions,
  type AccessDecision,
  type AuditAction,
  type FamilyAccessFacts,
  type FamilyPermission,
  type TeamRole,
} from '@gezinsplan/domain';
import type { Db } from '../db/database';
import type { ProfessionalActor } from '../auth/actor';
import type { AccessPoint } from '../http/request-context';
import { AppError, notFound } from '../http/app-error';
import { writeAudit, writeAuditAlone, type AuditEvent } from '../audit/audit-writer';
import { recordReads } from '../audit/audit-batcher';

/**
 * What a service receives for work on one family: the transaction to use, who acts, and the gate's decision.
 * It can only be obtained from `withFamilyAccess`, so family data is never reached around the gate.
 */
export interface FamilyScope {
  db: Db;
  familyId: string;
  actor: ProfessionalActor;
  accessPoint: AccessPoint;
  now: Date;
  decision: AccessDecision;
  /** Whether the same actor may also do `permission` on this family (for `allowedActions`). */
  can(permission: FamilyPermission): boolean;
  allowedActions(): FamilyPermission[];
  /** The handler names the object it touched, for the audit record. */
  audit: { resourceId?: string | null; memberId?: string | null; detail: Record<string, unknown> };
}

export interface FamilyAccessRequest {
  actor: ProfessionalActor;
  familyId: string;
  permission: FamilyPermission;
  action: AuditAction;
  resource: string;
  event: string;
  accessPoint: AccessPoint;
}

/** Gathers, in one query, every fact the access rule needs about this actor and this family. */
export async function loadAccessFacts(db: Db, actor: ProfessionalActor, familyId: string): Promise<FamilyAccessFacts> {
  const result = await sql<{ team_role: TeamRole | null; organisation_involved: boolean }>`
    select
      (select tm.role from team_members tm
        where tm.family_id = f.id and tm.user_id = ${actor.userId} and tm.ended_at is null) as team_role,
      exists (select 1 from team_members tm join users u on u.id = tm.user_id
        where tm.family_id = f.id and u.organisation_id = ${actor.organisationId}) as organisation_involved
    from families f where f.id = ${familyId}`.execute(db);
  const row = result.rows[0];
  return {
    actor: { kind: 'professional', roles: actor.roles },
    familyExists: row !== undefined,
    teamRole: row?.team_role ?? null,
    organisationInvolved: row?.organisation_involved ?? false,
  };
}

/**
 * The one gate. In one transaction: decide, run the work, and append the audit record, so a change and its record
 * commit together and a read's record is committed before the answer leaves. A denial is recorded on its own and
 * answered 404, exactly like a family that does not exist. A failed attempt is recorded as a failure.
 */
export async function withFamilyAccess<T>(
  db: Db,
  request: FamilyAccessRequest,
  work: (scope: FamilyScope) => Promise<T>,
): Promise<T> {
  // One family, one spelling: an upper-case id in the URL names the same family and the same audit chain.
  const req = { ...request, familyId: request.familyId.toLowerCase() };
  const now = new Date();
  const event = (decision: AccessDecision, outcome: AuditEvent['outcome'], scope?: FamilyScope['audit']): AuditEvent => ({
    action: req.action,
    eventType: req.event,
    outcome,
    actor: req.actor,
    // A request for a family that does not exist goes to the system chain: no chain per guessed id.
    familyId: decision.basis === 'no-family' ? null : req.familyId,
    memberId: scope?.memberId ?? null,
    resourceType: req.resource,
    resourceId: scope?.resourceId ?? (decision.basis === 'no-family' ? req.familyId : null),
    accessPoint: req.accessPoint,
    checks: decision.checks,
    detail: { permission: req.permission, basis: decision.basis, ...(scope?.detail ?? {}) },
  });

  let denied: AccessDecision | null = null;
  let allowedDecision: AccessDecision | null = null;
  let auditScope: FamilyScope['audit'] | undefined;
  try {
    const result = await db.transaction().execute(async (tx) => {
      // Changes to one family take turns: the family row is locked first, and the facts are read after the lock,
      // so two concurrent handovers or reorderings cannot both act on what they saw before the other committed.
      if (req.action !== 'R') await tx.selectFrom('families').select('id').where('id', '=', req.familyId).forUpdate().execute();
      const facts = await loadAccessFacts(tx, req.actor, req.familyId);
      const decision = decideFamilyAccess(facts, req.permission);
      if (!decision.allowed) {
        denied = decision;
        return undefined;
      }
      allowedDecision = decision;
      const scope: FamilyScope = {
        db: tx,
        familyId: req.familyId,
        actor: req.actor,
        accessPoint: req.accessPoint,
        now,
        decision,
        can: (p) => decideFamilyAccess(facts, p).allowed,
        allowedActions: () => familyPermissions.filter((p) => decideFamilyAccess(facts, p).allowed),
        audit: { detail: {} },
      };
      auditScope = scope.audit;
      const value = await work(scope);
      // A change and its record commit together; a read's record follows in a shared batch (below).
      if (req.action !== 'R') await writeAudit(tx, [event(decision, 'success', scope.audit)], now);
      return value;
    });
    if (denied) {
      await writeAuditAlone(db, [event(denied, 'denied')]);
      throw notFound();
    }
    if (req.action === 'R') await recordReads(db, [{ ...event(allowedDecision!, 'success', auditScope), occurredAt: now }]);
    return result as T;
  } catch (error) {
    if (allowedDecision && !(error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE')) {
      await writeAuditAlone(db, [{
        ...event(allowedDecision, 'failure', auditScope),
        detail: {
          permission: req.permission,
          ...(auditScope?.detail ?? {}),
          error: error instanceof AppError ? error.code : 'INTERNAL',
        },
      }]);
    }
    throw error;
  }
}
