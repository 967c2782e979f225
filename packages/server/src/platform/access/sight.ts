import { sql } from 'kysely';
import {
  decideCategoryAccess,
  todayInNetherlands,
  type CategoryAccessFacts,
  type CategoryDecision,
  type ConsentFact,
  type ConsentMember,
  type CovenantFact,
  type Datum,
} from '@gezinsplan/domain';
import type { ProfessionalActor } from '../auth/actor';
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

export function makeSight(facts: SightFacts): Sight {
  const tally = { emergency: 0, hidden: 0 };
  const decide = (datum: Datum) => {
    const decision = decideCategoryAccess({ ...facts, datum });
    if (!decision.visible) tally.hidden += 1;
    else if (decision.basis === 'emergency') tally.emergency += 1;
    return decision;
  };
  return { decide, sees: (datum) => decide(datum).visible, peek: (datum) => decideCategoryAccess({ ...facts, datum }).visible, tally };
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
export function sightColumns(actor: ProfessionalActor, now: Date) {
  return [
    sql<ConsentMember[]>`coalesce((select json_agg(json_build_object('id', m.id, 'birthDate', m.birth_date, 'role', m.role, 'hasCustody', m.has_custody))
      from members m where m.family_id = f.id), '[]')`.as('household'),
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

export function sightFactsFrom(row: SightColumns, actor: ProfessionalActor, now: Date): SightFacts {
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
