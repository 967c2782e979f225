/** Referrals to other organisations, in plain Dutch (B1). */
export const referralsNl = {
  title: 'Verwijzingen', none: 'Er is nog niet verwezen voor dit doel.', refer: 'Verwijzen naar een andere organisatie', referTo: 'Verwijzen: {{name}}',
  organisation: 'Naar welke organisatie?', service: 'Welke dienst? (mag leeg blijven)', noService: 'Geen bepaalde dienst',
  reason: 'Waarom verwijst u? Wat is de vraag?', summary: 'Wat moet de andere organisatie weten? Alleen wat het gezin wil delen.',
  includeWho: 'De naam van het gezin en de voornaam en leeftijd van wie het over gaat meesturen', send: 'Verwijzing versturen', draft: 'Bewaren als concept',
  sent: 'De verwijzing is verstuurd naar {{name}}.', drafted: 'De verwijzing is bewaard als concept.',
  noConsent: 'Het gezin heeft (nog) niet toegestemd dat {{name}} dit mag zien. Leg eerst samen met het gezin de toestemming vast, of deel minder.',
  status: {
    draft: 'Concept', requested: 'Verstuurd, wacht op antwoord', accepted: 'Geaccepteerd', rejected: 'Afgewezen', 'in-progress': 'Hulp is gestart',
    completed: 'Afgerond', cancelled: 'Ingetrokken', failed: 'Niet gelukt',
  },
  action: {
    requested: 'Versturen', cancelled: 'Intrekken', accepted: 'Accepteren', rejected: 'Afwijzen', 'in-progress': 'Hulp is gestart', completed: 'Afronden', failed: 'Niet gelukt',
  },
  actionLabel: '{{action}}: verwijzing naar {{to}}', note: 'Toelichting voor de andere kant (mag leeg blijven)', overdue: 'Nog geen antwoord na 5 werkdagen',
  from: 'Van {{name}} ({{organisation}})', to: 'Naar {{organisation}}', history: 'Verloop', historyItem: '{{status}} · {{by}} ({{organisation}})',
  inbox: 'Verwijzingen voor uw organisatie', inboxNone: 'Er zijn geen verwijzingen voor uw organisatie.', goal: 'Doel: {{title}}', who: 'Voor: {{who}}',
  whoItem: '{{name}} ({{age}} jaar)', familyName: 'Gezin: {{name}}', contact: 'Contact: {{email}}', openFile: 'Naar het gezin', changed: 'De verwijzing staat nu op: {{status}}.',
};
