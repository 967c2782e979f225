import { z } from 'zod';
import { Id, NonEmptyText, Timestamp } from '../common.schema';
import { LifeDomainCode } from '../team/team.schema';

export const timelineKinds = ['note', 'family', 'member', 'team', 'plan'] as const;
export const TimelineKind = z.enum(timelineKinds);

export const CreateNote = z.strictObject({
  body: NonEmptyText(10_000),
  /**
   * The life domain the note is about. It is the note's data category: other organisations see the note only where
   * the family consented to share that domain with them.
   */
  lifeDomain: LifeDomainCode,
  /** The members the note is about; none: the family as a whole. Each one's consent is then needed to share it. */
  memberIds: z.array(Id).max(20).refine((ids) => new Set(ids).size === ids.length, 'members must be unique').default([]),
});
export type CreateNote = z.infer<typeof CreateNote>;

export const TimelineEntry = z.object({
  id: Id,
  familyId: Id,
  kind: TimelineKind,
  /** A stable event name (`goal.created`, `team.member-ended`, …) for system entries; `note` for notes. */
  event: z.string(),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  lifeDomain: z.string().nullable(),
  /** The data category the entry belongs to (a life domain, identity, team, plan-overview). */
  category: z.string(),
  memberIds: z.array(Id),
  /** Who wrote it: a professional (with their organisation) or a member of the family (`memberId`, no organisation). */
  author: z.object({ userId: Id, name: z.string(), organisationName: z.string().nullable(), memberId: Id.nullable() }).nullable(),
  createdAt: Timestamp,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
