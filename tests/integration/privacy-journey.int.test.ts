import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../packages/server/src/platform/audit/audit-verify';
import { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { auditOf, makeOrganisation, makeUser, PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { makeCovenant } from '../support/sharing';

const yearsAgo = (years: number, days = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

interface Entry { id: string; body: string | null; kind: string }
interface Grant { id: string; active: boolean; emergencyReads: number; version: number; review: { status: string }; user: { id: string } }

/**
 * The privacy issue's "done when", as one scripted client walks it: a GP and a debt counsellor on one family's team
 * see each other's notes only as the family consents, by the age rules, within covenants; withdrawal holds from the
 * next request; breaking the glass is possible, flagged and reviewed; and every access is in the file's log, which
 * the family reads through its own account.
 */
describe('the privacy journey', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('shares exactly what the family consented to, with whom, for as long as it consents', async () => {
    const wijkteam = await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord');
    const huisarts = await makeOrganisation(t, 'huisarts', 'Huisartsenpraktijk De Linde');
    const schuldhulp = await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Stad');
    const sanne = await makeUser(t, wijkteam, ['professional'], 'Sanne de Vries');
    const gp = await makeUser(t, huisarts, ['professional'], 'dr. Eva Bakker');
    const mo = await makeUser(t, schuldhulp, ['professional'], 'Mohammed Benali');
    const officer = await makeUser(t, wijkteam, ['privacy-officer'], 'Pieter de Groot');
    for (const [a, b] of [[wijkteam, huisarts], [wijkteam, schuldhulp], [huisarts, schuldhulp]] as const) await makeCovenant(t, a, b);

    const family = await sanne.client.create<{ id: string }>('/api/v1/families', {
      name: 'Gezin de Wit',
      members: [
        { givenName: 'Mirjam', familyName: 'de Wit', birthDate: '1984-05-01', role: 'parent', hasCustody: true },
        { givenName: 'Bram', familyName: 'de Wit', birthDate: yearsAgo(13), role: 'child' },
        { givenName: 'Eva', familyName: 'de Wit', birthDate: yearsAgo(16, 3), role: 'child' },
      ],
    });
    const base = `/api/v1/families/${family.id}`;
    const members = (await sanne.client.get(`${base}/members`)).json() as { items: { id: string; givenName: string }[] };
    const idOf = (name: string) => members.items.find((m) => m.givenName === name)!.id;
    const [mother, bram, eva] = [idOf('Mirjam'), idOf('Bram'), idOf('Eva')];

    // A GP and a debt counsellor join the team, and each writes a note.
    await sanne.client.create(`${base}/team`, { userId: gp.id, role: 'member', lifeDomains: ['geestelijke-gezondheid'] });
    await sanne.client.create(`${base}/team`, { userId: mo.id, role: 'member', lifeDomains: ['financien'] });
    const note = (who: typeof sanne, body: string, lifeDomain: string, memberIds: string[]) =>
      who.client.create<Entry>(`${base}/timeline`, { body, lifeDomain, memberIds });
    await note(gp, 'Moeder slaapt slecht en piekert.', 'geestelijke-gezondheid', [mother]);
    await note(mo, 'Drie schuldeisers in beeld.', 'financien', [mother]);
    await note(sanne, 'Moeder vertelt over somberheid sinds de scheiding.', 'geestelijke-gezondheid', [mother]);
    await note(sanne, 'Het huishoudboekje is op orde gebracht.', 'financien', [mother]);
    await note(sanne, 'Bram is bang in het donker.', 'geestelijke-gezondheid', [bram]);
    await note(sanne, 'Eva heeft het moeilijk met de scheiding.', 'geestelijke-gezondheid', [eva]);
    const notesSeenBy = async (who: typeof sanne) => {
      const res = await who.client.get(`${base}/timeline?limit=200`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Entry[] }).items.filter((e) => e.kind === 'note').map((e) => e.body).sort();
    };

    // Without consent neither sees the other's notes, nor even the family's name or members.
    expect(await notesSeenBy(gp)).toEqual(['Moeder slaapt slecht en piekert.']);
    expect(await notesSeenBy(mo)).toEqual(['Drie schuldeisers in beeld.']);
    expect((await gp.client.get(base)).json()).toMatchObject({ name: null });
    expect(((await gp.client.get(`${base}/members`)).json() as { items: unknown[] }).items).toEqual([]);

    // The mother lets the GP see "mental health" about herself, and the GP sees exactly that.
    const consents = `${base}/consents`;
    const give = (memberId: string, givenBy: string[]) => sanne.client.create<{ id: string; version: number; effective: boolean }>(consents, {
      memberId, organisationId: huisarts, categories: ['geestelijke-gezondheid'], purpose: 'Behandeling afstemmen', givenBy,
    });
    const mothers = await give(mother, [mother]);
    expect(await notesSeenBy(gp)).toEqual(['Moeder slaapt slecht en piekert.', 'Moeder vertelt over somberheid sinds de scheiding.']);
    expect(await notesSeenBy(mo)).toEqual(['Drie schuldeisers in beeld.']);

    // Her 13-year-old son's data needs both her consent and his.
    const bramsByMother = await give(bram, [mother]);
    expect(bramsByMother.effective).toBe(false);
    expect(await notesSeenBy(gp)).not.toContain('Bram is bang in het donker.');
    const bramAgrees = await sanne.client.patch(`${consents}/${bramsByMother.id}`, { givenBy: [bram] }, bramsByMother.version);
    expect(bramAgrees.json()).toMatchObject({ effective: true });
    expect(await notesSeenBy(gp)).toContain('Bram is bang in het donker.');

    // His 16-year-old sister alone decides over hers: her mother's word does not count, hers does.
    const evasByMother = await give(eva, [mother]);
    expect(evasByMother.effective).toBe(false);
    expect(await notesSeenBy(gp)).not.toContain('Eva heeft het moeilijk met de scheiding.');
    await give(eva, [eva]);
    expect(await notesSeenBy(gp)).toContain('Eva heeft het moeilijk met de scheiding.');

    // The mother withdraws her consent; the very next request obeys, and the log says what was withheld.
    const withdrawn = await sanne.client.post(`${consents}/${mothers.id}/withdraw`, {}, { 'if-match': `"${mothers.version}"` });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await notesSeenBy(gp)).not.toContain('Moeder vertelt over somberheid sinds de scheiding.');
    const lastRead = (await auditOf(t.db, family.id)).filter((r) => r.event_type === 'timeline.read' && r.user_id === gp.id).at(-1)!;
    expect(lastRead.detail).toMatchObject({ hidden: expect.any(Number) });

    // A hidden item asked for by id is a 404, recorded as a denial on consent grounds.
    const hiddenMember = await gp.client.get(`${base}/members/${mother}`);
    expect(hiddenMember.statusCode).toBe(404);
    const denial = (await auditOf(t.db, family.id)).at(-1)!;
    expect(denial).toMatchObject({ event_type: 'member.read', outcome: 'denied', user_id: gp.id, member_id: mother,
      check_authorisation: true, check_care_relationship: true, check_consent: false, check_emergency: false });

    // In acute danger the debt counsellor breaks the glass, with a written reason.
    const tooShort = await mo.client.post(`${base}/break-glass`, { categories: ['geestelijke-gezondheid'], reason: 'Zorgen' });
    expect(tooShort.statusCode).toBe(400);
    const grant = await mo.client.create<Grant>(`${base}/break-glass`, {
      categories: ['geestelijke-gezondheid'], reason: 'Moeder belde in paniek en sprak over zelfdoding; ik moet weten wie haar behandelt.', hours: 4,
    });
    expect(grant).toMatchObject({ active: true, review: { status: 'pending' } });
    const opened = (await auditOf(t.db, family.id)).at(-1)!;
    expect(opened).toMatchObject({ event_type: 'break-glass.opened', action: 'E', check_emergency: true, user_id: mo.id });
    expect(JSON.stringify(opened.detail)).not.toContain('zelfdoding');
    expect(await notesSeenBy(mo)).toEqual(expect.arrayContaining(['Moeder slaapt slecht en piekert.', 'Moeder vertelt over somberheid sinds de scheiding.']));
    const emergencyRead = (await auditOf(t.db, family.id)).filter((r) => r.event_type === 'timeline.read' && r.user_id === mo.id).at(-1)!;
    expect(emergencyRead).toMatchObject({ check_emergency: true, detail: expect.objectContaining({ emergency: 4 }) }); // the four mental-health notes

    // The coordinator is told.
    const told = (await sanne.client.get('/api/v1/me/notifications')).json() as { items: { kind: string; familyId: string; data: { grantId: string } }[] };
    expect(told.items).toEqual([expect.objectContaining({ kind: 'break-glass.opened', familyId: family.id, data: expect.objectContaining({ grantId: grant.id }) })]);

    // The privacy officer sees it in the review queue, with the reads made under it, and judges it.
    const queue = (await officer.client.get('/api/v1/privacy/break-glass-reviews')).json() as { items: Grant[] };
    expect(queue.items.map((g) => [g.id, g.emergencyReads])).toEqual([[grant.id, 1]]);
    expect((await mo.client.get('/api/v1/privacy/break-glass-reviews')).statusCode).toBe(403);
    const reviewed = await officer.client.post(`/api/v1/privacy/break-glass-reviews/${grant.id}`, { decision: 'justified' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(((await officer.client.get('/api/v1/privacy/break-glass-reviews')).json() as { items: Grant[] }).items).toEqual([]);

    // Closing the grant ends the emergency access at once.
    const closed = await mo.client.post(`${base}/break-glass/${grant.id}/close`);
    expect(closed.json()).toMatchObject({ active: false });
    expect(await notesSeenBy(mo)).toEqual(['Drie schuldeisers in beeld.']);

    // The mother signs in herself: she sees the notes about her son, not those about her 16-year-old daughter, and
    // every access to the family's file, the GP's and the debt counsellor's (under the broken glass) among them.
    const invitation = await sanne.client.create<{ code: string }>(`${base}/invitations`, { memberId: mother });
    const mirjam = await new ApiClient(t.app).acceptInvitation(invitation.code, 'mirjam@dewit.test', PASSWORD);
    const hers = await notesSeenBy({ ...sanne, client: mirjam });
    expect(hers).toContain('Bram is bang in het donker.');
    expect(hers).not.toContain('Eva heeft het moeilijk met de scheiding.');
    const log = (await mirjam.get(`${base}/audit?limit=200`)).json() as { items: { eventType: string; user: { name: string | null }; checks: string }[] };
    expect(log.items.filter((r) => r.eventType === 'timeline.read').map((r) => r.user.name)).toEqual(expect.arrayContaining(['dr. Eva Bakker', 'Mohammed Benali']));
    expect(log.items.some((r) => r.eventType === 'break-glass.opened' && r.checks.endsWith('T'))).toBe(true);

    // Every access is in the file's log, and the chain holds.
    const search = (await officer.client.get(`/api/v1/privacy/audit?familyId=${family.id}&emergency=true`)).json() as { items: { eventType: string }[] };
    expect(search.items.map((r) => r.eventType)).toEqual(expect.arrayContaining(['break-glass.opened', 'timeline.read']));
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true });
  });
});
