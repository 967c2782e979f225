import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideCategoryAccess, decideFamilyMemberAccess, type CategoryAccessFacts, type ConsentFact, type CovenantFact, type Datum } from './category-access';
import type { ConsentMember } from './consent-rules';

const day = '2026-11-23';
const bornAged = (age: number) => `${2026 - age}-11-23`;
const GP = 'org-huisarts';
const DEBT = 'org-schuldhulp';
const mother: ConsentMember = { id: 'mother', birthDate: '1987-04-12', role: 'parent', hasCustody: true };
const youth = (age: number): ConsentMember => ({ id: 'youth', birthDate: bornAged(age), role: 'child', hasCustody: false });

const consent = (memberId: string, givenBy: string[], extra: Partial<ConsentFact> = {}): ConsentFact => ({
  memberId, organisationId: GP, categories: ['geestelijke-gezondheid'], status: 'active', validFrom: '2026-01-01', validUntil: null, givenBy, ...extra,
});
const covenant = (status: CovenantFact['status'], extra: Partial<CovenantFact> = {}): CovenantFact => ({
  organisationIds: [DEBT, GP], categories: ['geestelijke-gezondheid', 'financien'], status, validFrom: '2026-01-01', validUntil: null, ...extra,
});

function facts(subject: ConsentMember, consents: ConsentFact[], covenants: CovenantFact[], category = 'geestelijke-gezondheid', author = DEBT): CategoryAccessFacts {
  return {
    day, viewerOrganisationId: GP, datum: { category, authorOrganisationId: author, memberIds: [subject.id] },
    household: subject.id === mother.id ? [mother] : [mother, subject], consents, covenants, emergencyCategories: [],
  };
}

