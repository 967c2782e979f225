import { z } from 'zod';
import { Id, IsoDate, NonEmptyText, Timestamp, Version } from '../common.schema';
import { DataCategories } from './data-category';

const givers = z.array(Id).min(1).max(10).refine((g) => new Set(g).size === g.length, 'givers must be unique');

export const GiveConsent = z.strictObject({
  /** The member the data is about. */
  memberId: Id,
  /** The organisation that may see it, */
  organisationId: Id.optional(),
  /** or the family member who may see it (a youth of 16 or older lets a parent see their data). */
  recipientMemberId: Id.optional(),
  categories: DataCategories,
  purpose: NonEmptyText(1000),
  validUntil: IsoDate.optional(),
  /** The family members who agreed (the law decides by age whose agreement counts). */
  givenBy: givers,
}).refine((c) => (c.organisationId === undefined) !== (c.recipientMemberId === undefined),
  { message: 'give exactly one of organisationId and recipientMemberId', path: ['organisationId'] })
  .refine((c) => c.recipientMemberId !== c.memberId, { message: 'a member does not need consent to see their own data', path: ['recipientMemberId'] });
export type GiveConsent = z.infer<typeof GiveConsent>;

/** A consent can only be narrowed (fewer categories, an earlier end) or gain the agreement of more people. */
export const ChangeConsent = z.strictObject({
  categories: DataCategories.optional(),
  validUntil: IsoDate.optional(),
  givenBy: givers.optional(),
});
export type ChangeConsent = z.infer<typeof ChangeConsent>;

export const Consent = z.object({
  id: Id,
  familyId: Id,
  memberId: Id,
  /** Who may see: an organisation, or a member of the family (then `organisation` is null). */
  organisation: z.object({ id: Id, name: z.string() }).nullable(),
  recipientMember: z.object({ id: Id, name: z.string() }).nullable(),
  categories: z.array(z.string()),
  purpose: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  givenBy: z.array(Id),
  status: z.enum(['active', 'withdrawn']),
  /** Whether it counts today: active, within its period, and agreed by the people the law names for the member's age. */
  effective: z.boolean(),
  /** Who still has to agree before it counts (empty when it is effective or withdrawn). */
  stillNeeded: z.array(z.object({ memberIds: z.array(Id), reason: z.enum(['parent-with-custody', 'self']) })),
  /** The consent in plain Dutch, for the family. */
  description: z.string(),
  version: Version,
  createdAt: Timestamp,
  withdrawnAt: Timestamp.nullable(),
});
export type Consent = z.infer<typeof Consent>;
