import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamilyPermission } from '@gezinsplan/domain';
import { routes } from '../../packages/server/src/routes';
import type { AnyRoute, FamilyRoute } from '../../packages/server/src/platform/http/define-route';
import type { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { shareFamily } from '../support/sharing';
import { validBodies } from '../support/route-bodies';
import { auditOf, makeFamily, makeFamilyAccount, makeProfessional, startTestApp, type TestApp } from '../support/test-app';

/**
 * The gate, proved from the route table (DESIGN §5): every family-scoped route in the registry refuses a
 * professional who is not on the family's care team, and an administrator, with a 404 that looks like a missing
 * family, and leaves a 'denied' record in the family's audit chain. A route added to the registry is walked
 * here without anyone editing this file; one that needs a body makes the test fail until it gets one below.
 */

type FamilyAnyRoute = FamilyRoute<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const familyRoutes = routes.filter((r): r is FamilyAnyRoute => r.kind === 'family');
const keyOf = (r: Pick<AnyRoute, 'method' | 'url'>) => `${r.method} ${r.url}`;

/** Coordinator-only permissions (DESIGN §5; the decision table in packages/domain/src/access/decide.test.ts). */
const COORDINATOR_ONLY: readonly FamilyPermission[] = ['family:update', 'member:write', 'team:manage', 'audit:read', 'consent:write', 'invitation:manage'];

/** The real objects of one family, one for each `:param` a family route can name. */
interface Fixture {
  familyId: string;
  memberId: string;
  goalId: string;
  actionId: string;
  teamMemberId: string;
  consentId: string;
  organisationId: string;
  /** A professional who could be added to the team (for POST team bodies). */
  candidateUserId: string;
  /** A break-the-glass grant opened by the coordinator. */
  grantId: string;
  /** An open invitation of the parent to the family's file. */
  invitationId: string;
  /** The team member stepped up as a specialist. */
  careStepId: string;
  /** A joint consultation the coordinator planned, with the parent and the member invited. */
  consultationId: string;
}


/** The url with every `:param` replaced by the fixture's real id; an unknown param fails loudly. */
function fill(url: string, fx: Fixture): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const id = (fx as unknown as Record<string, string | undefined>)[name];
    if (!id) throw new Error(`no fixture id for :${name} in ${url}; add one to the Fixture`);
    return id;
  });
}

function bodyFor(route: FamilyAnyRoute, fx: Fixture): unknown {
  const make = validBodies[keyOf(route)];
  if (!route.body) {
    if (make) throw new Error(`${keyOf(route)} takes no body, but validBodies has one`);
    return undefined;
  }
  if (!make) throw new Error(`${keyOf(route)} takes a body: add a valid one to tests/support/route-bodies.ts`);
  const body = make({ familyId: fx.familyId, memberId: fx.memberId, organisationId: fx.organisationId, newcomerUserId: fx.candidateUserId, loginEmail: '', goalId: fx.goalId });
  const parsed = route.body.safeParse(body);
  if (!parsed.success) throw new Error(`the plausible body for ${keyOf(route)} does not match its schema: ${parsed.error.message}`);
  return body;
}

function call(client: ApiClient, route: FamilyAnyRoute, fx: Fixture) {
  return client.request(route.method, fill(route.url, fx), bodyFor(route, fx), route.ifMatch ? { 'if-match': '"1"' } : {});
}

