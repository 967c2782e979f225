import { z } from 'zod';
import { Id, NonEmptyText, Timestamp, Version } from '../common.schema';
import { DataCategories } from '../consent/data-category';

/** Break-the-glass lasts at most this long (DESIGN §5): acute danger is handled in hours, not weeks. */
export const BREAK_GLASS_MAX_HOURS = 24;

export const OpenBreakGlass = z.strictObject({
  /** The categories the consent does not cover and the danger requires. */
  categories: DataCategories,
  /** Why, in writing: the privacy officer judges the grant by it afterwards. */
  reason: NonEmptyText(2000).refine((r) => r.trim().length >= 20, 'describe the acute danger in at least 20 characters'),
  hours: z.int().min(1).max(BREAK_GLASS_MAX_HOURS).default(BREAK_GLASS_MAX_HOURS),
});
export type OpenBreakGlass = z.infer<typeof OpenBreakGlass>;

export const breakGlassReviewStatuses = ['pending', 'justified', 'flagged'] as const;
export const BreakGlassReviewStatus = z.enum(breakGlassReviewStatuses);

export const BreakGlassGrant = z.object({
  id: Id,
  familyId: Id,
  user: z.object({ id: Id, name: z.string(), organisationName: z.string() }),
  categories: z.array(z.string()),
  reason: z.string(),
  openedAt: Timestamp,
  expiresAt: Timestamp,
  closedAt: Timestamp.nullable(),
  /** Whether the grant opens its categories right now. */
  active: z.boolean(),
  review: z.object({
    status: BreakGlassReviewStatus,
    reviewer: z.object({ id: Id, name: z.string() }).nullable(),
    reviewedAt: Timestamp.nullable(),
    note: z.string().nullable(),
  }),
  /** How many reads of the family's file were made under this grant (audit records with the emergency check). */
  emergencyReads: z.int(),
  version: Version,
});
export type BreakGlassGrant = z.infer<typeof BreakGlassGrant>;

export const ReviewBreakGlass = z.strictObject({
  decision: z.enum(['justified', 'flagged']),
  /** Required when flagging: what was wrong, for the follow-up with the professional and their organisation. */
  note: NonEmptyText(2000).optional(),
}).refine((r) => r.decision !== 'flagged' || r.note !== undefined, { message: 'a flagged grant needs a note', path: ['note'] });
export type ReviewBreakGlass = z.infer<typeof ReviewBreakGlass>;

export const BreakGlassReviewQuery = z.object({ status: BreakGlassReviewStatus.optional() });
