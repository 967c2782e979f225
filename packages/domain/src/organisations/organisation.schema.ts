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
  version: Version,
  createdAt: Timestamp,
});
export type Organisation = z.infer<typeof Organisation>;
