import { ageOn } from '../rules/age';

/** The age bands of Dutch consent law (WGBO art. 7:450 BW; the Jeugdwet mirrors it): domain-notes §6.2. */
export type AgeBand = 'under-12' | '12-15' | '16-plus';

export function ageBand(birthDate: string, day: string): AgeBand {
  const age = ageOn(birthDate, day);
  if (age < 12) return 'under-12';
  if (age < 16) return '12-15';
  return '16-plus';
}

export interface ConsentMember {
  id: string;
  birthDate: string;
  role: 'parent' | 'child' | 'other';
  hasCustody: boolean;
}

/** Who must agree before data about `subject` may be shared, on `day`. */
export interface ConsentRequirement {
  band: AgeBand;
  /** One of these parents with gezag must agree (under 16). */
  anyOf: string[];
  /** This person must agree themselves (12 and older). */
  self: string | null;
}

/**
 * Under 12 a parent with gezag decides; 12–15 both a parent with gezag and the youth (dual consent); from 16 the
 * youth alone. The age is taken on the day the data is asked for, so a consent given for an 11-year-old by a
 * parent alone stops counting on the child's 12th birthday until the child agrees too.
 */
export function consentRequirement(subject: ConsentMember, household: readonly ConsentMember[], day: string): ConsentRequirement {
  const band = ageBand(subject.birthDate, day);
  const custodians = household.filter((m) => m.id !== subject.id && m.hasCustody && ageOn(m.birthDate, day) >= 18).map((m) => m.id);
  switch (band) {
    case 'under-12':
      return { band, anyOf: custodians, self: null };
    case '12-15':
      return { band, anyOf: custodians, self: subject.id };
    case '16-plus':
      return { band, anyOf: [], self: subject.id };
  }
}

/** Whether the people who agreed are enough for the law on this day. */
export function consentIsEffective(requirement: ConsentRequirement, givenBy: readonly string[]): boolean {
  const given = new Set(givenBy);
  if (requirement.self !== null && !given.has(requirement.self)) return false;
  if (requirement.band !== '16-plus' && !requirement.anyOf.some((id) => given.has(id))) return false;
  return true;
}

/**
 * Whether a parent may see a youth's own data: while the youth is under 16, a parent with gezag may; from 16 only
 * with the youth's consent.
 */
export function parentMaySee(parent: ConsentMember, youth: ConsentMember, day: string, youthConsented: boolean): boolean {
  if (ageBand(youth.birthDate, day) === '16-plus') return youthConsented;
  return parent.hasCustody;
}

/** Whether `memberId` is among those whose agreement counts for consent about `subject` on `day`. */
export function decidesFor(memberId: string, subject: ConsentMember, household: readonly ConsentMember[], day: string): boolean {
  const requirement = consentRequirement(subject, household, day);
  return requirement.self === memberId || requirement.anyOf.includes(memberId);
}