describe('the gate, for every family route in the registry', () => {
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof makeProfessional>>;
  let member: Awaited<ReturnType<typeof makeProfessional>>;
  let stranger: Awaited<ReturnType<typeof makeProfessional>>;
  let fx: Fixture;
  /** A parent of another family, signed in to their own file. */
  let otherParent: Awaited<ReturnType<typeof makeFamilyAccount>>;
  const covered = { stranger: new Set<string>(), admin: new Set<string>(), ended: new Set<string>(), otherFamily: new Set<string>() };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await makeProfessional(t, 'wijkteam', 'Coordinator Wijkteam');
    member = await makeProfessional(t, 'schuldhulp', 'Member Schuldhulp');
    stranger = await makeProfessional(t, 'school', 'Stranger School');
    const candidate = await makeProfessional(t, 'jgz', 'Candidate JGZ');
    const family = await makeFamily(coordinator.client);
    // The family shares everything with the member's organisation: this suite is about the care relationship.
    await shareFamily(t, coordinator, family, [member.organisationId]);
    const base = `/api/v1/families/${family.id}`;
    const joined = await coordinator.client.create<{ id: string }>(`${base}/team`, { userId: member.id, role: 'member', lifeDomains: ['financien'] });
    const goal = await coordinator.client.create<{ id: string }>(`${base}/goals`, { title: 'We hebben rust over geld', lifeDomain: 'financien', memberIds: [family.parentId] });
    const action = await coordinator.client.create<{ id: string }>(`${base}/goals/${goal.id}/actions`, { title: 'Brieven verzamelen', assigneeMemberId: family.parentId });
    const organisationId = (candidate.client.user as { organisationId: string }).organisationId;
    const consent = await coordinator.client.create<{ id: string }>(`${base}/consents`, {
      memberId: family.parentId, organisationId, categories: ['financien'], purpose: 'Afstemmen', givenBy: [family.parentId],
    });
    const grant = await coordinator.client.create<{ id: string }>(`${base}/break-glass`, { categories: ['safety'], reason: 'Acute zorgen om de veiligheid van de kinderen thuis.' });
    const invitation = await coordinator.client.create<{ id: string }>(`${base}/invitations`, { memberId: family.parentId });
    const careStep = await coordinator.client.create<{ id: string }>(`${base}/care-steps`, { specialistUserId: member.id, staying: [] });
    const otherFamily = await makeFamily(coordinator.client, 'Gezin Buren');
    otherParent = await makeFamilyAccount(t, coordinator.client, otherFamily.id, otherFamily.parentId);
    const consultation = await coordinator.client.create<{ id: string }>(`${base}/consultations`, {
      startsAt: '2030-03-01T09:00:00.000Z', endsAt: '2030-03-01T10:00:00.000Z', location: 'Wijkcentrum', invitees: { memberIds: [family.parentId], userIds: [member.id] },
    });
    fx = { familyId: family.id, memberId: family.parentId, goalId: goal.id, actionId: action.id, teamMemberId: joined.id, candidateUserId: candidate.id, consentId: consent.id, organisationId, grantId: grant.id, invitationId: invitation.id, careStepId: careStep.id, consultationId: consultation.id };
  });
  afterAll(async () => { await t?.close(); });

  it('has the family routes it should, and no route under a family path bypasses the gate', () => {
    expect(familyRoutes.length).toBeGreaterThan(15);
    const underFamily = routes.filter((r) => r.url.includes(':familyId'));
    expect(underFamily.filter((r) => r.kind !== 'family').map(keyOf)).toEqual([]);
    expect(new Set(familyRoutes.map(keyOf)).size).toBe(familyRoutes.length);
  });

  /** Calls `route` as `client` and proves the refusal: 404 problem+json, and exactly one new 'denied' audit record. */
  async function expectRefused(client: ApiClient, route: FamilyAnyRoute, userId: string, checks: { authorisation: boolean; careRelationship: boolean }) {
    const before = (await auditOf(t.db, fx.familyId)).length;
    const res = await call(client, route, fx);
    expect(res.statusCode, `${keyOf(route)}: ${res.body}`).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const added = (await auditOf(t.db, fx.familyId)).slice(before);
    expect(added, `${keyOf(route)}: new audit records`).toHaveLength(1);
    expect(added[0]).toMatchObject({
      family_id: fx.familyId,
      outcome: 'denied',
      user_id: userId,
      event_type: route.access.event,
      action: route.access.action,
      check_authorisation: checks.authorisation,
      check_care_relationship: checks.careRelationship,
    });
  }

  it.each(familyRoutes.map((r) => [keyOf(r), r] as const))('%s refuses a professional who is not on the care team', async (key, route) => {
    covered.stranger.add(key);
    await expectRefused(stranger.client, route, stranger.id, { authorisation: false, careRelationship: false });
  });

  it.each(familyRoutes.map((r) => [keyOf(r), r] as const))('%s refuses an administrator', async (key, route) => {
    covered.admin.add(key);
    await expectRefused(t.admin, route, t.admin.user!.id, { authorisation: false, careRelationship: false });
  });

  it.each(familyRoutes.map((r) => [keyOf(r), r] as const))('%s refuses a member of another family', async (key, route) => {
    covered.otherFamily.add(key);
    await expectRefused(otherParent.client, route, otherParent.id, { authorisation: false, careRelationship: false });
  });

  it('walked every family route in the registry, for every outsider', () => {
    const all = familyRoutes.map(keyOf).sort();
    expect(all.length).toBeGreaterThan(15);
    expect([...covered.stranger].sort()).toEqual(all);
    expect([...covered.admin].sort()).toEqual(all);
    expect([...covered.otherFamily].sort()).toEqual(all);
  });

  it('left the family untouched and recorded no success for the outsiders', async () => {
    const audit = await auditOf(t.db, fx.familyId);
    const outsiders = new Set([stranger.id, t.admin.user!.id, otherParent.id]);
    expect(audit.filter((r) => outsiders.has(r.user_id ?? '') && r.outcome !== 'denied')).toEqual([]);
    const family = (await coordinator.client.get(`/api/v1/families/${fx.familyId}`)).json() as { version: number; name: string };
    expect(family).toMatchObject({ version: 1, name: 'Gezin Jansen' });
    const team = (await coordinator.client.get(`/api/v1/families/${fx.familyId}/team`)).json() as { items: { userId: string }[] };
    expect(team.items.map((m) => m.userId).sort()).toEqual([coordinator.id, member.id].sort());
    const plan = (await coordinator.client.get(`/api/v1/families/${fx.familyId}/plan`)).json() as { goals: { id: string; actions: { status: string }[] }[] };
    expect(plan.goals.map((g) => [g.id, g.actions.map((a) => a.status)])).toEqual([[fx.goalId, ['open']]]);
  });

  it('lets a team member who is not the coordinator read the plan, but not do coordinator-only things', async () => {
    const coordinatorOnly = familyRoutes.filter((r) => COORDINATOR_ONLY.includes(r.access.family));
    expect(coordinatorOnly.map(keyOf)).toEqual(expect.arrayContaining([
      'PATCH /api/v1/families/:familyId', 'POST /api/v1/families/:familyId/team', 'GET /api/v1/families/:familyId/audit',
    ]));
    for (const route of coordinatorOnly) {
      await expectRefused(member.client, route, member.id, { authorisation: false, careRelationship: true });
    }
    const plan = await member.client.get(`/api/v1/families/${fx.familyId}/plan`);
    expect(plan.statusCode).toBe(200);
    expect((plan.json() as { goals: { id: string }[] }).goals.map((g) => g.id)).toEqual([fx.goalId]);
    for (const route of familyRoutes.filter((r) => r.method === 'GET' && !COORDINATOR_ONLY.includes(r.access.family))) {
      const res = await call(member.client, route, fx);
      expect(res.statusCode, `${keyOf(route)}: ${res.body}`).toBe(200);
    }
  });

  it('shuts out a professional once their team membership has ended', async () => {
    const leaver = await makeProfessional(t, 'jeugdteam', 'Leaver Jeugdteam');
    const base = `/api/v1/families/${fx.familyId}`;
    const joined = await coordinator.client.create<{ id: string }>(`${base}/team`, { userId: leaver.id, role: 'member' });
    expect((await leaver.client.get(`${base}/plan`)).statusCode).toBe(200);

    const ended = await coordinator.client.delete(`${base}/team/${joined.id}`, { reason: 'Traject afgerond' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ id: joined.id, active: false });

    const plan = await leaver.client.get(`${base}/plan`);
    expect(plan.statusCode).toBe(404);
    expect(plan.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const route of familyRoutes) {
      covered.ended.add(keyOf(route));
      await expectRefused(leaver.client, route, leaver.id, { authorisation: false, careRelationship: false });
    }
    expect(covered.ended.size).toBe(familyRoutes.length);
    const caseload = (await leaver.client.get('/api/v1/me/families')).json() as { items: unknown[] };
    expect(caseload.items).toEqual([]);
  });

  it('keeps the permission table under review', () => {
    const table = routes.map((r) => {
      const permission = r.kind === 'family' ? r.access.family : r.kind === 'global' ? r.access.permission : r.kind === 'account' ? 'account' : 'public';
      return `${r.method} ${r.url} → ${permission}`;
    });
    expect(table).toMatchInlineSnapshot(`
      [
        "GET /healthz → public",
        "GET /readyz → public",
        "POST /api/v1/auth/login → public",
        "POST /api/v1/auth/logout → account",
        "GET /api/v1/me → account",
        "POST /api/v1/auth/second-factor → account",
        "GET /api/v1/me/two-factor → account",
        "POST /api/v1/me/two-factor/enrolment → account",
        "POST /api/v1/me/two-factor/confirm → account",
        "POST /api/v1/me/two-factor/recovery-codes → account",
        "POST /api/v1/me/two-factor/disable → account",
        "POST /api/v1/users/:userId/two-factor/reset → users:manage",
        "GET /api/v1/me/families → families:list",
        "GET /api/v1/me/actions → families:list",
        "GET /api/v1/me/notifications → account",
        "POST /api/v1/me/notifications/read-all → account",
        "POST /api/v1/me/notifications/:notificationId/read → account",
        "GET /api/v1/me/notification-preferences → account",
        "PUT /api/v1/me/notification-preferences → account",
        "GET /api/v1/admin/mail-outbox → mail:read",
        "GET /api/v1/organisations → organisations:read",
        "POST /api/v1/organisations → organisations:manage",
        "PATCH /api/v1/organisations/:organisationId → organisations:configure",
        "GET /api/v1/users → users:read",
        "POST /api/v1/users → users:manage",
        "GET /api/v1/directory/professionals → directory:read",
        "GET /api/v1/catalogues/life-domains → catalogue:read",
        "GET /api/v1/catalogues/collaboration-components → catalogue:read",
        "GET /api/v1/catalogues/collaboration-components/versions → catalogue:read",
        "GET /api/v1/catalogues/collaboration-components/versions/:version → catalogue:read",
        "POST /api/v1/catalogues/collaboration-components → catalogue:manage",
        "GET /api/v1/organisations/:organisationId/services → catalogue:read",
        "POST /api/v1/organisations/:organisationId/services → services:manage",
        "PATCH /api/v1/organisations/:organisationId/services/:serviceId → services:manage",
        "GET /api/v1/catalogue/search → catalogue:read",
        "GET /api/v1/catalogue/hsds → public",
        "GET /api/v1/covenants → covenants:read",
        "POST /api/v1/covenants → covenants:manage",
        "GET /api/v1/covenants/:covenantId → covenants:read",
        "POST /api/v1/covenants/:covenantId/accept → covenants:manage",
        "POST /api/v1/covenants/:covenantId/reject → covenants:manage",
        "POST /api/v1/covenants/:covenantId/end → covenants:manage",
        "GET /api/v1/families → families:list",
        "POST /api/v1/families → families:create",
        "GET /api/v1/families/:familyId → family:read",
        "PATCH /api/v1/families/:familyId → family:update",
        "GET /api/v1/families/:familyId/members → member:read",
        "POST /api/v1/families/:familyId/members → member:write",
        "GET /api/v1/families/:familyId/members/:memberId → member:read",
        "PATCH /api/v1/families/:familyId/members/:memberId → member:write",
        "GET /api/v1/families/:familyId/supporters → member:read",
        "POST /api/v1/families/:familyId/supporters → member:write",
        "GET /api/v1/families/:familyId/team → team:read",
        "POST /api/v1/families/:familyId/team → team:manage",
        "PATCH /api/v1/families/:familyId/team/:teamMemberId → team:manage",
        "DELETE /api/v1/families/:familyId/team/:teamMemberId → team:manage",
        "GET /api/v1/families/:familyId/continuity → team:read",
        "POST /api/v1/families/:familyId/care-steps → team:manage",
        "POST /api/v1/families/:familyId/care-steps/:careStepId/step-down → plan:write",
        "GET /api/v1/families/:familyId/plan → plan:read",
        "PATCH /api/v1/families/:familyId/plan → family:update",
        "GET /api/v1/families/:familyId/plan/agreements → plan:read",
        "POST /api/v1/families/:familyId/plan/agreements → plan:write",
        "POST /api/v1/families/:familyId/goals → plan:write",
        "PATCH /api/v1/families/:familyId/goals/:goalId → plan:write",
        "POST /api/v1/families/:familyId/goals/:goalId/actions → plan:write",
        "PATCH /api/v1/families/:familyId/actions/:actionId → plan:write",
        "GET /api/v1/families/:familyId/assessments → plan:read",
        "POST /api/v1/families/:familyId/assessments → plan:write",
        "GET /api/v1/families/:familyId/assessments/comparison → plan:read",
        "GET /api/v1/families/:familyId/phase → family:read",
        "POST /api/v1/families/:familyId/phase → family:update",
        "POST /api/v1/families/:familyId/aftercare → family:update",
        "GET /api/v1/families/:familyId/goals/:goalId/options → plan:read",
        "POST /api/v1/families/:familyId/goals/:goalId/options → plan:write",
        "GET /api/v1/families/:familyId/goals/:goalId/decisions → plan:read",
        "POST /api/v1/families/:familyId/goals/:goalId/decisions → plan:write",
        "GET /api/v1/families/:familyId/evaluations → plan:read",
        "POST /api/v1/families/:familyId/evaluations → plan:write",
        "GET /api/v1/me/evaluations → families:list",
        "GET /api/v1/families/:familyId/referrals → plan:read",
        "POST /api/v1/families/:familyId/referrals → plan:write",
        "GET /api/v1/referrals → families:list",
        "GET /api/v1/referrals/:referralId → families:list",
        "POST /api/v1/referrals/:referralId/status → families:list",
        "GET /api/v1/me/signals → families:list",
        "GET /api/v1/signals/:signalId → families:list",
        "POST /api/v1/signals/:signalId/propose-team → families:list",
        "POST /api/v1/signals/:signalId/accept-team → families:list",
        "POST /api/v1/signals/:signalId/decline → families:list",
        "GET /api/v1/families/:familyId/consultations → plan:read",
        "GET /api/v1/families/:familyId/consultations/agenda-proposal → plan:read",
        "POST /api/v1/families/:familyId/consultations → plan:write",
        "GET /api/v1/families/:familyId/consultations/:consultationId → plan:read",
        "PATCH /api/v1/families/:familyId/consultations/:consultationId → plan:write",
        "POST /api/v1/families/:familyId/consultations/:consultationId/record → plan:write",
        "POST /api/v1/families/:familyId/consultations/:consultationId/cancel → plan:write",
        "GET /api/v1/families/:familyId/consultations/:consultationId/invitation.ics → plan:read",
        "GET /api/v1/me/consultations → account",
        "GET /api/v1/me/calendar.ics → public",
        "GET /api/v1/me/calendar-token → account",
        "POST /api/v1/me/calendar-token → account",
        "DELETE /api/v1/me/calendar-token → account",
        "GET /api/v1/families/:familyId/timeline → timeline:read",
        "POST /api/v1/families/:familyId/timeline → timeline:write",
        "GET /api/v1/families/:familyId/consents → consent:read",
        "POST /api/v1/families/:familyId/consents → consent:write",
        "PATCH /api/v1/families/:familyId/consents/:consentId → consent:write",
        "POST /api/v1/families/:familyId/consents/:consentId/withdraw → consent:write",
        "GET /api/v1/families/:familyId/invitations → invitation:manage",
        "POST /api/v1/families/:familyId/invitations → invitation:manage",
        "POST /api/v1/families/:familyId/invitations/:invitationId/revoke → invitation:manage",
        "POST /api/v1/auth/invitation → public",
        "POST /api/v1/auth/accept-invitation → public",
        "GET /api/v1/families/:familyId/audit → audit:read",
        "GET /api/v1/families/:familyId/break-glass → team:read",
        "POST /api/v1/families/:familyId/break-glass → break-glass:open",
        "POST /api/v1/families/:familyId/break-glass/:grantId/close → break-glass:open",
        "GET /api/v1/privacy/audit → privacy:audit",
        "GET /api/v1/privacy/audit.csv → privacy:audit",
        "GET /api/v1/privacy/break-glass-reviews → privacy:review",
        "POST /api/v1/privacy/break-glass-reviews/:grantId → privacy:review",
        "GET /api/v1/privacy/requests → privacy:requests",
        "POST /api/v1/privacy/requests → privacy:requests",
        "GET /api/v1/privacy/requests/:requestId → privacy:requests",
        "GET /api/v1/privacy/requests/:requestId/export → privacy:requests",
      ]
    `);
  });
});
