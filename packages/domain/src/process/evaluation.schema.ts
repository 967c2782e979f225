import { z } from 'zod';
import { Id, IsoDate, NonEmptyText, Text, Timestamp } from '../common.schema';
import { FamilyPhase } from '../families/family.schema';
import { GasScore } from './gas';
import { ExperienceQuestionCode, ExperienceScore } from './experience';
import { CollaborationRating } from './collaboration-components';
import { Author, Participants, ParticipantsInput } from './people.schema';

export const evaluationKinds = ['interim', 'closing'] as const;
export const EvaluationKind = z.enum(evaluationKinds);
export type EvaluationKind = z.infer<typeof EvaluationKind>;

/**
 * A joint evaluation: who took part, per goal the Goal Attainment Scaling score (−2…+2) with a comment, the family's
 * experience (each statement 1–5), the collaboration components (the catalogue version it was held under), what was
 * decided, and the next date. A closing evaluation is held before the file closes.
 */
export const CreateEvaluation = z.strictObject({
  kind: EvaluationKind.default('interim'),
  heldOn: IsoDate.optional(),
  participants: ParticipantsInput.refine((p) => p.memberIds.length + p.userIds.length > 0, { message: 'name who took part', path: ['userIds'] }),
  goals: z.array(z.strictObject({ goalId: Id, score: GasScore, comment: Text(1000).optional() })).max(30).default([])
    .refine((g) => new Set(g.map((x) => x.goalId)).size === g.length, 'each goal once'),
  experience: z.array(z.strictObject({ code: ExperienceQuestionCode, score: ExperienceScore })).max(20).default([])
    .refine((e) => new Set(e.map((x) => x.code)).size === e.length, 'each statement once'),
  collaboration: z.strictObject({
    catalogueVersion: NonEmptyText(50),
    ratings: z.array(CollaborationRating).min(1).max(100).refine((r) => new Set(r.map((x) => x.code)).size === r.length, 'each component once'),
  }).optional(),
  decisions: Text(4000).optional(),
  /** The next joint evaluation; the plan's rhythm after `heldOn` when left out. None after a closing evaluation. */
  nextEvaluationOn: IsoDate.optional(),
}).refine((e) => !(e.kind === 'closing' && e.nextEvaluationOn), { message: 'a closing evaluation plans no next one', path: ['nextEvaluationOn'] });
export type CreateEvaluation = z.infer<typeof CreateEvaluation>;

export const Evaluation = z.object({
  id: Id,
  familyId: Id,
  kind: EvaluationKind,
  heldOn: IsoDate,
  participants: Participants,
  /** The goals scored, as far as the reader may see them. */
  goals: z.array(z.object({ goalId: Id, title: z.string(), lifeDomain: z.string(), score: GasScore, comment: z.string() })),
  /** The GAS T-score over the goals shown (50: as expected); null without goals. Unrounded. */
  tScore: z.number().nullable(),
  experience: z.array(z.object({ code: ExperienceQuestionCode, score: ExperienceScore })),
  collaboration: z.object({ catalogueVersion: z.string(), ratings: z.array(z.object({ code: z.string(), score: z.int(), comment: z.string() })) }).nullable(),
  decisions: z.string(),
  nextEvaluationOn: IsoDate.nullable(),
  author: Author,
  createdAt: Timestamp,
});
export type Evaluation = z.infer<typeof Evaluation>;

/** A planned moment in my work list: a joint evaluation of a family whose team I am on, or an aftercare check I coordinate. */
export const MyEvaluation = z.object({
  familyId: Id,
  familyName: z.string().nullable(),
  phase: FamilyPhase,
  kind: z.enum(['evaluation', 'aftercare']),
  dueOn: IsoDate,
  status: z.enum(['overdue', 'due', 'planned']),
  myRole: z.string(),
});

export const MyEvaluationsQuery = z.object({
  /** Also what is planned within this many days (overdue is always listed); default: only overdue and due. */
  withinDays: z.coerce.number().int().min(0).max(366).optional(),
});
