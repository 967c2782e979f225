import type { FastifyInstance } from 'fastify';
import { ageOn, defaultLifeDomains, twoFactorRequired, type OrganisationKind, type Role } from '@gezinsplan/domain';
import type { Db } from '../platform/db/database';
import { ApiClient } from '../platform/http/api-client';
import { createAdmin } from '../bootstrap';
import { seedCareProcess, type DemoCareProcess } from './seed-care-process';
import { seedServices } from './seed-services';
import { seedConsultations, type DemoConsultations } from './seed-consultations';
import { seedStepUp, type DemoStep } from './seed-continuity';
import { runNotificationSweep } from '../modules/notifications';

export const DEMO_PASSWORD = 'Gezinsplan-demo-2026';
export const DEMO_ADMIN = 'beheer@gezinsplan.demo';
/**
 * The authenticator-app key of the demo's admin and privacy officer, who always sign in with a second factor. It is
 * published (README, start-up text) so anyone can try the demo: add it to an app, or print the code with the CLI.
 * Demo data only; a real account gets its own secret when it sets up its app.
 */
export const DEMO_TOTP_SECRET = 'GEZINSPLANDEMOTOTPGEZINSPLANDEMO';

const organisations: { key: string; name: string; kind: OrganisationKind }[] = [
  { key: 'wijkteam', name: 'Wijkteam Noord', kind: 'wijkteam' },
  { key: 'jeugdteam', name: 'Jeugdteam Centrum', kind: 'jeugdteam' },
  { key: 'huisarts', name: 'Huisartsenpraktijk De Linde', kind: 'huisarts' },
  { key: 'school', name: 'Basisschool De Regenboog', kind: 'school' },
  { key: 'jgz', name: 'JGZ Regio Midden', kind: 'jgz' },
  { key: 'schuldhulp', name: 'Schuldhulp Voorbeeldstad', kind: 'schuldhulp' },
  { key: 'ggz', name: 'GGZ Volwassenen Midden', kind: 'ggz-volwassenen' },
  { key: 'jeugd-ggz', name: 'Jeugd-GGZ Kompas', kind: 'jeugd-ggz' },
  { key: 'specialist', name: 'Specialistische Jeugdhulp De Brug', kind: 'specialist-jeugdhulp' },
  { key: 'gemeente', name: 'Gemeente Voorbeeldstad', kind: 'gemeente' },
  { key: 'veilig-thuis', name: 'Veilig Thuis Regio Midden', kind: 'veilig-thuis' },
  { key: 'buurt', name: 'Stichting Buurtmaatjes', kind: 'other' },
];

/** The demo people; their email addresses are printed at start so a newcomer can sign in as any of them. */
export const demoPeople: { key: string; email: string; name: string; org: string; roles: Role[]; about: string }[] = [
  { key: 'sanne', email: 'sanne@wijkteam.demo', name: 'Sanne de Vries', org: 'wijkteam', roles: ['professional', 'org-admin'], about: 'regievoerder, wijkteam' },
  { key: 'ahmed', email: 'ahmed@jeugdteam.demo', name: 'Ahmed El Amrani', org: 'jeugdteam', roles: ['professional', 'org-admin'], about: 'gezinscoach, jeugdteam' },
  { key: 'bakker', email: 'bakker@huisarts.demo', name: 'dr. Eva Bakker', org: 'huisarts', roles: ['professional', 'org-admin'], about: 'huisarts' },
  { key: 'joost', email: 'joost@school.demo', name: 'Joost Jansen', org: 'school', roles: ['professional', 'org-admin'], about: 'intern begeleider, school' },
  { key: 'fatima', email: 'fatima@jgz.demo', name: 'Fatima Yilmaz', org: 'jgz', roles: ['professional', 'org-admin'], about: 'jeugdverpleegkundige, JGZ' },
  { key: 'mo', email: 'mohammed@schuldhulp.demo', name: 'Mohammed Benali', org: 'schuldhulp', roles: ['professional', 'org-admin'], about: 'schuldhulpverlener' },
  { key: 'lotte', email: 'lotte@ggz.demo', name: 'Lotte Visser', org: 'ggz', roles: ['professional', 'org-admin'], about: 'psychiater, volwassenen-ggz' },
  { key: 'daan', email: 'daan@kompas.demo', name: 'Daan Smit', org: 'jeugd-ggz', roles: ['professional', 'org-admin'], about: 'kinderpsycholoog, jeugd-ggz' },
  { key: 'iris', email: 'iris@debrug.demo', name: 'Iris Mulder', org: 'specialist', roles: ['professional', 'org-admin'], about: 'gedragswetenschapper, specialistische jeugdhulp' },
  { key: 'privacy', email: 'privacy@wijkteam.demo', name: 'Pieter de Groot', org: 'wijkteam', roles: ['privacy-officer'], about: 'privacy officer, wijkteam (ziet de dossiers waar het wijkteam bij betrokken is)' },
  { key: 'beleid', email: 'beleid@gemeente.demo', name: 'Noor Hendriks', org: 'gemeente', roles: ['policy'], about: 'beleidsadviseur' },
];