describe('who sees a category of a member’s data', () => {
  it('gives the decision table: age × who consented × covenant × category × author', () => {
    const whoConsented: Record<string, (s: ConsentMember) => ConsentFact[]> = {
      nobody: () => [],
      parent: (s) => [consent(s.id, ['mother'])],
      youth: (s) => [consent(s.id, [s.id])],
      both: (s) => [consent(s.id, ['mother', s.id])],
    };
    const rows: string[] = [];
    for (const age of [11, 12, 15, 16, 17]) {
      for (const [who, make] of Object.entries(whoConsented)) {
        for (const [cov, covenants] of Object.entries({ active: [covenant('active')], proposed: [covenant('proposed')], ended: [covenant('ended')] })) {
          const s = youth(age);
          const mental = decideCategoryAccess(facts(s, make(s), covenants)).visible;
          const otherCategory = decideCategoryAccess(facts(s, make(s), covenants, 'financien')).visible;
          const ownWriting = decideCategoryAccess(facts(s, make(s), covenants, 'geestelijke-gezondheid', GP)).visible;
          rows.push(`${age} ${who} ${cov}: ${mental ? 'sees' : '-'} / other category ${otherCategory ? 'sees' : '-'} / own ${ownWriting ? 'sees' : '-'}`);
        }
      }
    }
    const visible = rows.filter((r) => r.includes(': sees'));
    expect(visible).toEqual([
      '11 parent active: sees / other category - / own sees',
      '11 both active: sees / other category - / own sees',
      '12 both active: sees / other category - / own sees',
      '15 both active: sees / other category - / own sees',
      '16 youth active: sees / other category - / own sees',
      '16 both active: sees / other category - / own sees',
      '17 youth active: sees / other category - / own sees',
      '17 both active: sees / other category - / own sees',
    ]);
    // What an organisation wrote itself it always sees; nothing else without consent and covenant.
    expect(rows.every((r) => r.endsWith('own sees'))).toBe(true);
    expect(rows.some((r) => r.includes('other category sees'))).toBe(false);
  });

  it('needs consent about every member a datum concerns, and about a parent with gezag for family-wide data', () => {
    const kid = youth(9);
    const base: CategoryAccessFacts = {
      day, viewerOrganisationId: GP, datum: { category: 'geestelijke-gezondheid', authorOrganisationId: DEBT, memberIds: ['mother', kid.id] },
      household: [mother, kid], consents: [consent('mother', ['mother'])], covenants: [covenant('active')], emergencyCategories: [],
    };
    expect(decideCategoryAccess(base)).toEqual({ visible: false, basis: 'no-consent' });
    expect(decideCategoryAccess({ ...base, consents: [...base.consents, consent(kid.id, ['mother'])] }).visible).toBe(true);
    expect(decideCategoryAccess({ ...base, datum: { ...base.datum, memberIds: [] } }).visible).toBe(true);
  });

  it('obeys withdrawal, expiry and the covenant period on the day', () => {
    const f = facts(mother, [consent('mother', ['mother'])], [covenant('active')]);
    expect(decideCategoryAccess(f).visible).toBe(true);
    expect(decideCategoryAccess({ ...f, consents: [consent('mother', ['mother'], { status: 'withdrawn' })] }).visible).toBe(false);
    expect(decideCategoryAccess({ ...f, consents: [consent('mother', ['mother'], { validUntil: '2026-11-22' })] }).visible).toBe(false);
    expect(decideCategoryAccess({ ...f, covenants: [covenant('active', { validUntil: '2026-11-22' })] })).toEqual({ visible: false, basis: 'no-covenant' });
    expect(decideCategoryAccess({ ...f, consents: [consent('mother', ['mother'], { organisationId: DEBT })] }).visible).toBe(false);
  });

  it('shows an action assigned to the viewer, and what a break-the-glass grant opened, to nobody else', () => {
    const f = facts(mother, [], []);
    expect(decideCategoryAccess(f)).toEqual({ visible: false, basis: 'no-covenant' });
    expect(decideCategoryAccess({ ...f, datum: { ...f.datum, addressedToViewer: true } })).toEqual({ visible: true, basis: 'addressed-to-viewer' });
    expect(decideCategoryAccess({ ...f, emergencyCategories: ['geestelijke-gezondheid'] })).toEqual({ visible: true, basis: 'emergency' });
    expect(decideCategoryAccess({ ...f, emergencyCategories: ['financien'] }).visible).toBe(false);
    // Consent and covenant come first: the emergency basis is used (and flagged) only where nothing else allows it.
    const allowed = facts(mother, [consent('mother', ['mother'])], [covenant('active')]);
    expect(decideCategoryAccess({ ...allowed, emergencyCategories: ['geestelijke-gezondheid'] }).basis).toBe('consent-and-covenant');
  });

  it('never shows another organisation’s writing without both an in-force covenant and an effective consent (property)', () => {
    const status = fc.constantFrom('proposed', 'active', 'rejected', 'ended' as const);
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 40 }), fc.subarray(['mother', 'youth']), status, fc.constantFrom('geestelijke-gezondheid', 'financien', 'identity'),
      fc.boolean(), fc.constantFrom('active', 'withdrawn' as const),
      (age, givers, covenantStatus, category, consentCoversCategory, consentStatus) => {
        const s = youth(age);
        const f = facts(s, [consent(s.id, givers, { status: consentStatus, categories: consentCoversCategory ? [category] : ['team'] })],
          [covenant(covenantStatus as CovenantFact['status'], { categories: [category] })], category);
        const d = decideCategoryAccess(f);
        if (d.visible) {
          expect(covenantStatus).toBe('active');
          expect(consentStatus).toBe('active');
          expect(consentCoversCategory).toBe(true);
          expect(givers).toContain(age >= 12 ? 'youth' : 'mother');
          if (age >= 12 && age < 16) expect(givers).toContain('mother');
        }
      },
    ));
  });
});

