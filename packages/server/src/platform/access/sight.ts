import { sql } from 'kysely';
import {
  decideCategoryAccess,
  decideFamilyMemberAccess,
  todayInNetherlands,
  type CategoryAccessFacts,
  type CategoryDecision,
  type ConsentFact,
  type ConsentMember,
  type CovenantFact,
  type Datum,
  type FamilyMemberSightFacts,
} from '@gezinsplan/domain';
import type { FamilyActor, ProfessionalActor } from '../auth/actor';
import type { Db } from '../db/database';

/** What one viewer may see of one family's data, decided datum by datum with the domain's category rule. */
export interface Sight {
  /** Whether the viewer sees this datum, counted in the tally: call it for what is shown or withheld. */
  sees(datum: Datum): boolean;
  decide(datum: Datum): CategoryDecision;
  /** The same question, not counted: for trying a fuller view before a narrower one. */
  peek(datum: Datum): boolean;
  /** How often each basis was used and how many data were withheld, for the audit record. */
  readonly tally: { emergency: number; hidden: number };
}

export type SightFacts = Omit<CategoryAccessFacts, 'datum'>;
export type FamilyMemberSight = Omit<FamilyMemberSightFacts, 'datum'>;

function sightOf(rule: (datum: Datum) => CategoryDecision): Sight {
  const tally = { emergency: 0, hidden: 0 };
  const decide = (datum: Datum) => {
    const decision = rule(datum);
    if (!decision.visible) tally.hidden += 1;
    else if (decision.basis === 'emergency') tally.emergency += 1;
    return decision;
  };
  return { decide, sees: (datum) => decide(datum).visible, peek: (datum) => rule(datum).visible, tally };
}

/** A professional's sight: consent of the family and covenants between organisations (or a break-the-glass). */
export function makeSight(facts: SightFacts): Sight {
  return sightOf((datum) => decideCategoryAccess({ ...facts, datum }));
}

/** A family member's sight on their own family: what concerns others in it only as the age rules and consent allow. */
export function makeFamilyMemberSight(facts: FamilyMemberSight): Sight {
  return sightOf((datum) => decideFamilyMemberAccess({ ...facts, datum }));
}

/** The same facts for a family member: the household, and the consents that name them as recipient. */
export function familySightColumns(actor: FamilyActor) {
  return [
    householdColumn(),
    sql<ConsentFact[]>`coalesce((select json_agg(json_build_object('memberId', c.member_id, 'organisationId', c.organisation_id,
        'recipientMemberId', c.recipient_member_id, 'categories', c.categories, 'status', c.status, 'validFrom', c.valid_from,
        'validUntil', c.valid_until, 'givenBy', c.given_by))
      from consents c where c.family_id = f.id and c.recipient_member_id = ${actor.memberId} and c.status = 'active'), '[]')`.as('consents'),
  ] as const;
}

function householdColumn() {
  return sql<ConsentMember[]>`coalesce((select json_agg(json_build_object('id', m.id, 'birthDate', m.birth_date, 'role', m.role, 'hasCustody', m.has_custody))
      from members m where m.family_id = f.id), '[]')`.as('household');
}

export interface SightColumns {
  household: ConsentMember[];
  consents: ConsentFact[];
  covenants: CovenantFact[];
  emergency: string[];
}

/**
 * The facts the category rule needs, as columns of a query over `families f`: the household (ages and gezag), the
 * consents held by the viewer's organisation, the covenants in force for it, and the viewer's open break-the-glass
 * grants. They are read on every request, never cached, so a withdrawal holds from the very next request.
 */
/** Whose sight: a professional's organisation (and the professional, for their own break-the-glass grants). */
export interface Viewer { organisationId: string; userId: string | null }

export function sightColumns(actor: Viewer, now: Date) {
  return [
    householdColumn(),
    sql<ConsentFact[]>`coalesce((select json_agg(json_build_object('memberId', c.member_id, 'organisationId', c.organisation_id,
        'categories', c.categories, 'status', c.status, 'validFrom', c.valid_from, 'validUntil', c.valid_until, 'givenBy', c.given_by))
      from consents c where c.family_id = f.id and c.organisation_id = ${actor.organisationId} and c.status = 'active'), '[]')`.as('consents'),
    sql<CovenantFact[]>`coalesce((select json_agg(json_build_object('organisationIds', array[k.proposer_organisation_id, k.partner_organisation_id],
        'categories', k.categories, 'status', k.status, 'validFrom', k.valid_from, 'validUntil', k.valid_until))
      from covenants k where k.status = 'active'
        and (k.proposer_organisation_id = ${actor.organisationId} or k.partner_organisation_id = ${actor.organisationId})), '[]')`.as('covenants'),
    sql<string[]>`coalesce((select array_agg(distinct g.category) from break_glass_grants b cross join unnest(b.categories) as g(category)
      where b.family_id = f.id and b.user_id = ${actor.userId} and b.closed_at is null and b.expires_at > ${now}), '{}')`.as('emergency'),
  ] as const;
}

export function sightFactsFrom(row: SightColumns, actor: Viewer, now: Date): SightFacts {
  return {
    day: todayInNetherlands(now),
    viewerOrganisationId: actor.organisationId,
    household: row.household,
    consents: row.consents,
    covenants: row.covenants,
    emergencyCategories: row.emergency,
  };
}

/** The sight of one viewer on many families at once, for lists (the caseload, my actions, search). */
export async function loadSights(db: Db, actor: ProfessionalActor, familyIds: readonly string[], now: Date): Promise<Map<string, Sight>> {
  const sights = new Map<string, Sight>();
  if (familyIds.length === 0) return sights;
  const rows = await db.selectFrom('families as f').select('f.id').select(sightColumns(actor, now))
    .where('f.id', 'in', [...new Set(familyIds)]).execute();
  for (const row of rows) sights.set(row.id, makeSight(sightFactsFrom(row, actor, now)));
  return sights;
}

/**
 * What an organisation as a whole may see of a family (consent held by it, covenants in force for it), for sharing
 * with an organisation that is not on the team yet: a referral shares only what this sight allows.
 */
export async function loadOrganisationSight(db: Db, familyId: string, organisationId: string, now: Date): Promise<Sight> {
  const viewer = { organisationId, userId: null };
  const row = await db.selectFrom('families as f').select(sightColumns(viewer, now)).where('f.id', '=', familyId).executeTakeFirstOrThrow();
  return makeSight(sightFactsFrom(row, viewer, now));
}
