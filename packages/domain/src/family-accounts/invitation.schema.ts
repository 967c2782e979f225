import { z } from 'zod';
import { Id, Timestamp, Version } from '../common.schema';
import { Email, Password } from '../users/user.schema';

/** An invitation is valid for two weeks unless the coordinator says otherwise; never longer than a month. */
export const INVITATION_DEFAULT_DAYS = 14;
export const INVITATION_MAX_DAYS = 30;
/** A family member gets an account from this age: younger children are represented by a parent with gezag. */
export const FAMILY_ACCOUNT_MIN_AGE = 12;

export const CreateInvitation = z.strictObject({
  memberId: Id,
  validDays: z.int().min(1).max(INVITATION_MAX_DAYS).default(INVITATION_DEFAULT_DAYS),
});
export type CreateInvitation = z.infer<typeof CreateInvitation>;

export const invitationStatuses = ['open', 'accepted', 'revoked', 'expired'] as const;

export const Invitation = z.object({
  id: Id,
  familyId: Id,
  memberId: Id,
  status: z.enum(invitationStatuses),
  expiresAt: Timestamp,
  createdAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  version: Version,
});
export type Invitation = z.infer<typeof Invitation>;

/** The answer to creating one: the code is shown this once and stored only as a hash. */
export const IssuedInvitation = Invitation.extend({
  code: z.string(),
  /** The path in the web app that accepts it, with the code; the coordinator sends it or reads the code out. */
  link: z.string(),
});

/** Typed by a person: upper or lower case, with or without the dashes. */
export const InvitationCode = z.string().trim().min(12).max(40)
  .transform((c) => c.toUpperCase().replace(/[^A-Z0-9]/g, ''))
  .refine((c) => c.length === 12, 'an invitation code has 12 letters and digits');

export const InvitationPreviewRequest = z.strictObject({ code: InvitationCode });
/** What the person holding a valid code may see before choosing a password: whom it is for. */
export const InvitationPreview = z.object({ givenName: z.string(), expiresAt: Timestamp });

export const AcceptInvitation = z.strictObject({
  code: InvitationCode,
  email: Email,
  password: Password,
});
export type AcceptInvitation = z.infer<typeof AcceptInvitation>;
