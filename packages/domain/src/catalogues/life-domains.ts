/**
 * The default life-domain catalogue: ZRM 2017's 13 domains, then the household domains of ZRM-Huishoudens
 * that ZRM 2017 lacks, then the "kind(eren) in gezin" supplement (domain-notes §3.1). The database holds the
 * live catalogue (a region may add or retire domains); this list seeds it. Codes are stable API identifiers.
 */
export interface LifeDomainSeed {
  code: string;
  group: 'zrm' | 'household' | 'child';
  nameNl: string;
  /** Plain-language (B1) name for families, after "Mijn ZRM" where it has one. */
  plainNl: string;
  nameEn: string;
}

export const defaultLifeDomains: readonly LifeDomainSeed[] = [
  { code: 'financien', group: 'zrm', nameNl: 'Financiën', plainNl: 'Geldzaken', nameEn: 'Finances' },
  { code: 'werk-opleiding', group: 'zrm', nameNl: 'Werk & opleiding', plainNl: 'Werk en opleiding', nameEn: 'Work and education' },
  { code: 'tijdsbesteding', group: 'zrm', nameNl: 'Tijdsbesteding', plainNl: 'Tijdsbesteding', nameEn: 'Daytime activities' },
  { code: 'huisvesting', group: 'zrm', nameNl: 'Huisvesting', plainNl: 'Woning', nameEn: 'Housing' },
  { code: 'huiselijke-relaties', group: 'zrm', nameNl: 'Huiselijke relaties', plainNl: 'Relaties thuis', nameEn: 'Domestic relationships' },
  { code: 'geestelijke-gezondheid', group: 'zrm', nameNl: 'Geestelijke gezondheid', plainNl: 'Geestelijke gezondheid', nameEn: 'Mental health' },
  { code: 'lichamelijke-gezondheid', group: 'zrm', nameNl: 'Lichamelijke gezondheid', plainNl: 'Lichamelijke gezondheid', nameEn: 'Physical health' },
  { code: 'middelengebruik', group: 'zrm', nameNl: 'Middelengebruik', plainNl: 'Verslaving', nameEn: 'Substance use' },
  { code: 'basale-adl', group: 'zrm', nameNl: 'Basale ADL', plainNl: 'Zelfzorg', nameEn: 'Basic activities of daily living' },
  { code: 'instrumentele-adl', group: 'zrm', nameNl: 'Instrumentele ADL', plainNl: 'Dagelijkse activiteiten', nameEn: 'Instrumental activities of daily living' },
  { code: 'sociaal-netwerk', group: 'zrm', nameNl: 'Sociaal netwerk', plainNl: 'Sociaal netwerk', nameEn: 'Social network' },
  { code: 'maatschappelijke-participatie', group: 'zrm', nameNl: 'Maatschappelijke participatie', plainNl: 'Inzet voor de maatschappij', nameEn: 'Community participation' },
  { code: 'justitie', group: 'zrm', nameNl: 'Justitie', plainNl: 'Justitie', nameEn: 'Justice' },
  { code: 'organisatie-huishouden', group: 'household', nameNl: 'Organisatie van het huishouden', plainNl: 'Het huishouden regelen', nameEn: 'Running the household' },
  { code: 'sociale-omgeving', group: 'household', nameNl: 'Sociale omgeving', plainNl: 'Buurt en omgeving', nameEn: 'Social environment' },
  { code: 'gezinsstructuur', group: 'child', nameNl: 'Gezinsstructuur', plainNl: 'Rust en regelmaat thuis', nameEn: 'Family structure' },
  { code: 'lichamelijke-verzorging', group: 'child', nameNl: 'Lichamelijke verzorging', plainNl: 'Verzorging van het kind', nameEn: 'Physical care of the child' },
  { code: 'emotionele-ondersteuning', group: 'child', nameNl: 'Emotionele ondersteuning', plainNl: 'Steun en aandacht', nameEn: 'Emotional support' },
  { code: 'socialisering', group: 'child', nameNl: 'Socialisering', plainNl: 'Opvoeding en omgang met anderen', nameEn: 'Socialisation' },
  { code: 'opvang', group: 'child', nameNl: 'Opvang', plainNl: 'Opvang', nameEn: 'Childcare' },
  { code: 'scholing', group: 'child', nameNl: 'Scholing', plainNl: 'School', nameEn: 'Schooling' },
];
