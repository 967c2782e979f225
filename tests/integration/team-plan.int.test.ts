import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { makeFamily, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { consentFor, ensureCovenants, shareFamily } from '../support/sharing';

/**
 * The care team and the plan, as the foundation issue states their rules: one active coordinator at all times,
 * handovers with a note, a team history that is kept, goals in a gapless priority order, actions with exactly one
 * assignee from this family's circle, and a timeline that says who changed what.
 */

interface TeamMember {
  id: string; userId: string; name: string; organisationName: string; role: string; lifeDomains: string[];
  responsibility: string; startDate: string; endDate: string | null; active: boolean; version: number;
}
interface Action { id: string; goalId: string; title: string; status: string; dueDate: string | null; version: number; assignee: { kind: string; id: string; name: string } }
interface Goal { id: string; title: string; priority: number; focus: string; lifeDomain: string; version: number; actions: Action[] }
interface Plan { version: number; maxGoalsNow: number; goals: Goal[] }
interface Entry {
  id: string; kind: string; event: string; body: string | null; data: Record<string, unknown>; lifeDomain: string | null;
  author: { userId: string; name: string; organisationName: string } | null; createdAt: string;
}
type Person = Awaited<ReturnType<typeof makeUser>>;

function problem(res: LightMyRequestResponse, status: number): { code: string; errors?: { pointer: string }[] } {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  return res.json() as { code: string; errors?: { pointer: string }[] };
}

const pointers = (p: { errors?: { pointer: string }[] }) => (p.errors ?? []).map((e) => e.pointer);

async function teamOf(client: ApiClient, familyId: string, include?: 'all'): Promise<TeamMember[]> {
  const res = await client.get(`/api/v1/families/${familyId}/team${include ? `?include=${include}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: TeamMember[] }).items;
}

