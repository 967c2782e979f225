import { z } from 'zod';
import { Id, IsoDate, Text, Timestamp, Version } from '../common.schema';
import { MAX_EVALUATION_WEEKS, MIN_EVALUATION_WEEKS } from './schedule';
import { Author, uniqueIds } from './people.schema';

/**
 * The family agrees with the plan: the goals the family and the team work on now, recorded with who in the family
 * agreed and when. A plan is adopted (vastgesteld) only with an agreement that covers the goals now in focus.
 */
export const CreatePlanAgreement = z.strictObject({
  /** The family members who agreed; a family member signed in agrees for themselves. */
  agreedBy: uniqueIds(30).min(1, 'at least one family member agrees'),
  agreedOn: IsoDate.optional(),
  note: Text(2000).optional(),
});
export type CreatePlanAgreement = z.infer<typeof CreatePlanAgreement>;

export const PlanAgreement = z.object({
  id: Id,
  familyId: Id,
  agreedOn: IsoDate,
  agreedBy: z.array(z.object({ id: Id, name: z.string() })),
  /** The goals in focus "now" the family agreed to, as far as the reader may see them. */
  goalsNow: z.array(z.object({ id: Id, title: z.string() })),
  /** The plan version agreed to. */
  planVersion: Version,
  /** Whether the goals now in focus are still the ones agreed to. */
  current: z.boolean(),
  note: z.string(),
  recordedBy: Author,
  createdAt: Timestamp,
});
export type PlanAgreement = z.infer<typeof PlanAgreement>;

/** The evaluation rhythm of the plan and the next joint evaluation (coordinator). */
export const UpdatePlanSchedule = z.strictObject({
  evaluationIntervalWeeks: z.int().min(MIN_EVALUATION_WEEKS).max(MAX_EVALUATION_WEEKS).optional(),
  nextEvaluationOn: IsoDate.nullable().optional(),
});
export type UpdatePlanSchedule = z.infer<typeof UpdatePlanSchedule>;

export const PlanEvaluationSchedule = z.object({
  intervalWeeks: z.int(),
  nextOn: IsoDate.nullable(),
  status: z.enum(['overdue', 'due', 'planned']).nullable(),
});
