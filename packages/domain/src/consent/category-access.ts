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
  datum: Datum;
  household: readonly ConsentMember[];
  consents: readonly ConsentFact[];
  covenants: readonly CovenantFact[];
  /** Categories the viewer opened by breaking the glass, in grants still open now. */
  emergencyCategories: readonly string[];
}

/** One piece of family data as the rule sees it: its category, who wrote it, whom it is about (none: the family). */
export interface Datum {
  category: string;
  authorOrganisationId: string;
  memberIds: readonly string[];
  /** A task given to the viewer themselves (an action assigned to them): they cannot do it unseen. */
  addressedToViewer?: boolean;
}

export type CategoryDecision =
  | { visible: true; basis: 'own-organisation' | 'addressed-to-viewer' | 'consent-and-covenant' | 'emergency' }
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
 * about each; data about the family as a whole needs consent about a parent with gezag. An action assigned to the
 * viewer is visible to them, and a break-the-glass grant opens its categories for its holder until it expires.
 */
export function decideCategoryAccess(facts: CategoryAccessFacts): CategoryDecision {
  const { datum, viewerOrganisationId: viewer } = facts;
  if (datum.authorOrganisationId === viewer) return { visible: true, basis: 'own-organisation' };
  if (datum.addressedToViewer) return { visible: true, basis: 'addressed-to-viewer' };
  const covenant = facts.covenants.some((c) =>
    c.organisationIds.includes(viewer) && c.organisationIds.includes(datum.authorOrganisationId) &&
    c.categories.includes(datum.category) && covenantInForce(c, facts.day));
  const consented = covenant && (datum.memberIds.length > 0
    ? datum.memberIds.every((id) => consentCovers(facts, id))
    : facts.household.some((m) => m.hasCustody && consentCovers(facts, m.id)));
  if (consented) return { visible: true, basis: 'consent-and-covenant' };
  // Acute danger outweighs secrecy (conflict of duties); the grant is time-boxed, flagged and reviewed.
  if (facts.emergencyCategories.includes(datum.category)) return { visible: true, basis: 'emergency' };
  return { visible: false, basis: covenant ? 'no-consent' : 'no-covenant' };
}
