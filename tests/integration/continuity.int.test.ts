import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { auditOf, makeFamily, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { consentFor, ensureCovenants } from '../support/sharing';
import { verifyAuditLog } from '../../packages/server/src/platform/audit/audit-verify';

/**
 * Continuity of care (issue 6): stepping up to a specialist records who stays involved; stepping back down hands
 * over with a note and moves the specialist's open actions on; a member with open actions cannot just leave; and
 * coordination passes from one to the next without a gap and never to two at once.
 */

type Person = Awaited<ReturnType<typeof makeUser>>;
interface CareStep {
  id: string; referralId: string | null; specialist: { userId: string }; coordinator: { userId: string; name: string };
  staying: { userId: string; involvement: string }[]; steppedDownAt: string | null; handoverId: string | null; mayStepDown: boolean; version: number;
}
interface Continuity {
  coordination: { userId: string; from: string; to: string | null }[];
  steps: CareStep[];
  handovers: { id: string; reason: string; from: { userId: string }; to: { userId: string } | null; note: Record<string, string>; reassigned: { actionId: string; title: string; toUserId: string }[] }[];
}
interface TeamMember { id: string; userId: string; role: string; active: boolean; version: number }

const handover = { whatWorks: 'Korte afspraken, op maandagochtend.', whatToWatch: 'Moeder trekt zich terug als het druk wordt.', familyTrusts: 'Oma en de juf van Tim', openActions: '' };

function problem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  return res.json() as { code: string; errors?: { pointer: string; detail: string }[] };
}
const pointers = (p: { errors?: { pointer: string }[] }) => (p.errors ?? []).map((e) => e.pointer);

/** Contiguous periods, exactly one open: every day of the file had one coordinator. */
function expectUnbroken(periods: Continuity['coordination']) {
  expect(periods.filter((p) => p.to === null)).toHaveLength(1);
  expect(periods.at(-1)!.to).toBeNull();
  for (let i = 1; i < periods.length; i++) expect(periods[i]!.from).toBe(periods[i - 1]!.to);
}