interface DemoFamily {
  name: string;
  phase: 'aanmelding' | 'intake' | 'plan' | 'uitvoering' | 'evaluatie' | 'afgesloten';
  coordinator: string;
  members: { givenName: string; familyName: string; birthDate: string; role: 'parent' | 'child' | 'other'; hasCustody?: boolean; bsn?: string }[];
  /** Members (by index) who share their data with nobody but the coordinator's organisation. */
  private?: number[];
  supporters?: { name: string; relation: string }[];
  team?: { who: string; lifeDomains: string[]; responsibility: string }[];
  goals?: { title: string; lifeDomain: string; members: number[]; focus: 'now' | 'later' | 'achieved'; actions: { title: string; due: number; who: string | { member: number } | { supporter: number } }[] }[];
  notes?: { who: string; body: string; lifeDomain: string; members?: number[] }[];
  /** Members (by index) who accepted an invitation and sign in themselves. */
  accounts?: { member: number; email: string }[];
  care?: DemoCareProcess;
  /** A referral by the coordinator, for a goal (by index), to the organisation of a demo person, for one of its services. */
  referral?: { goal: number; member: number; to: string; service: string; reason: string; summary: string };
  /** A step up to specialist care, with who stays involved. */
  step?: DemoStep;
  /** Joint consultations (MDO): one held, one coming up. */
  consultations?: DemoConsultations;
}

