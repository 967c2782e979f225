import type { ApiClient } from '../platform/http/api-client';

/** What the demo region's organisations offer, as their own admins would describe it (made up, but true to kind). */
const services: { who: string; service: Record<string, unknown> }[] = [
  { who: 'mo', service: {
    name: 'Schuldhulptraject', description: 'Samen een overzicht van alle schulden, afspraken met de schuldeisers en zo nodig een schuldregeling.',
    lifeDomains: ['financien'], minimumAge: 18, referral: 'self', waitWeeks: 3, phone: '030 200 40 00', email: 'aanmelden@schuldhulp.demo',
    locations: [{ name: 'Schuldhulp Voorbeeldstad', address: 'Stationsplein 4', postalCode: '3511 ED', city: 'Voorbeeldstad' }] } },
  { who: 'mo', service: {
    name: 'Budgetcursus Grip op geld', description: 'Zes avonden over overzicht, een budget en post die blijft liggen.',
    lifeDomains: ['financien', 'organisatie-huishouden'], minimumAge: 16, referral: 'self', waitWeeks: 0,
    locations: [{ name: 'Buurthuis De Kroon', address: 'Kroonstraat 10', postalCode: '3512 KL', city: 'Voorbeeldstad' }] } },
  { who: 'lotte', service: {
    name: 'Behandeling bij somberheid en angst', description: 'Gesprekken met een psycholoog (CGT), ook bij wie zorgt voor kinderen.',
    lifeDomains: ['geestelijke-gezondheid'], minimumAge: 18, referral: 'gp-or-local-team', waitWeeks: 8, needsMunicipalDecision: false,
    locations: [{ name: 'GGZ Midden, locatie Centrum', address: 'Oudegracht 120', postalCode: '3511 AW', city: 'Voorbeeldstad' }] } },
  { who: 'daan', service: {
    name: 'Kinder-CGT bij angst', description: 'Cognitieve gedragstherapie voor kinderen met angstklachten, met ouders erbij.',
    lifeDomains: ['emotionele-ondersteuning', 'geestelijke-gezondheid'], minimumAge: 6, maximumAge: 17, referral: 'gp-or-local-team', needsMunicipalDecision: true, waitWeeks: 6,
    njiRating: 'effectief-goede-aanwijzingen',
    locations: [{ name: 'Kompas', address: 'Kompasweg 2', postalCode: '3521 AB', city: 'Voorbeeldstad' }] } },
  { who: 'iris', service: {
    name: 'Multisysteemtherapie (MST)', description: 'Intensieve behandeling thuis bij ernstige gedragsproblemen, met het hele gezin en de school.',
    lifeDomains: ['socialisering', 'huiselijke-relaties', 'scholing'], minimumAge: 12, maximumAge: 18, referral: 'gp-or-local-team', needsMunicipalDecision: true, waitWeeks: 4,
    njiRating: 'effectief-sterke-aanwijzingen', njiUrl: 'https://www.nji.nl/interventies/multisysteemtherapie-mst',
    locations: [{ name: 'De Brug', address: 'Brugweg 5', postalCode: '3531 BC', city: 'Voorbeeldstad' }] } },
  { who: 'fatima', service: {
    name: 'Opvoedspreekuur', description: 'Vragen over slapen, eten, huilen of gedrag: een jeugdverpleegkundige denkt mee.',
    lifeDomains: ['lichamelijke-verzorging', 'socialisering', 'gezinsstructuur'], maximumAge: 18, referral: 'self', waitWeeks: 1,
    locations: [{ name: 'Consultatiebureau Noord', address: 'Noorderplein 8', postalCode: '3514 NB', city: 'Voorbeeldstad' }] } },
  { who: 'joost', service: {
    name: 'Extra begeleiding op school', description: 'De intern begeleider maakt met kind, ouders en mentor een plan voor een goede schooldag.',
    lifeDomains: ['scholing'], minimumAge: 4, maximumAge: 12, referral: 'any-professional', waitWeeks: 0,
    locations: [{ name: 'Basisschool De Regenboog', address: 'Schoolstraat 1', postalCode: '3513 SR', city: 'Voorbeeldstad' }] } },
];

/** Each organisation's own admin describes its services in the catalogue. */
export async function seedServices(as: (key: string) => Promise<ApiClient>, organisationOf: (key: string) => string): Promise<void> {
  for (const s of services) {
    const res = await (await as(s.who)).post(`/api/v1/organisations/${organisationOf(s.who)}/services`, s.service);
    if (res.statusCode !== 201) throw new Error(`service not created: ${res.body}`);
  }
}