describe('continuity of care', () => {
  let t: TestApp;
  let anna: Person; // wijkteam, coordinator
  let lotte: Person; // specialist GGZ
  let joost: Person; // school
  let stranger: Person;
  let ggzId: string;

  beforeAll(async () => {
    t = await startTestApp();
    anna = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Oost'), ['professional'], 'Anna Visser');
    ggzId = await makeOrganisation(t, 'ggz-volwassenen', 'GGZ Rivierduinen');
    lotte = await makeUser(t, ggzId, ['professional'], 'Lotte de Graaf');
    joost = await makeUser(t, await makeOrganisation(t, 'school', 'De Regenboog'), ['professional'], 'Joost Smit');
    stranger = await makeUser(t, await makeOrganisation(t, 'jgz', 'JGZ Oost'), ['professional'], 'Vreemde');
    await ensureCovenants(t, [anna.organisationId, ggzId, joost.organisationId]);
  });
  afterAll(async () => { await t?.close(); });

  async function familyWithSpecialist() {
    const f = await makeFamily(anna.client, 'Gezin de Wit');
    const base = `/api/v1/families/${f.id}`;
    for (const org of [ggzId, joost.organisationId]) await consentFor(anna.client, f.id, org, { parentId: f.parentId, memberIds: [f.parentId, f.childId] });
    await anna.client.create(`${base}/team`, { userId: joost.id, role: 'member', responsibility: 'Volgt Tim op school' });
    const goal = await anna.client.create<{ id: string }>(`${base}/goals`, { title: 'Moeder voelt zich weer sterker', lifeDomain: 'geestelijke-gezondheid', memberIds: [f.parentId] });
    const referral = await anna.client.create<{ id: string }>(`${base}/referrals`, { goalId: goal.id, toOrganisationId: ggzId, reason: 'Somberheid, behandeling nodig' });
    const accepted = await lotte.client.post(`/api/v1/referrals/${referral.id}/status`, { to: 'accepted' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return { ...f, base, goalId: goal.id, referralId: referral.id };
  }
  const continuityOf = async (client: Person['client'], base: string) => {
    const res = await client.get(`${base}/continuity`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Continuity;
  };

  it('steps up to the specialist who accepted the referral, recording who stays involved and in which role', async () => {
    const f = await familyWithSpecialist();
    const notOnTeam = problem(await anna.client.post(`${f.base}/care-steps`, { specialistUserId: stranger.id, staying: [] }), 422);
    expect(pointers(notOnTeam)).toEqual(['/body/specialistUserId']);
    const wrongReferral = problem(await anna.client.post(`${f.base}/care-steps`, { specialistUserId: joost.id, referralId: f.referralId, staying: [] }), 422);
    expect(pointers(wrongReferral)).toEqual(['/body/referralId']);
    const outsider = problem(await anna.client.post(`${f.base}/care-steps`, { specialistUserId: lotte.id, staying: [{ userId: stranger.id, involvement: 'kijkt mee' }] }), 422);
    expect(pointers(outsider)).toEqual(['/body/staying/0/userId']);
    // Only the coordinator records the step.
    expect((await joost.client.post(`${f.base}/care-steps`, { specialistUserId: lotte.id, staying: [] })).statusCode).toBe(404);

    const step = await anna.client.create<CareStep>(`${f.base}/care-steps`, {
      specialistUserId: lotte.id, referralId: f.referralId, note: 'Behandeling van moeder bij de GGZ.',
      staying: [{ userId: anna.id, involvement: 'Houdt de regie' }, { userId: joost.id, involvement: 'Volgt Tim op school' }],
    });
    expect(step).toMatchObject({
      referralId: f.referralId, specialist: { userId: lotte.id }, coordinator: { userId: anna.id, name: 'Anna Visser' }, steppedDownAt: null, mayStepDown: true,
      staying: [{ userId: anna.id, involvement: 'Houdt de regie' }, { userId: joost.id, involvement: 'Volgt Tim op school' }],
    });
    problem(await anna.client.post(`${f.base}/care-steps`, { specialistUserId: lotte.id, staying: [] }), 409);

    // Everyone on the team sees the step; the specialist may step down, the school may not.
    const seenByLotte = await continuityOf(lotte.client, f.base);
    expect(seenByLotte.steps).toEqual([expect.objectContaining({ id: step.id, mayStepDown: true })]);
    expect((await continuityOf(joost.client, f.base)).steps).toEqual([expect.objectContaining({ id: step.id, mayStepDown: false })]);
    expect((await stranger.client.get(`${f.base}/continuity`)).statusCode).toBe(404);
    const timeline = (await anna.client.get(`${f.base}/timeline?limit=100`)).json() as { items: { event: string }[] };
    expect(timeline.items.map((e) => e.event)).toContain('team.stepped-up');
  });

  it('steps back down with a handover note to the coordinator; the specialist’s open actions move on first', async () => {
    const f = await familyWithSpecialist();
    const step = await anna.client.create<CareStep>(`${f.base}/care-steps`, { specialistUserId: lotte.id, staying: [{ userId: anna.id, involvement: 'Houdt de regie' }] });
    const action = await lotte.client.create<{ id: string }>(`${f.base}/goals/${f.goalId}/actions`, { title: 'Terugvalplan bespreken', assigneeUserId: lotte.id });

    problem(await joost.client.post(`${f.base}/care-steps/${step.id}/step-down`, { handover }), 403);
    const open = problem(await lotte.client.post(`${f.base}/care-steps/${step.id}/step-down`, { handover }), 422);
    expect(pointers(open)).toEqual(['/body/reassign']);
    const toLeaver = problem(await lotte.client.post(`${f.base}/care-steps/${step.id}/step-down`, { handover, reassign: [{ actionId: action.id, toUserId: lotte.id }] }), 422);
    expect(pointers(toLeaver)).toEqual(['/body/reassign/0/toUserId']);
    problem(await lotte.client.post(`${f.base}/care-steps/${step.id}/step-down`, { handover: { whatWorks: '' }, reassign: [] }), 400);
    // A refused step-down changed nothing.
    expect((await continuityOf(anna.client, f.base)).steps[0]).toMatchObject({ steppedDownAt: null, version: step.version });

    const down = await lotte.client.post(`${f.base}/care-steps/${step.id}/step-down`, { handover, reassign: [{ actionId: action.id, toUserId: anna.id }] });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json()).toMatchObject({ steppedDownAt: expect.any(String), handoverId: expect.any(String), mayStepDown: false });

    const after = await continuityOf(anna.client, f.base);
    expect(after.handovers).toEqual([expect.objectContaining({
      reason: 'step-down', from: expect.objectContaining({ userId: lotte.id }), to: expect.objectContaining({ userId: anna.id }),
      note: handover, reassigned: [{ actionId: action.id, title: 'Terugvalplan bespreken', toUserId: anna.id, toName: 'Anna Visser' }],
    })]);
    const team = (await anna.client.get(`${f.base}/team?include=all`)).json() as { items: TeamMember[] };
    expect(team.items.find((m) => m.userId === lotte.id)).toMatchObject({ active: false });
    const mine = (await anna.client.get('/api/v1/me/actions')).json() as { items: { id: string }[] };
    expect(mine.items.map((a) => a.id)).toContain(action.id);
    const told = (await anna.client.get('/api/v1/me/notifications?limit=50')).json() as { items: { kind: string; familyId: string; data: unknown }[] };
    expect(told.items).toContainEqual(expect.objectContaining({ kind: 'team.actions-reassigned', familyId: f.id, data: { count: 1 } }));
    // The specialist has left: the file is closed to them now.
    expect((await lotte.client.get(`${f.base}/plan`)).statusCode).toBe(404);
    problem(await anna.client.post(`${f.base}/care-steps/${step.id}/step-down`, { handover }), 409);
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true });
    const audit = await auditOf(t.db, f.id);
    // Every attempt is in the audit log: the school's refusal, the three refused tries, the step-down, the repeat.
    expect(audit.filter((r) => r.event_type === 'team.stepped-down').map((r) => [r.user_id, r.outcome])).toEqual([
      [joost.id, 'failure'], [lotte.id, 'failure'], [lotte.id, 'failure'], [lotte.id, 'failure'], [lotte.id, 'success'], [anna.id, 'failure'],
    ]);
    // The mother's copy of her file (AVG art. 15) holds the handover and the step.
    const officer = await makeUser(t, anna.organisationId, ['privacy-officer'], 'Privacy Oost');
    const request = await officer.client.create<{ id: string }>('/api/v1/privacy/requests', { familyId: f.id, memberId: f.parentId, requestedBy: f.parentId, kind: 'export', receivedOn: '2026-11-20' });
    const copy = (await officer.client.get(`/api/v1/privacy/requests/${request.id}/export`)).json() as { continuity: { handovers: { whatWorks: string; from: string; to: string }[]; careSteps: { specialist: string }[] } };
    expect(copy.continuity.handovers).toEqual([expect.objectContaining({ whatWorks: handover.whatWorks, from: 'Lotte de Graaf', to: 'Anna Visser' })]);
    expect(copy.continuity.careSteps).toEqual([expect.objectContaining({ specialist: 'Lotte de Graaf' })]);
  });

  it('keeps coordination unbroken: each handover ends one period and starts the next at the same instant', async () => {
    const f = await familyWithSpecialist();
    const team = (await anna.client.get(`${f.base}/team`)).json() as { items: TeamMember[] };
    const joostMembership = team.items.find((m) => m.userId === joost.id)!;
    expectUnbroken((await continuityOf(anna.client, f.base)).coordination);

    const toJoost = await anna.client.patch(`${f.base}/team/${joostMembership.id}`, { role: 'coordinator', handover }, joostMembership.version);
    expect(toJoost.statusCode, toJoost.body).toBe(200);
    const lotteMembership = ((await joost.client.get(`${f.base}/team`)).json() as { items: TeamMember[] }).items.find((m) => m.userId === lotte.id)!;
    const toLotte = await joost.client.patch(`${f.base}/team/${lotteMembership.id}`, { role: 'coordinator', handover: { ...handover, whatWorks: 'Lotte kent moeder het best.' } }, lotteMembership.version);
    expect(toLotte.statusCode, toLotte.body).toBe(200);

    const periods = (await continuityOf(lotte.client, f.base)).coordination;
    expect(periods.map((p) => p.userId)).toEqual([anna.id, joost.id, lotte.id]);
    expectUnbroken(periods);
    const told = (await lotte.client.get('/api/v1/me/notifications?limit=50')).json() as { items: { kind: string; familyId: string }[] };
    expect(told.items).toContainEqual(expect.objectContaining({ kind: 'team.coordinator-assigned', familyId: f.id }));
    const handovers = (await continuityOf(lotte.client, f.base)).handovers;
    expect(handovers.map((h) => [h.reason, h.from.userId, h.to?.userId])).toEqual([['coordination', anna.id, joost.id], ['coordination', joost.id, lotte.id]]);
  });

  it('never gives a family two coordinators, even when handovers race', async () => {
    const f = await familyWithSpecialist();
    const team = (await anna.client.get(`${f.base}/team`)).json() as { items: TeamMember[] };
    const candidates = team.items.filter((m) => m.role !== 'coordinator');
    const answers = await Promise.all(candidates.map((m) => anna.client.patch(`${f.base}/team/${m.id}`, { role: 'coordinator', handover }, m.version)));
    for (const res of answers) expect([200, 404, 409], res.body).toContain(res.statusCode);
    const after = (await anna.client.get(`${f.base}/team?include=all`)).json() as { items: TeamMember[] };
    const coordinators = after.items.filter((m) => m.active && m.role === 'coordinator');
    const periods = await t.db.selectFrom('coordination_periods').selectAll().where('family_id', '=', f.id).orderBy('started_at').execute();
    expect(coordinators).toHaveLength(1);
    expect(periods.filter((p) => p.ended_at === null).map((p) => p.user_id)).toEqual([coordinators[0]!.userId]);
    for (let i = 1; i < periods.length; i++) expect(periods[i]!.started_at).toEqual(periods[i - 1]!.ended_at);
  });

  it('a member with open actions leaves only with a handover note and every action reassigned', async () => {
    const f = await familyWithSpecialist();
    const team = (await anna.client.get(`${f.base}/team`)).json() as { items: TeamMember[] };
    const joostMembership = team.items.find((m) => m.userId === joost.id)!;
    const a1 = await anna.client.create<{ id: string }>(`${f.base}/goals/${f.goalId}/actions`, { title: 'Gesprek met de juf', assigneeUserId: joost.id });
    const a2 = await anna.client.create<{ id: string }>(`${f.base}/goals/${f.goalId}/actions`, { title: 'Rapport delen', assigneeUserId: joost.id });

    const none = problem(await anna.client.delete(`${f.base}/team/${joostMembership.id}`, {}), 422);
    expect(pointers(none)).toEqual(['/body/handover']);
    const half = problem(await anna.client.delete(`${f.base}/team/${joostMembership.id}`, { handover, reassign: [{ actionId: a1.id, toUserId: lotte.id }] }), 422);
    expect(half.errors).toEqual([{ pointer: '/body/reassign', detail: `open action ${a2.id} needs someone to take it over` }]);
    const stray = problem(await anna.client.delete(`${f.base}/team/${joostMembership.id}`, {
      handover, reassign: [{ actionId: a1.id, toUserId: lotte.id }, { actionId: a2.id, toUserId: stranger.id }, { actionId: f.goalId, toUserId: anna.id }],
    }), 422);
    expect(pointers(stray)).toEqual(['/body/reassign/2/actionId', '/body/reassign/1/toUserId']);
    expect(((await anna.client.get(`${f.base}/team`)).json() as { items: TeamMember[] }).items.find((m) => m.userId === joost.id)).toMatchObject({ active: true });

    const left = await anna.client.delete(`${f.base}/team/${joostMembership.id}`, { handover, reassign: [{ actionId: a1.id, toUserId: lotte.id }, { actionId: a2.id, toUserId: anna.id }] });
    expect(left.statusCode, left.body).toBe(200);
    const plan = (await anna.client.get(`${f.base}/plan`)).json() as { goals: { actions: { id: string; assignee: { id: string } }[] }[] };
    const assignees = Object.fromEntries(plan.goals.flatMap((g) => g.actions).map((a) => [a.id, a.assignee.id]));
    expect(assignees).toMatchObject({ [a1.id]: lotte.id, [a2.id]: anna.id });
    expect((await continuityOf(anna.client, f.base)).handovers).toEqual([expect.objectContaining({ reason: 'leaving', from: expect.objectContaining({ userId: joost.id }), to: expect.objectContaining({ userId: anna.id }) })]);
    const lotteTold = (await lotte.client.get('/api/v1/me/notifications?limit=50')).json() as { items: { kind: string; data: unknown }[] };
    expect(lotteTold.items).toContainEqual(expect.objectContaining({ kind: 'team.actions-reassigned', data: { count: 1 } }));
  });
});
