import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';

type Covenant = { id: string; status: string; inForce: boolean; version: number; allowedActions: string[]; categories: string[]; partner: { id: string } };

describe('covenants between organisations', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  async function parties() {
    const gpOrg = await makeOrganisation(t, 'huisarts');
    const debtOrg = await makeOrganisation(t, 'schuldhulp');
    const gpAdmin = await makeUser(t, gpOrg, ['org-admin', 'professional'], 'Huisarts beheer');
    const debtAdmin = await makeUser(t, debtOrg, ['org-admin'], 'Schuldhulp beheer');
    const gpDoctor = await makeUser(t, gpOrg, ['professional'], 'Huisarts');
    const outsider = await makeUser(t, await makeOrganisation(t, 'school'), ['org-admin'], 'School beheer');
    return { gpOrg, debtOrg, gpAdmin, debtAdmin, gpDoctor, outsider };
  }

  it('is proposed by one side and in force only once the other side accepts', async () => {
    const p = await parties();
    const proposed = await p.gpAdmin.client.post('/api/v1/covenants', {
      partnerOrganisationId: p.debtOrg, categories: ['financien', 'identity'], purpose: 'Samen schulden en gezondheid aanpakken',
    });
    expect(proposed.statusCode).toBe(201);
    const covenant = proposed.json() as Covenant;
    expect(covenant).toMatchObject({ status: 'proposed', inForce: false, categories: ['financien', 'identity'], allowedActions: ['end'] });
    const base = `/api/v1/covenants/${covenant.id}`;

    // The proposer cannot accept its own proposal; a professional cannot decide at all; strangers do not see it.
    expect((await p.gpAdmin.client.post(`${base}/accept`)).statusCode).toBe(403);
    expect((await p.gpDoctor.client.post(`${base}/accept`)).statusCode).toBe(403);
    expect((await p.outsider.client.get(base)).statusCode).toBe(404);
    expect((await p.outsider.client.post(`${base}/accept`)).statusCode).toBe(404);
    expect(((await p.outsider.client.get('/api/v1/covenants')).json() as { items: unknown[] }).items).toEqual([]);

    const seen = (await p.debtAdmin.client.get(base)).json() as Covenant;
    expect(seen.allowedActions).toEqual(['accept', 'reject', 'end']);
    const accepted = await p.debtAdmin.client.post(`${base}/accept`, {}, { 'if-match': `"${seen.version}"` });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'active', inForce: true, version: 2 });
    expect((await p.debtAdmin.client.post(`${base}/accept`)).statusCode).toBe(409);

    // The professionals of both organisations can see that it exists.
    expect(((await p.gpDoctor.client.get('/api/v1/covenants?status=active')).json() as { items: Covenant[] }).items.map((c) => c.id)).toEqual([covenant.id]);

    // Ending takes effect at once, from either side.
    const ended = await p.gpAdmin.client.post(`${base}/end`, {}, { 'if-match': '"2"' });
    expect(ended.json()).toMatchObject({ status: 'ended', inForce: false });
    expect((await p.debtAdmin.client.post(`${base}/end`)).statusCode).toBe(409);

    const events = await t.db.selectFrom('audit_events').select(['event_type', 'user_id']).where('resource_id', '=', covenant.id).orderBy('seq').execute();
    expect(events.map((e) => e.event_type)).toEqual(['covenant.proposed', 'covenant.accepted', 'covenant.ended']);
  });

  it('can be rejected, and is not in force outside its period', async () => {
    const p = await parties();
    const rejected = (await p.gpAdmin.client.create<Covenant>('/api/v1/covenants', { partnerOrganisationId: p.debtOrg, categories: ['financien'], purpose: 'Test' }));
    expect((await p.debtAdmin.client.post(`/api/v1/covenants/${rejected.id}/reject`)).json()).toMatchObject({ status: 'rejected', inForce: false });

    const future = await p.gpAdmin.client.create<Covenant>('/api/v1/covenants', {
      partnerOrganisationId: p.debtOrg, categories: ['financien'], purpose: 'Later', validFrom: '2099-01-01', validUntil: '2099-12-31',
    });
    expect((await p.debtAdmin.client.post(`/api/v1/covenants/${future.id}/accept`)).json()).toMatchObject({ status: 'active', inForce: false });
  });

  it('refuses nonsense with a clear answer', async () => {
    const p = await parties();
    const bad = async (body: unknown) => p.gpAdmin.client.post('/api/v1/covenants', body);
    expect((await bad({ partnerOrganisationId: p.gpOrg, categories: ['financien'], purpose: 'x' })).statusCode).toBe(422);
    expect((await bad({ partnerOrganisationId: p.debtOrg, categories: ['geheime-zaken'], purpose: 'x' })).statusCode).toBe(422);
    expect((await bad({ partnerOrganisationId: p.debtOrg, categories: [], purpose: 'x' })).statusCode).toBe(400);
    expect((await bad({ partnerOrganisationId: p.debtOrg, categories: ['financien'], purpose: 'x', validFrom: '2027-01-01', validUntil: '2026-01-01' })).statusCode).toBe(400);
    expect((await p.gpDoctor.client.post('/api/v1/covenants', { partnerOrganisationId: p.debtOrg, categories: ['financien'], purpose: 'x' })).statusCode).toBe(403);
    const c = await p.gpAdmin.client.create<Covenant>('/api/v1/covenants', { partnerOrganisationId: p.debtOrg, categories: ['financien'], purpose: 'x' });
    expect((await p.debtAdmin.client.post(`/api/v1/covenants/${c.id}/accept`, {}, { 'if-match': '"7"' })).statusCode).toBe(412);
    expect((await p.debtAdmin.client.get('/api/v1/covenants/not-a-uuid')).statusCode).toBe(404);
  });
});
