import { covenantInForce, type CovenantStatus } from '../covenants/covenant.schema';
import { ageOn } from '../rules/age';
import { ageBand, consentIsEffective, consentRequirement, type ConsentMember } from './consent-rules';

export interface ConsentFact {
  memberId: string;
  /** Who may see: an organisation, or (a youth of 16+ deciding about a parent) a member of the family. */
  organisationId: string | null;
  recipientMemberId?: string | null;
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
  /** The organisation that wrote it; null when the family wrote it themselves. */
  authorOrganisationId: string | null;
  /** The family member who wrote it, for what the family writes (a goal in their own words, a comment). */
  authorMemberId?: string | null;
  memberIds: readonly string[];
  /** A task given to the viewer themselves (an action assigned to them): they cannot do it unseen. */
  addressedToViewer?: boolean;
}

export type CategoryDecision =
  | { visible: true; basis: 'own-organisation' | 'addressed-to-viewer' | 'consent-and-covenant' | 'emergency' | 'written-by-family' | 'own-family' }
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
  // What the family writes in its own plan, it writes for its whole care team.
  if (datum.authorOrganisationId === null) return { visible: true, basis: 'written-by-family' };
  if (datum.addressedToViewer) return { visible: true, basis: 'addressed-to-viewer' };
  const author = datum.authorOrganisationId;
  const covenant = facts.covenants.some((c) =>
    c.organisationIds.includes(viewer) && c.organisationIds.includes(author) &&
    c.categories.includes(datum.category) && covenantInForce(c, facts.day));
  const consented = covenant && (datum.memberIds.length > 0
    ? datum.memberIds.every((id) => consentCovers(facts, id))
    : facts.household.some((m) => m.hasCustody && consentCovers(facts, m.id)));
  if (consented) return { visible: true, basis: 'consent-and-covenant' };
  // Acute danger outweighs secrecy (conflict of duties); the grant is time-boxed, flagged and reviewed.
  if (facts.emergencyCategories.includes(datum.category)) return { visible: true, basis: 'emergency' };
  return { visible: false, basis: covenant ? 'no-consent' : 'no-covenant' };
}

/** What a signed-in family member's sight on their own family's data depends on. */
export interface FamilyMemberSightFacts {
  day: string;
  viewerMemberId: string;
  datum: Datum;
  household: readonly ConsentMember[];
  /** Active consents that name the viewer as recipient. */
  consents: readonly ConsentFact[];
}

/**
 * A family member sees their family's data, except data about another member that is that member's own business:
 * a parent with gezag sees what is about a child under 16; data about anyone else (a youth of 16 or older, the other
 * parent, a sibling) needs that person's consent, given under the age rules. Everyone in the family sees who is in
 * it and who helps it (identity), what is about the family as a whole, what they wrote, and what is asked of them.
 */
export function decideFamilyMemberAccess(facts: FamilyMemberSightFacts): CategoryDecision {
  const { datum, viewerMemberId: viewer } = facts;
  const own: CategoryDecision = { visible: true, basis: 'own-family' };
  if (datum.category === 'identity' || datum.memberIds.length === 0) return own;
  if (datum.authorMemberId === viewer) return own;
  if (datum.addressedToViewer) return { visible: true, basis: 'addressed-to-viewer' };
  const self = facts.household.find((m) => m.id === viewer);
  const visible = datum.memberIds.every((id) => {
    if (id === viewer) return true;
    const subject = facts.household.find((m) => m.id === id);
    if (!subject) return false;
    if (self && ageBand(subject.birthDate, facts.day) !== '16-plus' && self.hasCustody && ageOn(self.birthDate, facts.day) >= 18) return true;
    const requirement = consentRequirement(subject, facts.household, facts.day);
    return facts.consents.some((c) =>
      c.memberId === id && c.recipientMemberId === viewer && c.status === 'active' && c.categories.includes(datum.category) &&
      c.validFrom <= facts.day && (c.validUntil === null || facts.day <= c.validUntil) && consentIsEffective(requirement, c.givenBy));
  });
  return visible ? own : { visible: false, basis: 'no-consent' };
}
