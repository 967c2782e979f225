import type { OrganisationKind } from '@gezinsplan/domain';

/** Made-up but believable Dutch words for a generated region; weights follow how common the names are. */
export const surnames: readonly (readonly [string, number])[] = [
  ['de Jong', 86], ['Jansen', 75], ['de Vries', 72], ['van den Berg', 61], ['van Dijk', 58], ['Bakker', 57],
  ['Janssen', 56], ['Visser', 53], ['Smit', 48], ['Meijer', 46], ['de Boer', 43], ['Mulder', 41], ['de Groot', 40],
  ['Bos', 39], ['Vos', 37], ['Peters', 36], ['Hendriks', 35], ['van Leeuwen', 33], ['Dekker', 32], ['Brouwer', 31],
  ['de Wit', 30], ['Dijkstra', 29], ['Smits', 28], ['de Graaf', 27], ['van der Meer', 26], ['van der Linden', 25],
  ['Kok', 24], ['Jacobs', 23], ['de Haan', 22], ['Vermeulen', 21], ['van den Heuvel', 20], ['van der Veen', 19],
  ['van den Broek', 18], ['de Bruijn', 17], ['de Bruin', 16], ['van der Heijden', 15], ['Schouten', 14],
  ['van Beek', 13], ['Willems', 12], ['van Vliet', 12], ['van de Ven', 11], ['Hoekstra', 11], ['Maas', 10],
  ['Verhoeven', 10], ['Koster', 9], ['van Dam', 9], ['van der Wal', 8], ['Prins', 8], ['Blom', 8], ['Huisman', 7],
  ['Yılmaz', 9], ['Kaya', 6], ['El Idrissi', 6], ['Bouzid', 5], ['Ramdin', 4], ['Nguyen', 3], ['Mohamed', 6],
  ['Haddou', 4], ['Kowalski', 4], ['Nowak', 4], ['Pinas', 3], ['Martina', 3], ['Öztürk', 4], ['Achahbar', 3],
];

export const givenNames = {
  parent: ['Sanne', 'Lisa', 'Anouk', 'Fatima', 'Esra', 'Marieke', 'Kim', 'Sandra', 'Priya', 'Olga', 'Naima', 'Linda',
    'Mark', 'Dennis', 'Mohamed', 'Kevin', 'Erik', 'Youssef', 'Jeroen', 'Patrick', 'Ahmet', 'Piotr', 'Ricardo', 'Bas'],
  child: ['Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Noor', 'Yara', 'Lina', 'Saar', 'Nora', 'Fleur', 'Amira',
    'Noah', 'Liam', 'Luuk', 'Daan', 'Sem', 'Lucas', 'Finn', 'Milan', 'Adam', 'Ilias', 'Mees', 'Levi', 'Ayoub', 'Jayden'],
  other: ['Oma Ria', 'Opa Henk', 'Tante Samira', 'Oom Kees'],
} as const;

export const supporterNames: readonly (readonly [string, string])[] = [
  ['Oma Joke', 'grootouder'], ['Opa Wim', 'grootouder'], ['Buurvrouw Petra', 'buurvrouw'], ['Tante Hanneke', 'familie'],
  ['Vriendin Aylin', 'vriendin'], ['Trainer Rob', 'sportclub'], ['Buddy Marco', 'maatje'], ['Oom Said', 'familie'],
];

/** Who coordinates: the neighbourhood team mostly, the youth team for families with young children. */
export const coordinatorKinds: readonly OrganisationKind[] = ['wijkteam', 'jeugdteam'];

/** Which organisations join a team, and how often; each brings the life domains it usually helps with. */
export const partnerKinds: readonly (readonly [OrganisationKind, number, readonly string[]])[] = [
  ['huisarts', 20, ['lichamelijke-gezondheid', 'geestelijke-gezondheid']],
  ['school', 20, ['scholing', 'socialisering']],
  ['jgz', 10, ['lichamelijke-verzorging', 'opvang', 'emotionele-ondersteuning']],
  ['schuldhulp', 12, ['financien', 'organisatie-huishouden']],
  ['ggz-volwassenen', 10, ['geestelijke-gezondheid', 'middelengebruik']],
  ['jeugd-ggz', 8, ['emotionele-ondersteuning', 'geestelijke-gezondheid']],
  ['specialist-jeugdhulp', 8, ['gezinsstructuur', 'socialisering']],
  ['gemeente', 5, ['huisvesting', 'werk-opleiding', 'financien']],
  ['veilig-thuis', 2, ['huiselijke-relaties']],
  ['other', 5, ['sociaal-netwerk', 'tijdsbesteding']],
];

