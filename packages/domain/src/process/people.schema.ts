import { z } from 'zod';
import { Id } from '../common.schema';

const uniqueIds = (max: number) => z.array(Id).max(max).refine((ids) => new Set(ids).size === ids.length, 'ids must be unique');

/** Who wrote something in the care process: a professional of an organisation, or a member of the family. */
export const Author = z.object({ userId: Id, name: z.string(), organisationName: z.string().nullable(), memberId: Id.nullable() });
export type Author = z.infer<typeof Author>;

/** Who took part in a joint moment (a decision, an evaluation): family members and professionals of the team. */
export const ParticipantsInput = z.strictObject({
  memberIds: uniqueIds(30).default([]),
  userIds: uniqueIds(30).default([]),
});
export type ParticipantsInput = z.infer<typeof ParticipantsInput>;

export const Participants = z.object({
  members: z.array(z.object({ id: Id, name: z.string() })),
  professionals: z.array(z.object({ userId: Id, name: z.string(), organisationName: z.string() })),
});
export type Participants = z.infer<typeof Participants>;

export { uniqueIds };
