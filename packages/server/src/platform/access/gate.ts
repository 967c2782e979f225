import { sql } from 'kysely';
import {
  decideFamilyAccess,
  familyPermissions,
  type AccessDecision,
  type AuditAction,
  type FamilyAccessFacts,
  type Datum,
  type FamilyPermission,
  type TeamRole,
} from '@gezinsplan/domain';
import type { Db } from '../db/database';
import type { ProfessionalActor } from '../auth/actor';
import type { AccessPoint } from '../http/request-context';
import { AppError, notFound } from '../http/app-error';
import { writeAudit, writeAuditAlone, type AuditEvent } from '../audit/audit-writer';
import { recordReads } from '../audit/audit-batcher';
import { makeSight, sightColumns, sightFactsFrom, type Sight, type SightFacts } from './sight';

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
  /** Which categories of this family's data the actor may see (consent, covenants, break-the-glass). */
  sight: Sight;
  /** The family's members as the consent rules see them (ages, gezag), read with the access facts. */
  household: SightFacts['household'];
  /**
   * For a single item: go on only if the actor may see it. A hidden item is answered 404, like a missing one, and
   * recorded as a denial on consent grounds.
   */
  require(datum: Datum): void;
  /** Whether the same actor may also do `permission` on this family (for `allowedActions`). */
  can(permission: FamilyPermission): boolean;
  allowedActions(): FamilyPermission[];
  /** The handler names the object it touched, for the audit record. */
  audit: { resourceId?: string | null; memberId?: string | null; detail: Record<string, unknown>; emergency?: boolean };
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

/**
 * Gathers, in one query, every fact the access rules need about this actor and this family: the care relationship
 * for the family as a whole, and consents, covenants and break-the-glass grants for each category of its data.
 */
export async function loadAccessFacts(db: Db, actor: ProfessionalActor, familyId: string, now: Date): Promise<{ facts: FamilyAccessFacts; sight: SightFacts }> {
  const row = await db.selectFrom('families as f')
    .select([
      sql<TeamRole | null>`(select tm.role from team_members tm
        where tm.family_id = f.id and tm.user_id = ${actor.userId} and tm.ended_at is null)`.as('team_role'),
      sql<boolean>`exists (select 1 from team_members tm join users u on u.id = tm.user_id
        where tm.family_id = f.id and u.organisation_id = ${actor.organisationId})`.as('organisation_involved'),
      sql<boolean>`exists (select 1 from data_subject_requests r
        where r.family_id = f.id and r.kind = 'erasure' and r.status = 'scheduled')`.as('restricted'),
      ...sightColumns(actor, now),
    ])
    .where('f.id', '=', familyId).executeTakeFirst();
  return {
    facts: {
      actor: { kind: 'professional', roles: actor.roles },
      familyExists: row !== undefined,
      teamRole: row?.team_role ?? null,
      organisationInvolved: row?.organisation_involved ?? false,
      restricted: row?.restricted ?? false,
    },
    sight: sightFactsFrom(row ?? { household: [], consents: [], covenants: [], emergency: [] }, actor, now),
  };
}

/** Thrown by `scope.require` for an item the actor may not see; the gate answers it as a denial. */
class CategoryHidden extends AppError {
  constructor(readonly basis: string) {
    super('NOT_FOUND', 'Not found.');
  }
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
  let sightTally: Sight['tally'] | undefined;
  // What the category rule withheld, and whether break-the-glass was used: the consent and emergency checks.
  const withSight = (e: AuditEvent): AuditEvent => {
    if (auditScope?.emergency) e = { ...e, checks: { ...e.checks, emergency: true } };
    if (!sightTally || (sightTally.emergency === 0 && sightTally.hidden === 0)) return e;
    return {
      ...e,
      checks: { ...e.checks, emergency: sightTally.emergency > 0 || e.checks.emergency },
      detail: { ...e.detail, ...(sightTally.hidden > 0 ? { hidden: sightTally.hidden } : {}), ...(sightTally.emergency > 0 ? { emergency: sightTally.emergency } : {}) },
    };
  };
  try {
    const result = await db.transaction().execute(async (tx) => {
      // Changes to one family take turns: the family row is locked first, and the facts are read after the lock,
      // so two concurrent handovers or reorderings cannot both act on what they saw before the other committed.
      if (req.action !== 'R') await tx.selectFrom('families').select('id').where('id', '=', req.familyId).forUpdate().execute();
      const { facts, sight: sightFacts } = await loadAccessFacts(tx, req.actor, req.familyId, now);
      const decision = decideFamilyAccess(facts, req.permission);
      if (!decision.allowed) {
        denied = decision;
        return undefined;
      }
      allowedDecision = decision;
      const sight = makeSight(sightFacts);
      sightTally = sight.tally;
      const scope: FamilyScope = {
        db: tx,
        familyId: req.familyId,
        actor: req.actor,
        accessPoint: req.accessPoint,
        now,
        decision,
        sight,
        household: sightFacts.household,
        require: (datum) => {
          const verdict = sight.decide(datum);
          if (!verdict.visible) throw new CategoryHidden(verdict.basis);
        },
        can: (p) => decideFamilyAccess(facts, p).allowed,
        allowedActions: () => familyPermissions.filter((p) => decideFamilyAccess(facts, p).allowed),
        audit: { detail: {} },
      };
      auditScope = scope.audit;
      const value = await work(scope);
      // A change and its record commit together; a read's record follows in a shared batch (below).
      if (req.action !== 'R') await writeAudit(tx, [withSight(event(decision, 'success', scope.audit))], now);
      return value;
    });
    if (denied) {
      await writeAuditAlone(db, [event(denied, 'denied')]);
      throw notFound();
    }
    if (req.action === 'R') await recordReads(db, [{ ...withSight(event(allowedDecision!, 'success', auditScope)), occurredAt: now }]);
    return result as T;
  } catch (error) {
    if (error instanceof CategoryHidden && allowedDecision) {
      const d: AccessDecision = allowedDecision;
      await writeAuditAlone(db, [{
        ...event(d, 'denied', auditScope),
        checks: { ...d.checks, consent: false },
        detail: { permission: req.permission, basis: error.basis, ...(auditScope?.detail ?? {}) },
      }]);
      throw notFound();
    }
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
