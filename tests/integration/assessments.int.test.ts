import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, makeFamily, makeFamilyAccount, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { consentFor, ensureCovenants } from '../support/sharing';

interface Assessment {
  id: string; memberId: string | null; view: string; assessedOn: string;
  author: { name: string; organisationName: string | null; memberId: string | null };
  scores: { lifeDomain: string; level: number; strengths: string; concerns: string }[];
}
interface Comparison { memberId: string | null; lifeDomain: string; family: { level: number } | null; professional: { level: number; by: string } | null; differ: boolean }

/**
 * Mapping needs together (issue 5): per member or for the household, the ZRM level per life domain with strengths
 * and concerns, the family's view and the professionals' kept side by side, every assessment kept, and each domain's
 * score shared only as that domain is.
 */
describe('assessments', () => {
  let t: TestApp;
  let sanne: Awaited<ReturnType<typeof makeUser>>;
  let mo: Awaited<ReturnType<typeof makeUser>>;
  let family: Awaited<ReturnType<typeof makeFamily>>;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam West'), ['professional'], 'Sanne de Vries');
    mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp West'), ['professional'], 'Mohammed Benali');
    family = await makeFamily(sanne.client, 'Gezin Jansen');
    base = `/api/v1/families/${family.id}`;
    await sanne.client.create(`${base}/team`, { userId: mo.id, role: 'member' });
    // The family lets the debt counsellor see what is about money, nothing about mental health.
    await ensureCovenants(t, [sanne.organisationId, mo.organisationId]);
    await consentFor(sanne.client, family.id, mo.organisationId, { parentId: family.parentId, memberIds: [family.parentId, family.childId], categories: ['identity', 'team', 'plan-overview', 'financien'] });
  });
  afterAll(async () => { await t?.close(); });

  it('keeps the family’s view and the professional’s side by side, and marks where they differ', async () => {
    const mother = await makeFamilyAccount(t, sanne.client, family.id, family.parentId);
    const own = await mother.client.create<Assessment>(`${base}/assessments`, {
      memberId: family.parentId, view: 'family',
      scores: [{ lifeDomain: 'financien', level: 4, strengths: 'Ik houd alles bij in een schrift' }, { lifeDomain: 'geestelijke-gezondheid', level: 3 }],
    });
    expect(own).toMatchObject({ view: 'family', author: { memberId: family.parentId, organisationName: null } });
    const professional = await sanne.client.create<Assessment>(`${base}/assessments`, {
      memberId: family.parentId, view: 'professional',
      scores: [{ lifeDomain: 'financien', level: 2, concerns: 'Drie schuldeisers, een deurwaarder' }, { lifeDomain: 'geestelijke-gezondheid', level: 3 }],
    });
    expect(professional.author).toMatchObject({ name: 'Sanne de Vries', organisationName: 'Wijkteam West', memberId: null });

    const comparison = ((await sanne.client.get(`${base}/assessments/comparison`)).json() as { items: Comparison[] }).items;
    expect(comparison.find((c) => c.lifeDomain === 'financien')).toMatchObject({
      memberId: family.parentId, family: { level: 4 }, professional: { level: 2, by: 'Sanne de Vries' }, differ: true,
    });
    expect(comparison.find((c) => c.lifeDomain === 'geestelijke-gezondheid')).toMatchObject({ family: { level: 3 }, professional: { level: 3 }, differ: false });

    // A later view does not replace the earlier one: the history is kept, newest first.
    await sanne.client.create(`${base}/assessments`, { memberId: family.parentId, view: 'professional', scores: [{ lifeDomain: 'financien', level: 3 }] });
    const history = ((await sanne.client.get(`${base}/assessments?memberId=${family.parentId}`)).json() as { items: Assessment[] }).items;
    expect(history.map((a) => [a.view, a.scores.find((s) => s.lifeDomain === 'financien')?.level])).toEqual([['professional', 3], ['professional', 2], ['family', 4]]);
    expect(((await sanne.client.get(`${base}/assessments/comparison`)).json() as { items: Comparison[] }).items
      .find((c) => c.lifeDomain === 'financien')).toMatchObject({ professional: { level: 3 }, differ: false });
    expect((await sanne.client.get(`${base}/timeline`)).json()).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ event: 'assessment.recorded' })]) });
  });

  it('shares each domain’s score only as that domain is shared', async () => {
    const seen = ((await mo.client.get(`${base}/assessments?memberId=${family.parentId}`)).json() as { items: Assessment[] }).items;
    // The wijkteam's scores: money yes, mental health no.
    const byWijkteam = seen.filter((a) => a.view === 'professional');
    expect(byWijkteam.flatMap((a) => a.scores.map((s) => s.lifeDomain))).toEqual(['financien', 'financien']);
    // What the mother wrote herself she wrote for her whole team (the rule for family-written data).
    expect(seen.filter((a) => a.view === 'family').flatMap((a) => a.scores.map((s) => s.lifeDomain))).toEqual(['financien', 'geestelijke-gezondheid']);
    // A household assessment about mental health only: nothing of it reaches him, not even that it exists.
    await sanne.client.create(`${base}/assessments`, { memberId: null, view: 'professional', scores: [{ lifeDomain: 'geestelijke-gezondheid', level: 2 }] });
    const household = ((await mo.client.get(`${base}/assessments?household=true`)).json() as { items: Assessment[] }).items;
    expect(household).toEqual([]);
    expect(((await sanne.client.get(`${base}/assessments?household=true`)).json() as { items: Assessment[] }).items).toHaveLength(1);
    const records = await auditOf(t.db, family.id);
    expect(records.filter((r) => r.event_type === 'assessment.listed' && r.user_id === mo.id).length).toBeGreaterThan(0);
  });

  it('refuses what does not fit: an unknown domain, a domain twice, a level off the scale, a future date, a family member giving the professional view', async () => {
    const pointers = async (res: Promise<{ statusCode: number; json: () => unknown }>) => {
      const r = await res;
      expect(r.statusCode).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
      return ((r.json() as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);
    };
    const url = `${base}/assessments`;
    expect(await pointers(sanne.client.post(url, { memberId: null, view: 'professional', scores: [{ lifeDomain: 'geluk', level: 3 }] }))).toEqual(['/body/scores']);
    expect(await pointers(sanne.client.post(url, { memberId: null, view: 'professional', scores: [{ lifeDomain: 'financien', level: 3 }, { lifeDomain: 'financien', level: 2 }] }))).toEqual(['/body/scores']);
    expect(await pointers(sanne.client.post(url, { memberId: null, view: 'professional', scores: [{ lifeDomain: 'financien', level: 6 }] }))).toEqual(['/body/scores/0/level']);
    expect(await pointers(sanne.client.post(url, { memberId: null, view: 'professional', assessedOn: '2999-01-01', scores: [{ lifeDomain: 'financien', level: 3 }] }))).toEqual(['/body/assessedOn']);
    expect(await pointers(sanne.client.post(url, { memberId: null, view: 'professional', scores: [] }))).toEqual(['/body/scores']);
    const youth = await makeFamilyAccount(t, sanne.client, family.id, family.childId);
    expect(await pointers(youth.client.post(url, { memberId: family.childId, view: 'professional', scores: [{ lifeDomain: 'scholing', level: 3 }] }))).toEqual(['/body/view']);
    const other = await makeFamily(sanne.client, 'Gezin Anders');
    expect(await pointers(sanne.client.post(url, { memberId: other.parentId, view: 'professional', scores: [{ lifeDomain: 'financien', level: 3 }] }))).toEqual(['/body/memberId']);
  });
});
