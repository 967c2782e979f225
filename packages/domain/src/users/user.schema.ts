import { z } from 'zod';
import { Id, NonEmptyText, Timestamp, Version } from '../common.schema';

export const userRoles = ['admin', 'org-admin', 'professional', 'policy', 'privacy-officer'] as const;
export const Role = z.enum(userRoles);
export type Role = z.infer<typeof Role>;

/** NIST SP 800-63B: length matters, composition rules do not; the server also refuses common passwords. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const Email = z.email().max(254).transform((e) => e.toLowerCase());

export const CreateUser = z.strictObject({
  email: Email,
  name: NonEmptyText(200),
  password: Password,
  organisationId: Id,
  roles: z.array(Role).min(1).max(userRoles.length).refine((r) => new Set(r).size === r.length, 'roles must be unique'),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  organisationId: Id,
  organisationName: z.string(),
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

export const Me = z.object({
  user: User,
  csrfToken: z.string(),
});
