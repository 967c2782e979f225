import { z } from 'zod';
import { Id, NonEmptyText, Text, Timestamp } from '../common.schema';
import { ReferralStatus } from './referral-states';

/**
 * A referral (verwijzing) from a professional on the family's team to another organisation, for one goal: why, and
 * what the receiving organisation may know. What it shares is fixed when it is sent and checked against the
 * family's consent for that organisation: the goal, the reason and a summary, and (with consent for identity) the
 * family's name and the first names and ages of whom the goal is about.
 */
export const CreateReferral = z.strictObject({
  goalId: Id,
  toOrganisationId: Id,
  /** A service of that organisation from the catalogue. */
  serviceId: Id.optional(),
  reason: NonEmptyText(2000),
  /** What the receiving organisation should know, as far as the family agreed to share it. */
  summary: Text(4000).default(''),
  /** Share the family's name and the first names and ages of whom the goal is about (needs consent for identity). */
  includeWho: z.boolean().default(false),
  /** Send it now; false keeps it as a draft. */
  send: z.boolean().default(true),
});
export type CreateReferral = z.infer<typeof CreateReferral>;

export const ChangeReferralStatus = z.strictObject({
  to: ReferralStatus,
  /** Why it is rejected, cancelled or failed, or how the help went: for the other side to read. */
  note: Text(2000).optional(),
});
export type ChangeReferralStatus = z.infer<typeof ChangeReferralStatus>;

/** What the receiving organisation reads: the snapshot taken when the referral was sent, nothing else of the file. */
export const ReferralShared = z.object({
  goal: z.object({ title: z.string(), lifeDomain: z.string() }),
  reason: z.string(),
  summary: z.string(),
  familyName: z.string().nullable(),
  who: z.array(z.object({ givenName: z.string(), age: z.int() })),
});

export const Referral = z.object({
  id: Id,
  familyId: Id,
  goalId: Id,
  status: ReferralStatus,
  from: z.object({ userId: Id, name: z.string(), organisationId: Id, organisationName: z.string(), email: z.string(), phone: z.string().nullable() }),
  to: z.object({ organisationId: Id, organisationName: z.string() }),
  service: z.object({ id: Id, name: z.string() }).nullable(),
  shared: ReferralShared,
  /** Who answers for the receiving organisation, once it accepted. */
  acceptedBy: z.object({ userId: Id, name: z.string() }).nullable(),
  history: z.array(z.object({ status: ReferralStatus, at: Timestamp, by: z.string(), organisationName: z.string(), note: z.string() })),
  requestedAt: Timestamp.nullable(),
  /** No answer within the working days allowed. */
  overdue: z.boolean(),
  /** Which side the reader is on: what they may do next follows from it. */
  side: z.enum(['referrer', 'receiver']),
  allowedTransitions: z.array(ReferralStatus),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Referral = z.infer<typeof Referral>;
