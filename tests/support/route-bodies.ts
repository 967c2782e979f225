import { defaultCollaborationCatalogue } from '@gezinsplan/domain';
import { PARENT, PASSWORD } from './test-app';

/** The real ids a valid body may need to name. */
export interface BodyIds {
  /** The family of the fixture. */
  familyId: string;
  /** A member of the family in the url. */
  memberId: string;
  /** An organisation other than the caller's (a consent recipient, a covenant partner, a new user's employer). */
  organisationId: string;
  /** A professional on no team of the family: the valid body of POST team adds them. */
  newcomerUserId: string;
  /** Someone who may sign in (the login body). */
  loginEmail: string;
  /** A goal of the family in the url. */
  goalId: string;
}

let unique = 0;

/**
 * One schema-valid body for every route that takes one, shared by the gate test (which proves refusals come from
 * the gate, not validation) and the fuzz test (which breaks them one field at a time). A new route with a body
 * fails both until it has one here. Names that must be unique are unique per call.
 */
export const validBodies: Record<string, (ids: BodyIds) => unknown> = {
  'POST /api/v1/auth/login': (ids) => ({ email: ids.loginEmail, password: PASSWORD }),
  'POST /api/v1/organisations': () => ({ name: `Organisatie ${++unique}`, kind: 'school' }),
  'PATCH /api/v1/organisations/:organisationId': () => ({ requireTwoFactor: false }),
  'POST /api/v1/auth/second-factor': () => ({ code: '123456' }),
  'POST /api/v1/me/two-factor/confirm': () => ({ code: '123456' }),
  'POST /api/v1/me/two-factor/recovery-codes': () => ({ code: '123456' }),
  'POST /api/v1/me/two-factor/disable': () => ({ code: '123456' }),
  'PUT /api/v1/me/notification-preferences': () => ({ mail: 'daily-digest' }),
  'POST /api/v1/users': (ids) => ({ email: `nieuw-${++unique}@test.nl`, name: 'Nieuwe Collega', password: 'a-long-and-rather-unusual-passphrase', organisationId: ids.organisationId, roles: ['professional'] }),
  'POST /api/v1/families': () => ({ name: 'Gezin Nieuw', members: [PARENT] }),
  'PATCH /api/v1/families/:familyId': () => ({ name: 'Gezin Jansen-de Boer' }),
  'POST /api/v1/families/:familyId/members': () => ({ givenName: 'Sara', familyName: 'Jansen', birthDate: '2016-09-01', role: 'child' }),
  'PATCH /api/v1/families/:familyId/members/:memberId': () => ({ givenName: 'Marieke Anna' }),
  'POST /api/v1/families/:familyId/supporters': () => ({ name: 'Oma Jansen', relation: 'grootmoeder', contact: 'via Marieke' }),
  'POST /api/v1/families/:familyId/assessments': (ids) => ({ memberId: ids.memberId, view: 'professional', scores: [{ lifeDomain: 'financien', level: 2, concerns: 'Schulden bij drie schuldeisers' }] }),
  'PATCH /api/v1/families/:familyId/plan': () => ({ evaluationIntervalWeeks: 6 }),
  'POST /api/v1/families/:familyId/plan/agreements': (ids) => ({ agreedBy: [ids.memberId], note: 'Aan de keukentafel besproken' }),
  'POST /api/v1/families/:familyId/phase': () => ({ to: 'intake', note: 'Eerste gesprek is gepland' }),
  'POST /api/v1/families/:familyId/aftercare': () => ({ outcome: 'going-well', note: 'Het gaat goed; de vaste lasten zijn betaald.' }),
  'POST /api/v1/families/:familyId/goals/:goalId/options': () => ({ title: 'Budgetcursus in de wijk', asksOfFamily: 'Zes avonden', mayBring: 'Overzicht over geld' }),
  'POST /api/v1/families/:familyId/goals/:goalId/decisions': (ids) => ({ rationale: 'We beginnen met een overzicht; de cursus later.', participants: { memberIds: [ids.memberId] } }),
  'POST /api/v1/families/:familyId/evaluations': (ids) => ({ participants: { memberIds: [ids.memberId] }, experience: [{ code: 'taken-seriously', score: 4 }], decisions: 'We gaan door.' }),
  'POST /api/v1/catalogues/collaboration-components': () => ({ version: `test-${++unique}`, name: 'Eigen lijst', components: [defaultCollaborationCatalogue.components[0]] }),
  'POST /api/v1/organisations/:organisationId/services': () => ({
    name: `Budgetcursus ${++unique}`, lifeDomains: ['financien'], referral: 'self', minimumAge: 18, waitWeeks: 2,
    locations: [{ name: 'Buurthuis De Kroon', address: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Voorbeeldstad' }],
  }),
  'PATCH /api/v1/organisations/:organisationId/services/:serviceId': () => ({ waitWeeks: 3, status: 'active' }),
  'POST /api/v1/families/:familyId/care-steps': (ids) => ({ specialistUserId: ids.newcomerUserId, staying: [], note: 'GGZ neemt de behandeling van moeder op zich.' }),
  'POST /api/v1/families/:familyId/care-steps/:careStepId/step-down': () => ({ handover: { whatWorks: 'Vaste afspraken op maandag.', whatToWatch: 'Terugval bij stress.' } }),
  'POST /api/v1/families/:familyId/referrals': (ids) => ({ goalId: ids.goalId, toOrganisationId: ids.organisationId, reason: 'Hulp bij geld nodig', send: false }),
  'POST /api/v1/families/:familyId/consultations': (ids) => ({
    startsAt: '2030-03-01T09:00:00.000Z', endsAt: '2030-03-01T10:30:00.000Z', location: 'Wijkcentrum De Kroon, zaal 2', invitees: { memberIds: [ids.memberId] },
  }),
  'PATCH /api/v1/families/:familyId/consultations/:consultationId': () => ({ startsAt: '2030-03-08T09:00:00.000Z', endsAt: '2030-03-08T10:00:00.000Z' }),
  'POST /api/v1/families/:familyId/consultations/:consultationId/record': (ids) => ({
    attended: { memberIds: [ids.memberId] }, notes: 'Goed gesprek aan tafel.',
    decisions: [{ text: 'We pakken eerst de brieven aan.', goalId: ids.goalId }],
    actions: [{ goalId: ids.goalId, title: 'Brieven sorteren met Marieke', dueDate: '2030-03-15', assigneeMemberId: ids.memberId }],
  }),
  'POST /api/v1/families/:familyId/consultations/:consultationId/cancel': () => ({ reason: 'Moeder is ziek; we plannen opnieuw.' }),
  'POST /api/v1/referrals/:referralId/status': () => ({ to: 'cancelled', note: 'Het gezin kiest iets anders.' }),
  'POST /api/v1/signals/:signalId/decline': () => ({ reason: 'Wij hebben gebeld: de hulp is goed verdeeld.' }),
  'POST /api/v1/families/:familyId/goals': (ids) => ({ title: 'Wij hebben een vast ritme', lifeDomain: 'financien', memberIds: [ids.memberId] }),
  'PATCH /api/v1/families/:familyId/goals/:goalId': () => ({ title: 'Wij hebben rust over geld', focus: 'later' }),
  'POST /api/v1/families/:familyId/goals/:goalId/actions': (ids) => ({ title: 'Afspraak maken', dueDate: '2030-03-01', assigneeMemberId: ids.memberId }),
  'PATCH /api/v1/families/:familyId/actions/:actionId': () => ({ status: 'done', dueDate: '2030-04-01' }),
  'POST /api/v1/families/:familyId/team': (ids) => ({ userId: ids.newcomerUserId, role: 'member', lifeDomains: ['financien'], startDate: '2030-01-01' }),
  'PATCH /api/v1/families/:familyId/team/:teamMemberId': () => ({ responsibility: 'Budgetcoaching', lifeDomains: ['financien'] }),
  'DELETE /api/v1/families/:familyId/team/:teamMemberId': () => ({ reason: 'Traject afgerond' }),
  'POST /api/v1/families/:familyId/timeline': (ids) => ({ body: 'Huisbezoek gehad; het gaat beter.', lifeDomain: 'financien', memberIds: [ids.memberId] }),
  'POST /api/v1/families/:familyId/consents': (ids) => ({ memberId: ids.memberId, organisationId: ids.organisationId, categories: ['financien', 'identity'], purpose: 'Afstemmen', validUntil: '2099-01-01', givenBy: [ids.memberId] }),
  'PATCH /api/v1/families/:familyId/consents/:consentId': () => ({ categories: ['financien'], validUntil: '2098-01-01' }),
  'POST /api/v1/families/:familyId/invitations': (ids) => ({ memberId: ids.memberId, validDays: 7 }),
  'POST /api/v1/auth/invitation': () => ({ code: 'ABCD-EFGH-JKLM' }),
  'POST /api/v1/auth/accept-invitation': () => ({ code: 'ABCD-EFGH-JKLM', email: `gezin-${++unique}@test.nl`, password: 'a-long-and-rather-unusual-passphrase' }),
  'POST /api/v1/families/:familyId/break-glass': () => ({ categories: ['geestelijke-gezondheid'], reason: 'Moeder belde in paniek; acuut gevaar voor de kinderen.', hours: 2 }),
  'POST /api/v1/covenants': (ids) => ({ partnerOrganisationId: ids.organisationId, categories: ['financien', 'identity'], purpose: 'Samen schulden aanpakken' }),
  'POST /api/v1/privacy/requests': (ids) => ({ familyId: ids.familyId, memberId: ids.memberId, requestedBy: ids.memberId, kind: 'export', receivedOn: '2026-11-20', note: 'Per brief' }),
  'POST /api/v1/privacy/break-glass-reviews/:grantId': () => ({ decision: 'flagged', note: 'Geen acuut gevaar uit de reden op te maken.' }),
};