describe('what a family member sees of the others in their family', () => {
  const father: ConsentMember = { id: 'father', birthDate: '1985-01-01', role: 'parent', hasCustody: true };
  const toParent = (subject: string, givenBy: string[], extra: Partial<ConsentFact> = {}): ConsentFact => ({
    memberId: subject, organisationId: null, recipientMemberId: 'mother', categories: ['geestelijke-gezondheid'], status: 'active',
    validFrom: '2026-01-01', validUntil: null, givenBy, ...extra,
  });
  const sees = (viewer: string, subject: ConsentMember, consents: ConsentFact[], datum: Partial<Datum> = {}) => decideFamilyMemberAccess({
    day, viewerMemberId: viewer, household: [mother, father, subject], consents,
    datum: { category: 'geestelijke-gezondheid', authorOrganisationId: GP, memberIds: [subject.id], ...datum },
  }).visible;

  it('gives the decision table: the mother looking at her child, by age and by whose consent', () => {
    const rows: string[] = [];
    for (const age of [11, 12, 15, 16, 17]) {
      const s = youth(age);
      for (const [who, consents] of Object.entries({ nobody: [], youth: [toParent(s.id, [s.id])], 'youth, other category': [toParent(s.id, [s.id], { categories: ['financien'] })] })) {
        rows.push(`${age} ${who}: ${sees('mother', s, consents) ? 'sees' : '-'}`);
      }
    }
    expect(rows.filter((r) => r.endsWith('sees'))).toEqual([
      '11 nobody: sees', '11 youth: sees', '11 youth, other category: sees',
      '12 nobody: sees', '12 youth: sees', '12 youth, other category: sees',
      '15 nobody: sees', '15 youth: sees', '15 youth, other category: sees',
      '16 youth: sees', '17 youth: sees',
    ]);
  });

  it('keeps a parent without gezag, the other parent and siblings out of what is not theirs', () => {
    const stepfather: ConsentMember = { id: 'stepfather', birthDate: '1980-01-01', role: 'other', hasCustody: false };
    const child = youth(10);
    expect(decideFamilyMemberAccess({
      day, viewerMemberId: 'stepfather', household: [mother, stepfather, child], consents: [],
      datum: { category: 'geestelijke-gezondheid', authorOrganisationId: GP, memberIds: [child.id] },
    }).visible).toBe(false);
    // The father does not see the mother's mental-health data, nor the youth hers, without her consent.
    expect(sees('father', youth(10), [], { memberIds: ['mother'] })).toBe(false);
    expect(sees('youth', youth(14), [], { memberIds: ['mother'] })).toBe(false);
    expect(sees('father', youth(10), [{ ...toParent('mother', ['mother']), recipientMemberId: 'father' }], { memberIds: ['mother'] })).toBe(true);
  });

  it('always shows identity, what concerns the whole family, one\u2019s own writing and one\u2019s own tasks', () => {
    const s = youth(17);
    expect(sees('mother', s, [], { category: 'identity' })).toBe(true);
    expect(sees('mother', s, [], { memberIds: [] })).toBe(true);
    expect(sees('mother', s, [], { authorOrganisationId: null, authorMemberId: 'mother' })).toBe(true);
    expect(sees('mother', s, [], { addressedToViewer: true })).toBe(true);
    expect(sees('youth', s, [])).toBe(true);
  });

  it('never shows a youth of 16+ to a parent without an effective, unexpired consent naming that parent', () => {
    fc.assert(fc.property(
      fc.integer({ min: 16, max: 25 }), fc.boolean(), fc.boolean(), fc.constantFrom('active', 'withdrawn'), fc.option(fc.constantFrom('2026-01-31', '2099-01-01'), { nil: null }),
      fc.constantFrom('mother', 'father'),
      (age, givenByYouth, rightCategory, status, validUntil, recipient) => {
        const s = youth(age);
        const c = toParent(s.id, givenByYouth ? [s.id] : ['mother'], {
          status: status as ConsentFact['status'], validUntil, recipientMemberId: recipient, categories: [rightCategory ? 'geestelijke-gezondheid' : 'financien'],
        });
        const expected = givenByYouth && rightCategory && status === 'active' && validUntil !== '2026-01-31' && recipient === 'mother';
        expect(sees('mother', s, [c])).toBe(expected);
      },
    ));
  });
});

describe('what the family writes itself', () => {
  it('is seen by every professional on the team, whatever the consents', () => {
    const datum = { category: 'geestelijke-gezondheid', authorOrganisationId: null, authorMemberId: 'mother', memberIds: ['mother'] };
    expect(decideCategoryAccess({ ...facts(mother, [], []), datum })).toEqual({ visible: true, basis: 'written-by-family' });
  });
});
