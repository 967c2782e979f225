import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNetherlands } from '@gezinsplan/domain';
import { verifyAuditLog } from '../../packages/server/src/platform/audit/audit-verify';
import { auditOf, makeFamily, makeFamilyAccount, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { shareFamily } from '../support/sharing';
import { agree, evaluate, moveTo, phaseOf, planOf, threeMonthsAfter, timelineOf, type PlanGoal } from '../support/care-process';

interface Evaluation { id: string; kind: string; tScore: number | null; nextEvaluationOn: string | null }

/**
 * One family's whole journey through the care process (issue 5), as the coordinator, a debt counsellor, a youth
 * mental-health worker and the mother herself walk it: registered, listened to, needs mapped from both sides, three
 * goals now with the help chosen together, the plan agreed and adopted, evaluated on its rhythm, closed with a closing
 * evaluation, and looked in on three months later. Every step is on the timeline, and the audit log's chains hold.
 */
describe('the care journey', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t?.close(); });

  it('from aanmelding to the aftercare check, every step on the timeline and in an unbroken audit log', async () => {
    const today = todayInNetherlands();
    const sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Centrum'), ['professional'], 'Sanne de Vries');
    const mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Centrum'), ['professional'], 'Mohammed Benali');
    const lisa = await makeUser(t, await makeOrganisation(t, 'jeugd-ggz', 'Jeugd-GGZ Centrum'), ['professional'], 'Lisa Bakker');

    // Aanmelding: the wijkteam registers the family and brings in the debt counsellor and the youth worker.
    const f = await makeFamily(sanne.client, 'Gezin Jansen');
    const base = `/api/v1/families/${f.id}`;
    await sanne.client.create(`${base}/team`, { userId: mo.id, role: 'member', lifeDomains: ['financien'] });
    await sanne.client.create(`${base}/team`, { userId: lisa.id, role: 'member', lifeDomains: ['scholing', 'geestelijke-gezondheid'] });
    await shareFamily(t, sanne, f, [mo.organisationId, lisa.organisationId]);
    expect((await phaseOf(sanne.client, f.id)).phase).toBe('aanmelding');

    // Intake: needs mapped together, the mother's own view beside the professionals'.
    await moveTo(sanne.client, f.id, 'intake', { note: 'Eerste gesprek aan de keukentafel.' });
    const mother = await makeFamilyAccount(t, sanne.client, f.id, f.parentId);
    await mother.client.create(`${base}/assessments`, {
      memberId: f.parentId, view: 'family',
      scores: [{ lifeDomain: 'financien', level: 3, strengths: 'Ik houd alles bij in een schrift' }, { lifeDomain: 'geestelijke-gezondheid', level: 3 }],
    });
    await sanne.client.create(`${base}/assessments`, {
      memberId: f.parentId, view: 'professional',
      scores: [{ lifeDomain: 'financien', level: 1, concerns: 'Een deurwaarder en drie schuldeisers' }, { lifeDomain: 'geestelijke-gezondheid', level: 3 }],
    });
    await lisa.client.create(`${base}/assessments`, { memberId: f.childId, view: 'professional', scores: [{ lifeDomain: 'scholing', level: 2, concerns: 'Veel verzuim' }] });
    const comparison = ((await sanne.client.get(`${base}/assessments/comparison`)).json() as { items: { memberId: string | null; lifeDomain: string; differ: boolean }[] }).items;
    expect(comparison.find((c) => c.memberId === f.parentId && c.lifeDomain === 'financien')).toMatchObject({ differ: true });

    // Plan: the mother writes her goal in her own words; with the team the family chooses three to work on now.
    await moveTo(sanne.client, f.id, 'plan');
    const own = await mother.client.create<PlanGoal>(`${base}/goals`, { title: 'Ik wil rust over geld', lifeDomain: 'financien', memberIds: [f.parentId] });
    expect(own.focus).toBe('later');
    expect((await sanne.client.patch(`${base}/goals/${own.id}`, { focus: 'now' }, own.version)).statusCode).toBe(200);
    const school = await sanne.client.create<PlanGoal>(`${base}/goals`, { title: 'Tim gaat weer graag naar school', lifeDomain: 'scholing', memberIds: [f.childId] });
    const sleep = await sanne.client.create<PlanGoal>(`${base}/goals`, { title: 'Moeder slaapt beter', lifeDomain: 'geestelijke-gezondheid', memberIds: [f.parentId] });
    const room = await sanne.client.create<PlanGoal>(`${base}/goals`, { title: 'Een eigen kamer voor Tim', lifeDomain: 'huisvesting', memberIds: [f.childId] });
    expect([school.focus, sleep.focus, room.focus]).toEqual(['now', 'now', 'later']);

    // The help for the money goal is chosen together; what is expected of Mo lands in the plan.
    const debtHelp = await mo.client.create<{ id: string }>(`${base}/goals/${own.id}/options`, {
      title: 'Schuldhulptraject', asksOfFamily: 'Alle brieven bewaren en elke twee weken een gesprek', mayBring: 'Eén regeling voor alle schulden',
    });
    const grandma = await mother.client.create<{ id: string }>(`${base}/goals/${own.id}/options`, { title: 'Oma helpt met de post' });
    const decision = await sanne.client.create<{ expectations: { actionId: string | null }[] }>(`${base}/goals/${own.id}/decisions`, {
      chosenOptionIds: [debtHelp.id, grandma.id], preferredOptionId: grandma.id, familyView: 'Eerst oma, maar de schulden moeten ook weg.',
      rationale: 'Schuldhulp start nu; oma helpt intussen met de post.', participants: { memberIds: [f.parentId], userIds: [sanne.id, mo.id] },
      expectations: [{ what: 'Aanmelden bij de schuldhulp', assigneeUserId: mo.id, addAsAction: true }],
    });
    expect(decision.expectations[0]!.actionId).not.toBeNull();

    // The mother agrees herself; the plan is adopted and the first evaluation falls eight weeks on.
    expect((await phaseOf(sanne.client, f.id)).next).toEqual([{ to: 'uitvoering', refusals: ['needs-family-agreement'] }, { to: 'afgesloten', refusals: [] }]);
    await mother.client.create(`${base}/plan/agreements`, { agreedBy: [f.parentId], note: 'Dit is ons plan.' });
    await agree(sanne.client, f.id, [f.childId]);
    await moveTo(sanne.client, f.id, 'uitvoering');
    const adopted = await planOf(sanne.client, f.id);
    expect(adopted.adoptedAt).not.toBeNull();
    expect(adopted.evaluation.status).toBe('planned');

    // Two joint evaluations. Three goals, weights 1, ρ = 0.3: the root is √(0.7·3 + 0.3·9) = √4.8 = 2.1908902.
    const goals = (scores: [number, number, number]) => [own, school, sleep].map((g, i) => ({ goalId: g.id, score: scores[i] }));
    const held = async (body: Parameters<typeof evaluate>[2]) => {
      const res = await evaluate(sanne.client, f.id, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Evaluation;
    };
    // −1, −1, 0: T = 50 − 20 / 2.1908902 = 50 − 9.1287093 = 40.8712907.
    const first = await held({ memberIds: [f.parentId], userIds: [sanne.id, mo.id, lisa.id], goals: goals([-1, -1, 0]), experience: [{ code: 'taken-seriously', score: 4 }] });
    expect(first.tScore).toBeCloseTo(40.8712907, 6);
    // 0, +1, +1: T = 50 + 20 / 2.1908902 = 59.1287093.
    const second = await held({
      memberIds: [f.parentId, f.childId], userIds: [sanne.id, lisa.id], goals: goals([0, 1, 1]),
      collaboration: { catalogueVersion: '1', ratings: [{ code: 'shared-decision-making', score: 4 }, { code: 'interprofessional-collaboration', score: 3 }] },
    });
    expect(second.tScore).toBeCloseTo(59.1287093, 6);

    // Evaluatie: the closing evaluation, +2, +1, +1: T = 50 + 40 / 2.1908902 = 50 + 18.2574186 = 68.2574186.
    await moveTo(sanne.client, f.id, 'evaluatie');
    const closing = await held({
      kind: 'closing', memberIds: [f.parentId, f.childId], userIds: [sanne.id, mo.id, lisa.id], goals: goals([2, 1, 1]),
      experience: [{ code: 'told-story-once', score: 5 }, { code: 'decided-together', score: 5 }], decisions: 'De doelen zijn bereikt; we ronden af.',
    });
    expect(closing).toMatchObject({ kind: 'closing', nextEvaluationOn: null });
    expect(closing.tScore).toBeCloseTo(68.2574186, 6);
    expect(((await sanne.client.get(`${base}/evaluations`)).json() as { items: Evaluation[] }).items.map((e) => e.id)).toEqual([closing.id, second.id, first.id]);

    // Afgesloten, with the aftercare check three months on; it is on the coordinator's list, and she records it.
    const closed = await moveTo(sanne.client, f.id, 'afgesloten', {
      note: 'Afgerond met het hele gezin.', closing: { reason: 'goals-reached', canDoThemselves: 'Moeder houdt het kasboek bij; Tim gaat elke dag naar school.' },
    });
    expect(closed.closures).toEqual([expect.objectContaining({ closedOn: today, aftercareOn: threeMonthsAfter(today), aftercare: null })]);
    const list = ((await sanne.client.get('/api/v1/me/evaluations?withinDays=100')).json() as { items: { familyId: string; kind: string; dueOn: string }[] }).items;
    expect(list).toEqual([expect.objectContaining({ familyId: f.id, kind: 'aftercare', dueOn: threeMonthsAfter(today) })]);
    const checked = await sanne.client.post(`${base}/aftercare`, { outcome: 'going-well', note: 'Het gaat goed; de regeling loopt.' });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(((await sanne.client.get('/api/v1/me/evaluations?withinDays=100')).json() as { items: unknown[] }).items).toEqual([]);

    // The timeline, oldest first, holds each step of the journey.
    const steps = new Set(['family.registered', 'family.phase-changed', 'assessment.recorded', 'goal.created', 'option.added', 'decision.recorded', 'plan.agreed', 'evaluation.held', 'aftercare.checked']);
    const timeline = (await timelineOf(sanne.client, f.id)).reverse().filter((e) => steps.has(e.event))
      .map((e) => (e.event === 'family.phase-changed' ? `${e.data.from} → ${e.data.to}` : e.event));
    expect(timeline).toEqual([
      'family.registered',
      'aanmelding → intake', 'assessment.recorded', 'assessment.recorded', 'assessment.recorded',
      'intake → plan', 'goal.created', 'goal.created', 'goal.created', 'goal.created', 'option.added', 'option.added', 'decision.recorded', 'plan.agreed', 'plan.agreed',
      'plan → uitvoering', 'evaluation.held', 'evaluation.held',
      'uitvoering → evaluatie', 'evaluation.held',
      'evaluatie → afgesloten', 'aftercare.checked',
    ]);
    // The mother sees her family's journey too, and who did what in her file.
    const hers = (await timelineOf(mother.client, f.id)).filter((e) => e.event === 'family.phase-changed');
    expect(hers).toHaveLength(5);
    const log = (await mother.client.get(`${base}/audit?limit=200`)).json() as { items: { eventType: string }[] };
    expect(log.items.map((r) => r.eventType)).toEqual(expect.arrayContaining(['family.phase-changed', 'evaluation.held', 'aftercare.checked', 'decision.recorded']));

    // Every change is in the audit log, and the hash chains are unbroken.
    const audit = await auditOf(t.db, f.id);
    expect(audit.filter((r) => r.event_type === 'family.phase-changed' && r.outcome === 'success').map((r) => r.detail.to))
      .toEqual(['intake', 'plan', 'uitvoering', 'evaluatie', 'afgesloten']);
    expect(audit.filter((r) => r.event_type === 'evaluation.held' && r.outcome === 'success')).toHaveLength(3);
    expect(audit.filter((r) => r.outcome !== 'success')).toEqual([]);
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true });
  });
});
