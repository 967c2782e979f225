import { z } from 'zod';
import { Id, NonEmptyText, Timestamp, Version } from '../common.schema';
import { SecondFactorState } from './two-factor';

export const userRoles = ['admin', 'org-admin', 'professional', 'policy', 'privacy-officer'] as const;
export const Role = z.enum(userRoles);
export type Role = z.infer<typeof Role>;

/** NIST SP 800-63B: length matters, composition rules do not; the server also refuses common passwords. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const Email = z.email().max(254).transform((e) => e.toLowerCase());

/** A work phone number as people write it: digits with spaces, dashes or brackets, an optional + for the country. */
export const PhoneNumber = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{5,22}$/, 'a phone number: digits, spaces, dashes');

export const CreateUser = z.strictObject({
  email: Email,
  name: NonEmptyText(200),
  password: Password,
  organisationId: Id,
  phone: PhoneNumber.optional(),
  roles: z.array(Role).min(1).max(userRoles.length).refine((r) => new Set(r).size === r.length, 'roles must be unique'),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const User = z.object({
  kind: z.literal('professional'),
  id: Id,
  email: z.string(),
  name: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(Role),
  active: z.boolean(),
  version: Version,
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;

/** What any professional may see of a colleague elsewhere: enough to build a team, no contact details. */
export const Professional = z.object({
  id: Id,
  name: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  organisationKind: z.string(),
});

export const Login = z.strictObject({
  email: NonEmptyText(254),
  password: z.string().min(1).max(1024),
});

/** A family member's own account: they see their own family's file, nothing else. */
export const FamilyUser = z.object({
  kind: z.literal('family'),
  id: Id,
  email: z.string(),
  name: z.string(),
  familyId: Id,
  memberId: Id,
  active: z.boolean(),
  version: Version,
  createdAt: Timestamp,
});
export type FamilyUser = z.infer<typeof FamilyUser>;

/** Whoever is signed in: a professional, or a member of a family. */
export const SignedInUser = z.discriminatedUnion('kind', [User, FamilyUser]);
export type SignedInUser = z.infer<typeof SignedInUser>;

export const Me = z.object({
  user: SignedInUser,
  csrfToken: z.string(),
  /** Where this session stands with the second factor; only `not-needed` and `verified` open the rest of the API. */
  secondFactor: SecondFactorState,
});