const families: DemoFamily[] = [
  {
    name: 'Gezin Jansen', phase: 'uitvoering', coordinator: 'sanne',
    members: [
      { givenName: 'Marieke', familyName: 'Jansen', birthDate: '1987-04-12', role: 'parent', hasCustody: true },
      { givenName: 'Tim', familyName: 'Jansen', birthDate: '2013-02-03', role: 'child' },
      { givenName: 'Lisa', familyName: 'Jansen', birthDate: '2010-09-21', role: 'child' },
    ],
    // Lisa is 16: she alone decides over her data, and she has not agreed to share it beyond the wijkteam.
    private: [2],
    // Marieke and Lisa sign in themselves; Marieke does not see what is about Lisa unless Lisa lets her.
    accounts: [{ member: 0, email: 'marieke@jansen.demo' }, { member: 2, email: 'lisa@jansen.demo' }],
    supporters: [{ name: 'Oma Riet', relation: 'grootmoeder' }, { name: 'Buurvrouw Anja', relation: 'buurvrouw' }],
    team: [
      { who: 'bakker', lifeDomains: ['geestelijke-gezondheid', 'lichamelijke-gezondheid'], responsibility: 'Medische zorg voor moeder, verwijzing naar ggz' },
      { who: 'mo', lifeDomains: ['financien'], responsibility: 'Schuldhulptraject en budgetbeheer' },
      { who: 'joost', lifeDomains: ['scholing'], responsibility: 'Begeleiding van Tim op school' },
    ],
    goals: [
      { title: 'We hebben rust over geld: elke maand zijn de vaste lasten betaald', lifeDomain: 'financien', members: [0], focus: 'now',
        actions: [{ title: 'Aanvraag schuldhulp indienen', due: 7, who: 'mo' }, { title: 'Alle brieven van schuldeisers verzamelen', due: 5, who: { member: 0 } }] },
      { title: 'Tim gaat weer elke dag met plezier naar school', lifeDomain: 'scholing', members: [1], focus: 'now',
        actions: [{ title: 'Gesprek met Tim en zijn mentor', due: 10, who: 'joost' }, { title: 'Tim ophalen op woensdag', due: 3, who: { supporter: 0 } }] },
      { title: 'Ik voel me minder somber en heb meer energie', lifeDomain: 'geestelijke-gezondheid', members: [0], focus: 'later',
        actions: [{ title: 'Afspraak bij de huisarts over somberheid', due: 14, who: 'bakker' }] },
    ],
    notes: [
      { who: 'sanne', body: 'Eerste gesprek bij het gezin thuis. Moeder wil vooral rust over geld; Tim zit niet lekker op school.', lifeDomain: 'financien', members: [0] },
      { who: 'mo', body: 'Schuldenoverzicht gestart. Drie schuldeisers in beeld.', lifeDomain: 'financien', members: [0] },
      { who: 'bakker', body: 'Moeder slaapt slecht en piekert veel. Verwijzing naar de POH-ggz besproken.', lifeDomain: 'geestelijke-gezondheid', members: [0] },
      { who: 'sanne', body: 'Lisa wil zelf eerst met haar mentor praten over haar stage.', lifeDomain: 'scholing', members: [2] },
    ],
    // The coordinator refers Marieke, with her consent, to adult mental health: it waits in Lotte's inbox.
    referral: {
      goal: 2, member: 0, to: 'lotte', service: 'Behandeling bij somberheid en angst',
      reason: 'Marieke voelt zich al maanden somber en slaapt slecht. Zij wil graag praten met een psycholoog.',
      summary: 'Moeder van twee kinderen; de schulden worden aangepakt door de schuldhulp. De huisarts is op de hoogte.',
    },
    // The team met with Marieke and Oma Riet three weeks ago; the next MDO, about the goals now, is next week.
    consultations: {
      invite: ['bakker', 'mo', 'joost'], members: [0], supporters: [0],
      held: {
        weeksAgo: 3, location: 'Wijkcentrum De Kroon, zaal 2',
        notes: 'Marieke vertelde dat de schuldeisers elke week bellen. Tim heeft het moeilijk op maandag.',
        decisions: [{ text: 'Schuldhulp neemt het contact met de schuldeisers over.', goal: 0 }, { text: 'Over vier weken komen we weer samen.' }],
        actions: [{ goal: 1, title: 'Rooster van Tim aanpassen op maandag', who: 'joost', inDays: 10 }],
      },
      upcoming: { inDays: 6, location: 'Wijkcentrum De Kroon, zaal 2', videoUrl: 'https://video.voorbeeldstad.demo/mdo-jansen', freeItems: ['Hoe gaat het met Marieke?', 'Rondvraag'] },
    },
    care: {
      assessments: [
        { member: 0, weeksAgo: 12, family: { financien: 2, 'geestelijke-gezondheid': 3, huisvesting: 4, 'sociaal-netwerk': 3, 'huiselijke-relaties': 3 },
          professional: { financien: 1, 'geestelijke-gezondheid': 2, huisvesting: 4, 'sociaal-netwerk': 3, 'huiselijke-relaties': 3 } },
        // Marieke sees her mental health as going well enough; Sanne is more worried: a difference to talk about.
        { member: 0, weeksAgo: 2, family: { financien: 3, 'geestelijke-gezondheid': 4, huisvesting: 4, 'sociaal-netwerk': 4, 'huiselijke-relaties': 4 },
          professional: { financien: 3, 'geestelijke-gezondheid': 2, huisvesting: 4, 'sociaal-netwerk': 4, 'huiselijke-relaties': 3 } },
        { member: 1, weeksAgo: 12, family: { scholing: 2, 'emotionele-ondersteuning': 3, socialisering: 3 }, professional: { scholing: 2, 'emotionele-ondersteuning': 3, socialisering: 2 } },
        { member: 1, weeksAgo: 2, family: { scholing: 3, 'emotionele-ondersteuning': 4, socialisering: 3 }, professional: { scholing: 3, 'emotionele-ondersteuning': 3, socialisering: 3 } },
      ],
      options: [
        { goal: 0, title: 'Schuldhulptraject bij Schuldhulp Voorbeeldstad', asksOfFamily: 'Alle post over geld delen; drie jaar afspraken nakomen.', mayBring: 'Eén aanspreekpunt voor de schuldeisers; daarna schuldenvrij.' },
        { goal: 0, title: 'Budgetcursus in de wijk', asksOfFamily: 'Zes avonden naar het buurthuis.', mayBring: 'Zelf overzicht houden over geld.' },
      ],
      decision: { goal: 0, chosen: [0], preferred: 0, members: [0], familyView: 'Eerst de schulden regelen; de cursus misschien later.',
        rationale: 'Marieke kiest voor het schuldhulptraject: de schuldeisers bellen nu elke week en dat geeft veel onrust.' },
      agreedBy: [0],
      evaluations: [
        { weeksAgo: 9, scores: [-1, -1], experience: [4, 3, 3, 4, 3, 4], decisions: 'Doorgaan met het schuldhulptraject; Tim krijgt extra gesprekken met zijn mentor.' },
        { weeksAgo: 1, scores: [0, 1], experience: [5, 4, 4, 4, 4, 5], nextInDays: 10, decisions: 'Het gaat beter. Volgende keer kijken we of somberheid een doel voor nu wordt.' },
      ],
    },
  },
  {
    name: 'Gezin El Idrissi', phase: 'plan', coordinator: 'ahmed',
    members: [
      { givenName: 'Youssef', familyName: 'El Idrissi', birthDate: '1982-11-30', role: 'parent', hasCustody: true },
      { givenName: 'Samira', familyName: 'El Idrissi', birthDate: '1985-06-14', role: 'parent', hasCustody: true },
      { givenName: 'Nora', familyName: 'El Idrissi', birthDate: '2016-01-08', role: 'child' },
    ],
    team: [
      { who: 'fatima', lifeDomains: ['lichamelijke-verzorging', 'emotionele-ondersteuning'], responsibility: 'Ontwikkeling van Nora volgen' },
      { who: 'daan', lifeDomains: ['geestelijke-gezondheid'], responsibility: 'Diagnostiek angstklachten Nora' },
    ],
    goals: [
      { title: 'Nora durft weer alleen te slapen', lifeDomain: 'emotionele-ondersteuning', members: [2], focus: 'now',
        actions: [{ title: 'Intake jeugd-ggz plannen', due: 9, who: 'daan' }] },
    ],
    notes: [{ who: 'ahmed', body: 'Ouders willen graag samen een plan maken. Volgende week startgesprek met het hele team.', lifeDomain: 'huiselijke-relaties' }],
  },
  {
    name: 'Gezin de Boer', phase: 'intake', coordinator: 'sanne',
    members: [
      { givenName: 'Kevin', familyName: 'de Boer', birthDate: '1979-03-25', role: 'parent', hasCustody: true },
      { givenName: 'Jayden', familyName: 'de Boer', birthDate: '2009-12-01', role: 'child' },
    ],
    team: [{ who: 'lotte', lifeDomains: ['geestelijke-gezondheid', 'middelengebruik'], responsibility: 'Behandeling van vader' }],
    notes: [{ who: 'sanne', body: 'Intakegesprek gepland. Vader wil hulp bij huisvesting na scheiding.', lifeDomain: 'huisvesting', members: [0] }],
  },
  {
    name: 'Gezin Kaya', phase: 'aanmelding', coordinator: 'ahmed',
    members: [
      { givenName: 'Elif', familyName: 'Kaya', birthDate: '1990-08-19', role: 'parent', hasCustody: true },
      { givenName: 'Mert', familyName: 'Kaya', birthDate: '2018-05-05', role: 'child', bsn: '111222333' },
    ],
  },
  // Mert lives half the week with his father; the wijkteam registered that household without knowing of the
  // jeugdteam's file. The same BSN makes a Gezinsplan signal: Sanne and Ahmed each see it in Mijn werk.
  {
    name: 'Gezin Kaya (vader)', phase: 'aanmelding', coordinator: 'sanne',
    members: [
      { givenName: 'Burak', familyName: 'Kaya', birthDate: '1988-01-23', role: 'parent', hasCustody: true },
      { givenName: 'Mert', familyName: 'Kaya', birthDate: '2018-05-05', role: 'child', bsn: '111222333' },
    ],
  },
  {
    name: 'Gezin Visser', phase: 'evaluatie', coordinator: 'sanne',
    members: [
      { givenName: 'Anouk', familyName: 'Visser', birthDate: '1984-02-17', role: 'parent', hasCustody: true },
      { givenName: 'Sem', familyName: 'Visser', birthDate: '2011-07-07', role: 'child' },
    ],
    team: [{ who: 'iris', lifeDomains: ['huiselijke-relaties', 'socialisering'], responsibility: 'Gezinsbehandeling' }],
    step: {
      specialist: 'iris', staying: [{ who: 'sanne', involvement: 'Houdt de regie en ziet Anouk elke twee weken' }],
      note: 'Gezinsbehandeling bij De Brug; het wijkteam blijft de vaste contactpersoon.', teamStartedWeeksAgo: 20, steppedUpWeeksAgo: 12,
    },
    goals: [
      { title: 'Minder ruzie thuis over huiswerk en schermtijd', lifeDomain: 'huiselijke-relaties', members: [0, 1], focus: 'now',
        actions: [{ title: 'Afspraken over schermtijd op papier zetten', due: -10, who: { member: 0 } }] },
    ],
    // The evaluation is overdue: it shows in Sanne's work list.
    care: { agreedBy: [0], evaluations: [{ weeksAgo: 10, scores: [1], experience: [4, 4, 5, 4, 3, 4], decisions: 'Minder ruzie. Nog één keer evalueren, dan afsluiten?' }] },
  },
  {
    name: 'Gezin Bos', phase: 'afgesloten', coordinator: 'ahmed',
    members: [{ givenName: 'Henk', familyName: 'Bos', birthDate: '1975-10-10', role: 'parent', hasCustody: true }],
    goals: [{ title: 'Ik heb weer een vaste plek om te wonen', lifeDomain: 'huisvesting', members: [0], focus: 'now', actions: [] }],
    care: {
      agreedBy: [0],
      evaluations: [{ weeksAgo: 2, kind: 'closing', scores: [2], experience: [5, 5, 4, 4, 4, 5], decisions: 'Henk woont in zijn eigen huis. We sluiten af.' }],
      closing: { reason: 'goals-reached', canDoThemselves: 'Henk betaalt zijn huur zelf en weet de wijkpost te vinden als er iets is.', aftercareInDays: 9 },
    },
  },
];

