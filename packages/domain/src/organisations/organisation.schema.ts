import { z } from 'zod';
import { Id, NonEmptyText, Timestamp, Version } from '../common.schema';

export const organisationKinds = [
  'wijkteam', 'jeugdteam', 'huisarts', 'school', 'jgz', 'schuldhulp', 'ggz-volwassenen', 'jeugd-ggz',
  'specialist-jeugdhulp', 'gemeente', 'veilig-thuis', 'other',
] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const CreateOrganisation = z.strictObject({
  name: NonEmptyText(200),
  kind: OrganisationKind,
});
export type CreateOrganisation = z.infer<typeof CreateOrganisation>;

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  kind: OrganisationKind,
  /** Everyone of this organisation signs in with a second factor (admins and privacy officers always do). */
  requireTwoFactor: z.boolean(),
  /** How many goals a family it registered works on "now" at most (1–10, default 3). */
  maxGoalsNow: z.int(),
  version: Version,
  createdAt: Timestamp,
});
export type Organisation = z.infer<typeof Organisation>;

export const UpdateOrganisation = z.strictObject({
  name: NonEmptyText(200).optional(),
  requireTwoFactor: z.boolean().optional(),
  maxGoalsNow: z.int().min(1).max(10).optional(),
});
export type UpdateOrganisation = z.infer<typeof UpdateOrganisation>;
