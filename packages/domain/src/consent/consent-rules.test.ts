import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageBand, consentIsEffective, consentRequirement, parentMaySee, type ConsentMember } from './consent-rules';
import { describeConsent, dutchList } from './consent-text';

const day = '2026-11-23';
/** A birth date that makes someone exactly `age` on `day`. */
const bornAged = (age: number) => `${2026 - age}-11-23`;

const mother: ConsentMember = { id: 'mother', birthDate: '1987-04-12', role: 'parent', hasCustody: true };
const father: ConsentMember = { id: 'father', birthDate: '1985-01-01', role: 'parent', hasCustody: false };
const youth = (age: number): ConsentMember => ({ id: 'youth', birthDate: bornAged(age), role: 'child', hasCustody: false });

describe('consent by age (WGBO 7:450, Jeugdwet)', () => {
  it('puts ages in the legal bands, turning on the birthday', () => {
    expect([11, 12, 15, 16, 17].map((a) => ageBand(bornAged(a), day))).toEqual(['under-12', '12-15', '12-15', '16-plus', '16-plus']);
    expect(ageBand('2014-11-24', day)).toBe('under-12');
  });

  it('gives the decision table: age × who agreed → consent exists', () => {
    const givers: Record<string, string[]> = {
      'mother (gezag)': ['mother'], 'father (no gezag)': ['father'], youth: ['youth'], 'mother + youth': ['mother', 'youth'], nobody: [],
    };
    const table = Object.fromEntries([11, 12, 15, 16, 17].map((age) => {
      const requirement = consentRequirement(youth(age), [mother, father, youth(age)], day);
      return [age, Object.fromEntries(Object.entries(givers).map(([who, ids]) => [who, consentIsEffective(requirement, ids)]))];
    }));
    expect(table).toEqual({
      11: { 'mother (gezag)': true, 'father (no gezag)': false, youth: false, 'mother + youth': true, nobody: false },
      12: { 'mother (gezag)': false, 'father (no gezag)': false, youth: false, 'mother + youth': true, nobody: false },
      15: { 'mother (gezag)': false, 'father (no gezag)': false, youth: false, 'mother + youth': true, nobody: false },
      16: { 'mother (gezag)': false, 'father (no gezag)': false, youth: true, 'mother + youth': true, nobody: false },
      17: { 'mother (gezag)': false, 'father (no gezag)': false, youth: true, 'mother + youth': true, nobody: false },
    });
  });

  it('stops counting a parent-only consent on the 12th birthday', () => {
    const child = { ...youth(0), birthDate: '2014-11-24' };
    const household = [mother, child];
    expect(consentIsEffective(consentRequirement(child, household, '2026-11-23'), ['mother'])).toBe(true);
    expect(consentIsEffective(consentRequirement(child, household, '2026-11-24'), ['mother'])).toBe(false);
    expect(consentIsEffective(consentRequirement(child, household, '2026-11-24'), ['mother', child.id])).toBe(true);
  });

  it('lets adults decide for themselves only', () => {
    const requirement = consentRequirement(mother, [mother, father], day);
    expect(consentIsEffective(requirement, ['mother'])).toBe(true);
    expect(consentIsEffective(requirement, ['father'])).toBe(false);
  });

  it('never counts a consent without the people the law names (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.subarray(['mother', 'father', 'youth', 'neighbour']), (age, given) => {
      const subject = youth(age);
      const requirement = consentRequirement(subject, [mother, father, subject], day);
      const ok = consentIsEffective(requirement, given);
      const band = ageBand(subject.birthDate, day);
      const expected = band === 'under-12' ? given.includes('mother')
        : band === '12-15' ? given.includes('mother') && given.includes('youth')
          : given.includes('youth');
      expect(ok).toBe(expected);
    }));
  });

  it('lets a parent see a youth of 16 or older only with the youth’s consent', () => {
    expect(parentMaySee(mother, youth(15), day, false)).toBe(true);
    expect(parentMaySee(mother, youth(16), day, false)).toBe(false);
    expect(parentMaySee(mother, youth(16), day, true)).toBe(true);
    expect(parentMaySee(father, youth(13), day, false)).toBe(false);
  });
});

describe('consent in plain Dutch', () => {
  it('says who may see what, until when', () => {
    expect(describeConsent('De huisarts', ['Geestelijke gezondheid'], '2027-03-01')).toBe('De huisarts mag zien: geestelijke gezondheid, tot 1 maart 2027.');
    expect(dutchList(['geldzaken', 'woning', 'school'])).toBe('geldzaken, woning en school');
  });
});
