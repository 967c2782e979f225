import type { servicesNl } from './services.nl';

/** English for the service catalogue: the same keys as services.nl.ts (the type says so). */
export const servicesEn: typeof servicesNl = {
  title: 'Our services', intro: 'What your organisation offers. Professionals of other organisations search it to find who can help a family.',
  organisation: 'Organisation', none: 'There are no services in the catalogue yet.', add: 'Add a service', edit: 'Change', editLabel: 'Change: {{name}}',
  name: 'Name of the service', description: 'What does the service involve?', lifeDomains: 'Which life domains does the service help with?',
  minimumAge: 'From age (optional)', maximumAge: 'Up to and including age (optional)', referral: 'Who can refer?',
  referrals: {
    self: 'Open access: the family applies themselves', 'any-professional': 'Any professional can refer',
    'local-team': 'Through the neighbourhood or youth team', 'gp-or-local-team': 'Through the GP, youth doctor, medical specialist or neighbourhood team',
  },
  needsDecision: 'A municipal decision (beschikking) is needed', waitWeeks: 'Waiting time in weeks (optional)',
  locations: 'Where?', location: 'Location {{n}}', locationName: 'Name of the location', address: 'Street and number', postalCode: 'Postal code', city: 'City',
  addLocation: 'Add a location', removeLocation: 'Remove location {{n}}', email: 'Email address to apply (optional)',
  phone: 'Phone number (optional)', website: 'Website (optional)', nji: 'Rating in the NJi databank',
  njiNone: 'Not rated', njiRatings: {
    'goed-onderbouwd': 'Well founded', 'effectief-eerste-aanwijzingen': 'Effective according to first indications',
    'effectief-goede-aanwijzingen': 'Effective according to good indications', 'effectief-sterke-aanwijzingen': 'Effective according to strong indications',
  },
  njiUrl: 'Link to the intervention in the databank (optional)', status: 'Is the service offered?', statuses: { active: 'Yes', inactive: 'No, no longer' },
  saved: '{{name}} is in the catalogue.', inactive: 'no longer offered', ages: { both: '{{min}} to {{max}} years', min: 'from {{min}} years', max: 'up to {{max}} years', none: 'all ages' },
  wait: { none: 'no waiting time', some_one: '{{count}} week waiting', some_other: '{{count}} weeks waiting' }, decision: 'municipal decision needed',
  find: 'Who can help with this?', findIntro: "Search the services of all organisations. The search is filled in from the goal; change it if needed.",
  findDomain: 'Life domain', anyDomain: 'All life domains', findAge: 'Age', findPlace: 'City or postal code', findWords: 'Words', search: 'Search',
  results: 'Services found', noResults: 'No services found. Try fewer search terms.', propose: 'Name as possible help', proposed: '{{name}} is among the possible help.',
  fromCatalogue: 'From the catalogue: {{organisation}}',
};
