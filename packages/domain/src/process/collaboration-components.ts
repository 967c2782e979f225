import { z } from 'zod';
import { NonEmptyText, Text, Timestamp } from '../common.schema';

/**
 * Collaboration components (kerncomponenten): the checklist organisations use to evaluate how well they work together
 * around a family. The checklist is data: a versioned catalogue an admin can replace (issue 5). Nooteboom's own list
 * of twelve core components was not found in any public source (domain-notes §1.1), so the default below is NOT
 * that list: it holds the twelve elements of the two qualitative studies the framework was built on (§1.2 B and C).
 */
export const professionalsStudyCitation =
  'Nooteboom, van den Driesschen, Kuiper, Vermeiren & Mulder (2020). An integrated approach to meet the needs of ' +
  'high-vulnerable families: a qualitative study on integrated care from a professional perspective. Child and ' +
  'Adolescent Psychiatry and Mental Health 14:18. doi:10.1186/s13034-020-00321-x';

export const parentsStudyCitation =
  'Nooteboom, Kuiper, Mulder, Roetman, Eilander & Vermeiren (2020). What Do Parents Expect in the 21st Century? ' +
  'A Qualitative Analysis of Integrated Youth Care. International Journal of Integrated Care 20(3):8. ' +
  'doi:10.5334/ijic.5419';

/** 'other' lets an admin's replacement catalogue (e.g. the dissertation's own twelve, once obtained) say where it is from. */
export const collaborationSourceStudies = ['professionals-study', 'parents-study', 'other'] as const;

export const CollaborationComponentCode = z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, 'not a component code');

export const CollaborationComponent = z.strictObject({
  code: CollaborationComponentCode,
  nl: NonEmptyText(200),
  en: NonEmptyText(200),
  /** What the component means, in plain Dutch. */
  description: NonEmptyText(1000),
  source: z.strictObject({ study: z.enum(collaborationSourceStudies), citation: NonEmptyText(1000) }),
});
export type CollaborationComponent = z.infer<typeof CollaborationComponent>;

export const CollaborationCatalogue = z.strictObject({
  version: NonEmptyText(50),
  name: NonEmptyText(200),
  components: z.array(CollaborationComponent).min(1).max(100)
    .refine((cs) => new Set(cs.map((c) => c.code)).size === cs.length, 'component codes must be unique'),
});
export type CollaborationCatalogue = z.infer<typeof CollaborationCatalogue>;

/** A catalogue as the server answers it: when it was published (null: the built-in default) and whether it is in use. */
export const PublishedCollaborationCatalogue = z.object({
  version: z.string(),
  name: z.string(),
  components: z.array(CollaborationComponent),
  publishedAt: Timestamp.nullable(),
  current: z.boolean(),
});
export type PublishedCollaborationCatalogue = z.infer<typeof PublishedCollaborationCatalogue>;

/** 1 = not in place at all … 5 = fully in place: an implementation scale (domain-notes §8). */
export const collaborationScores = [1, 2, 3, 4, 5] as const;
export const CollaborationScore = z.literal(collaborationScores);
export type CollaborationScore = z.infer<typeof CollaborationScore>;

/** One evaluation's rating of one component of the catalogue it was held under. */
export const CollaborationRating = z.strictObject({
  code: CollaborationComponentCode,
  score: CollaborationScore,
  comment: Text(1000).optional(),
});
export type CollaborationRating = z.infer<typeof CollaborationRating>;

const professionals = (theme: number) =>
  ({ study: 'professionals-study', citation: `${professionalsStudyCitation}. Theme ${theme} of 6.` }) as const;
const parents = (component: number) =>
  ({ study: 'parents-study', citation: `${parentsStudyCitation}. Key component ${component} of 6.` }) as const;

/**
 * The default catalogue: the professionals' six themes (§1.2 B), then the parents' six key components (§1.2 C).
 * `en` quotes the study's name for the element; `nl` and `description` put it in plain Dutch.
 */
export const defaultCollaborationCatalogue: CollaborationCatalogue = {
  version: '1',
  name: 'Samenwerken rond het gezin: twaalf elementen uit twee studies van Nooteboom e.a. (2020)',
  components: [
    {
      code: 'early-identification-broad-assessment', en: 'Early identification and broad assessment',
      nl: 'Zorgen vroeg zien en breed kijken',
      description: 'Zorgen in het gezin worden op tijd gezien. Er wordt breed gekeken naar wat er speelt.',
      source: professionals(1),
    },
    {
      code: 'multidisciplinary-expertise', en: 'Multidisciplinary expertise',
      nl: 'Kennis uit verschillende vakgebieden',
      description: 'Kennis uit verschillende vakgebieden wordt samen ingezet voor het gezin.',
      source: professionals(2),
    },
    {
      code: 'continuous-pathways', en: 'Continuous pathways',
      nl: 'Op tijd zwaardere of lichtere hulp',
      description: 'Als het nodig is, komt er op tijd zwaardere hulp. Als het kan, gaat het gezin terug naar lichtere steun. De hulp loopt door.',
      source: professionals(3),
    },
    {
      code: 'care-provision', en: 'Care provision',
      nl: 'Flexibele hulp op verschillende leefgebieden',
      description: 'De hulp past zich aan het gezin aan en helpt op verschillende leefgebieden.',
      source: professionals(4),
    },
    {
      code: 'autonomy-of-professionals', en: 'Autonomy of professionals',
      nl: 'Ruimte om hulp op maat te geven',
      description: 'Een goede balans tussen richtlijnen volgen en de vrijheid om de hulp aan te passen aan het gezin.',
      source: professionals(5),
    },
    {
      code: 'evaluation-of-care-processes', en: 'Evaluation of care processes',
      nl: 'De hulp evalueren',
      description: 'Er wordt bekeken hoe de hulp verloopt en wat beter kan.',
      source: professionals(6),
    },
    {
      code: 'holistic-family-centred-approach', en: 'A holistic, family-centred approach',
      nl: 'Het hele gezin staat centraal',
      description: 'De hulp kijkt naar het hele gezin en naar het hele leven, niet naar één probleem.',
      source: parents(1),
    },
    {
      code: 'broad-needs-in-time', en: 'Addressing a broad range of needs in a timely manner',
      nl: 'Op tijd hulp bij alles wat nodig is',
      description: 'Het gezin krijgt op tijd hulp bij de verschillende dingen die nodig zijn.',
      source: parents(2),
    },
    {
      code: 'shared-decision-making', en: 'Shared decision making',
      nl: 'Samen beslissen',
      description: 'Het gezin en de hulpverleners beslissen samen over de hulp.',
      source: parents(3),
    },
    {
      code: 'interprofessional-collaboration', en: 'Interprofessional collaboration',
      nl: 'Hulpverleners werken samen',
      description: 'De hulpverleners rond het gezin werken goed samen en stemmen de hulp op elkaar af.',
      source: parents(4),
    },
    {
      code: 'referral', en: 'Referral',
      nl: 'Goed doorverwijzen',
      description: 'Als het gezin andere hulp nodig heeft, gaat de overstap naar die hulp goed.',
      source: parents(5),
    },
    {
      code: 'privacy', en: 'Privacy',
      nl: 'Privacy',
      description: 'Er wordt zorgvuldig omgegaan met informatie over het gezin.',
      source: parents(6),
    },
  ],
};
