import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { addDays, defaultCollaborationCatalogue, todayInNetherlands } from '@gezinsplan/domain';
import { auditOf, makeFamily, makeFamilyAccount, makeOrganisation, makeProfessional, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { consentFor, ensureCovenants, shareFamily } from '../support/sharing';
import {
  adoptPlan, CLOSING, evaluate, fieldErrors, moveTo, phaseOf, planOf, pointers, problem, threeMonthsAfter, timelineOf,
  type Author, type PlanGoal,
} from '../support/care-process';
import type { ApiClient } from '../../packages/server/src/platform/http/api-client';

type Person = Awaited<ReturnType<typeof makeUser>>;

interface Evaluation {
  id: string; familyId: string; kind: string; heldOn: string;
  participants: { members: { id: string; name: string }[]; professionals: { userId: string; name: string; organisationName: string }[] };
  goals: { goalId: string; title: string; lifeDomain: string; score: number; comment: string }[];
  tScore: number | null;
  experience: { code: string; score: number }[];
  collaboration: { catalogueVersion: string; ratings: { code: string; score: number; comment: string }[] } | null;
  decisions: string; nextEvaluationOn: string | null; author: Author; createdAt: string;
}
interface Catalogue { version: string; name: string; components: { code: string }[]; publishedAt: string | null; current: boolean }
interface MyEvaluation { familyId: string; familyName: string | null; phase: string; kind: string; dueOn: string; status: string; myRole: string }
interface CaseloadLine { id: string; phase: string; nextEvaluationOn: string | null; evaluationStatus: string | null }

/**
 * Joint evaluations (issue 5): per goal the GAS score with the T-score over the goals the reader may see, the
 * family's experience, the collaboration components of the catalogue in use, and the next date on the plan's rhythm;
 * the work list of evaluations and aftercare checks due; the caseload's next evaluation.
 */
describe('evaluations', () => {
  let t: TestApp;
  let sanne: Person; // wijkteam, coordinator
  let mo: Person; // schuldhulp: everything shared
  let lisa: Person; // jeugd-ggz: school matters and the plan's overview shared, not money
  let eva: Person; // huisarts: only who the family is and the team
  let SANNE: Author;
  const today = todayInNetherlands();

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord'), ['professional'], 'Sanne de Vries');
    mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Noord'), ['professional'], 'Mohammed Benali');
    lisa = await makeUser(t, await makeOrganisation(t, 'jeugd-ggz', 'Jeugd-GGZ Noord'), ['professional'], 'Lisa Bakker');
    eva = await makeUser(t, await makeOrganisation(t, 'huisarts', 'Huisartsenpraktijk Noord'), ['professional'], 'dr. Eva Smit');
    SANNE = { userId: sanne.id, name: 'Sanne de Vries', organisationName: 'Wijkteam Noord', memberId: null };
  });
  afterAll(async () => { await t?.close(); });

  /** A family with help under way: a goal about money and one about school, agreed and adopted; the whole team on it. */
  async function underWay(name = 'Gezin Evaluatie', coordinator: Person = sanne) {
    const f = await makeFamily(coordinator.client, name);
    const base = `/api/v1/families/${f.id}`;
    for (const who of [mo, lisa, eva]) await coordinator.client.create(`${base}/team`, { userId: who.id, role: 'member' });
    await shareFamily(t, coordinator, f, [mo.organisationId]);
    await ensureCovenants(t, [coordinator.organisationId, lisa.organisationId, eva.organisationId]);
    await consentFor(coordinator.client, f.id, lisa.organisationId, { parentId: f.parentId, memberIds: [f.parentId, f.childId], categories: ['identity', 'team', 'plan-overview', 'scholing'] });
    await consentFor(coordinator.client, f.id, eva.organisationId, { parentId: f.parentId, memberIds: [f.parentId, f.childId], categories: ['identity', 'team'] });
    const [money, school] = await adoptPlan(coordinator.client, f.id, [f.parentId], [
      { title: 'Rust over geld', lifeDomain: 'financien' }, { title: 'Tim gaat weer graag naar school', lifeDomain: 'scholing' },
    ]) as [PlanGoal, PlanGoal];
    return { ...f, base, money, school };
  }

  async function recorded(client: ApiClient, familyId: string, body: Parameters<typeof evaluate>[2]): Promise<Evaluation> {
    const res = await evaluate(client, familyId, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Evaluation;
  }
  const evaluationsOf = async (who: Person, familyId: string) => {
    const res = await who.client.get(`/api/v1/families/${familyId}/evaluations`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Evaluation[] }).items;
  };

  it('scores the goals with the T-score worked out by hand, and plans the next evaluation on the rhythm', async () => {
    const f = await underWay();
    const first = await recorded(sanne.client, f.id, {
      memberIds: [f.parentId], userIds: [sanne.id, mo.id],
      goals: [{ goalId: f.school.id, score: -1 }, { goalId: f.money.id, score: -1, comment: 'Nog twee schuldeisers zonder regeling.' }],
      experience: [{ code: 'taken-seriously', score: 4 }, { code: 'told-story-once', score: 2 }],
      decisions: 'We gaan door met de schuldhulp; school belt moeder wekelijks.',
    });
    // T = 50 + 10·Σx / √((1−ρ)·Σw² + ρ·(Σw)²), weights 1 and ρ = 0.3. Scores −1 and −1: Σx = −2, Σw² = 2, (Σw)² = 4,
    // so the root is √(0.7·2 + 0.3·4) = √2.6 = 1.6124515…, and T = 50 − 20 / 1.6124515 = 50 − 12.4034735 = 37.5965265.
    expect(first.tScore).toBeCloseTo(37.5965265, 6);
    expect(first).toEqual({
      id: expect.any(String), familyId: f.id, kind: 'interim', heldOn: today,
      participants: {
        members: [{ id: f.parentId, name: 'Marieke Jansen' }],
        professionals: [{ userId: sanne.id, name: 'Sanne de Vries', organisationName: 'Wijkteam Noord' }, { userId: mo.id, name: 'Mohammed Benali', organisationName: 'Schuldhulp Noord' }],
      },
      // In the plan's priority order, whatever the order given.
      goals: [
        { goalId: f.money.id, title: 'Rust over geld', lifeDomain: 'financien', score: -1, comment: 'Nog twee schuldeisers zonder regeling.' },
        { goalId: f.school.id, title: 'Tim gaat weer graag naar school', lifeDomain: 'scholing', score: -1, comment: '' },
      ],
      tScore: expect.any(Number),
      experience: [{ code: 'taken-seriously', score: 4 }, { code: 'told-story-once', score: 2 }],
      collaboration: null, decisions: 'We gaan door met de schuldhulp; school belt moeder wekelijks.',
      // No date agreed: one rhythm (eight weeks, 56 days) after the day it was held.
      nextEvaluationOn: addDays(today, 56), author: SANNE, createdAt: expect.any(String),
    });
    expect((await planOf(sanne.client, f.id)).evaluation).toEqual({ intervalWeeks: 8, nextOn: addDays(today, 56), status: 'planned' });

    // Scores 0 and +1: Σx = 1, the same root √2.6, so T = 50 + 10 / 1.6124515 = 50 + 6.2017367 = 56.2017367.
    const inAMonth = addDays(today, 30);
    const second = await recorded(mo.client, f.id, {
      memberIds: [f.parentId, f.childId], goals: [{ goalId: f.money.id, score: 0 }, { goalId: f.school.id, score: 1 }], nextEvaluationOn: inAMonth,
    });
    expect(second.tScore).toBeCloseTo(56.2017367, 6);
    expect(second).toMatchObject({ nextEvaluationOn: inAMonth, author: { userId: mo.id, organisationName: 'Schuldhulp Noord' } });
    expect((await planOf(sanne.client, f.id)).evaluation).toEqual({ intervalWeeks: 8, nextOn: inAMonth, status: 'planned' });

    // The family and the team agree to meet every four weeks; an evaluation held three days ago is recorded today.
    const plan = await planOf(sanne.client, f.id);
    expect((await sanne.client.patch(`${f.base}/plan`, { evaluationIntervalWeeks: 4 }, plan.version)).statusCode).toBe(200);
    await moveTo(sanne.client, f.id, 'evaluatie');
    const threeDaysAgo = addDays(today, -3);
    // One goal at +2: T = 50 + 10·2 / √(0.7·1 + 0.3·1) = 50 + 20 = 70.
    const third = await recorded(sanne.client, f.id, { memberIds: [f.parentId], heldOn: threeDaysAgo, goals: [{ goalId: f.school.id, score: 2 }] });
    expect(third.tScore).toBeCloseTo(70, 10);
    expect(third.nextEvaluationOn).toBe(addDays(threeDaysAgo, 28));
    expect((await planOf(sanne.client, f.id)).evaluation).toEqual({ intervalWeeks: 4, nextOn: addDays(today, 25), status: 'planned' });
    // Without goals scored there is no T-score (rather than 50).
    const fourth = await recorded(sanne.client, f.id, { memberIds: [f.parentId], experience: [{ code: 'help-in-time', score: 5 }] });
    expect(fourth).toMatchObject({ goals: [], tScore: null, nextEvaluationOn: addDays(today, 28) });
    await moveTo(sanne.client, f.id, 'uitvoering');

    // Newest first by the day held.
    expect((await evaluationsOf(sanne, f.id)).map((e) => e.id)).toEqual([fourth.id, second.id, first.id, third.id]);
    const page = (await sanne.client.get(`${f.base}/evaluations?limit=3`)).json() as { items: Evaluation[]; nextCursor: string };
    expect(page.items.map((e) => e.id)).toEqual([fourth.id, second.id, first.id]);
    const rest = (await sanne.client.get(`${f.base}/evaluations?limit=3&cursor=${encodeURIComponent(page.nextCursor)}`)).json() as { items: Evaluation[] };
    expect(rest.items.map((e) => e.id)).toEqual([third.id]);
    expect((await timelineOf(sanne.client, f.id)).filter((e) => e.event === 'evaluation.held').map((e) => [e.data.evaluationId, e.data.nextEvaluationOn]))
      .toEqual([[fourth.id, addDays(today, 28)], [third.id, addDays(threeDaysAgo, 28)], [second.id, inAMonth], [first.id, addDays(today, 56)]]);
  });

  it('a closing evaluation plans no next one, and the file may close', async () => {
    const f = await underWay('Gezin Slotevaluatie');
    expect(pointers(problem(await evaluate(sanne.client, f.id, { kind: 'closing', memberIds: [f.parentId], nextEvaluationOn: addDays(today, 30) }), 400)))
      .toEqual(['/body/nextEvaluationOn']);
    problem(await evaluate(sanne.client, f.id, { kind: 'final', memberIds: [f.parentId] }), 400);
    const closing = await recorded(sanne.client, f.id, {
      kind: 'closing', memberIds: [f.parentId], userIds: [sanne.id], goals: [{ goalId: f.money.id, score: 2 }, { goalId: f.school.id, score: 1 }],
    });
    expect(closing).toMatchObject({ kind: 'closing', nextEvaluationOn: null });
    expect((await planOf(sanne.client, f.id)).evaluation).toEqual({ intervalWeeks: 8, nextOn: null, status: null });
    const line = ((await sanne.client.get('/api/v1/me/families?limit=200')).json() as { items: CaseloadLine[] }).items.find((l) => l.id === f.id);
    expect(line).toMatchObject({ nextEvaluationOn: null, evaluationStatus: null });
    expect((await phaseOf(sanne.client, f.id)).next).toEqual([{ to: 'evaluatie', refusals: [] }, { to: 'afgesloten', refusals: [] }]);
    await moveTo(sanne.client, f.id, 'afgesloten', { closing: CLOSING });
  });

  it('refuses an evaluation out of phase, of another family’s goal, with strangers, in the future, or by the family', async () => {
    const f = await underWay('Gezin Geweigerd');
    const other = await underWay('Gezin Ander');
    const joost = await makeProfessional(t, 'school', 'Joost Buiten');
    const valid = { memberIds: [f.parentId], userIds: [sanne.id], goals: [{ goalId: f.money.id, score: 0 }] };
    const refused = async (body: Partial<typeof valid> & Record<string, unknown>, status: number) =>
      fieldErrors(problem(await evaluate(sanne.client, f.id, { ...valid, ...body }), status));

    expect(await refused({ goals: [{ goalId: f.money.id, score: 0 }, { goalId: other.money.id, score: 1 }] }, 422)).toEqual([['/body/goals/1/goalId', 'not a goal of this plan']]);
    expect(await refused({ goals: [{ goalId: other.school.id, score: 1 }, { goalId: uuidv7(), score: 1 }] }, 422))
      .toEqual([['/body/goals/0/goalId', 'not a goal of this plan'], ['/body/goals/1/goalId', 'not a goal of this plan']]);
    expect(await refused({ userIds: [sanne.id, joost.id] }, 422)).toEqual([['/body/participants/userIds/1', 'not on the care team']]);
    expect(await refused({ memberIds: [other.parentId] }, 422)).toEqual([['/body/participants/memberIds', 'not a member of this family']]);
    expect(await refused({ heldOn: addDays(today, 1) }, 422)).toEqual([['/body/heldOn', 'in the future']]);
    expect(await refused({ nextEvaluationOn: today }, 422)).toEqual([['/body/nextEvaluationOn', 'not after today']]);
    expect((await refused({ memberIds: [], userIds: [] }, 400)).map(([p]) => p)).toEqual(['/body/participants/userIds']);
    expect((await refused({ goals: [{ goalId: f.money.id, score: 3 }] }, 400)).map(([p]) => p)).toEqual(['/body/goals/0/score']);
    expect((await refused({ goals: [{ goalId: f.money.id, score: 1 }, { goalId: f.money.id, score: 2 }] }, 400)).map(([p]) => p)).toEqual(['/body/goals']);
    expect((await refused({ experience: [{ code: 'loved-it', score: 3 }] }, 400)).map(([p]) => p)).toEqual(['/body/experience/0/code']);
    expect((await refused({ experience: [{ code: 'taken-seriously', score: 6 }] }, 400)).map(([p]) => p)).toEqual(['/body/experience/0/score']);
    // A family member takes part in the evaluation, but the team records it.
    const mother = await makeFamilyAccount(t, sanne.client, f.id, f.parentId);
    expect(problem(await evaluate(mother.client, f.id, valid), 403).code).toBe('FORBIDDEN');
    expect(await evaluationsOf(sanne, f.id)).toEqual([]);
    expect((await planOf(sanne.client, f.id)).evaluation.nextOn).toBe(addDays(today, 56));

    // Before the plan is adopted, and after the file is closed, there is no help under way to look back on.
    const early = await makeFamily(sanne.client, 'Gezin Nog Niet');
    for (const phase of ['aanmelding', 'intake', 'plan']) {
      if (phase !== 'aanmelding') await moveTo(sanne.client, early.id, phase);
      expect(fieldErrors(problem(await evaluate(sanne.client, early.id, { memberIds: [early.parentId] }), 409))).toEqual([['/body/kind', `not in phase ${phase}`]]);
    }
    // A closed file's plan takes no more changes at all (the gate says so before the evaluation's own rule).
    await moveTo(sanne.client, early.id, 'afgesloten', { closing: CLOSING });
    expect(problem(await evaluate(sanne.client, early.id, { memberIds: [early.parentId] }), 409).detail).toMatch(/file is closed/);
  });

  it('rates the collaboration against the catalogue in use; an admin publishes a new version, the old one still reads', async () => {
    const f = await underWay('Gezin Samenwerking');
    const catalogues = '/api/v1/catalogues/collaboration-components';
    const current = (await sanne.client.get(catalogues)).json() as Catalogue;
    expect(current).toMatchObject({ version: '1', current: true, publishedAt: null, name: defaultCollaborationCatalogue.name });
    expect(current.components.map((c) => c.code)).toEqual(defaultCollaborationCatalogue.components.map((c) => c.code));

    const withRatings = (catalogueVersion: string, ratings: { code: string; score: number; comment?: string }[]) =>
      evaluate(sanne.client, f.id, { memberIds: [f.parentId], collaboration: { catalogueVersion, ratings } });
    const rated = await withRatings('1', [{ code: 'shared-decision-making', score: 4, comment: 'Moeder besliste mee.' }, { code: 'privacy', score: 5 }]);
    expect(rated.statusCode, rated.body).toBe(201);
    const old = rated.json() as Evaluation;
    expect(old.collaboration).toEqual({ catalogueVersion: '1', ratings: [{ code: 'shared-decision-making', score: 4, comment: 'Moeder besliste mee.' }, { code: 'privacy', score: 5, comment: '' }] });
    expect(fieldErrors(problem(await withRatings('1', [{ code: 'privacy', score: 3 }, { code: 'good-coffee', score: 5 }]), 422)))
      .toEqual([['/body/collaboration/ratings/1/code', 'not in this catalogue']]);
    expect(fieldErrors(problem(await withRatings('7', [{ code: 'privacy', score: 3 }]), 422))).toEqual([['/body/collaboration/catalogueVersion', 'unknown version']]);
    expect(pointers(problem(await withRatings('1', [{ code: 'privacy', score: 0 }]), 400))).toEqual(['/body/collaboration/ratings/0/score']);

    // Only an admin publishes; a version is used once; the built-in default is version 1.
    const component = (code: string, nl: string) => ({
      code, nl, en: nl, description: `${nl}: zo werken we samen.`, source: { study: 'other', citation: 'Eigen lijst van de regio, 2026' },
    });
    const v2 = { version: '2', name: 'Regionale lijst 2026', components: [component('shared-decision-making', 'Samen beslissen'), component('one-plan', 'Eén gezin, één plan')] };
    const orgAdmin = await makeUser(t, sanne.organisationId, ['org-admin'], 'Beheerder Noord');
    for (const who of [sanne, orgAdmin]) problem(await who.client.post(catalogues, v2), 403);
    problem(await t.admin.post(catalogues, { ...v2, version: '3', components: [v2.components[0], v2.components[0]] }), 400);
    const published = await t.admin.post(catalogues, v2);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toEqual({ ...v2, publishedAt: expect.any(String), current: true });
    expect(pointers(problem(await t.admin.post(catalogues, v2), 409))).toEqual(['/body/version']);
    expect(pointers(problem(await t.admin.post(catalogues, { ...v2, version: '1' }), 409))).toEqual(['/body/version']);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'collaboration-catalogue.published').execute();
    expect(audit.map((r) => [r.family_id, r.outcome, r.detail.version])).toEqual([[null, 'success', '2']]);

    expect(((await sanne.client.get(catalogues)).json() as Catalogue).version).toBe('2');
    const versions = ((await sanne.client.get(`${catalogues}/versions`)).json() as { items: Catalogue[] }).items;
    expect(versions.map((v) => [v.version, v.current, v.publishedAt === null])).toEqual([['2', true, false], ['1', false, true]]);
    expect((await sanne.client.get(`${catalogues}/versions/1`)).json()).toMatchObject({ version: '1', name: defaultCollaborationCatalogue.name, current: false, publishedAt: null });
    expect((await sanne.client.get(`${catalogues}/versions/2`)).json()).toMatchObject({ version: '2', current: true });
    problem(await sanne.client.get(`${catalogues}/versions/3`), 404);

    // A form filled in against the replaced list is sent back, naming the list now in use.
    const stale = problem(await withRatings('1', [{ code: 'privacy', score: 3 }]), 409);
    expect(fieldErrors(stale)).toEqual([['/body/collaboration/catalogueVersion', 'current version is 2']]);
    expect(fieldErrors(problem(await withRatings('2', [{ code: 'privacy', score: 3 }]), 422))).toEqual([['/body/collaboration/ratings/0/code', 'not in this catalogue']]);
    const fresh = await withRatings('2', [{ code: 'one-plan', score: 4 }, { code: 'shared-decision-making', score: 5 }]);
    expect(fresh.statusCode, fresh.body).toBe(201);
    // The earlier evaluation keeps the version it was held under.
    expect((await evaluationsOf(sanne, f.id)).map((e) => e.collaboration?.catalogueVersion)).toEqual(['2', '1']);

    // Two publications of one version at once: one is published, the other refused.
    const v3 = { ...v2, version: '3', name: 'Regionale lijst 2027' };
    const answers = await Promise.all([t.admin.post(catalogues, v3), t.admin.post(catalogues, v3)]);
    expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join('\n')).toEqual([201, 409]);
    expect(((await sanne.client.get(`${catalogues}/versions`)).json() as { items: Catalogue[] }).items.map((v) => [v.version, v.current]))
      .toEqual([['3', true], ['2', false], ['1', false]]);
  });

  it('shows each goal’s score only as its life domain is shared, with a T-score over the scores shown', async () => {
    const f = await underWay('Gezin Gedeeld');
    const evaluation = await recorded(sanne.client, f.id, {
      memberIds: [f.parentId], userIds: [sanne.id, lisa.id], goals: [{ goalId: f.money.id, score: -1 }, { goalId: f.school.id, score: 1 }],
      experience: [{ code: 'whole-family', score: 4 }], decisions: 'Door zoals afgesproken.',
    });
    // Everything: Σx = −1 + 1 = 0, so T = 50 whatever the root.
    expect(evaluation.tScore).toBeCloseTo(50, 10);
    for (const who of [sanne, mo]) {
      const [seen] = await evaluationsOf(who, f.id);
      expect(seen!.goals.map((g) => g.goalId)).toEqual([f.money.id, f.school.id]);
      expect(seen!.tScore).toBeCloseTo(50, 10);
    }
    // Lisa sees the evaluation and the school goal's score, not the money goal's: T = 50 + 10·1 / √(0.7 + 0.3) = 60.
    const [hers] = await evaluationsOf(lisa, f.id);
    expect(hers).toMatchObject({ id: evaluation.id, experience: [{ code: 'whole-family', score: 4 }], decisions: 'Door zoals afgesproken.' });
    expect(hers!.goals).toEqual([{ goalId: f.school.id, title: 'Tim gaat weer graag naar school', lifeDomain: 'scholing', score: 1, comment: '' }]);
    expect(hers!.tScore).toBeCloseTo(60, 10);
    // The GP, with whom the family shares only who they are and the team, sees no evaluation at all.
    expect(await evaluationsOf(eva, f.id)).toEqual([]);
    expect((await auditOf(t.db, f.id)).filter((r) => r.event_type === 'evaluation.listed' && r.user_id === eva.id).at(-1)?.detail).toMatchObject({ hidden: expect.any(Number) });
    // A goal Lisa sees only as an overview she cannot score: it is as unknown to her as another family's.
    expect(fieldErrors(problem(await evaluate(lisa.client, f.id, { memberIds: [f.parentId], goals: [{ goalId: f.money.id, score: 0 }] }), 422)))
      .toEqual([['/body/goals/0/goalId', 'not a goal of this plan']]);
    const own = await recorded(lisa.client, f.id, { memberIds: [f.parentId], goals: [{ goalId: f.school.id, score: 0 }] });
    expect(own.tScore).toBeCloseTo(50, 10);
  });

  it('lists my evaluations overdue and due, aftercare checks for the coordinator only, and the caseload’s next evaluation', async () => {
    const fatima = await makeUser(t, sanne.organisationId, ['professional'], 'Fatima el Amrani');
    const family = (name: string) => underWay(name, fatima);
    const planOfFamily = (id: string) => planOf(fatima.client, id);

    // Overdue: an evaluation held ten weeks ago was recorded only now; the next one fell eight weeks after it.
    const overdue = await family('Gezin Te Laat');
    await recorded(fatima.client, overdue.id, { memberIds: [overdue.parentId], heldOn: addDays(today, -70) });
    expect((await planOfFamily(overdue.id)).evaluation).toMatchObject({ nextOn: addDays(today, -14), status: 'overdue' });
    // Due: within two weeks, as the coordinator set it.
    const due = await family('Gezin Bijna');
    const schedule = `${due.base}/plan`;
    const version = (await planOfFamily(due.id)).version;
    problem(await fatima.client.request('PATCH', schedule, { nextEvaluationOn: addDays(today, 10) }), 428);
    problem(await fatima.client.patch(schedule, { nextEvaluationOn: addDays(today, 10) }, version + 1), 412);
    expect(pointers(problem(await fatima.client.patch(schedule, { nextEvaluationOn: addDays(today, -1) }, version), 422))).toEqual(['/body/nextEvaluationOn']);
    expect(pointers(problem(await fatima.client.patch(schedule, { evaluationIntervalWeeks: 53 }, version), 400))).toEqual(['/body/evaluationIntervalWeeks']);
    problem(await mo.client.patch(schedule, { nextEvaluationOn: addDays(today, 10) }, version), 404);
    const patched = await fatima.client.patch(schedule, { nextEvaluationOn: addDays(today, 10) }, version);
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: version + 1, evaluation: { intervalWeeks: 8, nextOn: addDays(today, 10), status: 'due' } });
    // Planned: eight weeks after adopting the plan.
    const planned = await family('Gezin Op Schema');
    // Not under way yet: a date set in the plan phase is no evaluation to hold.
    const notYet = await makeFamily(fatima.client, 'Gezin Nog In Plan');
    await moveTo(fatima.client, notYet.id, 'intake');
    await moveTo(fatima.client, notYet.id, 'plan');
    expect((await fatima.client.patch(`/api/v1/families/${notYet.id}/plan`, { nextEvaluationOn: addDays(today, 5) }, (await planOfFamily(notYet.id)).version)).statusCode).toBe(200);
    // Closed: the aftercare check in a week, another one three months on, and one of a file reopened since.
    const aftercare = await makeFamily(fatima.client, 'Gezin Nazorg');
    await fatima.client.create(`/api/v1/families/${aftercare.id}/team`, { userId: mo.id, role: 'member' });
    await moveTo(fatima.client, aftercare.id, 'afgesloten', { closing: { ...CLOSING, aftercareOn: addDays(today, 7) } });
    const later = await makeFamily(fatima.client, 'Gezin Nazorg Later');
    await moveTo(fatima.client, later.id, 'afgesloten', { closing: CLOSING });
    const reopened = await makeFamily(fatima.client, 'Gezin Weer Open');
    await moveTo(fatima.client, reopened.id, 'afgesloten', { closing: { ...CLOSING, aftercareOn: addDays(today, 3) } });
    await moveTo(fatima.client, reopened.id, 'intake');

    const mine = async (who: Person, query = '') => {
      const res = await who.client.get(`/api/v1/me/evaluations${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: MyEvaluation[] }).items;
    };
    const line = (f: { id: string }, familyName: string, kind: string, dueOn: string, status: string, phase = kind === 'aftercare' ? 'afgesloten' : 'uitvoering') =>
      ({ familyId: f.id, familyName, phase, kind, dueOn, status, myRole: 'coordinator' });
    expect(await mine(fatima)).toEqual([
      line(overdue, 'Gezin Te Laat', 'evaluation', addDays(today, -14), 'overdue'),
      line(aftercare, 'Gezin Nazorg', 'aftercare', addDays(today, 7), 'due'),
      line(due, 'Gezin Bijna', 'evaluation', addDays(today, 10), 'due'),
    ]);
    expect(await mine(fatima, '?withinDays=0')).toEqual([line(overdue, 'Gezin Te Laat', 'evaluation', addDays(today, -14), 'overdue')]);
    expect((await mine(fatima, '?withinDays=60')).map((m) => [m.familyId, m.status])).toEqual([
      [overdue.id, 'overdue'], [aftercare.id, 'due'], [due.id, 'due'], [planned.id, 'planned'],
    ]);
    expect((await mine(fatima, '?withinDays=100')).at(-1)).toEqual(line(later, 'Gezin Nazorg Later', 'aftercare', threeMonthsAfter(today), 'planned'));
    const paged = (await fatima.client.get('/api/v1/me/evaluations?withinDays=100&limit=2')).json() as { items: MyEvaluation[]; nextCursor: string };
    const nextPage = (await fatima.client.get(`/api/v1/me/evaluations?withinDays=100&limit=2&cursor=${encodeURIComponent(paged.nextCursor)}`)).json() as { items: MyEvaluation[] };
    expect([...paged.items, ...nextPage.items].map((m) => m.familyId)).toEqual([overdue.id, aftercare.id, due.id, planned.id]);
    problem(await fatima.client.get('/api/v1/me/evaluations?withinDays=367'), 400);

    // A team member sees the evaluations of his families, not the coordinator's aftercare checks.
    const ours = new Set([overdue.id, due.id, planned.id, aftercare.id, later.id, reopened.id, notYet.id]);
    expect((await mine(mo, '?withinDays=100')).filter((m) => ours.has(m.familyId)).map((m) => [m.familyId, m.kind, m.myRole])).toEqual([
      [overdue.id, 'evaluation', 'member'], [due.id, 'evaluation', 'member'], [planned.id, 'evaluation', 'member'],
    ]);
    const listed = (await auditOf(t.db, aftercare.id)).filter((r) => r.event_type === 'my-evaluations.listed');
    expect(listed.map((r) => r.user_id)).toContain(fatima.id);
    expect(listed.map((r) => r.user_id)).not.toContain(mo.id);

    const caseload = ((await fatima.client.get('/api/v1/me/families?limit=200')).json() as { items: CaseloadLine[] }).items;
    const next = (f: { id: string }) => { const l = caseload.find((c) => c.id === f.id)!; return [l.nextEvaluationOn, l.evaluationStatus]; };
    expect(next(overdue)).toEqual([addDays(today, -14), 'overdue']);
    expect(next(due)).toEqual([addDays(today, 10), 'due']);
    expect(next(planned)).toEqual([addDays(today, 56), 'planned']);
    expect(next(notYet)).toEqual([null, null]);
    expect(next(aftercare)).toEqual([null, null]);
  });
});
