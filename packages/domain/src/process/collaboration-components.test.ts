import { describe, expect, it } from 'vitest';
import { CollaborationCatalogue, CollaborationRating, defaultCollaborationCatalogue } from './collaboration-components';

describe('the default collaboration catalogue', () => {
  it('is a valid catalogue of twelve components: six per study, each labelled with its source', () => {
    const catalogue = CollaborationCatalogue.parse(defaultCollaborationCatalogue);
    expect(catalogue.components).toHaveLength(12);
    const byStudy = (study: string) => catalogue.components.filter((c) => c.source.study === study);
    expect(byStudy('professionals-study')).toHaveLength(6);
    expect(byStudy('parents-study')).toHaveLength(6);
    expect(byStudy('professionals-study').every((c) => c.source.citation.includes('doi:10.1186/s13034-020-00321-x'))).toBe(true);
    expect(byStudy('parents-study').every((c) => c.source.citation.includes('doi:10.5334/ijic.5419'))).toBe(true);
  });

  it('quotes the studies\' names for the elements, in their order (domain-notes §1.2 B and C)', () => {
    expect(defaultCollaborationCatalogue.components.map((c) => c.en)).toEqual([
      'Early identification and broad assessment',
      'Multidisciplinary expertise',
      'Continuous pathways',
      'Care provision',
      'Autonomy of professionals',
      'Evaluation of care processes',
      'A holistic, family-centred approach',
      'Addressing a broad range of needs in a timely manner',
      'Shared decision making',
      'Interprofessional collaboration',
      'Referral',
      'Privacy',
    ]);
  });
});

describe('a replacement catalogue', () => {
  const component = defaultCollaborationCatalogue.components[0]!;

  it('refuses a repeated code', () => {
    const result = CollaborationCatalogue.safeParse({ version: '2', name: 'Eigen lijst', components: [component, component] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('component codes must be unique');
  });

  it('refuses an empty list, an unknown field and a source without a citation', () => {
    expect(CollaborationCatalogue.safeParse({ version: '2', name: 'Leeg', components: [] }).success).toBe(false);
    expect(CollaborationCatalogue.safeParse({ ...defaultCollaborationCatalogue, extra: true }).success).toBe(false);
    const uncited = { ...component, source: { study: 'other', citation: ' ' } };
    expect(CollaborationCatalogue.safeParse({ version: '2', name: 'Eigen lijst', components: [uncited] }).success).toBe(false);
  });

  it('accepts an admin\'s own components from another source', () => {
    const own = { ...component, code: 'eigen-element', source: { study: 'other', citation: 'Regio-afspraak 2026' } };
    expect(CollaborationCatalogue.safeParse({ version: '2026-1', name: 'Regio', components: [own] }).success).toBe(true);
  });
});

describe('a rating of one component', () => {
  it('takes a code, a score from 1 to 5 and an optional comment of at most 1000 characters', () => {
    expect(CollaborationRating.parse({ code: 'referral', score: 4 })).toEqual({ code: 'referral', score: 4 });
    expect(CollaborationRating.safeParse({ code: 'referral', score: 5, comment: 'x'.repeat(1000) }).success).toBe(true);
    expect(CollaborationRating.safeParse({ code: 'referral', score: 5, comment: 'x'.repeat(1001) }).success).toBe(false);
    expect([0, 6, 2.5].some((score) => CollaborationRating.safeParse({ code: 'referral', score }).success)).toBe(false);
    expect(CollaborationRating.safeParse({ code: 'Not A Code', score: 3 }).success).toBe(false);
  });
});
