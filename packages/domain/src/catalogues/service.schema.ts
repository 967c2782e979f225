import { z } from 'zod';
import { Id, NonEmptyText, SearchText, Text, Timestamp, Version } from '../common.schema';
import { LifeDomainCode } from '../team/team.schema';
import { OrganisationKind } from '../organisations/organisation.schema';

/**
 * The service catalogue (issue 6): what each organisation offers, so professionals know what the others do. Modelled
 * on Open Referral HSDS 3.0 (organization, service, location, service_at_location; domain-notes §7.3), with the Dutch
 * fields HSDS lacks: who may refer, whether a municipal decision (beschikking) is needed, and the intervention's
 * rating in the NJi Databank Effectieve Jeugdinterventies.
 */

/** Who may refer a family to the service. */
export const referralRoutes = [
  /** Open to everyone: the family applies themselves. */
  'self',
  /** Any professional may refer. */
  'any-professional',
  /** Through the neighbourhood or youth team (the municipality's access). */
  'local-team',
  /** The Jeugdwet's routes: GP, youth doctor, medical specialist, or the local team. */
  'gp-or-local-team',
] as const;
export const ReferralRoute = z.enum(referralRoutes);
export type ReferralRoute = z.infer<typeof ReferralRoute>;

/** The NJi databank's ratings of an intervention, from well founded to effective on strong evidence. */
export const njiRatings = ['goed-onderbouwd', 'effectief-eerste-aanwijzingen', 'effectief-goede-aanwijzingen', 'effectief-sterke-aanwijzingen'] as const;
export const NjiRating = z.enum(njiRatings);
export type NjiRating = z.infer<typeof NjiRating>;

export const serviceStatuses = ['active', 'inactive'] as const;
export const ServiceStatus = z.enum(serviceStatuses);

const Age = z.int().min(0).max(120);
const PostalCode = z.string().trim().toUpperCase().regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, 'a Dutch postal code, like 1234 AB')
  .transform((p) => `${p.slice(0, 4)} ${p.slice(-2)}`);
const WebAddress = z.url({ protocol: /^https?$/ }).max(500);

export const ServiceLocationInput = z.strictObject({
  name: NonEmptyText(200),
  address: NonEmptyText(200),
  postalCode: PostalCode,
  city: NonEmptyText(100),
});
export type ServiceLocationInput = z.infer<typeof ServiceLocationInput>;

const serviceFields = {
  name: NonEmptyText(200),
  description: Text(4000),
  lifeDomains: z.array(LifeDomainCode).min(1).max(30).refine((d) => new Set(d).size === d.length, 'each life domain once'),
  minimumAge: Age.nullable(),
  maximumAge: Age.nullable(),
  referral: ReferralRoute,
  needsMunicipalDecision: z.boolean(),
  waitWeeks: z.int().min(0).max(104).nullable(),
  locations: z.array(ServiceLocationInput).max(20),
  email: z.email().max(200).nullable(),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number').nullable(),
  website: WebAddress.nullable(),
  njiRating: NjiRating.nullable(),
  njiUrl: WebAddress.nullable(),
  status: ServiceStatus,
};

const agesInOrder = (s: { minimumAge?: number | null; maximumAge?: number | null }) =>
  s.minimumAge === null || s.minimumAge === undefined || s.maximumAge === null || s.maximumAge === undefined || s.minimumAge <= s.maximumAge;

export const CreateService = z.strictObject({
  ...serviceFields,
  description: serviceFields.description.default(''),
  minimumAge: serviceFields.minimumAge.default(null),
  maximumAge: serviceFields.maximumAge.default(null),
  needsMunicipalDecision: serviceFields.needsMunicipalDecision.default(false),
  waitWeeks: serviceFields.waitWeeks.default(null),
  locations: serviceFields.locations.default([]),
  email: serviceFields.email.default(null),
  phone: serviceFields.phone.default(null),
  website: serviceFields.website.default(null),
  njiRating: serviceFields.njiRating.default(null),
  njiUrl: serviceFields.njiUrl.default(null),
  status: serviceFields.status.default('active'),
}).refine(agesInOrder, { message: 'the minimum age is not above the maximum', path: ['maximumAge'] });
export type CreateService = z.infer<typeof CreateService>;

export const UpdateService = z.strictObject(Object.fromEntries(Object.entries(serviceFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof serviceFields]: z.ZodOptional<(typeof serviceFields)[K]>
}).refine(agesInOrder, { message: 'the minimum age is not above the maximum', path: ['maximumAge'] });
export type UpdateService = z.infer<typeof UpdateService>;

export const Service = z.object({
  id: Id,
  organisation: z.object({ id: Id, name: z.string(), kind: OrganisationKind }),
  name: z.string(),
  description: z.string(),
  lifeDomains: z.array(z.string()),
  minimumAge: z.int().nullable(),
  maximumAge: z.int().nullable(),
  referral: ReferralRoute,
  needsMunicipalDecision: z.boolean(),
  waitWeeks: z.int().nullable(),
  locations: z.array(z.object({ id: Id, name: z.string(), address: z.string(), postalCode: z.string(), city: z.string() })),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  njiRating: NjiRating.nullable(),
  njiUrl: z.string().nullable(),
  status: ServiceStatus,
  version: Version,
  updatedAt: Timestamp,
});
export type Service = z.infer<typeof Service>;

/** Who can help with this? By life domain, the age of whom it is for, the place (city or postal code) and words. */
export const CatalogueSearchQuery = z.object({
  lifeDomain: LifeDomainCode.optional(),
  age: z.coerce.number().int().min(0).max(120).optional(),
  place: SearchText.optional(),
  q: SearchText.optional(),
  organisationId: Id.optional(),
});
