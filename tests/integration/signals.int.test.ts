import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidBsn } from '@gezinsplan/domain';
import { refreshSignalsForFamily } from '../../packages/server/src/modules/signals';
import { destroyFamilyFile, runRetention } from '../../packages/server/src/modules/retention';
import { auditOf, makeOrganisation, makeUser, PARENT, startTestApp, type TestApp } from '../support/test-app';

interface Signal {
  id: string; source: string; status: string; mine: { familyId: string; memberIds: string[] };
  other: { name: string; organisationName: string; email: string; phone: string | null } | null;
  proposal: { by: string } | null; resolution: { by: string | null; reason: string | null } | null;
  history: { event: string; by: string | null }[]; allowedActions: string[]; activeUntil: string;
}
type Person = Awaited<ReturnType<typeof makeUser>>;

let serial = 100_000;
/** A fresh BSN that passes the elfproef. */
function nextBsn(): string {
  for (;;) {
    const candidate = String(++serial).padStart(8, '1') + '0';
    for (let last = 0; last <= 9; last++) {
      const bsn = candidate.slice(0, 8) + String(last);
      if (isValidBsn(bsn)) return bsn;
    }
  }
}

/**
 * Signals (issue 6): two organisations' files hold the same child (same BSN) and the teams share no organisation.
 * Each side's coordinator gets one signal with the other side's contact details and nothing of the other file, and
 * coordinates: one care team, or a recorded reason why not. Signals are logged and expire after two years.
 */
