import { z } from 'zod';
import { Id, NonEmptyText, Timestamp } from '../common.schema';
import { LifeDomainCode } from '../team/team.schema';

export const timelineKinds = ['note', 'family', 'member', 'team', 'plan'] as const;
export const TimelineKind = z.enum(timelineKinds);

export const CreateNote = z.strictObject({
  body: NonEmptyText(10_000),
  /** The life domain the note is about, if any; the gate will filter notes by it once consent rules land. */
  lifeDomain: LifeDomainCode.optional(),
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
  author: z.object({ userId: Id, name: z.string(), organisationName: z.string() }).nullable(),
  createdAt: Timestamp,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