async function planOf(client: ApiClient, familyId: string): Promise<Plan> {
  const res = await client.get(`/api/v1/families/${familyId}/plan`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Plan;
}

async function timelineOf(client: ApiClient, familyId: string): Promise<Entry[]> {
  const res = await client.get(`/api/v1/families/${familyId}/timeline?limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Entry[] }).items;
}

function activeCoordinators(team: TeamMember[]): TeamMember[] {
  return team.filter((m) => m.active && m.role === 'coordinator');
}

describe('care team and plan', () => {
  let t: TestApp;
  let sanne: Person; // wijkteam, registers the families
  let mo: Person; // schuldhulp
  let lisa: Person; // jeugd-ggz
  let joost: Person; // school, never on these teams
  let privacy: Person; // a privacy officer, not a professional

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord'), ['professional'], 'Sanne de Vries');
    mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Stad'), ['professional'], 'Mohammed Benali');
    lisa = await makeUser(t, await makeOrganisation(t, 'jeugd-ggz', 'Jeugd-GGZ Kompas'), ['professional'], 'Lisa Bakker');
    joost = await makeUser(t, await makeOrganisation(t, 'school', 'Basisschool De Regenboog'), ['professional'], 'Joost Jansen');
    privacy = await makeUser(t, await makeOrganisation(t, 'gemeente', 'Gemeente Stad'), ['privacy-officer'], 'Priya Privacy');
  });

  /** These tests are about the team and the plan, not consent: the family shares everything among the three. */
  async function sharedFamily(name?: string) {
    const f = await makeFamily(sanne.client, name);
    await shareFamily(t, sanne, f, [mo.organisationId, lisa.organisationId]);
    return f;
  }
  afterAll(async () => { await t?.close(); });

  async function join(familyId: string, who: Person, extra: Record<string, unknown> = {}): Promise<TeamMember> {
    return sanne.client.create<TeamMember>(`/api/v1/families/${familyId}/team`, { userId: who.id, role: 'member', ...extra });
  }

  describe('the care team', () => {
    it('shows the family whom to call: each professional’s work email and, when known, work phone', async () => {
      const f = await sharedFamily('Gezin Bellen');
      const bad = await t.admin.post('/api/v1/users', { email: 'bel@noord.test', name: 'Bel Mij', password: 'correct-horse-battery-staple', organisationId: sanne.organisationId, roles: ['professional'], phone: 'bel me maar' });
      expect(pointers(problem(bad, 400))).toEqual(['/body/phone']);
      const anna = await t.admin.create<{ id: string; phone: string | null }>('/api/v1/users', {
        email: 'anna@noord.test', name: 'Anna Kok', password: 'correct-horse-battery-staple', organisationId: sanne.organisationId, roles: ['professional'], phone: ' 010-123 45 67 ',
      });
      expect(anna.phone).toBe('010-123 45 67');
      await sanne.client.create(`/api/v1/families/${f.id}/team`, { userId: anna.id, role: 'member' });
      const team = await teamOf(sanne.client, f.id);
      expect(team.find((m) => m.userId === anna.id)).toMatchObject({ email: 'anna@noord.test', phone: '010-123 45 67' });
      expect(team.find((m) => m.userId === sanne.id)).toMatchObject({ email: sanne.email, phone: null });
    });

    it('the registering professional is the first coordinator, and the coordinator cannot simply leave', async () => {
      const f = await sharedFamily();
      const family = (await sanne.client.get(`/api/v1/families/${f.id}`)).json() as { coordinator: { userId: string; name: string; organisationName: string } };
      expect(family.coordinator).toEqual({ userId: sanne.id, name: 'Sanne de Vries', organisationName: 'Wijkteam Noord' });
      const team = await teamOf(sanne.client, f.id);
      expect(team).toEqual([expect.objectContaining({ userId: sanne.id, role: 'coordinator', active: true, endDate: null })]);
      const mine = team[0]!;

      const end = problem(await sanne.client.delete(`/api/v1/families/${f.id}/team/${mine.id}`), 409);
      expect(end.code).toBe('CONFLICT');
      const demote = problem(await sanne.client.patch(`/api/v1/families/${f.id}/team/${mine.id}`, { role: 'member' }, mine.version), 409);
      expect(pointers(demote)).toContain('/body/role');
      expect(await teamOf(sanne.client, f.id, 'all')).toEqual([expect.objectContaining({ id: mine.id, role: 'coordinator', active: true, version: mine.version })]);
    });

    it('making a team member coordinator needs a handover note, and moves the old coordinator to member', async () => {
      const f = await sharedFamily();
      const moMembership = await join(f.id, mo, { lifeDomains: ['financien'] });
      const before = await teamOf(sanne.client, f.id);

      const noNote = problem(await sanne.client.patch(`/api/v1/families/${f.id}/team/${moMembership.id}`, { role: 'coordinator' }, moMembership.version), 422);
      expect(pointers(noNote)).toContain('/body/handover');
      expect(await teamOf(sanne.client, f.id)).toEqual(before);

      const note = { whatWorks: 'Moeder wil eerst rust over geld.', whatToWatch: 'School belt op dinsdag.', familyTrusts: 'Oma', openActions: '' };
      const res = await sanne.client.patch(`/api/v1/families/${f.id}/team/${moMembership.id}`, { role: 'coordinator', handover: note }, moMembership.version);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ userId: mo.id, role: 'coordinator', active: true, version: moMembership.version + 1 });

      const team = await teamOf(mo.client, f.id);
      expect(activeCoordinators(team).map((m) => m.userId)).toEqual([mo.id]);
      expect(team.find((m) => m.userId === sanne.id)).toMatchObject({ role: 'member', active: true });
      expect(((await mo.client.get(`/api/v1/families/${f.id}`)).json() as { coordinator: { userId: string } }).coordinator.userId).toBe(mo.id);

      const changed = (await timelineOf(mo.client, f.id)).filter((e) => e.event === 'team.coordinator-changed');
      expect(changed).toEqual([expect.objectContaining({
        kind: 'team', body: null, data: expect.objectContaining({ fromUserId: sanne.id, toUserId: mo.id, handoverId: expect.any(String) }),
        author: { userId: sanne.id, name: 'Sanne de Vries', organisationName: 'Wijkteam Noord', memberId: null },
      })]);
      const continuity = (await mo.client.get(`/api/v1/families/${f.id}/continuity`)).json() as { handovers: { id: string; reason: string; note: unknown; to: { userId: string } }[] };
      expect(continuity.handovers).toEqual([expect.objectContaining({ id: changed[0]!.data.handoverId, reason: 'coordination', note, to: expect.objectContaining({ userId: mo.id }) })]);

      // The former coordinator keeps working on the plan but no longer manages the family; the new one does.
      expect((await sanne.client.get(`/api/v1/families/${f.id}/plan`)).statusCode).toBe(200);
      expect((await sanne.client.post(`/api/v1/families/${f.id}/phase`, { to: 'intake' })).statusCode).toBe(404);
      expect((await mo.client.post(`/api/v1/families/${f.id}/phase`, { to: 'intake' })).statusCode).toBe(200);
      const sanneMembership = team.find((m) => m.userId === sanne.id)!;
      expect((await mo.client.delete(`/api/v1/families/${f.id}/team/${sanneMembership.id}`)).statusCode).toBe(200);
      expect(activeCoordinators(await teamOf(mo.client, f.id, 'all')).map((m) => m.userId)).toEqual([mo.id]);
    });

    it('adding a professional as coordinator hands over too, with a note', async () => {
      const f = await sharedFamily();
      const noNote = problem(await sanne.client.post(`/api/v1/families/${f.id}/team`, { userId: lisa.id, role: 'coordinator' }), 422);
      expect(pointers(noNote)).toContain('/body/handover');
      expect((await teamOf(sanne.client, f.id, 'all')).map((m) => m.userId)).toEqual([sanne.id]);

      const note = { whatWorks: 'Tim heeft specialistische hulp nodig.', whatToWatch: 'Lisa neemt de regie over.' };
      const added = await sanne.client.post(`/api/v1/families/${f.id}/team`, { userId: lisa.id, role: 'coordinator', handover: note, lifeDomains: ['geestelijke-gezondheid'] });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ userId: lisa.id, role: 'coordinator', active: true, organisationName: 'Jeugd-GGZ Kompas' });

      const team = await teamOf(lisa.client, f.id);
      expect(activeCoordinators(team).map((m) => m.userId)).toEqual([lisa.id]);
      expect(team.map((m) => [m.userId, m.role])).toEqual([[lisa.id, 'coordinator'], [sanne.id, 'member']]);
      const changed = (await timelineOf(lisa.client, f.id)).filter((e) => e.event === 'team.coordinator-changed');
      expect(changed).toEqual([expect.objectContaining({ body: null, data: expect.objectContaining({ fromUserId: sanne.id, toUserId: lisa.id }) })]);
    });

    it('refuses a professional twice, a user who is not a professional, and unknown life domains', async () => {
      const f = await sharedFamily();
      await join(f.id, mo);
      const twice = problem(await sanne.client.post(`/api/v1/families/${f.id}/team`, { userId: mo.id }), 409);
      expect(pointers(twice)).toContain('/body/userId');
      const notProfessional = problem(await sanne.client.post(`/api/v1/families/${f.id}/team`, { userId: privacy.id }), 422);
      expect(pointers(notProfessional)).toContain('/body/userId');
      problem(await sanne.client.post(`/api/v1/families/${f.id}/team`, { userId: '01900000-0000-7000-8000-000000000000' }), 422);
      const domain = problem(await sanne.client.post(`/api/v1/families/${f.id}/team`, { userId: lisa.id, lifeDomains: ['financien', 'astrologie'] }), 422);
      expect(pointers(domain)).toContain('/body/lifeDomains');
      expect((await teamOf(sanne.client, f.id, 'all')).map((m) => m.userId)).toEqual([sanne.id, mo.id]);
      // Only the coordinator manages the team.
      expect((await mo.client.post(`/api/v1/families/${f.id}/team`, { userId: lisa.id })).statusCode).toBe(404);
    });

    it('ending a membership keeps its history, and the professional loses access', async () => {
      const f = await sharedFamily();
      const membership = await join(f.id, mo, { lifeDomains: ['financien'], responsibility: 'Schuldhulptraject' });
      const goal = await sanne.client.create(`/api/v1/families/${f.id}/goals`, { title: 'Rust over geld', lifeDomain: 'financien' });
      const action = await sanne.client.create<Action>(`/api/v1/families/${f.id}/goals/${goal.id}/actions`, { title: 'Aanvraag indienen', assigneeUserId: mo.id });
      expect((await mo.client.get(`/api/v1/families/${f.id}`)).statusCode).toBe(200);
      expect(((await mo.client.get('/api/v1/me/actions')).json() as { items: Action[] }).items.map((a) => a.id)).toContain(action.id);

      // DELETE may carry If-Match; a stale one is refused like any other.
      problem(await sanne.client.delete(`/api/v1/families/${f.id}/team/${membership.id}`, undefined, { 'if-match': `"${membership.version + 1}"` }), 412);
      expect((await teamOf(sanne.client, f.id)).map((m) => m.userId)).toEqual([sanne.id, mo.id]);
      // Mo still holds an open action: leaving needs a handover note and someone to take the action over.
      const bare = problem(await sanne.client.delete(`/api/v1/families/${f.id}/team/${membership.id}`, { reason: 'Schuldhulptraject afgerond' }), 422);
      expect(pointers(bare)).toEqual(['/body/handover']);
      const handover = { whatWorks: 'Moeder opent de post nu zelf.', whatToWatch: 'Nieuwe schulden bij de zorgverzekeraar.' };
      const unassigned = problem(await sanne.client.delete(`/api/v1/families/${f.id}/team/${membership.id}`, { reason: 'Schuldhulptraject afgerond', handover }), 422);
      expect(pointers(unassigned)).toEqual(['/body/reassign']);
      const ended = await sanne.client.delete(`/api/v1/families/${f.id}/team/${membership.id}`, {
        reason: 'Schuldhulptraject afgerond', handover, reassign: [{ actionId: action.id, toUserId: sanne.id }],
      });
      expect(ended.statusCode, ended.body).toBe(200);
      expect((await planOf(sanne.client, f.id)).goals[0]!.actions[0]).toMatchObject({ id: action.id, assignee: { kind: 'user', id: sanne.id } });
      expect(ended.json()).toMatchObject({ id: membership.id, active: false, endDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), version: membership.version + 1 });

      expect((await teamOf(sanne.client, f.id)).map((m) => m.userId)).toEqual([sanne.id]);
      const all = await teamOf(sanne.client, f.id, 'all');
      expect(all).toHaveLength(2);
      const history = all.find((m) => m.id === membership.id)!;
      expect(history).toMatchObject({ userId: mo.id, active: false, role: 'member', lifeDomains: ['financien'], responsibility: 'Schuldhulptraject' });
      expect(history.endDate).not.toBeNull();
      expect(history.endDate! >= history.startDate).toBe(true);
      expect((await timelineOf(sanne.client, f.id)).find((e) => e.event === 'team.member-ended'))
        .toMatchObject({ body: 'Schuldhulptraject afgerond', data: expect.objectContaining({ userId: mo.id }) });

      for (const url of ['', '/plan', '/team', '/timeline', '/members']) {
        const res = await mo.client.get(`/api/v1/families/${f.id}${url}`);
        expect(res.statusCode, url).toBe(404);
      }
      expect(((await mo.client.get('/api/v1/me/families')).json() as { items: { id: string }[] }).items.map((x) => x.id)).not.toContain(f.id);
      expect(((await mo.client.get('/api/v1/me/actions')).json() as { items: Action[] }).items.map((a) => a.id)).not.toContain(action.id);
      problem(await sanne.client.delete(`/api/v1/families/${f.id}/team/${membership.id}`), 409);
      problem(await sanne.client.patch(`/api/v1/families/${f.id}/team/${membership.id}`, { responsibility: 'Nazorg' }, membership.version + 1), 409);

      // Coming back is a new membership; the old one stays in the history.
      const again = await join(f.id, mo);
      expect(again.id).not.toBe(membership.id);
      expect((await teamOf(sanne.client, f.id, 'all')).filter((m) => m.userId === mo.id).map((m) => m.active).sort()).toEqual([false, true]);
      expect((await mo.client.get(`/api/v1/families/${f.id}`)).statusCode).toBe(200);
    });
  });

  describe('the care team under concurrent changes', () => {
    it('three handovers at once: never a 5xx, and always exactly one coordinator', async () => {
      const f = await sharedFamily();
      const ahmed = await makeUser(t, await makeOrganisation(t, 'jgz'), ['professional'], 'Ahmed Yilmaz');
      const candidates = [await join(f.id, mo), await join(f.id, lisa), await join(f.id, ahmed)];
      const answers = await Promise.all(candidates.map((m) =>
        sanne.client.patch(`/api/v1/families/${f.id}/team/${m.id}`, { role: 'coordinator', handover: { whatWorks: `Overdracht aan ${m.name}`, whatToWatch: 'Rustig aan' } }, m.version)));
      for (const res of answers) expect([200, 404, 409], res.body).toContain(res.statusCode);
      // Either one is refused, or they serialise into two handovers (Sanne → one → the other): both keep the rule.
      const succeeded = answers.filter((r) => r.statusCode === 200).map((r) => (r.json() as TeamMember).userId);
      expect(succeeded.length).toBeGreaterThanOrEqual(1);
      const coordinators = activeCoordinators(await teamOf(sanne.client, f.id, 'all'));
      expect(coordinators).toHaveLength(1);
      expect(succeeded).toContain(coordinators[0]!.userId);
      expect((await timelineOf(sanne.client, f.id)).filter((e) => e.event === 'team.coordinator-changed')).toHaveLength(succeeded.length);
    });

    it('the same professional added twice at once: one membership, the other request is 409', async () => {
      const f = await sharedFamily();
      const answers = await Promise.all([1, 2, 3].map(() => sanne.client.post(`/api/v1/families/${f.id}/team`, { userId: mo.id })));
      expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join('\n')).toEqual([201, 409, 409]);
      expect((await teamOf(sanne.client, f.id, 'all')).filter((m) => m.userId === mo.id)).toHaveLength(1);
    });

    it('goals created at once still get distinct, gapless priorities', async () => {
      const f = await sharedFamily();
      const answers = await Promise.all([1, 2, 3, 4, 5].map((i) =>
        sanne.client.post(`/api/v1/families/${f.id}/goals`, { title: `Doel ${i}`, lifeDomain: 'financien' })));
      expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
      expect((await planOf(sanne.client, f.id)).goals.map((g) => g.priority)).toEqual([1, 2, 3, 4, 5]);
    });
  });

  describe('the plan', () => {
    it('works on at most three goals now: a fourth goes to later, an explicit fourth is refused, the organisation can change the limit', async () => {
      const f = await sharedFamily('Gezin Niet Alles Tegelijk');
      const base = `/api/v1/families/${f.id}`;
      const goals: Goal[] = [];
      for (const title of ['Rust over geld', 'Tim gaat naar school', 'Moeder slaapt beter', 'Een eigen kamer voor Tim']) {
        goals.push(await sanne.client.create<Goal>(`${base}/goals`, { title, lifeDomain: 'financien' }));
      }
      expect(goals.map((g) => g.focus)).toEqual(['now', 'now', 'now', 'later']);
      expect((await planOf(sanne.client, f.id)).maxGoalsNow).toBe(3);

      const refused = problem(await sanne.client.post(`${base}/goals`, { title: 'Werk vinden', lifeDomain: 'werk-opleiding', focus: 'now' }), 409);
      expect(pointers(refused)).toEqual(['/body/focus']);
      const fourth = goals[3]!;
      expect(pointers(problem(await sanne.client.patch(`${base}/goals/${fourth.id}`, { focus: 'now' }, fourth.version), 409))).toEqual(['/body/focus']);
      expect((await planOf(sanne.client, f.id)).goals.filter((g) => g.focus === 'now')).toHaveLength(3);

      // One goal moves to later, and the fourth takes its place.
      const first = goals[0]!;
      expect((await sanne.client.patch(`${base}/goals/${first.id}`, { focus: 'later' }, first.version)).statusCode).toBe(200);
      expect((await sanne.client.patch(`${base}/goals/${fourth.id}`, { focus: 'now' }, fourth.version)).statusCode).toBe(200);

      // The registering organisation allows four at once for its families.
      const org = ((await t.admin.get('/api/v1/organisations?limit=100')).json() as { items: { id: string; version: number; maxGoalsNow: number }[] })
        .items.find((o) => o.id === sanne.organisationId)!;
      expect(org.maxGoalsNow).toBe(3);
      const changed = await t.admin.patch(`/api/v1/organisations/${sanne.organisationId}`, { maxGoalsNow: 4 }, org.version);
      expect(changed.statusCode, changed.body).toBe(200);
      expect((await sanne.client.patch(`${base}/goals/${first.id}`, { focus: 'now' }, first.version + 1)).statusCode).toBe(200);
      expect((await planOf(sanne.client, f.id)).maxGoalsNow).toBe(4);
      expect(problem(await t.admin.patch(`/api/v1/organisations/${sanne.organisationId}`, { maxGoalsNow: 11 }, org.version + 1), 400).code).toBe('VALIDATION_FAILED');
      expect((await t.admin.patch(`/api/v1/organisations/${sanne.organisationId}`, { maxGoalsNow: 3 }, org.version + 1)).statusCode).toBe(200);
    });

    it('two requests for the last place now: one gets it, the other is refused', async () => {
      const f = await sharedFamily();
      const base = `/api/v1/families/${f.id}`;
      for (const title of ['Een', 'Twee']) await sanne.client.create(`${base}/goals`, { title, lifeDomain: 'financien', focus: 'now' });
      const answers = await Promise.all(['Drie', 'Vier'].map((title) => sanne.client.post(`${base}/goals`, { title, lifeDomain: 'financien', focus: 'now' })));
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect((await planOf(sanne.client, f.id)).goals.filter((g) => g.focus === 'now')).toHaveLength(3);
    });

    it('keeps goals in priority order, and renumbers 1..n without gaps when one moves', async () => {
      const f = await sharedFamily();
      const base = `/api/v1/families/${f.id}`;
      const titles = ['Rust over geld', 'Een eigen kamer voor Tim', 'Tim gaat naar school', 'Moeder slaapt beter'];
      const goals: Goal[] = [];
      for (const title of titles) goals.push(await sanne.client.create<Goal>(`${base}/goals`, { title, lifeDomain: 'financien', focus: 'later' }));
      expect(goals.map((g) => g.priority)).toEqual([1, 2, 3, 4]);
      const order = async () => (await planOf(sanne.client, f.id)).goals.map((g) => [g.title, g.priority]);
      expect(await order()).toEqual(titles.map((title, i) => [title, i + 1]));

      const [g1, g2, g3, g4] = goals as [Goal, Goal, Goal, Goal];
      let version = (await planOf(sanne.client, f.id)).version;
      const move = async (goal: Goal, priority: number) => {
        const current = (await planOf(sanne.client, f.id)).goals.find((g) => g.id === goal.id)!;
        const res = await sanne.client.patch(`${base}/goals/${goal.id}`, { priority }, current.version);
        expect(res.statusCode, res.body).toBe(200);
        const plan = await planOf(sanne.client, f.id);
        expect(plan.version).toBe(version + 1);
        version = plan.version;
        expect(plan.goals.map((g) => g.priority)).toEqual([1, 2, 3, 4]);
        return plan.goals.map((g) => g.title);
      };
      expect(await move(g4, 1)).toEqual([g4.title, g1.title, g2.title, g3.title]);
      expect(await move(g4, 3)).toEqual([g1.title, g2.title, g4.title, g3.title]);
      expect(await move(g1, 99)).toEqual([g2.title, g4.title, g3.title, g1.title]);
      expect(await move(g3, 1)).toEqual([g3.title, g2.title, g4.title, g1.title]);
      const g2now = (await planOf(sanne.client, f.id)).goals.find((g) => g.id === g2.id)!;
      problem(await sanne.client.patch(`${base}/goals/${g2.id}`, { priority: 0 }, g2now.version), 400);
    });

    it('records a change of focus in the timeline', async () => {
      const f = await sharedFamily();
      const base = `/api/v1/families/${f.id}`;
      const goal = await sanne.client.create<Goal>(`${base}/goals`, { title: 'Tim gaat met plezier naar school', lifeDomain: 'scholing', focus: 'later', memberIds: [f.childId] });
      const res = await sanne.client.patch(`${base}/goals/${goal.id}`, { focus: 'now' }, goal.version);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ focus: 'now', version: goal.version + 1 });
      expect((await sanne.client.patch(`${base}/goals/${goal.id}`, { title: 'Tim gaat graag naar school' }, goal.version + 1)).statusCode).toBe(200);

      const entries = (await timelineOf(sanne.client, f.id)).filter((e) => (e.data as { goalId?: string }).goalId === goal.id);
      expect(entries.map((e) => e.event)).toEqual(['goal.updated', 'goal.focus-changed', 'goal.created']);
      expect(entries[1]).toMatchObject({
        kind: 'plan', lifeDomain: 'scholing', data: expect.objectContaining({ from: 'later', to: 'now' }),
        author: { userId: sanne.id, name: 'Sanne de Vries', organisationName: 'Wijkteam Noord', memberId: null },
      });
    });

    it('raises the plan version on every goal and action change, and not on a refused one', async () => {
      const f = await sharedFamily();
      const base = `/api/v1/families/${f.id}`;
      await join(f.id, mo);
      let expected = (await planOf(sanne.client, f.id)).version;
      const step = async (what: string, res: LightMyRequestResponse | Promise<LightMyRequestResponse>, status: number, bump: boolean) => {
        const r = await res;
        expect(r.statusCode, `${what}: ${r.body}`).toBe(status);
        if (bump) expected += 1;
        expect((await planOf(sanne.client, f.id)).version, what).toBe(expected);
        return r.json() as { id: string; version: number };
      };
      const goal = await step('create goal', sanne.client.post(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien' }), 201, true);
      const action = await step('create action', mo.client.post(`${base}/goals/${goal.id}/actions`, { title: 'Brieven ordenen', assigneeMemberId: f.parentId }), 201, true);
      await step('change goal', mo.client.patch(`${base}/goals/${goal.id}`, { focus: 'later' }, 1), 200, true);
      await step('change action', sanne.client.patch(`${base}/actions/${action.id}`, { dueDate: '2030-05-01' }, 1), 200, true);
      await step('finish action', sanne.client.patch(`${base}/actions/${action.id}`, { status: 'done' }, 2), 200, true);
      await step('stale goal', sanne.client.patch(`${base}/goals/${goal.id}`, { focus: 'now' }, 1), 412, false);
      await step('refused action', sanne.client.post(`${base}/goals/${goal.id}/actions`, { title: 'x', assigneeUserId: joost.id }), 422, false);
      await step('invalid goal', sanne.client.post(`${base}/goals`, { title: '' , lifeDomain: 'financien' }), 400, false);
      // A note is not a plan change.
      await step('note', sanne.client.post(`${base}/timeline`, { body: 'Huisbezoek gehad', lifeDomain: 'financien' }), 201, false);
    });

    it('gives every action exactly one assignee from this family and its team', async () => {
      const f = await sharedFamily('Gezin Jansen');
      const other = await sharedFamily('Gezin Visser');
      const base = `/api/v1/families/${f.id}`;
      await join(f.id, mo);
      const oma = await sanne.client.create<{ id: string }>(`${base}/supporters`, { name: 'Oma Riet', relation: 'grootmoeder' });
      const buurman = await sanne.client.create<{ id: string }>(`/api/v1/families/${other.id}/supporters`, { name: 'Buurman Kees', relation: 'buurman' });
      const goal = await sanne.client.create<Goal>(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien' });
      const url = `${base}/goals/${goal.id}/actions`;
      const count = async () => (await planOf(sanne.client, f.id)).goals[0]!.actions.length;

      const none = problem(await sanne.client.post(url, { title: 'Niemand' }), 400);
      expect(pointers(none)).toContain('/body/assigneeUserId');
      problem(await sanne.client.post(url, { title: 'Twee', assigneeUserId: mo.id, assigneeMemberId: f.parentId }), 400);
      problem(await sanne.client.post(url, { title: 'Twee', assigneeMemberId: f.parentId, assigneeSupporterId: oma.id }), 400);

      expect(pointers(problem(await sanne.client.post(url, { title: 'Buiten het team', assigneeUserId: joost.id }), 422))).toContain('/body/assigneeUserId');
      problem(await sanne.client.post(url, { title: 'Geen professional', assigneeUserId: privacy.id }), 422);
      expect(pointers(problem(await sanne.client.post(url, { title: 'Ander gezin', assigneeMemberId: other.parentId }), 422))).toContain('/body/assigneeMemberId');
      expect(pointers(problem(await sanne.client.post(url, { title: 'Andere buurman', assigneeSupporterId: buurman.id }), 422))).toContain('/body/assigneeSupporterId');
      expect(pointers(problem(await sanne.client.post(`${base}/goals`, { title: 'Ander kind', lifeDomain: 'scholing', memberIds: [other.childId] }), 422))).toContain('/body/memberIds');
      // A goal of another family is not found under this one.
      const otherGoal = await sanne.client.create<Goal>(`/api/v1/families/${other.id}/goals`, { title: 'Elders', lifeDomain: 'huisvesting' });
      problem(await sanne.client.post(`${base}/goals/${otherGoal.id}/actions`, { title: 'Elders', assigneeUserId: mo.id }), 404);
      expect(await count()).toBe(0);

      const byMo = await sanne.client.create<Action>(url, { title: 'Aanvraag schuldhulp', assigneeUserId: mo.id, dueDate: '2030-01-15' });
      const byParent = await sanne.client.create<Action>(url, { title: 'Brieven verzamelen', assigneeMemberId: f.parentId });
      const byOma = await sanne.client.create<Action>(url, { title: 'Oppassen op dinsdag', assigneeSupporterId: oma.id });
      expect([byMo.assignee, byParent.assignee, byOma.assignee]).toEqual([
        { kind: 'user', id: mo.id, name: 'Mohammed Benali' },
        { kind: 'member', id: f.parentId, name: 'Marieke Jansen' },
        { kind: 'supporter', id: oma.id, name: 'Oma Riet' },
      ]);

      // Reassigning follows the same rules.
      problem(await sanne.client.patch(`${base}/actions/${byParent.id}`, { assigneeMemberId: other.parentId }, 1), 422);
      problem(await sanne.client.patch(`${base}/actions/${byParent.id}`, { assigneeUserId: mo.id, assigneeMemberId: f.parentId }, 1), 400);
      const moved = await sanne.client.patch(`${base}/actions/${byParent.id}`, { assigneeSupporterId: oma.id }, 1);
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ assignee: { kind: 'supporter', id: oma.id }, version: 2 });
      expect(await count()).toBe(3);
    });

    it('a done action leaves my actions; the caseload shows my role and the open actions', async () => {
      const f = await sharedFamily('Gezin Caseload');
      const base = `/api/v1/families/${f.id}`;
      await join(f.id, mo);
      const goal = await sanne.client.create<Goal>(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien' });
      const url = `${base}/goals/${goal.id}/actions`;
      const a1 = await sanne.client.create<Action>(url, { title: 'Schulden op een rij', assigneeUserId: mo.id, dueDate: '2030-01-01' });
      const a2 = await sanne.client.create<Action>(url, { title: 'Budgetplan maken', assigneeUserId: mo.id, dueDate: '2030-02-01' });
      await sanne.client.create<Action>(url, { title: 'Brieven verzamelen', assigneeMemberId: f.parentId });

      const myActions = async () => ((await mo.client.get('/api/v1/me/actions?limit=200')).json() as { items: (Action & { familyId: string })[] })
        .items.filter((a) => a.familyId === f.id).map((a) => a.id);
      const caseload = async (who: Person) => ((await who.client.get('/api/v1/me/families?limit=200')).json() as { items: { id: string; myRole: string; openActions: number; coordinator: { userId: string } }[] })
        .items.find((x) => x.id === f.id);
      expect(await myActions()).toEqual([a1.id, a2.id]);
      expect(await caseload(mo)).toMatchObject({ myRole: 'member', openActions: 3, coordinator: { userId: sanne.id } });
      expect(await caseload(sanne)).toMatchObject({ myRole: 'coordinator', openActions: 3 });

      const done = await mo.client.patch(`${base}/actions/${a1.id}`, { status: 'done' }, a1.version);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ status: 'done', version: a1.version + 1 });
      expect(await myActions()).toEqual([a2.id]);
      expect(await caseload(mo)).toMatchObject({ openActions: 2 });
      expect((await timelineOf(mo.client, f.id)).find((e) => e.event === 'action.done')).toMatchObject({
        data: expect.objectContaining({ actionId: a1.id }), author: { userId: mo.id, name: 'Mohammed Benali', organisationName: 'Schuldhulp Stad', memberId: null },
      });

      expect((await mo.client.patch(`${base}/actions/${a2.id}`, { status: 'cancelled' }, a2.version)).statusCode).toBe(200);
      expect(await myActions()).toEqual([]);
      expect(await caseload(mo)).toMatchObject({ openActions: 1 });
      // Reopened, it is mine again.
      expect((await mo.client.patch(`${base}/actions/${a1.id}`, { status: 'open' }, a1.version + 1)).statusCode).toBe(200);
      expect(await myActions()).toEqual([a1.id]);
      expect(await caseload(sanne)).toMatchObject({ openActions: 2 });
    });
    it('the caseload counts what others changed since my last visit, only as far as I may see it', async () => {
      // The family lets Mo's organisation see who they are, the team and the plan's overview; not what is about money.
      const f = await makeFamily(sanne.client, 'Gezin Bezoek');
      await ensureCovenants(t, [sanne.organisationId, mo.organisationId]);
      await consentFor(sanne.client, f.id, mo.organisationId, { parentId: f.parentId, memberIds: [f.parentId, f.childId], categories: ['identity', 'team', 'plan-overview', 'werk-opleiding'] });
      const base = `/api/v1/families/${f.id}`;
      await join(f.id, mo);
      const line = async () => ((await mo.client.get('/api/v1/me/families?limit=200')).json() as { items: { id: string; myLastVisitAt: string | null; changesSinceMyVisit: number }[] })
        .items.find((x) => x.id === f.id)!;
      expect((await line()).myLastVisitAt).toBeNull();

      const first = (await mo.client.get(base)).json() as { myLastVisitAt: string | null };
      expect(first.myLastVisitAt).toBeNull();
      const visited = await line();
      expect(visited.myLastVisitAt).not.toBeNull();
      expect(visited.changesSinceMyVisit).toBe(0);

      // The coordinator changes her own place in the team (Mo may see that) and writes a note about money (he may not).
      const mine = (await teamOf(sanne.client, f.id)).find((m) => m.userId === sanne.id)!;
      expect((await sanne.client.patch(`${base}/team/${mine.id}`, { responsibility: 'Regie en geldzaken' }, mine.version)).statusCode).toBe(200);
      await sanne.client.create(`${base}/timeline`, { body: 'Er zijn nieuwe schulden', lifeDomain: 'financien' });
      // What Mo does himself is not news to him.
      await mo.client.create(`${base}/timeline`, { body: 'Eerste gesprek over werk gepland', lifeDomain: 'werk-opleiding' });
      expect((await line()).changesSinceMyVisit).toBe(1);
      // The timeline agrees: of what the others did since, he sees the one team change.
      const since = (await timelineOf(mo.client, f.id)).filter((e) => e.author?.userId !== mo.id && Date.parse(e.createdAt) > Date.parse(visited.myLastVisitAt!));
      expect(since.map((e) => e.event)).toEqual(['team.member-updated']);

      // Opening the file again: the family says when he was last there, and the caseload starts counting afresh.
      const second = (await mo.client.get(base)).json() as { myLastVisitAt: string | null };
      expect(second.myLastVisitAt).toBe(visited.myLastVisitAt);
      const after = await line();
      expect(after.changesSinceMyVisit).toBe(0);
      expect(Date.parse(after.myLastVisitAt!)).toBeGreaterThan(Date.parse(visited.myLastVisitAt!));
    });
  });

  describe('the timeline', () => {
    it('records plan, team and member changes with author and organisation; notes keep their life domain', async () => {
      const f = await sharedFamily();
      const base = `/api/v1/families/${f.id}`;
      await join(f.id, mo, { lifeDomains: ['financien'] });
      const goal = await mo.client.create<Goal>(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien' });
      await mo.client.create(`${base}/goals/${goal.id}/actions`, { title: 'Aanvraag indienen', assigneeUserId: mo.id });
      const baby = await sanne.client.create<{ id: string }>(`${base}/members`, { givenName: 'Noor', familyName: 'Jansen', birthDate: '2024-06-01', role: 'child' });
      expect((await sanne.client.patch(`${base}/members/${baby.id}`, { givenName: 'Noortje' }, 1)).statusCode).toBe(200);
      for (const to of ['intake', 'plan']) expect((await sanne.client.post(`${base}/phase`, { to })).statusCode).toBe(200);

      const note = await mo.client.post(`${base}/timeline`, { body: 'Gesprek over de schulden gehad.', lifeDomain: 'financien' });
      expect(note.statusCode, note.body).toBe(201);
      expect(note.json()).toMatchObject({ kind: 'note', event: 'note', body: 'Gesprek over de schulden gehad.', lifeDomain: 'financien' });
      const aboutTim = await sanne.client.create<Entry & { memberIds: string[]; category: string }>(`${base}/timeline`, {
        body: 'Huisbezoek gepland.', lifeDomain: 'scholing', memberIds: [f.childId],
      });
      expect(aboutTim).toMatchObject({ lifeDomain: 'scholing', category: 'scholing', memberIds: [f.childId] });
      problem(await sanne.client.post(`${base}/timeline`, { body: 'Zonder levensgebied.' }), 400);
      expect(pointers(problem(await sanne.client.post(`${base}/timeline`, { body: 'Over iemand anders.', lifeDomain: 'scholing', memberIds: [baby.id, uuidv7()] }), 422)))
        .toEqual(['/body/memberIds']);

      // The consents the test family gave (see sharedFamily) are on the timeline too; this test looks at the rest.
      const entries = (await timelineOf(sanne.client, f.id)).filter((e) => !e.event.startsWith('consent.'));
      const SANNE = { userId: sanne.id, name: 'Sanne de Vries', organisationName: 'Wijkteam Noord', memberId: null };
      const MO = { userId: mo.id, name: 'Mohammed Benali', organisationName: 'Schuldhulp Stad', memberId: null };
      const byEvent = (event: string) => entries.filter((e) => e.event === event);
      expect(entries.map((e) => e.event)).toEqual([
        'note', 'note', 'family.phase-changed', 'family.phase-changed', 'member.updated', 'member.added', 'action.created', 'goal.created',
        'team.member-added', 'team.member-added', 'family.registered',
      ]);
      expect(byEvent('team.member-added')[0]).toMatchObject({ kind: 'team', author: SANNE, data: expect.objectContaining({ userId: mo.id, role: 'member' }) });
      expect(byEvent('goal.created')[0]).toMatchObject({ kind: 'plan', author: MO, lifeDomain: 'financien', data: expect.objectContaining({ goalId: goal.id }) });
      expect(byEvent('action.created')[0]).toMatchObject({ kind: 'plan', author: MO, lifeDomain: 'financien' });
      expect(byEvent('member.added')[0]).toMatchObject({ kind: 'member', author: SANNE, data: expect.objectContaining({ memberId: baby.id }) });
      expect(byEvent('member.updated')[0]).toMatchObject({ kind: 'member', author: SANNE, data: expect.objectContaining({ memberId: baby.id, fields: ['givenName'] }) });
      expect(JSON.stringify(byEvent('member.updated'))).not.toContain('Noortje');
      expect(byEvent('family.phase-changed')[0]).toMatchObject({ kind: 'family', author: SANNE, data: expect.objectContaining({ from: 'intake', to: 'plan' }) });
      expect(byEvent('note').map((e) => [e.author, e.lifeDomain])).toEqual([[SANNE, 'scholing'], [MO, 'financien']]);
    });
  });
});