/** The categories everyone on a team shares once the family agrees: who they are, who helps, and the plan's goals. */
const basics = ['identity', 'team', 'plan-overview'];

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The family members who sign in themselves in the demo, for the start-up text. */
export const demoFamilyAccounts = families.flatMap((f) => (f.accounts ?? []).map((a) => ({
  email: a.email, about: `${f.members[a.member]!.givenName} ${f.members[a.member]!.familyName}, ${f.name.toLowerCase()}`,
})));

/** Demo only: the published key, as if the person had set up their app with it. */
async function giveDemoSecondFactor(db: Db, email: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret: DEMO_TOTP_SECRET, totp_enabled_at: new Date() }).where('email', '=', email).execute();
}

/**
 * Seeds a believable region through the API itself (as the demo people, so the audit log shows them), unless
 * the database already has users. Returns whether it seeded.
 */
export async function seedDemo(db: Db, app: FastifyInstance): Promise<boolean> {
  const hasUsers = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (hasUsers) return false;
  await createAdmin(db, { email: DEMO_ADMIN, password: DEMO_PASSWORD, name: 'Beheerder Demo', organisation: 'Gemeente Voorbeeldstad' });
  await giveDemoSecondFactor(db, DEMO_ADMIN);
  const admin = await new ApiClient(app).login(DEMO_ADMIN, DEMO_PASSWORD, { totpSecret: DEMO_TOTP_SECRET });

  const orgIds = new Map<string, string>();
  for (const org of organisations) {
    if (org.key === 'gemeente') {
      orgIds.set(org.key, admin.user!.organisationId);
      continue;
    }
    orgIds.set(org.key, (await admin.create('/api/v1/organisations', { name: org.name, kind: org.kind })).id);
  }
  const userIds = new Map<string, string>();
  const clients = new Map<string, ApiClient>();
  for (const p of demoPeople) {
    // Made-up work numbers, so the printed plan of a demo family shows whom to call.
    const phone = `06 1234 56${String(demoPeople.indexOf(p)).padStart(2, '0')}`;
    const user = await admin.create('/api/v1/users', { email: p.email, name: p.name, phone, password: DEMO_PASSWORD, organisationId: orgIds.get(p.org), roles: p.roles });
    userIds.set(p.key, user.id);
    if (twoFactorRequired({ kind: 'professional', roles: p.roles, organisationRequires: false })) await giveDemoSecondFactor(db, p.email);
  }
  const as = async (key: string) => {
    if (!clients.has(key)) clients.set(key, await new ApiClient(app).login(demoPeople.find((p) => p.key === key)!.email, DEMO_PASSWORD, { totpSecret: DEMO_TOTP_SECRET }));
    return clients.get(key)!;
  };

  // The region's covenant: the two coordinating teams share with every partner, each side's org-admin agreeing.
  const everything = [...basics, 'safety', ...defaultLifeDomains.map((d) => d.code)];
  for (const [proposer, partners] of [['sanne', ['ahmed', 'bakker', 'joost', 'fatima', 'mo', 'lotte', 'daan', 'iris']], ['ahmed', ['bakker', 'joost', 'fatima', 'mo', 'lotte', 'daan', 'iris']]] as const) {
    for (const partner of partners) {
      const partnerOrg = orgIds.get(demoPeople.find((p) => p.key === partner)!.org);
      const covenant = await (await as(proposer)).create('/api/v1/covenants', {
        partnerOrganisationId: partnerOrg, categories: everything, purpose: 'Samenwerken in de integrale gezinsaanpak van de regio',
      });
      const accepted = await (await as(partner)).post(`/api/v1/covenants/${covenant.id}/accept`);
      if (accepted.statusCode !== 200) throw new Error(`covenant not accepted: ${accepted.statusCode}`);
    }
  }
  const organisationOf = (key: string) => orgIds.get(demoPeople.find((p) => p.key === key)!.org)!;
  await seedServices(as, organisationOf);

  for (const f of families) {
    const coordinator = await as(f.coordinator);
    const family = await coordinator.create<{ id: string }>('/api/v1/families', { name: f.name, members: f.members });
    const base = `/api/v1/families/${family.id}`;
    const members = (await coordinator.get(`${base}/members`)).json() as { items: { id: string; givenName: string }[] };
    const memberId = (i: number) => members.items.find((m) => m.givenName === f.members[i]!.givenName)!.id;
    const supporterIds: string[] = [];
    for (const s of f.supporters ?? []) supporterIds.push((await coordinator.create(`${base}/supporters`, s)).id);
    for (const t of f.team ?? []) {
      await coordinator.create(`${base}/team`, { userId: userIds.get(t.who), role: 'member', lifeDomains: t.lifeDomains, responsibility: t.responsibility });
    }
    await seedConsents(coordinator, base, f, memberId, organisationOf);
    const goalIds: string[] = [];
    for (const g of f.goals ?? []) {
      const goal = await coordinator.create(`${base}/goals`, { title: g.title, lifeDomain: g.lifeDomain, memberIds: g.members.map(memberId), focus: g.focus });
      for (const a of g.actions) {
        const who = typeof a.who === 'string' ? { assigneeUserId: userIds.get(a.who) }
          : 'member' in a.who ? { assigneeMemberId: memberId(a.who.member) } : { assigneeSupporterId: supporterIds[a.who.supporter] };
        await coordinator.create(`${base}/goals/${goal.id}/actions`, { title: a.title, dueDate: inDays(a.due), ...who });
      }
      goalIds.push(goal.id);
    }
    const familyClients = new Map<number, ApiClient>();
    for (const account of f.accounts ?? []) {
      const invitation = await coordinator.create<{ code: string }>(`${base}/invitations`, { memberId: memberId(account.member) });
      familyClients.set(account.member, await new ApiClient(app).acceptInvitation(invitation.code, account.email, DEMO_PASSWORD));
    }
    await seedCareProcess({
      coordinator, base, memberId, goalIds, target: f.phase, professional: coordinator, familyClient: (i) => familyClients.get(i),
      teamUserIds: [userIds.get(f.coordinator)!, ...(f.team ?? []).map((t) => userIds.get(t.who)!)],
    }, f.care ?? {});
    if (f.referral) {
      const to = organisationOf(f.referral.to);
      await coordinator.create(`${base}/consents`, { memberId: memberId(f.referral.member), organisationId: to, categories: ['identity', 'geestelijke-gezondheid'], purpose: 'Verwijzing naar de ggz', givenBy: [memberId(f.referral.member)] });
      const services = (await coordinator.get(`/api/v1/catalogue/search?organisationId=${to}`)).json() as { items: { id: string; name: string }[] };
      await coordinator.create(`${base}/referrals`, {
        goalId: goalIds[f.referral.goal], toOrganisationId: to, serviceId: services.items.find((x) => x.name === f.referral!.service)!.id,
        reason: f.referral.reason, summary: f.referral.summary, includeWho: true,
      });
    }
    if (f.consultations) {
      await seedConsultations(coordinator, base, f.consultations, {
        user: (key) => userIds.get(key)!, member: memberId, supporter: (i) => supporterIds[i]!, goal: (i) => goalIds[i]!,
      });
    }
    if (f.step) await seedStepUp(db, coordinator, base, family.id, f.step, (key) => userIds.get(key)!);
    // The coordinator opens the file (a visit) before the team's notes come in, so her caseload shows what is new.
    await coordinator.get(base);
    for (const n of f.notes ?? []) {
      await (await as(n.who)).create(`${base}/timeline`, { body: n.body, lifeDomain: n.lifeDomain, memberIds: (n.members ?? []).map(memberId) });
    }
  }
  // The work above left notifications (actions given, consents, referrals); the sweep adds what is due or overdue.
  // Without SMTP_URL their mail waits in the outbox, which the admin sees under "Uitgaande e-mail".
  await runNotificationSweep(db);
  return true;
}

