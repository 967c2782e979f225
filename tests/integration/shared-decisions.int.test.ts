import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { addDays, todayInNetherlands } from '@gezinsplan/domain';
import { auditOf, makeFamily, makeFamilyAccount, makeOrganisation, makeProfessional, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { consentFor, ensureCovenants, shareFamily } from '../support/sharing';
import { addGoalNow, fieldErrors, planOf, pointers, problem, timelineOf, type Author, type PlanGoal } from '../support/care-process';

type Person = Awaited<ReturnType<typeof makeUser>>;

interface Option { id: string; familyId: string; goalId: string; title: string; description: string; asksOfFamily: string; mayBring: string; proposedBy: Author; createdAt: string }
interface Decision {
  id: string; familyId: string; goalId: string; decidedOn: string;
  chosenOptions: { id: string; title: string }[]; preferredOption: { id: string; title: string } | null;
  familyView: string; rationale: string;
  participants: { members: { id: string; name: string }[]; professionals: { userId: string; name: string; organisationName: string }[] };
  expectations: { what: string; dueDate: string | null; assignee: { kind: string; id: string; name: string }; actionId: string | null }[];
  revisits: string | null; revisitedBy: string | null; status: string; author: Author; createdAt: string;
}

/**
 * Shared decisions about help (issue 5): for a goal the team and the family put options side by side (what each asks
 * of the family, what it may bring), then record the family's preference and the decision with who took part and
 * who does what; a decision can be revisited once, the earlier one staying visible. Options and decisions are data
 * of their goal's life domain, shared as that domain is.
 */
describe('shared decisions', () => {
  let t: TestApp;
  let sanne: Person; // wijkteam, coordinator
  let mo: Person; // schuldhulp: the family shares everything with his organisation
  let lisa: Person; // jeugd-ggz: the family shares school matters with her organisation, not money
  let SANNE: Author;
  let MO: Author;

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Zuid'), ['professional'], 'Sanne de Vries');
    mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Zuid'), ['professional'], 'Mohammed Benali');
    lisa = await makeUser(t, await makeOrganisation(t, 'jeugd-ggz', 'Jeugd-GGZ Zuid'), ['professional'], 'Lisa Bakker');
    SANNE = { userId: sanne.id, name: 'Sanne de Vries', organisationName: 'Wijkteam Zuid', memberId: null };
    MO = { userId: mo.id, name: 'Mohammed Benali', organisationName: 'Schuldhulp Zuid', memberId: null };
  });
  afterAll(async () => { await t?.close(); });

  /** A family with Sanne, Mo and Lisa on its team, a goal about money and one about school. */
  async function decisionFamily(name = 'Gezin Samen Kiezen') {
    const f = await makeFamily(sanne.client, name);
    const base = `/api/v1/families/${f.id}`;
    for (const who of [mo, lisa]) await sanne.client.create(`${base}/team`, { userId: who.id, role: 'member' });
    await shareFamily(t, sanne, f, [mo.organisationId]);
    await ensureCovenants(t, [sanne.organisationId, lisa.organisationId]);
    await consentFor(sanne.client, f.id, lisa.organisationId, {
      parentId: f.parentId, memberIds: [f.parentId, f.childId], categories: ['identity', 'team', 'plan-overview', 'scholing'],
    });
    const money = await addGoalNow(sanne.client, f.id, 'Rust over geld', 'financien', [f.parentId]);
    const school = await addGoalNow(sanne.client, f.id, 'Tim gaat weer graag naar school', 'scholing', [f.childId]);
    return { ...f, base, money, school };
  }
  type DecisionFamily = Awaited<ReturnType<typeof decisionFamily>>;

  const optionsUrl = (f: DecisionFamily, goal: PlanGoal) => `${f.base}/goals/${goal.id}/options`;
  const decisionsUrl = (f: DecisionFamily, goal: PlanGoal) => `${f.base}/goals/${goal.id}/decisions`;
  const decisionsOf = async (who: Person, f: DecisionFamily, goal: PlanGoal) => {
    const res = await who.client.get(decisionsUrl(f, goal));
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Decision[] }).items;
  };
  const decide = (f: DecisionFamily, goal: PlanGoal, body: Record<string, unknown> = {}) => sanne.client.create<Decision>(decisionsUrl(f, goal), {
    rationale: 'We beginnen met een overzicht van de schulden.', participants: { memberIds: [f.parentId], userIds: [sanne.id] }, ...body,
  });

  it('puts help options side by side, with what each asks and may bring; the family adds its own', async () => {
    const f = await decisionFamily();
    const url = optionsUrl(f, f.money);
    const course = await mo.client.create<Option>(url, {
      title: 'Budgetcursus in de wijk', description: 'Zes avonden in het buurthuis, in een groep.',
      asksOfFamily: 'Zes dinsdagavonden; oppas voor Tim regelen.', mayBring: 'Overzicht over geld en minder zorgen.',
    });
    expect(course).toEqual({
      id: expect.any(String), familyId: f.id, goalId: f.money.id, title: 'Budgetcursus in de wijk', description: 'Zes avonden in het buurthuis, in een groep.',
      asksOfFamily: 'Zes dinsdagavonden; oppas voor Tim regelen.', mayBring: 'Overzicht over geld en minder zorgen.', proposedBy: MO, service: null, createdAt: expect.any(String),
    });

    const mother = await makeFamilyAccount(t, sanne.client, f.id, f.parentId);
    const own = await mother.client.create<Option>(url, { title: 'Oma helpt met de post' });
    expect(own).toMatchObject({
      title: 'Oma helpt met de post', description: '', asksOfFamily: '', mayBring: '',
      proposedBy: { userId: mother.id, organisationName: null, memberId: f.parentId },
    });

    for (const who of [sanne, mo]) {
      expect(((await who.client.get(url)).json() as { items: Option[] }).items).toEqual([course, own]);
    }
    expect(((await mother.client.get(url)).json() as { items: Option[] }).items.map((o) => o.id)).toEqual([course.id, own.id]);
    // Each goal has its own options.
    expect(((await sanne.client.get(optionsUrl(f, f.school))).json() as { items: Option[] }).items).toEqual([]);

    expect(pointers(problem(await sanne.client.post(url, { title: '' }), 400))).toEqual(['/body/title']);
    problem(await sanne.client.post(url, { title: 'Iets', price: 10 }), 400);
    const other = await decisionFamily('Gezin Elders');
    problem(await sanne.client.post(`${f.base}/goals/${other.money.id}/options`, { title: 'Elders' }), 404);
    problem(await sanne.client.get(`${f.base}/goals/${uuidv7()}/options`), 404);
    expect(((await sanne.client.get(url)).json() as { items: Option[] }).items).toHaveLength(2);

    const added = (await timelineOf(sanne.client, f.id)).filter((e) => e.event === 'option.added');
    expect(added.map((e) => [e.data.optionId, e.lifeDomain])).toEqual([[own.id, 'financien'], [course.id, 'financien']]);
  });

  it('records a decision with the family: the choice, their preference in their own words, who took part', async () => {
    const f = await decisionFamily();
    const course = await mo.client.create<Option>(optionsUrl(f, f.money), { title: 'Budgetcursus in de wijk' });
    const oma = await sanne.client.create<Option>(optionsUrl(f, f.money), { title: 'Oma helpt met de post' });
    const yesterday = addDays(todayInNetherlands(), -1);
    const decision = await decide(f, f.money, {
      chosenOptionIds: [course.id], preferredOptionId: oma.id, familyView: 'Liever eerst oma; de cursus is ver weg.',
      rationale: 'We beginnen met de cursus; oma helpt intussen met de post.', participants: { memberIds: [f.parentId], userIds: [sanne.id, mo.id] },
      decidedOn: yesterday,
    });
    expect(decision).toEqual({
      id: expect.any(String), familyId: f.id, goalId: f.money.id, decidedOn: yesterday,
      chosenOptions: [{ id: course.id, title: 'Budgetcursus in de wijk' }], preferredOption: { id: oma.id, title: 'Oma helpt met de post' },
      familyView: 'Liever eerst oma; de cursus is ver weg.', rationale: 'We beginnen met de cursus; oma helpt intussen met de post.',
      participants: {
        members: [{ id: f.parentId, name: 'Marieke Jansen' }],
        professionals: [{ userId: sanne.id, name: 'Sanne de Vries', organisationName: 'Wijkteam Zuid' }, { userId: mo.id, name: 'Mohammed Benali', organisationName: 'Schuldhulp Zuid' }],
      },
      expectations: [], revisits: null, revisitedBy: null, status: 'current', author: SANNE, createdAt: expect.any(String),
    });
    expect(await decisionsOf(mo, f, f.money)).toEqual([decision]);

    // Deciding together not to start help for a goal now is a decision too; it is dated today unless told otherwise.
    const none = await decide(f, f.school, { participants: { memberIds: [f.parentId, f.childId], userIds: [] }, rationale: 'Eerst de zomer afwachten.' });
    expect(none).toMatchObject({ decidedOn: todayInNetherlands(), chosenOptions: [], preferredOption: null, familyView: '' });
    expect((await timelineOf(sanne.client, f.id)).filter((e) => e.event === 'decision.recorded').map((e) => [e.data.decisionId, e.lifeDomain]))
      .toEqual([[none.id, 'scholing'], [decision.id, 'financien']]);
  });

  it('refuses a decision that does not fit, and records nothing', async () => {
    const f = await decisionFamily();
    const other = await decisionFamily('Gezin Anders');
    const url = decisionsUrl(f, f.money);
    const course = await sanne.client.create<Option>(optionsUrl(f, f.money), { title: 'Budgetcursus' });
    const schoolOption = await sanne.client.create<Option>(optionsUrl(f, f.school), { title: 'Gesprek met de mentor' });
    const schoolDecision = await decide(f, f.school);
    const joost = await makeProfessional(t, 'school', 'Joost Buiten');
    const oma = await sanne.client.create<{ id: string }>(`${f.base}/supporters`, { name: 'Oma Riet', relation: 'grootmoeder' });
    const valid = { rationale: 'Zo doen we het.', participants: { memberIds: [f.parentId], userIds: [sanne.id] } };
    const refused = async (body: Record<string, unknown>, status: number) => fieldErrors(problem(await sanne.client.post(url, { ...valid, ...body }), status));

    // The options chosen or preferred must be this goal's.
    expect(await refused({ chosenOptionIds: [course.id, schoolOption.id] }, 422)).toEqual([['/body/chosenOptionIds/1', 'not an option for this goal']]);
    expect(await refused({ chosenOptionIds: [uuidv7()] }, 422)).toEqual([['/body/chosenOptionIds/0', 'not an option for this goal']]);
    expect(await refused({ preferredOptionId: schoolOption.id }, 422)).toEqual([['/body/preferredOptionId', 'not an option for this goal']]);
    // A shared decision is taken with the family, and with professionals of this team.
    expect((await refused({ participants: { memberIds: [], userIds: [sanne.id] } }, 400)).map(([p]) => p)).toEqual(['/body/participants/memberIds']);
    expect(await refused({ participants: { memberIds: [other.parentId] } }, 422)).toEqual([['/body/participants/memberIds', 'not a member of this family']]);
    expect(await refused({ participants: { memberIds: [f.parentId], userIds: [sanne.id, joost.id] } }, 422)).toEqual([['/body/participants/userIds/1', 'not on the care team']]);
    // A decision is recorded once it is taken.
    expect(await refused({ decidedOn: addDays(todayInNetherlands(), 1) }, 422)).toEqual([['/body/decidedOn', 'in the future']]);
    expect((await refused({ rationale: '' }, 400)).map(([p]) => p)).toEqual(['/body/rationale']);
    // Each expectation names exactly one person of this family's circle.
    expect((await refused({ expectations: [{ what: 'Bellen', assigneeUserId: sanne.id, assigneeMemberId: f.parentId }] }, 400)).map(([p]) => p)).toEqual(['/body/expectations/0/assigneeUserId']);
    expect((await refused({ expectations: [{ what: 'Bellen' }] }, 400)).map(([p]) => p)).toEqual(['/body/expectations/0/assigneeUserId']);
    expect(await refused({ expectations: [{ what: 'Post openen', assigneeSupporterId: oma.id }, { what: 'Bellen', assigneeUserId: joost.id, addAsAction: true }] }, 422))
      .toEqual([['/body/expectations/1/assigneeUserId', 'not on the care team']]);
    expect(await refused({ expectations: [{ what: 'Bellen', assigneeMemberId: other.parentId }] }, 422)).toEqual([['/body/expectations/0/assigneeMemberId', 'not a member of this family']]);
    // Only a decision about this goal can be revisited.
    expect(await refused({ revisits: schoolDecision.id }, 422)).toEqual([['/body/revisits', 'not a decision about this goal']]);
    expect(await refused({ revisits: uuidv7() }, 422)).toEqual([['/body/revisits', 'not a decision about this goal']]);

    expect(await decisionsOf(sanne, f, f.money)).toEqual([]);
    expect((await planOf(sanne.client, f.id)).goals.flatMap((g) => g.actions)).toEqual([]);
    problem(await sanne.client.post(`${f.base}/goals/${other.money.id}/decisions`, valid), 404);
  });

  it('revisits a decision once: the earlier one stays visible, marked revisited', async () => {
    const f = await decisionFamily();
    const first = await decide(f, f.money, { rationale: 'Eerst een overzicht.' });
    const second = await decide(f, f.money, { rationale: 'Toch meteen naar de schuldhulp.', revisits: first.id });
    expect(second).toMatchObject({ revisits: first.id, revisitedBy: null, status: 'current' });
    expect((await decisionsOf(sanne, f, f.money)).map((d) => [d.id, d.status, d.revisits, d.revisitedBy])).toEqual([
      [second.id, 'current', first.id, null],
      [first.id, 'revisited', null, second.id],
    ]);

    expect(fieldErrors(problem(await sanne.client.post(decisionsUrl(f, f.money), {
      rationale: 'Nog eens anders.', participants: { memberIds: [f.parentId] }, revisits: first.id,
    }), 409))).toEqual([['/body/revisits', 'revisited already']]);

    // The next change of mind revisits the decision that replaced it; two at once cannot both do so.
    const answers = await Promise.all(['Derde keuze', 'Vierde keuze'].map((rationale) => sanne.client.post(decisionsUrl(f, f.money), {
      rationale, participants: { memberIds: [f.parentId] }, revisits: second.id,
    })));
    expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join('\n')).toEqual([201, 409]);
    const third = answers.find((r) => r.statusCode === 201)!.json() as Decision;
    expect((await decisionsOf(mo, f, f.money)).map((d) => [d.id, d.status])).toEqual([[third.id, 'current'], [second.id, 'revisited'], [first.id, 'revisited']]);
    const recorded = (await timelineOf(sanne.client, f.id)).filter((e) => e.event === 'decision.recorded');
    expect(recorded.map((e) => e.data.revisits ?? null)).toEqual([second.id, first.id, null]);
  });

  it('turns the expectations marked as actions into actions of the plan', async () => {
    const f = await decisionFamily();
    const oma = await sanne.client.create<{ id: string }>(`${f.base}/supporters`, { name: 'Oma Riet', relation: 'grootmoeder' });
    const inTwoWeeks = addDays(todayInNetherlands(), 14);
    const versionBefore = (await planOf(sanne.client, f.id)).version;
    const decision = await decide(f, f.money, {
      expectations: [
        { what: 'Aanmelden voor de budgetcursus', dueDate: inTwoWeeks, assigneeMemberId: f.parentId, addAsAction: true },
        { what: 'Schuldeisers op een rij zetten', assigneeUserId: mo.id, addAsAction: true },
        { what: 'Samen de post openen op dinsdag', assigneeSupporterId: oma.id },
      ],
    });
    expect(decision.expectations).toEqual([
      { what: 'Aanmelden voor de budgetcursus', dueDate: inTwoWeeks, assignee: { kind: 'member', id: f.parentId, name: 'Marieke Jansen' }, actionId: expect.any(String) },
      { what: 'Schuldeisers op een rij zetten', dueDate: null, assignee: { kind: 'user', id: mo.id, name: 'Mohammed Benali' }, actionId: expect.any(String) },
      { what: 'Samen de post openen op dinsdag', dueDate: null, assignee: { kind: 'supporter', id: oma.id, name: 'Oma Riet' }, actionId: null },
    ]);
    const [byMother, byMo] = decision.expectations.map((e) => e.actionId);

    const plan = await planOf(sanne.client, f.id);
    expect(plan.version).toBe(versionBefore + 2);
    const actions = plan.goals.find((g) => g.id === f.money.id)!.actions;
    expect(actions.map((a) => [a.id, a.title, a.dueDate, a.status, a.assignee.kind, a.assignee.id]).sort()).toEqual([
      [byMother, 'Aanmelden voor de budgetcursus', inTwoWeeks, 'open', 'member', f.parentId],
      [byMo, 'Schuldeisers op een rij zetten', null, 'open', 'user', mo.id],
    ].sort());
    expect(plan.goals.find((g) => g.id === f.school.id)!.actions).toEqual([]);
    expect(((await mo.client.get('/api/v1/me/actions?limit=200')).json() as { items: { id: string }[] }).items.map((a) => a.id)).toContain(byMo);
    expect((await timelineOf(sanne.client, f.id)).filter((e) => e.event === 'action.created').map((e) => e.data.actionId).sort()).toEqual([byMother, byMo].sort());
  });

  it('shows options and decisions only to an organisation the goal’s life domain is shared with', async () => {
    const f = await decisionFamily();
    const moneyOption = await mo.client.create<Option>(optionsUrl(f, f.money), { title: 'Schuldhulptraject' });
    const moneyDecision = await decide(f, f.money, { chosenOptionIds: [moneyOption.id] });
    const schoolOption = await sanne.client.create<Option>(optionsUrl(f, f.school), { title: 'Gesprek met de mentor' });
    const schoolDecision = await decide(f, f.school, { chosenOptionIds: [schoolOption.id] });

    // Lisa sees that the money goal exists (the plan's overview), but nothing of the help chosen for it.
    const plan = await planOf(lisa.client, f.id);
    expect(plan.goals.map((g) => [g.id, g.view])).toEqual([[f.money.id, 'overview'], [f.school.id, 'full']]);
    problem(await lisa.client.get(optionsUrl(f, f.money)), 404);
    problem(await lisa.client.get(decisionsUrl(f, f.money)), 404);
    problem(await lisa.client.post(optionsUrl(f, f.money), { title: 'Iets van mij' }), 404);
    problem(await lisa.client.post(decisionsUrl(f, f.money), { rationale: 'Iets', participants: { memberIds: [f.parentId] } }), 404);
    const denials = (await auditOf(t.db, f.id)).filter((r) => r.user_id === lisa.id && r.outcome === 'denied');
    expect(denials.map((r) => [r.event_type, r.check_consent])).toEqual([
      ['option.listed', false], ['decision.listed', false], ['option.added', false], ['decision.recorded', false],
    ]);
    // What is about school she sees in full; her timeline holds no trace of the money decision.
    expect(((await lisa.client.get(optionsUrl(f, f.school))).json() as { items: Option[] }).items.map((o) => o.id)).toEqual([schoolOption.id]);
    expect((await decisionsOf(lisa, f, f.school)).map((d) => [d.id, d.chosenOptions])).toEqual([[schoolDecision.id, [{ id: schoolOption.id, title: 'Gesprek met de mentor' }]]]);
    const hers = (await timelineOf(lisa.client, f.id)).filter((e) => e.event === 'decision.recorded' || e.event === 'option.added');
    expect(hers.map((e) => e.data.goalId)).toEqual([f.school.id, f.school.id]);
    expect(JSON.stringify(hers)).not.toContain(moneyDecision.id);
    // Mo, with whom the family shares money matters, sees both.
    expect((await decisionsOf(mo, f, f.money)).map((d) => d.id)).toEqual([moneyDecision.id]);
  });

  it('a family member reads the decisions and puts options forward, but the team records the decision', async () => {
    const f = await decisionFamily();
    const mother = await makeFamilyAccount(t, sanne.client, f.id, f.parentId);
    const own = await mother.client.create<Option>(optionsUrl(f, f.money), { title: 'Zelf een kasboek bijhouden', mayBring: 'Rust' });
    const refused = problem(await mother.client.post(decisionsUrl(f, f.money), {
      chosenOptionIds: [own.id], rationale: 'Dit wil ik.', participants: { memberIds: [f.parentId] },
    }), 403);
    expect(refused.code).toBe('FORBIDDEN');
    expect(await decisionsOf(sanne, f, f.money)).toEqual([]);

    const decision = await decide(f, f.money, { chosenOptionIds: [own.id], preferredOptionId: own.id, familyView: 'Dit wil ik zelf proberen.' });
    const seen = ((await mother.client.get(decisionsUrl(f, f.money))).json() as { items: Decision[] }).items;
    expect(seen).toEqual([expect.objectContaining({ id: decision.id, familyView: 'Dit wil ik zelf proberen.', preferredOption: { id: own.id, title: 'Zelf een kasboek bijhouden' } })]);
  });
});
