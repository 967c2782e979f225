import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { makeFamily, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';

type Person = Awaited<ReturnType<typeof makeUser>>;
interface AuditItem { eventType: string; outcome: string; user: { id: string | null }; object: { familyId: string | null; memberId: string | null }; checks: string }

describe("the privacy officer's tools", () => {
  let t: TestApp;
  let sanne: Person; // wijkteam, coordinator
  let mo: Person; // schuldhulp, on the team
  let officer: Person; // privacy officer of the wijkteam
  let outsider: Person; // privacy officer of an organisation never involved
  let familyId: string;
  let parentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const wijkteam = await makeOrganisation(t, 'wijkteam', 'Wijkteam Zuid');
    sanne = await makeUser(t, wijkteam, ['professional'], 'Sanne');
    mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp'), ['professional'], '=HYPERLINK("http://evil")');
    officer = await makeUser(t, wijkteam, ['privacy-officer'], 'Pieter');
    outsider = await makeUser(t, await makeOrganisation(t, 'school'), ['privacy-officer'], 'Olga');
    const f = await makeFamily(sanne.client);
    familyId = f.id;
    parentId = f.parentId;
    await sanne.client.create(`/api/v1/families/${familyId}/team`, { userId: mo.id, role: 'member' });
    await mo.client.get(`/api/v1/families/${familyId}/plan`);
    await mo.client.get(`/api/v1/families/${familyId}/audit`); // denied: not the coordinator
    await sanne.client.get(`/api/v1/families/${familyId}/members/${parentId}`);
  });
  afterAll(async () => { await t?.close(); });

  it('searches the log by family, professional, member, outcome and period, within what the officer oversees', async () => {
    const search = async (who: Person, q: string) => {
      const res = await who.client.get(`/api/v1/privacy/audit?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: AuditItem[] }).items;
    };
    const all = await search(officer, `familyId=${familyId}&limit=200`);
    expect(all.map((r) => r.eventType)).toEqual(expect.arrayContaining(['family.registered', 'plan.read', 'audit.read', 'member.read']));
    expect((await search(officer, `userId=${mo.id}`)).every((r) => r.user.id === mo.id)).toBe(true);
    expect((await search(officer, `userId=${mo.id}&outcome=denied`)).map((r) => r.eventType)).toEqual(['audit.read']);
    expect((await search(officer, `memberId=${parentId}`)).map((r) => r.eventType)).toEqual(['member.read']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search(officer, `familyId=${familyId}&from=2000-01-01&to=2000-12-31`))).toEqual([]);
    expect((await search(officer, `familyId=${familyId}&from=${today}`)).length).toBeGreaterThan(0);
    // An officer of an organisation that was never involved finds nothing, not even that the family exists.
    expect(await search(outsider, `familyId=${familyId}`)).toEqual([]);
    // Professionals do not search the log.
    expect((await sanne.client.get('/api/v1/privacy/audit')).statusCode).toBe(403);
    const bad = await officer.client.get('/api/v1/privacy/audit?from=2026-02-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [expect.objectContaining({ pointer: '/query/to' })] });
  });

  it('exports the same search as CSV, safe to open in a spreadsheet, and records that it did', async () => {
    const res = await officer.client.get(`/api/v1/privacy/audit.csv?familyId=${familyId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(3);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['occurredAt', 'eventType', 'userName', 'organisationName', 'checks']));
    // A name that looks like a formula is neutralised, so a spreadsheet shows it instead of running it.
    const mos = rows.filter((r) => r.userId === mo.id);
    expect(mos.length).toBeGreaterThan(0);
    expect(mos.every((r) => r.userName === `'=HYPERLINK("http://evil")`)).toBe(true);
    const exported = await t.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'privacy.audit-exported').where('user_id', '=', officer.id).execute();
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ chain_id: 'system', purpose: 'supervision' });
  });

  it('reviews break-the-glass: pending first, a flag needs a note, nobody judges their own', async () => {
    const base = `/api/v1/families/${familyId}`;
    const grant = await mo.client.create<{ id: string; version: number }>(`${base}/break-glass`, { categories: ['safety'], reason: 'Kind belde de school in paniek over thuis.' });
    const queue = async (who: Person, status = '') => (await who.client.get(`/api/v1/privacy/break-glass-reviews${status}`)).json() as { items: { id: string }[] };
    expect((await queue(officer)).items.map((g) => g.id)).toContain(grant.id);
    expect((await queue(outsider)).items).toEqual([]);
    const review = `/api/v1/privacy/break-glass-reviews/${grant.id}`;
    expect((await outsider.client.post(review, { decision: 'justified' })).statusCode).toBe(404);
    const noNote = await officer.client.post(review, { decision: 'flagged' });
    expect(noNote.statusCode).toBe(400);
    const flagged = await officer.client.post(review, { decision: 'flagged', note: 'Bespreken met de teamleider.' });
    expect(flagged.json()).toMatchObject({ review: { status: 'flagged', reviewer: { id: officer.id }, note: 'Bespreken met de teamleider.' } });
    expect((await queue(officer, '?status=flagged')).items.map((g) => g.id)).toContain(grant.id);
    expect((await queue(officer)).items.map((g) => g.id)).not.toContain(grant.id);
    const record = await t.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'break-glass.reviewed').executeTakeFirstOrThrow();
    expect(record).toMatchObject({ family_id: familyId, user_id: officer.id, detail: { decision: 'flagged' } });
    // The team sees the grant and its review too.
    const seen = (await sanne.client.get(`${base}/break-glass`)).json() as { items: { id: string; review: { status: string } }[] };
    expect(seen.items).toEqual([expect.objectContaining({ id: grant.id, review: expect.objectContaining({ status: 'flagged' }) })]);
  });
});