/**
 * What the family agreed to share, recorded by the coordinator: with the coordinator's own organisation everything,
 * with each team member's organisation the basics plus that member's life domains. Parents with gezag agree for
 * children under 16, and every member of 12 and older agrees for themselves; "private" members share with no one else.
 */
async function seedConsents(coordinator: ApiClient, base: string, f: DemoFamily, memberId: (i: number) => string, organisationOf: (key: string) => string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const parent = f.members.findIndex((m) => m.hasCustody);
  const shares = [
    { org: organisationOf(f.coordinator), categories: [...basics, 'safety', ...defaultLifeDomains.map((d) => d.code)], all: true },
    ...(f.team ?? []).map((t) => ({ org: organisationOf(t.who), categories: [...basics, ...t.lifeDomains], all: false })),
  ];
  for (const share of shares) {
    for (const [i, m] of f.members.entries()) {
      if (!share.all && f.private?.includes(i)) continue;
      const givenBy = [...new Set([...(ageOn(m.birthDate, today) < 16 && parent >= 0 ? [memberId(parent)] : []), ...(ageOn(m.birthDate, today) >= 12 ? [memberId(i)] : [])])];
      await coordinator.create(`${base}/consents`, { memberId: memberId(i), organisationId: share.org, categories: share.categories, purpose: 'Samen werken aan het gezinsplan', givenBy });
    }
  }
}