describe('signals', () => {
  let t: TestApp;
  let sanne: Person; // Wijkteam Noord
  let iris: Person; // Jeugdhulp De Brug
  let stranger: Person;

  const mySignals = async (p: Person) => ((await p.client.get('/api/v1/me/signals')).json() as { items: Signal[] }).items;
  const signalNotifications = async (p: Person) => ((await p.client.get('/api/v1/me/notifications')).json() as { items: { kind: string; familyId: string; data: Record<string, unknown> }[] }).items
    .filter((n) => n.kind === 'signal.created');
  const refresh = (familyId: string, now = new Date()) => t.db.transaction().execute((tx) => refreshSignalsForFamily(tx, familyId, now));

  /** Sanne's file of the Jansen family, and Iris's file of the same child under another name (both with secrets). */
  async function twoFiles(bsn = nextBsn()) {
    const a = await sanne.client.create<{ id: string }>('/api/v1/families', {
      name: 'Gezin Jansen', members: [PARENT, { givenName: 'Tim', familyName: 'Jansen', birthDate: '2013-02-03', role: 'child', hasCustody: false, bsn }],
    });
    await sanne.client.create(`/api/v1/families/${a.id}/goals`, { title: 'Rust over geld', lifeDomain: 'financien' });
    const b = await iris.client.create<{ id: string }>('/api/v1/families', {
      name: 'Familie Bakker-Yilmaz',
      members: [{ givenName: 'Fatma', familyName: 'Yilmaz', birthDate: '1985-06-01', role: 'parent', hasCustody: true }],
    });
    await iris.client.create(`/api/v1/families/${b.id}/goals`, { title: 'Geheim doel over de ggz-behandeling', lifeDomain: 'geestelijke-gezondheid' });
    await iris.client.create(`/api/v1/families/${b.id}/timeline`, { body: 'Vertrouwelijke notitie over vader', lifeDomain: 'geestelijke-gezondheid' });
    // Iris registers the child later, with the same BSN: that is the match.
    const child = await iris.client.create<{ id: string }>(`/api/v1/families/${b.id}/members`, {
      givenName: 'Timothy', familyName: 'Bakker', birthDate: '2013-02-03', role: 'child', bsn,
    });
    return { a: a.id, b: b.id, bChildId: child.id, bsn };
  }

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord'), ['professional'], 'Sanne de Vries');
    iris = await makeUser(t, await makeOrganisation(t, 'specialist-jeugdhulp', 'Jeugdhulp De Brug'), ['professional'], 'Iris Mulder');
    stranger = await makeUser(t, await makeOrganisation(t, 'school', 'School Noord'), ['professional'], 'Joost Stranger');
  });
  afterAll(async () => { await t?.close(); });

  it('gives each side exactly one signal and one notification, with the other side’s contact details only', async () => {
    const f = await twoFiles();
    const [forSanne] = (await mySignals(sanne)).filter((s) => s.mine.familyId === f.a);
    const [forIris] = (await mySignals(iris)).filter((s) => s.mine.familyId === f.b);
    expect(forSanne).toBeDefined();
    expect(forIris?.id).toBe(forSanne!.id);
    expect((await mySignals(sanne)).filter((s) => s.mine.familyId === f.a)).toHaveLength(1);
    expect(forSanne).toMatchObject({
      source: 'gezinsplan', status: 'open', other: { name: 'Iris Mulder', organisationName: 'Jeugdhulp De Brug', email: iris.email },
      allowedActions: ['propose-team', 'decline'],
    });
    expect(forIris).toMatchObject({ other: { name: 'Sanne de Vries', organisationName: 'Wijkteam Noord', email: sanne.email }, mine: { memberIds: [f.bChildId] } });

    // Nothing of the other file: not its id, name, members, goals or notes; not the BSN either.
    const seenBySanne = JSON.stringify([await mySignals(sanne), (await sanne.client.get(`/api/v1/signals/${forSanne!.id}`)).json(), await signalNotifications(sanne)]);
    for (const secret of [f.b, 'Bakker', 'Yilmaz', 'Fatma', 'Timothy', 'Geheim doel', 'ggz', 'Vertrouwelijke', 'geestelijke-gezondheid', f.bsn]) {
      expect(seenBySanne, secret).not.toContain(secret);
    }
    const seenByIris = JSON.stringify([await mySignals(iris), (await iris.client.get(`/api/v1/signals/${forIris!.id}`)).json(), await signalNotifications(iris)]);
    for (const secret of [f.a, 'Gezin Jansen', 'Marieke', 'Rust over geld', 'financien', f.bsn]) expect(seenByIris, secret).not.toContain(secret);

    const toSanne = (await signalNotifications(sanne)).filter((n) => n.data.signalId === forSanne!.id);
    const toIris = (await signalNotifications(iris)).filter((n) => n.data.signalId === forSanne!.id);
    expect(toSanne).toEqual([expect.objectContaining({ familyId: f.a, data: { signalId: forSanne!.id } })]);
    expect(toIris).toEqual([expect.objectContaining({ familyId: f.b, data: { signalId: forSanne!.id } })]);

    // No BSN kept with the signal; the timeline of each file says only that there is a signal.
    const row = await t.db.selectFrom('signals').selectAll().where('id', '=', forSanne!.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(f.bsn);
    const timeline = ((await sanne.client.get(`/api/v1/families/${f.a}/timeline`)).json() as { items: { event: string; data: unknown; author: unknown }[] }).items;
    expect(timeline.filter((e) => e.event === 'signal.raised')).toEqual([expect.objectContaining({ data: { signalId: forSanne!.id }, author: null })]);

    // Logged: raised in both chains by the matcher, and every read in both chains.
    for (const familyId of [f.a, f.b]) {
      const audit = (await auditOf(t.db, familyId)).filter((r) => r.resource_type === 'signal');
      expect(audit.map((r) => r.event_type)).toEqual(expect.arrayContaining(['signal.raised', 'signal.listed', 'signal.read']));
    }
  });

  it('answers 404 to anyone but the two coordinators, and records the attempt', async () => {
    const f = await twoFiles();
    const [signal] = (await mySignals(sanne)).filter((s) => s.mine.familyId === f.a);
    for (const res of [
      await stranger.client.get(`/api/v1/signals/${signal!.id}`),
      await stranger.client.post(`/api/v1/signals/${signal!.id}/propose-team`),
      await stranger.client.post(`/api/v1/signals/${signal!.id}/decline`, { reason: 'Ik ken dit gezin niet.' }),
      await sanne.client.get('/api/v1/signals/01890000-0000-7000-8000-000000000000'),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await mySignals(stranger)).toEqual([]);
    // An administrator is no professional: the function is not for that role at all.
    expect((await t.admin.get(`/api/v1/signals/${signal!.id}`)).statusCode).toBe(403);
    const denied = (await auditOf(t.db, f.a)).filter((r) => r.resource_type === 'signal' && r.outcome === 'denied');
    expect(denied.map((r) => r.user_id)).toEqual(expect.arrayContaining([stranger.id]));
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });

  it('needs a reason to decline, and keeps the reason on its own side', async () => {
    const f = await twoFiles();
    const [signal] = (await mySignals(iris)).filter((s) => s.mine.familyId === f.b);
    const url = `/api/v1/signals/${signal!.id}/decline`;
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(1001) }]) {
      const res = await iris.client.post(url, body);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    const declined = await iris.client.post(url, { reason: 'Wij stoppen volgende week; afgestemd per telefoon.' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', resolution: { by: 'me', reason: 'Wij stoppen volgende week; afgestemd per telefoon.' }, allowedActions: [] });
    const forSanne = (await sanne.client.get(`/api/v1/signals/${signal!.id}`)).json() as Signal;
    expect(forSanne).toMatchObject({ status: 'declined', resolution: { by: 'other', reason: null } });
    expect((await mySignals(sanne)).map((s) => s.id)).not.toContain(signal!.id);
    expect((await iris.client.post(url, { reason: 'Nog een keer' })).statusCode).toBe(409);

    // Not raised again for the same pair while nothing changes …
    await refresh(f.a);
    await refresh(f.b);
    expect((await t.db.selectFrom('signals').select('status').where('id', '=', signal!.id).executeTakeFirstOrThrow()).status).toBe('declined');
    // … but when a team's set of organisations changes, it is raised again (the same signal, told again).
    const debt = await makeUser(t, await makeOrganisation(t, 'schuldhulp'), ['professional'], 'Mo Schuldhulp');
    await sanne.client.create(`/api/v1/families/${f.a}/team`, { userId: debt.id, role: 'member' });
    await refresh(f.a);
    expect((await mySignals(sanne)).filter((s) => s.id === signal!.id)).toEqual([expect.objectContaining({ status: 'open', resolution: null })]);
    expect((await signalNotifications(iris)).filter((n) => n.data.signalId === signal!.id)).toHaveLength(2);
  });

  it('joins one care team when the other side accepts a proposal', async () => {
    const f = await twoFiles();
    const [signal] = (await mySignals(sanne)).filter((s) => s.mine.familyId === f.a);
    expect((await sanne.client.post(`/api/v1/signals/${signal!.id}/accept-team`)).statusCode).toBe(409);
    const proposed = await sanne.client.post(`/api/v1/signals/${signal!.id}/propose-team`);
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({ proposal: { by: 'me' }, allowedActions: ['decline'] });
    const [forIris] = (await mySignals(iris)).filter((s) => s.id === signal!.id);
    expect(forIris).toMatchObject({ proposal: { by: 'other' }, allowedActions: ['accept-team', 'decline'] });
    expect((await sanne.client.post(`/api/v1/signals/${signal!.id}/propose-team`)).statusCode).toBe(409);

    const accepted = await iris.client.post(`/api/v1/signals/${signal!.id}/accept-team`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'joined', resolution: { by: 'me' } });
    const team = ((await sanne.client.get(`/api/v1/families/${f.a}/team`)).json() as { items: { userId: string; role: string; active: boolean }[] }).items;
    expect(team).toEqual(expect.arrayContaining([expect.objectContaining({ userId: iris.id, role: 'member', active: true })]));
    expect((await iris.client.get(`/api/v1/families/${f.a}/plan`)).statusCode).toBe(200);
    expect((await mySignals(sanne)).map((s) => s.id)).not.toContain(signal!.id);
    expect((await mySignals(iris)).map((s) => s.id)).not.toContain(signal!.id);
    const events = (await t.db.selectFrom('signal_events').select('event').where('signal_id', '=', signal!.id).orderBy('created_at').orderBy('id').execute()).map((e) => e.event);
    expect(events).toEqual(['raised', 'team-proposed', 'team-joined']);
    const audit = (await auditOf(t.db, f.b)).filter((r) => r.resource_id === signal!.id).map((r) => `${r.event_type} ${r.outcome}`);
    expect(audit).toEqual(expect.arrayContaining(['signal.team-proposed success', 'signal.team-joined success']));
    // Linked now: matching again changes nothing.
    await refresh(f.a);
    await refresh(f.b);
    expect((await t.db.selectFrom('signals').select('status').where('id', '=', signal!.id).executeTakeFirstOrThrow()).status).toBe('joined');
  });

  it('raises no signal when an organisation is already on both teams', async () => {
    const bsn = nextBsn();
    const a = await sanne.client.create<{ id: string }>('/api/v1/families', { name: 'Gezin Smit', members: [PARENT] });
    // Someone of De Brug already works on Sanne's file.
    const colleague = await makeUser(t, iris.organisationId, ['professional'], 'Collega De Brug');
    await sanne.client.create(`/api/v1/families/${a.id}/team`, { userId: colleague.id, role: 'member' });
    await sanne.client.create(`/api/v1/families/${a.id}/members`, { givenName: 'Lisa', familyName: 'Smit', birthDate: '2012-01-01', role: 'child', bsn });
    const b = await iris.client.create<{ id: string }>('/api/v1/families', {
      name: 'Gezin Smit (De Brug)', members: [{ givenName: 'Lisa', familyName: 'Smit', birthDate: '2012-01-01', role: 'child', hasCustody: false, bsn }],
    });
    const pair = await t.db.selectFrom('signals').select('id').where((eb) => eb.or([eb('family_a_id', '=', b.id), eb('family_b_id', '=', b.id)])).execute();
    expect(pair).toEqual([]);
  });

  it('resolves an open signal when the care team takes in the other organisation, and raises it again when it leaves', async () => {
    const f = await twoFiles();
    const [open] = (await mySignals(sanne)).filter((s) => s.mine.familyId === f.a);
    expect(open).toMatchObject({ status: 'open' });
    // Sanne brings a colleague of De Brug onto her team herself: the two files now share an organisation.
    const colleague = await makeUser(t, iris.organisationId, ['professional'], 'Collega Brug');
    const joined = await sanne.client.create<{ id: string; version: number }>(`/api/v1/families/${f.a}/team`, { userId: colleague.id, role: 'member' });
    const status = async () => (await t.db.selectFrom('signals').select('status').where('id', '=', open!.id).executeTakeFirstOrThrow()).status;
    expect(await status()).toBe('joined');
    expect((await mySignals(sanne)).filter((s) => s.mine.familyId === f.a && s.status === 'open')).toEqual([]);
    // The colleague leaves again: the teams are apart once more, with other organisations than when it was resolved.
    expect((await sanne.client.delete(`/api/v1/families/${f.a}/team/${joined.id}`, { reason: 'Klaar' })).statusCode).toBe(200);
    expect(await status()).toBe('open');
  });

  it('does not duplicate a signal when the child is registered again or matched again', async () => {
    const f = await twoFiles();
    const count = () => t.db.selectFrom('signals').select('id').where((eb) => eb.or([eb('family_a_id', '=', f.a), eb('family_b_id', '=', f.a)])).execute();
    expect(await count()).toHaveLength(1);
    await refresh(f.a);
    await refresh(f.b);
    const member = `/api/v1/families/${f.b}/members/${f.bChildId}`;
    const cleared = await iris.client.patch(member, { bsn: null }, 1);
    expect(cleared.statusCode, cleared.body).toBe(200);
    const [lapsed] = await count();
    expect((await t.db.selectFrom('signals').select('status').where('id', '=', lapsed!.id).executeTakeFirstOrThrow()).status).toBe('lapsed');
    expect((await iris.client.patch(member, { bsn: f.bsn }, 2)).statusCode).toBe(200);
    expect(await count()).toEqual([lapsed]);
    expect((await mySignals(sanne)).filter((s) => s.id === lapsed!.id)).toHaveLength(1);
  });

  it('stops showing a signal after two years without a change, and the retention job destroys it', async () => {
    const f = await twoFiles();
    const [signal] = (await mySignals(sanne)).filter((s) => s.mine.familyId === f.a);
    const justBefore = new Date(new Date(signal!.activeUntil).getTime() - 60_000);
    expect((await runRetention(t.db, justBefore)).signalsExpired).toBe(0);
    const later = new Date(new Date(signal!.activeUntil).getTime() + 60_000);
    const report = await runRetention(t.db, later);
    expect(report.signalsExpired).toBeGreaterThanOrEqual(1);
    expect(await t.db.selectFrom('signals').select('id').where('id', '=', signal!.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('signal_events').select('id').where('signal_id', '=', signal!.id).execute()).toEqual([]);
    expect((await signalNotifications(sanne)).filter((n) => n.data.signalId === signal!.id)).toEqual([]);
    expect((await sanne.client.get(`/api/v1/signals/${signal!.id}`)).statusCode).toBe(404);
    for (const familyId of [f.a, f.b]) {
      expect((await auditOf(t.db, familyId)).filter((r) => r.resource_id === signal!.id).map((r) => r.event_type)).toContain('retention.signal-expired');
    }
  });

  it('destroys the signal with either file, leaving the other side nothing of it', async () => {
    const f = await twoFiles();
    const [signal] = (await mySignals(iris)).filter((s) => s.mine.familyId === f.b);
    await t.db.transaction().execute((tx) => destroyFamilyFile(tx, f.a, 'erasure-request', new Date(), 'test'));
    expect(await t.db.selectFrom('signals').select('id').where('id', '=', signal!.id).execute()).toEqual([]);
    expect((await mySignals(iris)).map((s) => s.id)).not.toContain(signal!.id);
    expect((await signalNotifications(iris)).filter((n) => n.data.signalId === signal!.id)).toEqual([]);
    expect((await iris.client.get(`/api/v1/signals/${signal!.id}`)).statusCode).toBe(404);
  });
});
