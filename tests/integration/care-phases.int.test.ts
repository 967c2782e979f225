import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInNetherlands } from '@gezinsplan/domain';
import { auditOf, makeFamily, makeFamilyAccount, makeOrganisation, makeProfessional, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { consentFor, ensureCovenants, shareFamily } from '../support/sharing';
import {
  adoptPlan, addGoalNow, agree, CLOSING, evaluate, fieldErrors, moveTo, phaseOf, planOf, pointers, problem, threeMonthsAfter, timelineOf,
  type Agreement, type PhaseState, type PlanGoal,
} from '../support/care-process';

type Person = Awaited<ReturnType<typeof makeUser>>;
type Family = Awaited<ReturnType<typeof makeFamily>>;

/**
 * The care process as a guarded state machine, through the API (issue 5): aanmelding → intake → plan → uitvoering ⇄
 * evaluatie → afgesloten → (reopened) intake. Adopting the plan needs a goal now and the family's current agreement;
 * closing needs a reason and, once help was given, a closing evaluation; each refusal names what is missing. Every
 * step is kept in the history, the timeline and the audit log.
 */
describe('the phases of the care process', () => {
  let t: TestApp;
  let sanne: Person; // wijkteam, the coordinator of every family here
  let mo: Person; // schuldhulp, a team member
  let SANNE: { userId: string; name: string; organisationName: string; memberId: null };

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Oost'), ['professional'], 'Sanne de Vries');
    mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Oost'), ['professional'], 'Mohammed Benali');
    SANNE = { userId: sanne.id, name: 'Sanne de Vries', organisationName: 'Wijkteam Oost', memberId: null };
  });
  afterAll(async () => { await t?.close(); });

  /** A family whose team is Sanne (coordinator) and Mo, sharing everything between their organisations. */
  async function teamFamily(name?: string): Promise<Family> {
    const f = await makeFamily(sanne.client, name);
    await sanne.client.create(`/api/v1/families/${f.id}/team`, { userId: mo.id, role: 'member' });
    await shareFamily(t, sanne, f, [mo.organisationId]);
    return f;
  }

  const post = (familyId: string, body: Record<string, unknown>) => sanne.client.post(`/api/v1/families/${familyId}/phase`, body);
  const closingEvaluation = async (f: Family) => {
    const res = await evaluate(sanne.client, f.id, { kind: 'closing', memberIds: [f.parentId], userIds: [sanne.id], decisions: 'We ronden af.' });
    expect(res.statusCode, res.body).toBe(201);
  };

  /** Each transition in `steps` is in the history (newest first), the timeline and the audit log, in that order. */
  async function expectRecorded(familyId: string, steps: [string, string][]): Promise<void> {
    const state = await phaseOf(sanne.client, familyId);
    expect(state.history.map((h) => [h.from, h.to])).toEqual([...steps].reverse());
    expect(state.history.every((h) => h.by.userId === sanne.id)).toBe(true);
    const timeline = (await timelineOf(sanne.client, familyId)).filter((e) => e.event === 'family.phase-changed');
    expect(timeline.map((e) => [e.data.from, e.data.to])).toEqual([...steps].reverse());
    expect(timeline.every((e) => e.kind === 'family' && e.author?.userId === sanne.id)).toBe(true);
    const audit = (await auditOf(t.db, familyId)).filter((r) => r.event_type === 'family.phase-changed' && r.outcome === 'success');
    expect(audit.map((r) => [r.detail.from, r.detail.to])).toEqual(steps);
    expect(audit.every((r) => r.action === 'U' && r.user_id === sanne.id && r.resource_type === 'phase' && r.resource_id === familyId)).toBe(true);
  }

  it('walks aanmelding → intake → plan → uitvoering ⇄ evaluatie → afgesloten → intake, keeping every step', async () => {
    const f = await teamFamily('Gezin Stap voor Stap');
    const start = await phaseOf(sanne.client, f.id);
    expect(start).toMatchObject({ familyId: f.id, phase: 'aanmelding', history: [], closures: [] });
    expect(start.next).toEqual([{ to: 'intake', refusals: [] }, { to: 'afgesloten', refusals: [] }]);

    const steps: [string, string][] = [];
    let version = start.version;
    const step = async (to: string, extra: Record<string, unknown> = {}) => {
      const from = (await phaseOf(sanne.client, f.id)).phase;
      const state = await moveTo(sanne.client, f.id, to, { note: `Van ${from} naar ${to}`, ...extra });
      // A transition changes the family: its version goes up by one.
      expect(state.version).toBe(version + 1);
      version = state.version;
      expect(state.history[0]).toMatchObject({ from, to, note: `Van ${from} naar ${to}`, by: SANNE });
      steps.push([from, to]);
      return state;
    };
    await step('intake');
    expect((await phaseOf(sanne.client, f.id)).next).toEqual([{ to: 'plan', refusals: [] }, { to: 'afgesloten', refusals: [] }]);
    await step('plan');
    await addGoalNow(sanne.client, f.id, 'Rust over geld');
    await agree(sanne.client, f.id, [f.parentId]);
    await step('uitvoering');
    await step('evaluatie');
    expect((await phaseOf(sanne.client, f.id)).next).toEqual([{ to: 'uitvoering', refusals: [] }, { to: 'afgesloten', refusals: ['needs-closing-evaluation'] }]);
    await step('uitvoering');
    await step('evaluatie');
    await closingEvaluation(f);
    const closed = await step('afgesloten', { closing: CLOSING });
    expect(closed.next).toEqual([{ to: 'intake', refusals: [] }]);
    expect(closed.closures).toHaveLength(1);
    const reopened = await step('intake');
    expect(reopened.closures).toEqual([expect.objectContaining({ id: closed.closures[0]!.id, reopenedAt: expect.any(String) })]);

    expect(((await sanne.client.get(`/api/v1/families/${f.id}`)).json() as { phase: string }).phase).toBe('intake');
    await expectRecorded(f.id, steps);
  });

  it('shows the phase to the whole team, and what was said about it and why the file closed only as the plan is shared', async () => {
    const f = await teamFamily('Gezin Wie Ziet Wat');
    const gp = await makeUser(t, await makeOrganisation(t, 'huisarts', 'Huisartsenpraktijk Oost'), ['professional'], 'dr. Eva Smit');
    await sanne.client.create(`/api/v1/families/${f.id}/team`, { userId: gp.id, role: 'member' });
    await ensureCovenants(t, [sanne.organisationId, gp.organisationId]);
    await consentFor(sanne.client, f.id, gp.organisationId, { parentId: f.parentId, memberIds: [f.parentId, f.childId], categories: ['identity', 'team'] });
    await moveTo(sanne.client, f.id, 'intake', { note: 'Moeder wil eerst over geld praten.' });
    await moveTo(sanne.client, f.id, 'afgesloten', { note: 'Gezin wil geen hulp meer.', closing: { ...CLOSING, reason: 'declined-help' } });

    const full = await phaseOf(mo.client, f.id);
    expect(full.history.map((h) => h.note)).toEqual(['Gezin wil geen hulp meer.', 'Moeder wil eerst over geld praten.']);
    expect(full.closures.map((c) => c.reason)).toEqual(['declined-help']);
    // The GP sees where the file stands and who moved it, not what was said about it, nor the closure.
    const limited = await phaseOf(gp.client, f.id);
    expect(limited).toMatchObject({ phase: 'afgesloten', closures: [] });
    expect(limited.history.map((h) => [h.from, h.to, h.note, h.by.userId])).toEqual([['intake', 'afgesloten', '', sanne.id], ['aanmelding', 'intake', '', sanne.id]]);
    // Nor does the timeline tell her why it closed.
    const entries = (await timelineOf(gp.client, f.id)).filter((e) => e.event === 'family.phase-changed');
    expect(entries.map((e) => e.data)).toEqual([{ from: 'intake', to: 'afgesloten' }, { from: 'aanmelding', to: 'intake' }]);
    expect(JSON.stringify(await timelineOf(gp.client, f.id))).not.toContain('declined-help');
  });

  it('lets a file close from any open phase, with a closing evaluation once help was under way', async () => {
    const paths: Record<string, (f: Family) => Promise<[string, string][]>> = {
      aanmelding: async () => [],
      intake: async (f) => { await moveTo(sanne.client, f.id, 'intake'); return [['aanmelding', 'intake']]; },
      plan: async (f) => { await moveTo(sanne.client, f.id, 'intake'); await moveTo(sanne.client, f.id, 'plan'); return [['aanmelding', 'intake'], ['intake', 'plan']]; },
      uitvoering: async (f) => { await adoptPlan(sanne.client, f.id, [f.parentId]); return [['aanmelding', 'intake'], ['intake', 'plan'], ['plan', 'uitvoering']]; },
      evaluatie: async (f) => {
        await adoptPlan(sanne.client, f.id, [f.parentId]);
        await moveTo(sanne.client, f.id, 'evaluatie');
        return [['aanmelding', 'intake'], ['intake', 'plan'], ['plan', 'uitvoering'], ['uitvoering', 'evaluatie']];
      },
    };
    for (const [from, reach] of Object.entries(paths)) {
      const f = await teamFamily(`Gezin Sluit Vanuit ${from}`);
      const steps = await reach(f);
      expect((await phaseOf(sanne.client, f.id)).phase).toBe(from);
      if (from === 'uitvoering' || from === 'evaluatie') await closingEvaluation(f);
      const state = await moveTo(sanne.client, f.id, 'afgesloten', { closing: { ...CLOSING, reason: 'declined-help' } });
      expect(state.closures.map((c) => c.reason)).toEqual(['declined-help']);
      await expectRecorded(f.id, [...steps, [from, 'afgesloten']]);
    }
  });

  it('refuses a phase that does not come next, and changes nothing', async () => {
    const f = await teamFamily('Gezin Geen Sprongen');
    const refusedFrom: Record<string, string[]> = {
      aanmelding: ['aanmelding', 'plan', 'uitvoering', 'evaluatie'],
      intake: ['intake', 'aanmelding', 'uitvoering', 'evaluatie'],
      plan: ['plan', 'aanmelding', 'intake', 'evaluatie'],
      uitvoering: ['uitvoering', 'aanmelding', 'intake', 'plan'],
      evaluatie: ['evaluatie', 'intake', 'plan'],
      afgesloten: ['afgesloten', 'aanmelding', 'plan', 'uitvoering', 'evaluatie'],
    };
    const order = ['aanmelding', 'intake', 'plan', 'uitvoering', 'evaluatie', 'afgesloten'];
    let attempts = 0;
    for (const [i, from] of order.entries()) {
      if (i > 0) {
        if (from === 'uitvoering') { await addGoalNow(sanne.client, f.id, 'Rust over geld'); await agree(sanne.client, f.id, [f.parentId]); }
        if (from === 'afgesloten') await closingEvaluation(f);
        await moveTo(sanne.client, f.id, from, from === 'afgesloten' ? { closing: CLOSING } : {});
      }
      const before = await phaseOf(sanne.client, f.id);
      for (const to of refusedFrom[from]!) {
        // Closing details go with a request to close, so "afgesloten → afgesloten" is refused on its merits too.
        const res = await post(f.id, { to, ...(to === 'afgesloten' ? { closing: CLOSING } : {}) });
        expect(fieldErrors(problem(res, 409)), `${from} → ${to}`).toEqual([['/body/to', 'not-a-next-phase']]);
        attempts += 1;
      }
      expect(await phaseOf(sanne.client, f.id)).toEqual(before);
    }
    // Nor can the phase be set around the state machine, by changing the family itself.
    const family = (await sanne.client.get(`/api/v1/families/${f.id}`)).json() as { version: number };
    expect(pointers(problem(await sanne.client.patch(`/api/v1/families/${f.id}`, { phase: 'intake' }, family.version), 400))).toEqual(['/body']);
    expect((await phaseOf(sanne.client, f.id)).phase).toBe('afgesloten');
    // Each refusal is in the audit log as a failed attempt.
    const failed = (await auditOf(t.db, f.id)).filter((r) => r.event_type === 'family.phase-changed' && r.outcome === 'failure');
    expect(failed).toHaveLength(attempts);
    expect(failed.every((r) => r.detail.error === 'CONFLICT')).toBe(true);
  });

  it('two requests for the same step at once: one moves the file, the other is refused', async () => {
    const f = await teamFamily('Gezin Tegelijk');
    const answers = await Promise.all([post(f.id, { to: 'intake' }), post(f.id, { to: 'intake' })]);
    expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join('\n')).toEqual([200, 409]);
    expect((await phaseOf(sanne.client, f.id)).history.map((h) => [h.from, h.to])).toEqual([['aanmelding', 'intake']]);

    await moveTo(sanne.client, f.id, 'afgesloten', { closing: CLOSING });
    const checks = await Promise.all(['going-well', 'needs-help'].map((outcome) => sanne.client.post(`/api/v1/families/${f.id}/aftercare`, { outcome })));
    expect(checks.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('adopts the plan only with a goal now and the family’s agreement with exactly the goals now in focus', async () => {
    const f = await teamFamily('Gezin Eerst Afspreken');
    const base = `/api/v1/families/${f.id}`;
    await moveTo(sanne.client, f.id, 'intake');
    await moveTo(sanne.client, f.id, 'plan');
    const nextToUitvoering = async () => (await phaseOf(sanne.client, f.id)).next.find((n) => n.to === 'uitvoering')!.refusals;
    expect((await phaseOf(sanne.client, f.id)).next).toEqual([
      { to: 'uitvoering', refusals: ['needs-goal-now', 'needs-family-agreement'] }, { to: 'afgesloten', refusals: [] },
    ]);
    expect(fieldErrors(problem(await post(f.id, { to: 'uitvoering' }), 409)))
      .toEqual([['/body/to', 'needs-goal-now'], ['/body/to', 'needs-family-agreement']]);

    // A goal for later is not enough, and there is nothing to agree to yet.
    const money = await sanne.client.create<PlanGoal>(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien', focus: 'later' });
    expect(await nextToUitvoering()).toEqual(['needs-goal-now', 'needs-family-agreement']);
    expect(pointers(problem(await sanne.client.post(`${base}/plan/agreements`, { agreedBy: [f.parentId] }), 409))).toEqual(['/body']);
    expect((await planOf(sanne.client, f.id)).agreement).toBeNull();

    expect((await sanne.client.patch(`${base}/goals/${money.id}`, { focus: 'now' }, money.version)).statusCode).toBe(200);
    expect(await nextToUitvoering()).toEqual(['needs-family-agreement']);
    const first = await agree(sanne.client, f.id, [f.parentId, f.childId]);
    expect(first).toMatchObject({
      agreedOn: todayInNetherlands(), current: true, goalsNow: [{ id: money.id, title: 'Rust over geld' }], recordedBy: SANNE,
      agreedBy: [{ id: f.parentId, name: 'Marieke Jansen' }, { id: f.childId, name: 'Tim Jansen' }],
    });
    expect(await nextToUitvoering()).toEqual([]);

    // A new goal now makes the agreement out of date: the family has not agreed to that one.
    const school = await addGoalNow(sanne.client, f.id, 'Tim gaat weer naar school', 'scholing');
    expect((await planOf(sanne.client, f.id)).agreement).toMatchObject({ id: first.id, current: false });
    expect(await nextToUitvoering()).toEqual(['needs-family-agreement']);
    expect(fieldErrors(problem(await post(f.id, { to: 'uitvoering' }), 409))).toEqual([['/body/to', 'needs-family-agreement']]);

    const second = await agree(sanne.client, f.id, [f.parentId]);
    expect(second.goalsNow.map((g) => g.id)).toEqual([money.id, school.id]);
    const agreements = ((await sanne.client.get(`${base}/plan/agreements`)).json() as { items: Agreement[] }).items;
    expect(agreements.map((a) => [a.id, a.current])).toEqual([[second.id, true], [first.id, false]]);

    // Moving a goal to later changes the set agreed to; moving it back restores it.
    expect((await sanne.client.patch(`${base}/goals/${school.id}`, { focus: 'later' }, school.version)).statusCode).toBe(200);
    expect(fieldErrors(problem(await post(f.id, { to: 'uitvoering' }), 409))).toEqual([['/body/to', 'needs-family-agreement']]);
    expect((await sanne.client.patch(`${base}/goals/${school.id}`, { focus: 'now' }, school.version + 1)).statusCode).toBe(200);
    expect(await nextToUitvoering()).toEqual([]);

    const before = await planOf(sanne.client, f.id);
    expect(before).toMatchObject({ adoptedAt: null, evaluation: { intervalWeeks: 8, nextOn: null, status: null } });
    await moveTo(sanne.client, f.id, 'uitvoering');
    const adopted = await planOf(sanne.client, f.id);
    expect(adopted.adoptedAt).not.toBeNull();
    // The first joint evaluation is one rhythm (eight weeks, 56 days) from today.
    expect(adopted.evaluation).toEqual({ intervalWeeks: 8, nextOn: addDays(todayInNetherlands(), 56), status: 'planned' });
    expect(adopted.agreement).toMatchObject({ id: second.id, current: true });
    expect((await timelineOf(sanne.client, f.id)).filter((e) => e.event === 'plan.agreed').map((e) => e.data.agreementId)).toEqual([second.id, first.id]);
  });

  it('a family member agrees with the plan for themselves, and that counts for adopting it', async () => {
    const f = await teamFamily('Gezin Zelf Akkoord');
    const base = `/api/v1/families/${f.id}`;
    await moveTo(sanne.client, f.id, 'intake');
    await moveTo(sanne.client, f.id, 'plan');
    await addGoalNow(sanne.client, f.id, 'Rust over geld');
    const mother = await makeFamilyAccount(t, sanne.client, f.id, f.parentId);
    const url = `${base}/plan/agreements`;

    expect(fieldErrors(problem(await mother.client.post(url, { agreedBy: [f.parentId, f.childId] }), 403))).toEqual([['/body/agreedBy', 'only yourself']]);
    expect(fieldErrors(problem(await mother.client.post(url, { agreedBy: [f.childId] }), 403))).toEqual([['/body/agreedBy', 'only yourself']]);
    const other = await makeFamily(sanne.client, 'Gezin Anders');
    expect(pointers(problem(await sanne.client.post(url, { agreedBy: [other.parentId] }), 422))).toEqual(['/body/agreedBy']);
    expect(pointers(problem(await sanne.client.post(url, { agreedBy: [f.parentId], agreedOn: addDays(todayInNetherlands(), 1) }), 422))).toEqual(['/body/agreedOn']);
    problem(await sanne.client.post(url, { agreedBy: [] }), 400);
    expect(((await sanne.client.get(url)).json() as { items: unknown[] }).items).toEqual([]);

    const own = await mother.client.create<Agreement>(url, { agreedBy: [f.parentId], note: 'Ik sta erachter.' });
    expect(own).toMatchObject({
      current: true, note: 'Ik sta erachter.', agreedBy: [{ id: f.parentId, name: 'Marieke Jansen' }],
      recordedBy: { userId: mother.id, organisationName: null, memberId: f.parentId },
    });
    // She may not move the file herself; the coordinator does, on her agreement.
    expect((await mother.client.post(`${base}/phase`, { to: 'uitvoering' })).statusCode).toBe(404);
    await moveTo(sanne.client, f.id, 'uitvoering');
  });

  // 'needs-coordinator' cannot be reached through the API: a family always has exactly one active coordinator (the
  // coordinator cannot leave or be demoted, only hand over; see team-plan.int.test.ts), so the guard is covered by the
  // domain's unit test (packages/domain/src/process/phases.test.ts) only.

  it('closing needs a reason, and once help is under way a closing evaluation of this cycle', async () => {
    const f = await teamFamily('Gezin Afronden');
    await moveTo(sanne.client, f.id, 'intake');
    await moveTo(sanne.client, f.id, 'plan');
    expect(fieldErrors(problem(await post(f.id, { to: 'afgesloten' }), 409))).toEqual([['/body/closing/reason', 'needs-closing-reason']]);
    // Closing details belong to closing, and must be complete.
    expect(pointers(problem(await post(f.id, { to: 'uitvoering', closing: CLOSING }), 400))).toEqual(['/body/closing']);
    expect(pointers(problem(await post(f.id, { to: 'afgesloten', closing: { ...CLOSING, reason: 'bored' } }), 400))).toEqual(['/body/closing/reason']);
    expect(pointers(problem(await post(f.id, { to: 'afgesloten', closing: { reason: 'moved-away' } }), 400))).toEqual(['/body/closing/canDoThemselves']);

    await addGoalNow(sanne.client, f.id, 'Rust over geld');
    await agree(sanne.client, f.id, [f.parentId]);
    await moveTo(sanne.client, f.id, 'uitvoering');
    expect((await phaseOf(sanne.client, f.id)).next).toEqual([{ to: 'evaluatie', refusals: [] }, { to: 'afgesloten', refusals: ['needs-closing-evaluation'] }]);
    expect(fieldErrors(problem(await post(f.id, { to: 'afgesloten' }), 409)))
      .toEqual([['/body/closing/reason', 'needs-closing-reason'], ['/body/to', 'needs-closing-evaluation']]);
    expect(fieldErrors(problem(await post(f.id, { to: 'afgesloten', closing: CLOSING }), 409))).toEqual([['/body/to', 'needs-closing-evaluation']]);

    // An interim evaluation is not a closing one.
    expect((await evaluate(sanne.client, f.id, { memberIds: [f.parentId], goals: [] })).statusCode).toBe(201);
    expect(fieldErrors(problem(await post(f.id, { to: 'afgesloten', closing: CLOSING }), 409))).toEqual([['/body/to', 'needs-closing-evaluation']]);
    await moveTo(sanne.client, f.id, 'evaluatie');
    expect(fieldErrors(problem(await post(f.id, { to: 'afgesloten', closing: CLOSING }), 409))).toEqual([['/body/to', 'needs-closing-evaluation']]);

    await closingEvaluation(f);
    expect((await phaseOf(sanne.client, f.id)).next).toEqual([{ to: 'uitvoering', refusals: [] }, { to: 'afgesloten', refusals: [] }]);
    expect(fieldErrors(problem(await post(f.id, { to: 'afgesloten' }), 409))).toEqual([['/body/closing/reason', 'needs-closing-reason']]);
    await moveTo(sanne.client, f.id, 'afgesloten', { closing: CLOSING });
    expect((await planOf(sanne.client, f.id)).evaluation).toMatchObject({ nextOn: null, status: null });
  });

  it('only the coordinator moves the file and records the aftercare check; the team sees where it stands', async () => {
    const f = await teamFamily('Gezin Wie Beslist');
    const base = `/api/v1/families/${f.id}`;
    expect((await mo.client.get(`${base}/phase`)).statusCode).toBe(200);
    problem(await mo.client.post(`${base}/phase`, { to: 'intake' }), 404);
    const mother = await makeFamilyAccount(t, sanne.client, f.id, f.parentId);
    expect((await mother.client.get(`${base}/phase`)).statusCode).toBe(200);
    problem(await mother.client.post(`${base}/phase`, { to: 'intake' }), 404);
    const stranger = await makeProfessional(t, 'school', 'Joost Vreemd');
    problem(await stranger.client.get(`${base}/phase`), 404);
    problem(await stranger.client.post(`${base}/phase`, { to: 'intake' }), 404);
    expect((await phaseOf(sanne.client, f.id)).phase).toBe('aanmelding');

    await moveTo(sanne.client, f.id, 'afgesloten', { closing: CLOSING });
    problem(await mo.client.post(`${base}/aftercare`, { outcome: 'going-well' }), 404);
    problem(await mother.client.post(`${base}/aftercare`, { outcome: 'going-well' }), 404);
    expect((await phaseOf(sanne.client, f.id)).closures[0]!.aftercare).toBeNull();
    const denied = (await auditOf(t.db, f.id)).filter((r) => r.outcome === 'denied' && r.user_id === mo.id).map((r) => r.event_type);
    expect(denied).toEqual(['family.phase-changed', 'aftercare.checked']);
  });

  it('closing records the closure, with the aftercare check three months on unless another day is chosen', async () => {
    const today = todayInNetherlands();
    const f = await teamFamily('Gezin Nazorg');
    await moveTo(sanne.client, f.id, 'intake');
    const closed = await moveTo(sanne.client, f.id, 'afgesloten', { closing: { reason: 'moved-away', canDoThemselves: 'Het gezin verhuist naar Zwolle; de school daar weet ervan.' } });
    expect(closed.closures).toEqual([{
      id: expect.any(String), closedOn: today, reason: 'moved-away', canDoThemselves: 'Het gezin verhuist naar Zwolle; de school daar weet ervan.',
      aftercareOn: threeMonthsAfter(today), aftercare: null, reopenedAt: null, by: SANNE,
    }]);
    expect((await mo.client.get(`/api/v1/families/${f.id}/phase`)).json()).toMatchObject({ closures: [{ id: closed.closures[0]!.id }] });

    const chosen = await teamFamily('Gezin Nazorg Eerder');
    const inSixWeeks = addDays(today, 42);
    expect((await moveTo(sanne.client, chosen.id, 'afgesloten', { closing: { ...CLOSING, aftercareOn: inSixWeeks } })).closures[0]!.aftercareOn).toBe(inSixWeeks);

    const tooSoon = await teamFamily('Gezin Nazorg Vandaag');
    const before = await phaseOf(sanne.client, tooSoon.id);
    for (const aftercareOn of [today, addDays(today, -1)]) {
      expect(pointers(problem(await post(tooSoon.id, { to: 'afgesloten', closing: { ...CLOSING, aftercareOn } }), 422))).toEqual(['/body/closing/aftercareOn']);
    }
    expect(await phaseOf(sanne.client, tooSoon.id)).toEqual(before);
  });

  it('works out the default aftercare day by hand, also at the end of a month', () => {
    expect(threeMonthsAfter('2026-01-15')).toBe('2026-04-15');
    expect(threeMonthsAfter('2026-05-31')).toBe('2026-08-31');
    expect(threeMonthsAfter('2026-11-30')).toBe('2027-02-28');
    expect(threeMonthsAfter('2027-11-30')).toBe('2028-02-29');
    expect(threeMonthsAfter('2026-03-31')).toBe('2026-06-30');
  });

  it('records the aftercare check once, on a closed file only', async () => {
    const today = todayInNetherlands();
    const f = await teamFamily('Gezin Nazorg Gesprek');
    const url = `/api/v1/families/${f.id}/aftercare`;
    expect(problem(await sanne.client.post(url, { outcome: 'going-well' }), 409).code).toBe('CONFLICT');
    const closed = await moveTo(sanne.client, f.id, 'afgesloten', { closing: CLOSING });
    expect(pointers(problem(await sanne.client.post(url, { outcome: 'going-well', checkedOn: addDays(today, 1) }), 422))).toEqual(['/body/checkedOn']);
    // A check cannot have been done before the file was closed.
    expect(pointers(problem(await sanne.client.post(url, { outcome: 'going-well', checkedOn: addDays(today, -1) }), 422))).toEqual(['/body/checkedOn']);
    problem(await sanne.client.post(url, { outcome: 'fine' }), 400);

    const res = await sanne.client.post(url, { outcome: 'going-well', note: 'De vaste lasten zijn betaald; het gaat goed.' });
    expect(res.statusCode, res.body).toBe(200);
    const state = res.json() as PhaseState;
    expect(state.phase).toBe('afgesloten');
    expect(state.closures).toEqual([{ ...closed.closures[0]!, aftercare: { checkedOn: today, outcome: 'going-well', note: 'De vaste lasten zijn betaald; het gaat goed.' } }]);
    expect(problem(await sanne.client.post(url, { outcome: 'needs-help' }), 409).code).toBe('CONFLICT');
    expect((await phaseOf(sanne.client, f.id)).closures[0]!.aftercare?.outcome).toBe('going-well');

    expect((await timelineOf(sanne.client, f.id)).filter((e) => e.event === 'aftercare.checked'))
      .toEqual([expect.objectContaining({ kind: 'plan', data: { closureId: closed.closures[0]!.id, outcome: 'going-well' } })]);
    const audit = (await auditOf(t.db, f.id)).filter((r) => r.event_type === 'aftercare.checked');
    // Every attempt is in the log; the refused ones as failures, with the reason.
    expect(audit.map((r) => [r.outcome, r.action, r.detail.error ?? null])).toEqual([
      ['failure', 'C', 'CONFLICT'], ['failure', 'C', 'UNPROCESSABLE'], ['failure', 'C', 'UNPROCESSABLE'], ['failure', 'C', 'VALIDATION_FAILED'],
      ['success', 'C', null], ['failure', 'C', 'CONFLICT'],
    ]);
    expect(audit[4]).toMatchObject({ resource_id: closed.closures[0]!.id, detail: expect.objectContaining({ outcome: 'going-well' }) });
  });

  it('reopening keeps the history and the closure, and the plan is agreed, adopted and evaluated anew', async () => {
    const f = await teamFamily('Gezin Opnieuw');
    const base = `/api/v1/families/${f.id}`;
    const [goal] = await adoptPlan(sanne.client, f.id, [f.parentId]);
    const firstAgreement = (await planOf(sanne.client, f.id)).agreement!;
    await closingEvaluation(f);
    const closed = await moveTo(sanne.client, f.id, 'afgesloten', { closing: CLOSING });

    const reopened = await moveTo(sanne.client, f.id, 'intake', { note: 'Moeder belt: er zijn nieuwe schulden.' });
    expect(reopened.history.map((h) => [h.from, h.to])).toEqual([
      ['afgesloten', 'intake'], ['uitvoering', 'afgesloten'], ['plan', 'uitvoering'], ['intake', 'plan'], ['aanmelding', 'intake'],
    ]);
    expect(reopened.history[0]!.note).toBe('Moeder belt: er zijn nieuwe schulden.');
    expect(reopened.closures).toEqual([{ ...closed.closures[0]!, reopenedAt: expect.any(String) }]);
    expect(Date.parse(reopened.closures[0]!.reopenedAt!)).toBeGreaterThanOrEqual(Date.parse(reopened.history[1]!.at));
    // The aftercare of a reopened file is no longer anyone's work.
    problem(await sanne.client.post(`${base}/aftercare`, { outcome: 'needs-help' }), 409);

    // A new cycle: nothing adopted, no agreement that counts, though the goal now is the one agreed to before.
    const plan = await planOf(sanne.client, f.id);
    expect(plan).toMatchObject({ adoptedAt: null, agreement: null, evaluation: { nextOn: null, status: null } });
    expect(plan.goals.map((g) => [g.id, g.focus])).toEqual([[goal!.id, 'now']]);
    expect(((await sanne.client.get(`${base}/plan/agreements`)).json() as { items: Agreement[] }).items)
      .toEqual([expect.objectContaining({ id: firstAgreement.id, current: false })]);
    await moveTo(sanne.client, f.id, 'plan');
    expect(fieldErrors(problem(await post(f.id, { to: 'uitvoering' }), 409))).toEqual([['/body/to', 'needs-family-agreement']]);
    const again = await agree(sanne.client, f.id, [f.parentId]);
    await moveTo(sanne.client, f.id, 'uitvoering');
    expect(await planOf(sanne.client, f.id)).toMatchObject({ adoptedAt: expect.any(String), agreement: { id: again.id, current: true } });

    // The closing evaluation of the first cycle does not close the second.
    expect(fieldErrors(problem(await post(f.id, { to: 'afgesloten', closing: CLOSING }), 409))).toEqual([['/body/to', 'needs-closing-evaluation']]);
    await closingEvaluation(f);
    const closedAgain = await moveTo(sanne.client, f.id, 'afgesloten', { closing: { ...CLOSING, reason: 'transferred' } });
    expect(closedAgain.closures.map((c) => [c.reason, c.reopenedAt === null])).toEqual([['transferred', true], ['goals-reached', false]]);
    await expectRecorded(f.id, [
      ['aanmelding', 'intake'], ['intake', 'plan'], ['plan', 'uitvoering'], ['uitvoering', 'afgesloten'], ['afgesloten', 'intake'],
      ['intake', 'plan'], ['plan', 'uitvoering'], ['uitvoering', 'afgesloten'],
    ]);
  });
  it('keeps a closed file’s plan as it was: changes to it are refused with 409 until the file is reopened', async () => {
    const f = await teamFamily('Gezin Gesloten');
    const base = `/api/v1/families/${f.id}`;
    const goal = await addGoalNow(sanne.client, f.id, 'Rust over geld');
    await moveTo(sanne.client, f.id, 'afgesloten', { closing: { ...CLOSING, reason: 'moved-away' } });
    const before = await planOf(sanne.client, f.id);
    const refused = [
      await sanne.client.post(`${base}/goals`, { title: 'Nog een doel', lifeDomain: 'financien' }),
      await sanne.client.patch(`${base}/goals/${goal.id}`, { title: 'Anders gezegd' }, goal.version),
      await mo.client.post(`${base}/goals/${goal.id}/actions`, { title: 'Bellen', assigneeUserId: mo.id }),
      await sanne.client.post(`${base}/goals/${goal.id}/options`, { title: 'Budgetcursus' }),
      await sanne.client.post(`${base}/assessments`, { memberId: null, view: 'professional', scores: [{ lifeDomain: 'financien', level: 3 }] }),
    ];
    for (const res of refused) expect(problem(res, 409).detail).toMatch(/file is closed/);
    expect(await planOf(sanne.client, f.id)).toEqual(before);
    const family = (await sanne.client.get(base)).json() as { allowedActions: string[] };
    expect(family.allowedActions).not.toContain('plan:write');
    expect(family.allowedActions).toContain('family:update');
    // What goes on after closing: a note in the timeline, and the aftercare check.
    expect((await sanne.client.post(`${base}/timeline`, { body: 'Verhuisd naar Utrecht; dossier overgedragen.', lifeDomain: 'huisvesting' })).statusCode).toBe(201);
    expect((await sanne.client.post(`${base}/aftercare`, { outcome: 'going-well' })).statusCode).toBe(200);
    const failures = (await auditOf(t.db, f.id)).filter((r) => r.outcome === 'failure' && r.detail.error === 'CONFLICT');
    expect(failures.map((r) => r.event_type)).toEqual(['goal.created', 'goal.updated', 'action.created', 'option.added', 'assessment.recorded']);

    await moveTo(sanne.client, f.id, 'intake');
    expect((await sanne.client.post(`${base}/goals`, { title: 'Nog een doel', lifeDomain: 'financien' })).statusCode).toBe(201);
  });
});
