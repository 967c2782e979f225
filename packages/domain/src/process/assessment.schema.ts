import { z } from 'zod';
import { Id, IsoDate, Text, Timestamp } from '../common.schema';
import { LifeDomainCode } from '../team/team.schema';
import { ZrmLevel } from './zrm';

/** Whose view an assessment gives: the family's own, or a professional's. Both are kept side by side, never averaged. */
export const assessmentViews = ['family', 'professional'] as const;
export const AssessmentView = z.enum(assessmentViews);
export type AssessmentView = z.infer<typeof AssessmentView>;

const DomainScore = z.strictObject({
  lifeDomain: LifeDomainCode,
  level: ZrmLevel,
  strengths: Text(2000).optional(),
  concerns: Text(2000).optional(),
});

/**
 * Needs mapped on the life domains, for one member or (memberId null) the household: the ZRM 1–5 level per domain,
 * with strengths and concerns in words. A family member always gives the family's view; a professional gives their
 * own, or writes down the family's view as the family gave it.
 */
export const CreateAssessment = z.strictObject({
  memberId: Id.nullable(),
  view: AssessmentView,
  assessedOn: IsoDate.optional(),
  scores: z.array(DomainScore).min(1).max(30)
    .refine((s) => new Set(s.map((d) => d.lifeDomain)).size === s.length, 'one score per life domain'),
});
export type CreateAssessment = z.infer<typeof CreateAssessment>;

export const Assessment = z.object({
  id: Id,
  familyId: Id,
  memberId: Id.nullable(),
  view: AssessmentView,
  assessedOn: IsoDate,
  author: z.object({ userId: Id, name: z.string(), organisationName: z.string().nullable(), memberId: Id.nullable() }),
  /** Only the domains the reader may see (each is data of its life domain). */
  scores: z.array(z.object({ lifeDomain: z.string(), level: ZrmLevel, strengths: z.string(), concerns: z.string() })),
  createdAt: Timestamp,
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentQuery = z.object({
  memberId: Id.optional(),
  household: z.enum(['true']).optional(),
});

/** One domain of one member (or the household): the latest family view and the latest professional view, side by side. */
export const AssessmentComparison = z.object({
  memberId: Id.nullable(),
  lifeDomain: z.string(),
  family: z.object({ level: ZrmLevel, assessedOn: IsoDate }).nullable(),
  professional: z.object({ level: ZrmLevel, assessedOn: IsoDate, by: z.string() }).nullable(),
  /** The views differ enough to talk about (viewsDiffer). */
  differ: z.boolean(),
});
