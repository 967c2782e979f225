import { v5 as uuidv5 } from 'uuid';
import { defaultLifeDomains, type NjiRating, type OrganisationKind, type ReferralRoute } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import { locationsOf, selectServices } from './services.service';

/**
 * The catalogue as Open Referral HSDS 3.0 JSON (domain-notes §7.3): organizations, services (each with its
 * organization and service_at_locations nested, as HSDA answers a service), locations and service_at_locations. The
 * life domains and the NJi rating are attributes with taxonomy terms of two taxonomies of our own, whose ids are
 * derived from their codes (UUIDv5), so they are the same in every export. Dutch fields HSDS lacks (who may refer,
 * a municipal decision) are written into its free-text fields.
 */
const NAMESPACE = 'b8f5e3c2-3f0e-5a4b-9c1d-6e7f8a9b0c1d';
const derivedId = (...parts: string[]) => uuidv5(parts.join(':'), NAMESPACE);

const kindNames: Record<OrganisationKind, string> = {
  wijkteam: 'Wijkteam', jeugdteam: 'Jeugdteam', huisarts: 'Huisartsenpraktijk', school: 'School', jgz: 'Jeugdgezondheidszorg',
  schuldhulp: 'Schuldhulpverlening', 'ggz-volwassenen': 'GGZ voor volwassenen', 'jeugd-ggz': 'Jeugd-GGZ',
  'specialist-jeugdhulp': 'Specialistische jeugdhulp', gemeente: 'Gemeente', 'veilig-thuis': 'Veilig Thuis', other: 'Organisatie',
};
const referralText: Record<ReferralRoute, string> = {
  self: 'Vrij toegankelijk: het gezin meldt zich zelf aan.',
  'any-professional': 'Elke hulpverlener kan verwijzen.',
  'local-team': 'Via het wijkteam of jeugdteam.',
  'gp-or-local-team': 'Via de huisarts, jeugdarts, medisch specialist of het wijkteam.',
};
const njiText: Record<NjiRating, string> = {
  'goed-onderbouwd': 'Goed onderbouwd', 'effectief-eerste-aanwijzingen': 'Effectief volgens eerste aanwijzingen',
  'effectief-goede-aanwijzingen': 'Effectief volgens goede aanwijzingen', 'effectief-sterke-aanwijzingen': 'Effectief volgens sterke aanwijzingen',
};

const taxonomies = {
  lifeDomain: { id: derivedId('taxonomy', 'life-domain'), name: 'Gezinsplan leefgebieden', description: 'Leefgebieden: ZRM 2017, aangevuld met huishouden en kinderen in het gezin.' },
  nji: { id: derivedId('taxonomy', 'nji'), name: 'NJi Databank Effectieve Jeugdinterventies', description: 'De beoordeling van een interventie in de databank van het Nederlands Jeugdinstituut.' },
};

function term(taxonomy: keyof typeof taxonomies, code: string, name: string) {
  const t = taxonomies[taxonomy];
  return { id: derivedId('term', taxonomy, code), code, name, description: name, taxonomy_id: t.id, taxonomy_detail: t };
}

/** For whom, by age, in plain Dutch; empty when the service has no age limits. */
function ageText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `Voor ${min} tot en met ${max} jaar.`;
  if (min !== null) return `Vanaf ${min} jaar.`;
  if (max !== null) return `Tot en met ${max} jaar.`;
  return '';
}

/** HSDS omits what is unknown rather than writing null; so do we. */
function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Partial<T>;
}

export async function hsdsExport(db: Db, now: Date) {
  const services = await selectServices(db).orderBy('o.name').orderBy('s.name').orderBy('s.id').execute();
  const locations = await locationsOf(db, services.map((s) => s.id));
  const organizationIds = [...new Set(services.map((s) => s.organisation_id))];
  const organizations = organizationIds.map((id) => {
    const s = services.find((x) => x.organisation_id === id)!;
    return { id, name: s.organisation_name, description: kindNames[s.organisation_kind as OrganisationKind] ?? kindNames.other };
  });
  const locationObjects = locations.map((l) => {
    const organization = services.find((s) => s.id === l.service_id)!.organisation_id;
    return {
      id: l.id, location_type: 'physical', organization_id: organization, name: l.name,
      addresses: [{ id: derivedId('address', l.id), location_id: l.id, address_1: l.address, city: l.city, state_province: '', postal_code: l.postal_code, country: 'NL', address_type: 'physical' }],
    };
  });
  const serviceAtLocations = locations.map((l) => ({ id: l.service_at_location_id, service_id: l.service_id, location_id: l.id }));
  return {
    hsds_version: '3.0',
    generated_at: now.toISOString(),
    taxonomies: Object.values(taxonomies),
    organizations,
    services: services.map((s) => {
      const domainName = (code: string) => defaultLifeDomains.find((d) => d.code === code)?.nameNl ?? code;
      const ages = ageText(s.minimum_age, s.maximum_age);
      return defined({
        id: s.id, organization_id: s.organisation_id, name: s.name, description: s.description, status: s.status,
        url: s.website, email: s.email,
        minimum_age: s.minimum_age, maximum_age: s.maximum_age,
        wait_time: s.wait_weeks === null ? null : s.wait_weeks === 0 ? 'Geen wachttijd' : `${s.wait_weeks} ${s.wait_weeks === 1 ? 'week' : 'weken'}`,
        eligibility_description: [referralText[s.referral as ReferralRoute], ages].filter(Boolean).join(' '),
        application_process: `${referralText[s.referral as ReferralRoute]}${s.needs_municipal_decision ? ' Er is een beschikking van de gemeente nodig.' : ' Er is geen beschikking van de gemeente nodig.'}`,
        last_modified: new Date(s.updated_at).toISOString(),
        phones: s.phone ? [{ id: derivedId('phone', s.id), service_id: s.id, number: s.phone }] : [],
        attributes: [
          ...s.life_domains.map((code) => ({ id: derivedId('attribute', s.id, code), link_id: s.id, link_type: 'service', link_entity: 'service', taxonomy_term_id: derivedId('term', 'lifeDomain', code), taxonomy_term: term('lifeDomain', code, domainName(code)) })),
          ...(s.nji_rating ? [{
            id: derivedId('attribute', s.id, 'nji'), link_id: s.id, link_type: 'service', link_entity: 'service', value: s.nji_url ?? njiText[s.nji_rating as NjiRating],
            taxonomy_term_id: derivedId('term', 'nji', s.nji_rating), taxonomy_term: term('nji', s.nji_rating, njiText[s.nji_rating as NjiRating]),
          }] : []),
        ],
        organization: organizations.find((o) => o.id === s.organisation_id),
        service_at_locations: serviceAtLocations.filter((x) => x.service_id === s.id).map((x) => ({ ...x, location: locationObjects.find((l) => l.id === x.location_id) })),
      });
    }),
    locations: locationObjects,
    service_at_locations: serviceAtLocations,
  };
}
