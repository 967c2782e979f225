import { covenantInForce, type CovenantStatus } from '../covenants/covenant.schema';
import { consentIsEffective, consentRequirement, type ConsentMember } from './consent-rules';

export interface ConsentFact {
  memberId: string;
  organisationId: string;
  categories: readonly string[];
  status: 'active' | 'withdrawn';
  validFrom: string;
  validUntil: string | null;
  givenBy: readonly string[];
}

export interface CovenantFact {
  organisationIds: readonly [string, string];
  categories: readonly string[];
  status: CovenantStatus;
  validFrom: string;
  validUntil: string | null;
}

/** Everything needed to decide whether one professional's organisation may see one piece of family data. */
export interface CategoryAccessFacts {
  day: string;
  viewerOrganisationId: string;
  /** The datum: its category, the organisation that wrote it, and the members it is about (none: the family). */
  datum: { category: string; authorOrganisationId: string; memberIds: readonly string[] };
  household: readonly ConsentMember[];
  consents: readonly ConsentFact[];
  covenants: readonly CovenantFact[];
}

export type CategoryDecision =
  | { visible: true; basis: 'own-organisation' | 'consent-and-covenant' }
  | { visible: false; basis: 'no-covenant' | 'no-consent' };

/** Whether an effective consent about `memberId` lets `organisationId` see `category` on `day`. */
export function consentCovers(facts: CategoryAccessFacts, memberId: string): boolean {
  const subject = facts.household.find((m) => m.id === memberId);
  if (!subject) return false;
  const requirement = consentRequirement(subject, facts.household, facts.day);
  return facts.consents.some((c) =>
    c.memberId === memberId && c.organisationId === facts.viewerOrganisationId && c.status === 'active' &&
    c.categories.includes(facts.datum.category) && c.validFrom <= facts.day && (c.validUntil === null || facts.day <= c.validUntil) &&
    consentIsEffective(requirement, c.givenBy));
}

/**
 * Professional secrecy is not lifted by working in one team (Jeugdwet 7.3.11): a professional sees a category of a
 * member's data when their own organisation wrote it, or when the family consented for their organisation AND a
 * covenant in force between the two organisations covers that category. Data about several members needs consent
 * about each; data about the family as a whole needs consent about a parent with gezag.
 */
export function decideCategoryAccess(facts: CategoryAccessFacts): CategoryDecision {
  const { datum, viewerOrganisationId: viewer } = facts;
  if (datum.authorOrganisationId === viewer) return { visible: true, basis: 'own-organisation' };
  const covenant = facts.covenants.some((c) =>
    c.organisationIds.includes(viewer) && c.organisationIds.includes(datum.authorOrganisationId) &&
    c.categories.includes(datum.category) && covenantInForce(c, facts.day));
  if (!covenant) return { visible: false, basis: 'no-covenant' };
  const consented = datum.memberIds.length > 0
    ? datum.memberIds.every((id) => consentCovers(facts, id))
    : facts.household.some((m) => m.hasCustody && consentCovers(facts, m.id));
  return consented ? { visible: true, basis: 'consent-and-covenant' } : { visible: false, basis: 'no-consent' };
}
