/** The service catalogue: what organisations offer, and finding who can help, in plain Dutch (B1). */
export const servicesNl = {
  title: 'Onze diensten', intro: 'Wat uw organisatie aanbiedt. Hulpverleners van andere organisaties zoeken hierin wie een gezin kan helpen.',
  organisation: 'Organisatie', none: 'Er staan nog geen diensten in de catalogus.', add: 'Dienst toevoegen', edit: 'Wijzigen', editLabel: 'Wijzigen: {{name}}',
  name: 'Naam van de dienst', description: 'Wat houdt de dienst in?', lifeDomains: 'Bij welke leefgebieden helpt de dienst?',
  minimumAge: 'Vanaf leeftijd (mag leeg blijven)', maximumAge: 'Tot en met leeftijd (mag leeg blijven)', referral: 'Wie kan verwijzen?',
  referrals: {
    self: 'Vrij toegankelijk: het gezin meldt zich zelf aan', 'any-professional': 'Elke hulpverlener kan verwijzen',
    'local-team': 'Via het wijkteam of jeugdteam', 'gp-or-local-team': 'Via huisarts, jeugdarts, medisch specialist of wijkteam',
  },
  needsDecision: 'Er is een beschikking van de gemeente nodig', waitWeeks: 'Wachttijd in weken (mag leeg blijven)',
  locations: 'Waar?', location: 'Locatie {{n}}', locationName: 'Naam van de locatie', address: 'Straat en huisnummer', postalCode: 'Postcode', city: 'Plaats',
  addLocation: 'Locatie toevoegen', removeLocation: 'Haal locatie {{n}} weg', email: 'E-mailadres voor aanmelden (mag leeg blijven)',
  phone: 'Telefoonnummer (mag leeg blijven)', website: 'Website (mag leeg blijven)', nji: 'Beoordeling in de databank van het NJi',
  njiNone: 'Niet beoordeeld', njiRatings: {
    'goed-onderbouwd': 'Goed onderbouwd', 'effectief-eerste-aanwijzingen': 'Effectief volgens eerste aanwijzingen',
    'effectief-goede-aanwijzingen': 'Effectief volgens goede aanwijzingen', 'effectief-sterke-aanwijzingen': 'Effectief volgens sterke aanwijzingen',
  },
  njiUrl: 'Link naar de interventie in de databank (mag leeg blijven)', status: 'Wordt de dienst aangeboden?', statuses: { active: 'Ja', inactive: 'Nee, niet meer' },
  saved: '{{name}} staat in de catalogus.', inactive: 'niet meer aangeboden', ages: { both: '{{min}} tot en met {{max}} jaar', min: 'vanaf {{min}} jaar', max: 'tot en met {{max}} jaar', none: 'alle leeftijden' },
  wait: { none: 'geen wachttijd', some_one: '{{count}} week wachten', some_other: '{{count}} weken wachten' }, decision: 'beschikking nodig',
  find: 'Wie kan hierbij helpen?', findIntro: 'Zoek in de diensten van alle organisaties. De zoekvragen zijn ingevuld vanuit het doel; pas ze aan als dat nodig is.',
  findDomain: 'Leefgebied', anyDomain: 'Alle leefgebieden', findAge: 'Leeftijd', findPlace: 'Plaats of postcode', findWords: 'Zoekwoorden', search: 'Zoeken',
  results: 'Gevonden diensten', noResults: 'Geen diensten gevonden. Probeer minder zoekvragen.', propose: 'Als mogelijke hulp noemen', proposed: '{{name}} staat bij de mogelijke hulp.',
  fromCatalogue: 'Uit de catalogus: {{organisation}}',
};
