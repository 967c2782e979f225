import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeProfessional, startTestApp, type TestApp } from '../support/test-app';

type Consent = {
  id: string; memberId: string; effective: boolean; status: string; version: number; categories: string[]; givenBy: string[];
  description: string; stillNeeded: { memberIds: string[]; reason: string }[];
};

const yearsAgo = (years: number, days = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

describe('consents recorded with the family', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  async function family() {
    const coordinator = await makeProfessional(t, 'wijkteam', 'Sanne');
    const gp = await makeOrganisation(t, 'huisarts', `Huisartsenpraktijk ${Math.random().toString(36).slice(2, 7)}`);
    const res = await coordinator.client.create<{ id: string }>('/api/v1/families', {
      name: 'Gezin de Wit',
      members: [
        { givenName: 'Mirjam', familyName: 'de Wit', birthDate: '1984-05-01', role: 'parent', hasCustody: true },
        { givenName: 'Bram', familyName: 'de Wit', birthDate: yearsAgo(13), role: 'child' },
        { givenName: 'Eva', familyName: 'de Wit', birthDate: yearsAgo(16, 2), role: 'child' },
        { givenName: 'Noa', familyName: 'de Wit', birthDate: yearsAgo(8), role: 'child' },
      ],
    });
    const members = (await coordinator.client.get(`/api/v1/families/${res.id}/members`)).json() as { items: { id: string; givenName: string }[] };
    const id = (name: string) => members.items.find((m) => m.givenName === name)!.id;
    return { coordinator, gp, familyId: res.id, mother: id('Mirjam'), bram: id('Bram'), eva: id('Eva'), noa: id('Noa') };
  }

  it('follows the age rules: a parent for a child under 12, both for 12-15, the youth alone from 16', async () => {
    const f = await family();
    const base = `/api/v1/families/${f.familyId}/consents`;
    const give = (memberId: string, givenBy: string[]) => f.coordinator.client.create<Consent>(base, {
      memberId, organisationId: f.gp, categories: ['geestelijke-gezondheid'], purpose: 'Behandeling afstemmen', validUntil: '2099-03-01', givenBy,
    });

    const mothers = await give(f.mother, [f.mother]);
    expect(mothers).toMatchObject({ effective: true, stillNeeded: [] });
    expect(mothers.description).toMatch(/^Huisartsenpraktijk .+ mag zien: geestelijke gezondheid, tot 1 maart 2099\.$/);

    expect(await give(f.noa, [f.mother])).toMatchObject({ effective: true });

    const bramByMother = await give(f.bram, [f.mother]);
    expect(bramByMother).toMatchObject({ effective: false, stillNeeded: [{ memberIds: [f.bram], reason: 'self' }] });
    const bramAgrees = await f.coordinator.client.patch(`${base}/${bramByMother.id}`, { givenBy: [f.bram] }, bramByMother.version);
    expect(bramAgrees.json()).toMatchObject({ effective: true, givenBy: [f.mother, f.bram], stillNeeded: [] });

    expect(await give(f.eva, [f.mother])).toMatchObject({ effective: false, stillNeeded: [{ memberIds: [f.eva], reason: 'self' }] });
    expect(await give(f.eva, [f.eva])).toMatchObject({ effective: true });
  });

  it('can be narrowed or withdrawn at once, never widened', async () => {
    const f = await family();
    const base = `/api/v1/families/${f.familyId}/consents`;
    const c = await f.coordinator.client.create<Consent>(base, {
      memberId: f.mother, organisationId: f.gp, categories: ['geestelijke-gezondheid', 'financien'], purpose: 'Afstemmen', givenBy: [f.mother],
    });
    expect((await f.coordinator.client.patch(`${base}/${c.id}`, { categories: ['geestelijke-gezondheid', 'huisvesting'] }, c.version)).statusCode).toBe(422);
    const narrowed = await f.coordinator.client.patch(`${base}/${c.id}`, { categories: ['geestelijke-gezondheid'] }, c.version);
    expect(narrowed.json()).toMatchObject({ categories: ['geestelijke-gezondheid'], version: 2 });
    expect((await f.coordinator.client.patch(`${base}/${c.id}`, { categories: ['geestelijke-gezondheid'] }, 1)).statusCode).toBe(412);

    const withdrawn = await f.coordinator.client.post(`${base}/${c.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', effective: false });
    const listed = (await f.coordinator.client.get(`${base}?memberId=${f.mother}`)).json() as { items: Consent[] };
    expect(listed.items).toEqual([expect.objectContaining({ id: c.id, status: 'withdrawn', effective: false })]);
    expect((await f.coordinator.client.post(`${base}/${c.id}/withdraw`)).statusCode).toBe(409);

    const timeline = (await f.coordinator.client.get(`/api/v1/families/${f.familyId}/timeline`)).json() as { items: { event: string }[] };
    expect(timeline.items.map((e) => e.event).slice(0, 3)).toEqual(['consent.withdrawn', 'consent.changed', 'consent.given']);
  });

  it('is recorded by the coordinator, read by the team, and hidden from everyone else', async () => {
    const f = await family();
    const base = `/api/v1/families/${f.familyId}/consents`;
    const member = await makeProfessional(t, 'school', 'Joost');
    await f.coordinator.client.create(`/api/v1/families/${f.familyId}/team`, { userId: member.id });
    const body = { memberId: f.mother, organisationId: f.gp, categories: ['identity'], purpose: 'Contact', givenBy: [f.mother] };
    expect((await member.client.get(base)).statusCode).toBe(200);
    expect((await member.client.post(base, body)).statusCode).toBe(404);
    const stranger = await makeProfessional(t, 'jgz', 'Vreemde');
    expect((await stranger.client.get(base)).statusCode).toBe(404);

    // Refusals with a clear answer.
    const other = await family();
    expect((await f.coordinator.client.post(base, { ...body, memberId: other.mother })).statusCode).toBe(422);
    expect((await f.coordinator.client.post(base, { ...body, givenBy: [other.mother] })).statusCode).toBe(422);
    expect((await f.coordinator.client.post(base, { ...body, categories: ['onbekend-domein'] })).statusCode).toBe(422);
    expect((await f.coordinator.client.post(base, { ...body, validUntil: '2001-01-01' })).statusCode).toBe(400);
    expect((await f.coordinator.client.post(base, { ...body, givenBy: [] })).statusCode).toBe(400);
  });
});