/** Organisations per 10,000 families, per kind (at least one of each). */
export const organisationsPer10k: Readonly<Record<OrganisationKind, number>> = {
  wijkteam: 5, jeugdteam: 2.5, huisarts: 20, school: 25, jgz: 1, schuldhulp: 1, 'ggz-volwassenen': 2, 'jeugd-ggz': 2,
  'specialist-jeugdhulp': 2, gemeente: 0.4, 'veilig-thuis': 0.2, other: 1,
};

export const organisationNames: Readonly<Record<OrganisationKind, string>> = {
  wijkteam: 'Wijkteam', jeugdteam: 'Jeugdteam', huisarts: 'Huisartsenpraktijk', school: 'Basisschool', jgz: 'JGZ',
  schuldhulp: 'Schuldhulpverlening', 'ggz-volwassenen': 'GGZ', 'jeugd-ggz': 'Jeugd-GGZ',
  'specialist-jeugdhulp': 'Jeugdhulp', gemeente: 'Gemeente', 'veilig-thuis': 'Veilig Thuis', other: 'Welzijn',
};

export const places = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'De Hoven', 'Rivierenwijk', 'Oude Stad', 'Vogelbuurt',
  'Bloemenbuurt', 'Het Park', 'De Akkers', 'Molenwijk', 'Havenkwartier', 'Kanaleneiland', 'De Weide'];

/** Goals in the family's own words, per life domain; the generator picks from the domain's list. */
export const goalTitles: Readonly<Record<string, readonly string[]>> = {
  financien: ['Wij hebben overzicht over onze schulden', 'Elke maand de vaste lasten op tijd betalen', 'Geen nieuwe schulden erbij'],
  huisvesting: ['Een woning waar we met z\'n allen passen', 'De huurachterstand is weg', 'Geen schimmel meer in de slaapkamer'],
  'geestelijke-gezondheid': ['Mama heeft weer meer rust in haar hoofd', 'Papa slaapt beter', 'Minder paniekaanvallen'],
  scholing: ['Noah gaat elke dag naar school', 'Emma haalt haar toetsen', 'Een school die bij Milan past'],
  'huiselijke-relaties': ['Minder ruzie thuis', 'Goede afspraken over de omgang na de scheiding', 'Thuis is het veilig'],
  'werk-opleiding': ['Papa vindt werk dat past', 'Mama maakt haar opleiding af'],
  'lichamelijke-gezondheid': ['Mama kan weer traplopen zonder pijn', 'Gezond eten met het hele gezin'],
  middelengebruik: ['Papa drinkt minder', 'Stoppen met blowen'],
  'sociaal-netwerk': ['Iemand die we kunnen bellen als het misgaat', 'Meer contact met de buren'],
  gezinsstructuur: ['Vaste tijden voor eten en slapen', 'Een weekplanning die iedereen snapt'],
  socialisering: ['Liam kan zijn boosheid anders uiten', 'Yara heeft vriendinnen op school'],
  'emotionele-ondersteuning': ['De kinderen kunnen praten over wat ze meemaken', 'Tijd voor elkaar'],
  opvang: ['Opvang voor de jongste op dinsdag en donderdag'],
  'lichamelijke-verzorging': ['De baby groeit goed'],
  'organisatie-huishouden': ['De post wordt elke week geopend', 'Boodschappen met een budget'],
  tijdsbesteding: ['Sem gaat weer voetballen', 'Een zinvolle dagbesteding voor papa'],
};

export const actionTitles = ['Afspraak maken bij de huisarts', 'Formulier bijzondere bijstand invullen', 'Gesprek met de mentor plannen',
  'Brieven van de deurwaarder meenemen', 'Aanmelden bij de voedselbank', 'Samen de weekplanning maken', 'Bellen met de woningcorporatie',
  'Intake bij schuldhulp', 'Kennismaking met de jeugdhulpverlener', 'Budgetplan bespreken', 'Sportclub zoeken voor Sem',
  'Huiswerkbegeleiding regelen', 'Gesprek met de school over verzuim', 'Toeslagen controleren', 'Netwerkberaad plannen'];

export const noteBodies = ['Huisbezoek gehad. Moeder vertelt dat het deze week rustiger was.',
  'Telefonisch contact met school: Noah was drie dagen afwezig, school neemt contact op met het gezin.',
  'Gesprek over de schulden. Vader heeft alle brieven verzameld; we maken volgende week een overzicht.',
  'Kinderen waren aanwezig bij het gesprek. Emma wil graag zelf meepraten over het plan.',
  'Afgesproken dat oma op woensdag de kinderen opvangt.', 'De huisarts heeft doorverwezen naar de POH-GGZ.',
  'Vader heeft de afspraak bij schuldhulp afgezegd. Nieuwe afspraak gepland.',
  'Evaluatie voorbereid met moeder: zij vindt dat het doel over rust thuis deels gehaald is.'];
