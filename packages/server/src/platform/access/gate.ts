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
  todayInNetherlands,
} from '@gezinsplan/domain';
import { isDatabaseUnavailable, type Db } from '../db/database';
import type { FamilyActor, ProfessionalActor, SignedInActor } from '../auth/actor';
import type { AccessPoint } from '../http/request-context';
import { AppError, notFound } from '../http/app-error';
import { writeAudit, writeAuditAlone, type AuditEvent } from '../audit/audit-writer';
import { recordReads } from '../audit/audit-batcher';
import { familySightColumns, makeFamilyMemberSight, makeSight, sightColumns, sightFactsFrom, type Sight, type SightFacts } from './sight';

/**
 * What a service receives for work on one family: the transaction to use, who acts, and the gate's decision.
 * It can only be obtained from `withFamilyAccess`, so family data is never reached around the gate.
 */
export interface FamilyScope {
  db: Db;
  familyId: string;
  /** A professional on the team, or a member of this family signed in to their own file. */
  actor: SignedInActor;
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
  actor: SignedInActor;
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
export async function loadAccessFacts(db: Db, actor: SignedInActor, familyId: string, now: Date): Promise<AccessFacts> {
  return actor.kind === 'family' ? loadFamilyMemberFacts(db, actor, familyId, now) : loadProfessionalFacts(db, actor, familyId, now);
}

interface AccessFacts {
  facts: FamilyAccessFacts;
  household: SightFacts['household'];
  /** The file is closed (afgesloten): its plan is history until it is reopened. */
  closed: boolean;
  makeSight(): Sight;
}

/**
 * What a closed file no longer takes: changes to its plan (goals, actions, assessments, agreements, help and
 * evaluations). It is not a question of access, so it is answered 409, not 404: reopen the file first. Notes, the
 * team, consents and the aftercare check go on.
 */
const closedFileRefuses: ReadonlySet<FamilyPermission> = new Set(['plan:write']);

const restrictedColumn = sql<boolean>`exists (select 1 from data_subject_requests r
  where r.family_id = f.id and r.kind = 'erasure' and r.status = 'scheduled')`.as('restricted');

async function loadProfessionalFacts(db: Db, actor: ProfessionalActor, familyId: string, now: Date): Promise<AccessFacts> {
  const row = await db.selectFrom('families as f')
    .select([
      sql<TeamRole | null>`(select tm.role from team_members tm
        where tm.family_id = f.id and tm.user_id = ${actor.userId} and tm.ended_at is null)`.as('team_role'),
      sql<boolean>`exists (select 1 from team_members tm join users u on u.id = tm.user_id
        where tm.family_id = f.id and u.organisation_id = ${actor.organisationId})`.as('organisation_involved'),
      restrictedColumn,
      'f.phase',
      ...sightColumns(actor, now),
    ])
    .where('f.id', '=', familyId).executeTakeFirst();
  const sight = sightFactsFrom(row ?? { household: [], consents: [], covenants: [], emergency: [] }, actor, now);
  return {
    facts: {
      actor: { kind: 'professional', roles: actor.roles },
      familyExists: row !== undefined,
      teamRole: row?.team_role ?? null,
      organisationInvolved: row?.organisation_involved ?? false,
      restricted: row?.restricted ?? false,
    },
    household: sight.household,
    closed: row?.phase === 'afgesloten',
    makeSight: () => makeSight(sight),
  };
}

/** A family member reaches only their own family; what they see of the others in it follows the age rules and consent. */
async function loadFamilyMemberFacts(db: Db, actor: FamilyActor, familyId: string, now: Date): Promise<AccessFacts> {
  const row = await db.selectFrom('families as f').select([restrictedColumn, 'f.phase', ...familySightColumns(actor)]).where('f.id', '=', familyId).executeTakeFirst();
  const ownFamily = row !== undefined && familyId === actor.familyId;
  // Nothing of another family is kept: its household and consents are not this actor's to see.
  const household = ownFamily ? row.household : [];
  return {
    facts: {
      actor: { kind: 'family', ownFamily },
      familyExists: row !== undefined,
      teamRole: null,
      organisationInvolved: false,
      restricted: row?.restricted ?? false,
    },
    household,
    closed: ownFamily && row.phase === 'afgesloten',
    makeSight: () => makeFamilyMemberSight({ day: todayInNetherlands(now), viewerMemberId: actor.memberId, household, consents: ownFamily ? row.consents : [] }),
  };
}

/** Thrown by `scope.require` for an item the actor may not see; the gate answers it as a denial. */
class CategoryHidden extends AppError {
  constructor(readonly basis: string) {
    super('NOT_FOUND', 'Not found.');
  }
}

/**
 * The one gate: decide, run the work, and append the audit record, so a change and its record commit together (one
 * transaction) and a read's record is committed before the answer leaves. A denial is recorded on its own and
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
  // A change runs in a transaction with its audit record. A read runs on one connection without BEGIN and
  // COMMIT (two of a plan's round trips): each of its statements reads one consistent snapshot, the decision is
  // taken from facts read microseconds before the data, and its audit record is committed before the answer leaves.
  const session = <R>(work: (tx: Db) => Promise<R>): Promise<R> =>
    req.action === 'R' ? db.connection().execute(work) : db.transaction().execute(work);
  try {
    const result = await session(async (tx) => {
      // Changes to one family take turns: the family row is locked first, and the facts are read after the lock,
      // so two concurrent handovers or reorderings cannot both act on what they saw before the other committed.
      // FOR NO KEY UPDATE, not FOR UPDATE: it does not wait for the key-share locks that rows referring to the
      // family take (a notification, a signal from another file), only for other changes to this family.
      if (req.action !== 'R') await tx.selectFrom('families').select('id').where('id', '=', req.familyId).forNoKeyUpdate().execute();
      const { facts, household, closed, makeSight: sightFor } = await loadAccessFacts(tx, req.actor, req.familyId, now);
      const decision = decideFamilyAccess(facts, req.permission);
      if (!decision.allowed) {
        denied = decision;
        return undefined;
      }
      allowedDecision = decision;
      if (closed && closedFileRefuses.has(req.permission)) {
        throw new AppError('CONFLICT', 'The file is closed: its plan no longer changes. Reopen the file to work on it again.');
      }
      const permitted = (p: FamilyPermission) => decideFamilyAccess(facts, p).allowed && !(closed && closedFileRefuses.has(p));
      const sight = sightFor();
      sightTally = sight.tally;
      const scope: FamilyScope = {
        db: tx,
        familyId: req.familyId,
        actor: req.actor,
        accessPoint: req.accessPoint,
        now,
        decision,
        sight,
        household,
        require: (datum) => {
          const verdict = sight.decide(datum);
          if (!verdict.visible) throw new CategoryHidden(verdict.basis);
        },
        can: permitted,
        allowedActions: () => familyPermissions.filter(permitted),
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
          // A lost database connection is answered 503, and recorded as what it was.
          error: error instanceof AppError ? error.code : isDatabaseUnavailable(error) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL',
        },
      }]);
    }
    throw error;
  }
}

/** For work only professionals do (the gate never grants it to a family member): the professional acting. */
export function professionalIn(scope: FamilyScope): ProfessionalActor {
  if (scope.actor.kind !== 'professional') throw new AppError('FORBIDDEN', 'Only professionals on the care team can do this.');
  return scope.actor;
}

/** Who wrote a datum, as stored with it: a professional and their organisation, or a member of the family. */
export function authorColumns(scope: Pick<FamilyScope, 'actor'>): { author_user_id: string; author_organisation_id: string | null; author_member_id: string | null } {
  const { actor } = scope;
  return actor.kind === 'family'
    ? { author_user_id: actor.userId, author_organisation_id: null, author_member_id: actor.memberId }
    : { author_user_id: actor.userId, author_organisation_id: actor.organisationId, author_member_id: null };
}

/** Whom an item addressed to the viewer would name: their user (a professional) or their member (a family member). */
export function viewerOf(scope: FamilyScope): { userId: string; memberId: string | null } {
  return { userId: scope.actor.userId, memberId: scope.actor.kind === 'family' ? scope.actor.memberId : null };
}
