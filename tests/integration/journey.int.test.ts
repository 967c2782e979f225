import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { verifyAuditLog } from '../../packages/server/src/platform/audit/audit-verify';
import { auditOf, PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { consentFor, makeCovenant } from '../support/sharing';

/**
 * The foundation's "done when", as one scripted client would walk it: the admin sets up three organisations, a
 * coordinator registers a family and builds a team across two of them, they write the plan together, and a
 * professional of the third organisation finds nothing at all. Every step is in the audit log and the chain holds.
 */
describe('the foundation journey', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('walks from an empty region to a shared plan, and hides it from outsiders', async () => {
    const { admin } = t;
    const wijkteam = await admin.create('/api/v1/organisations', { name: 'Wijkteam Noord', kind: 'wijkteam' });
    const schuldhulp = await admin.create('/api/v1/organisations', { name: 'Schuldhulp Stad', kind: 'schuldhulp' });
    const school = await admin.create('/api/v1/organisations', { name: 'Basisschool De Regenboog', kind: 'school' });
    const orgs = (await admin.get('/api/v1/organisations')).json() as { items: { id: string }[] };
    expect(orgs.items.map((o) => o.id)).toEqual(expect.arrayContaining([wijkteam.id, schuldhulp.id, school.id]));

    const mk = (email: string, name: string, organisationId: string) =>
      admin.create('/api/v1/users', { email, name, password: PASSWORD, organisationId, roles: ['professional'] });
    const sanneUser = await mk('sanne@wijkteam.test', 'Sanne de Vries', wijkteam.id);
    const moUser = await mk('mo@schuldhulp.test', 'Mohammed Benali', schuldhulp.id);
    await mk('joost@school.test', 'Joost Jansen', school.id);

    const sanne = await new ApiClient(t.app).login('sanne@wijkteam.test', PASSWORD);
    const mo = await new ApiClient(t.app).login('mo@schuldhulp.test', PASSWORD);
    const joost = await new ApiClient(t.app).login('joost@school.test', PASSWORD);

    // Register a family with members; the registering professional becomes its coordinator.
    const created = await sanne.post('/api/v1/families', {
      name: 'Gezin Jansen',
      members: [
        { givenName: 'Marieke', familyName: 'Jansen', birthDate: '1987-04-12', role: 'parent', hasCustody: true, bsn: '111222333' },
        { givenName: 'Tim', familyName: 'Jansen', birthDate: '2013-02-03', role: 'child', hasCustody: false },
      ],
    });
    expect(created.statusCode).toBe(201);
    const family = created.json() as { id: string; version: number; phase: string; coordinator: { userId: string } };
    expect(family).toMatchObject({ phase: 'aanmelding', version: 1, coordinator: { userId: sanneUser.id } });
    expect(created.headers.etag).toBe('"1"');
    const base = `/api/v1/families/${family.id}`;

    const members = (await sanne.get(`${base}/members`)).json() as { items: { id: string; givenName: string; hasBsn: boolean; bsn?: string }[] };
    expect(members.items).toHaveLength(2);
    const marieke = members.items.find((m) => m.givenName === 'Marieke')!;
    const tim = members.items.find((m) => m.givenName === 'Tim')!;
    expect(marieke.hasBsn).toBe(true);
    expect(JSON.stringify(members.items)).not.toContain('111222333');

    // Build the care team across two organisations.
    const joined = await sanne.post(`${base}/team`, { userId: moUser.id, role: 'member', lifeDomains: ['financien'], responsibility: 'Schuldhulptraject' });
    expect(joined.statusCode).toBe(201);
    const team = (await mo.get(`${base}/team`)).json() as { items: { userId: string; role: string; organisationName: string }[] };
    expect(team.items.map((m) => [m.role, m.organisationName])).toEqual([['coordinator', 'Wijkteam Noord'], ['member', 'Schuldhulp Stad']]);

    // Working in one team does not lift professional secrecy: the family agrees to share, within a covenant.
    expect((await mo.get(base)).json()).toMatchObject({ name: null });
    await makeCovenant(t, wijkteam.id, schuldhulp.id);
    await consentFor(sanne, family.id, schuldhulp.id, { parentId: marieke.id, memberIds: [marieke.id, tim.id] });
    expect((await mo.get(base)).json()).toMatchObject({ name: 'Gezin Jansen' });

    // Goals and actions, written by both organisations.
    const goal = await sanne.create<{ id: string; priority: number }>(`${base}/goals`, {
      title: 'We hebben rust over geld', lifeDomain: 'financien', memberIds: [marieke.id], focus: 'now',
    });
    const goal2 = await mo.create<{ id: string; priority: number }>(`${base}/goals`, {
      title: 'Tim gaat met plezier naar school', lifeDomain: 'scholing', memberIds: [tim.id], focus: 'later',
    });
    expect([goal.priority, goal2.priority]).toEqual([1, 2]);
    await mo.create(`${base}/goals/${goal.id}/actions`, { title: 'Aanvraag schuldhulp indienen', dueDate: '2030-01-15', assigneeUserId: moUser.id });
    await sanne.create(`${base}/goals/${goal.id}/actions`, { title: 'Brieven verzamelen', dueDate: '2030-01-10', assigneeMemberId: marieke.id });

    // Read it back, from the other organisation.
    const planRes = await mo.get(`${base}/plan`);
    expect(planRes.statusCode).toBe(200);
    const plan = planRes.json() as { version: number; goals: { title: string; owner: { kind: string; id: string }; actions: { title: string; assignee: { kind: string; name: string } }[] }[] };
    expect(plan.goals.map((g) => g.title)).toEqual(['We hebben rust over geld', 'Tim gaat met plezier naar school']);
    expect(plan.goals[0]!.owner).toMatchObject({ kind: 'member', id: marieke.id });
    expect(plan.goals[0]!.actions.map((a) => [a.title, a.assignee.kind, a.assignee.name])).toEqual([
      ['Brieven verzamelen', 'member', 'Marieke Jansen'],
      ['Aanvraag schuldhulp indienen', 'user', 'Mohammed Benali'],
    ]);
    expect(plan.version).toBe(5);
    const myActions = (await mo.get('/api/v1/me/actions')).json() as { items: { title: string; familyName: string }[] };
    expect(myActions.items).toEqual([expect.objectContaining({ title: 'Aanvraag schuldhulp indienen', familyName: 'Gezin Jansen' })]);
    const caseload = (await mo.get('/api/v1/me/families')).json() as { items: { id: string; myRole: string; openActions: number }[] };
    expect(caseload.items).toEqual([expect.objectContaining({ id: family.id, myRole: 'member', openActions: 2 })]);

    // The professional of the third organisation gets 404 everywhere under the family, as does the admin.
    const goalId = goal.id;
    for (const client of [joost, admin]) {
      for (const url of [base, `${base}/members`, `${base}/members/${marieke.id}`, `${base}/team`, `${base}/plan`, `${base}/timeline`, `${base}/audit`]) {
        const res = await client.get(url);
        expect(res.statusCode, `${url}`).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect((await client.post(`${base}/goals`, { title: 'x', lifeDomain: 'financien' })).statusCode).toBe(404);
      expect((await client.patch(`${base}/goals/${goalId}`, { title: 'x' }, 1)).statusCode).toBe(404);
      expect((await client.post(`${base}/team`, { userId: client.user!.id })).statusCode).toBe(404);
    }
    expect(((await joost.get('/api/v1/me/families')).json() as { items: unknown[] }).items).toEqual([]);
    // …and the answer for a hidden family is the same as for one that never existed.
    const missing = await joost.get('/api/v1/families/01900000-0000-7000-8000-000000000000/plan');
    const hidden = await joost.get(`${base}/plan`);
    expect({ status: hidden.statusCode, body: { ...hidden.json(), instance: null } })
      .toEqual({ status: missing.statusCode, body: { ...missing.json(), instance: null } });

    // Every step is in the audit log, and the chains verify.
    const audit = await auditOf(t.db, family.id);
    const events = audit.map((r) => `${r.event_type}:${r.outcome}`);
    expect(events).toEqual(expect.arrayContaining([
      'family.registered:success', 'member.listed:success', 'team.member-added:success', 'team.read:success',
      'goal.created:success', 'action.created:success', 'plan.read:success', 'caseload.listed:success',
      'plan.read:denied', 'family.read:denied', 'goal.created:denied',
    ]));
    const denied = audit.filter((r) => r.outcome === 'denied');
    expect(denied.every((r) => !r.check_authorisation && !r.check_care_relationship)).toBe(true);
    expect(new Set(denied.map((r) => r.user_name))).toEqual(new Set(['Joost Jansen', 'Test Admin']));
    const created1 = audit.find((r) => r.event_type === 'family.registered')!;
    expect(created1).toMatchObject({ action: 'C', user_id: sanneUser.id, organisation_name: 'Wijkteam Noord', resource_type: 'family', purpose: 'care' });
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true });

    // The coordinator sees who accessed the file, including the denied attempts.
    const log = (await sanne.get(`${base}/audit?limit=200`)).json() as { items: { eventType: string; outcome: string; user: { name: string }; checks: string }[] };
    expect(log.items.some((e) => e.outcome === 'denied' && e.user.name === 'Joost Jansen')).toBe(true);
    expect(log.items[0]!.checks).toMatch(/^[TF]{4}$/);
    // A team member who is not the coordinator may not read the audit log.
    expect((await mo.get(`${base}/audit`)).statusCode).toBe(404);
  });
});
