import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { auditOf, makeFamily, makeFamilyAccount, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { shareFamily } from '../support/sharing';
import { addGoalNow, planOf, timelineOf } from '../support/care-process';

interface AgendaItem { kind: string; refId: string | null; goalId: string | null; title: string }
interface Consultation {
  id: string; status: string; startsAt: string; endsAt: string; location: string; videoUrl: string | null; sequence: number; version: number;
  invitees: { professionals: { userId: string; attended: boolean | null }[]; members: { id: string; attended: boolean | null }[]; supporters: { id: string }[] };
  agenda: AgendaItem[]; allowedActions: string[];
  record: { notes: string; decisions: { text: string; goalId: string | null; sharedDecisionId: string | null }[]; actions: { actionId: string; goalId: string; title: string }[] } | null;
}
type Person = Awaited<ReturnType<typeof makeUser>>;

/** A time `n` hours from now, on a whole minute (as people plan). */
const hours = (n: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + n * 3_600_000).toISOString();
const parse = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
const attendeeMails = (e: VEvent) => [e.attendee ?? []].flat().map((a) => String(typeof a === 'string' ? a : a.val).replace(/^mailto:/i, '')).sort();

/**
 * Joint consultations (issue 6): planned from the plan, invitations as iCalendar that name no family, recorded
 * afterwards with the new actions landing in the plan in the same transaction.
 */
describe('joint consultations', () => {
  let t: TestApp;
  let sanne: Person; // wijkteam, coordinator
  let iris: Person; // GGZ specialist, on the team
  let stranger: Person;
  let family: Awaited<ReturnType<typeof makeFamily>>;
  let base: string;
  let moneyGoalId: string;
  let overdueActionId: string;
  let supporterId: string;

  const plan = (body: Record<string, unknown> = {}, who = sanne) => who.client.post(`${base}/consultations`, {
    startsAt: hours(48), endsAt: hours(49.5), location: 'Wijkcentrum De Kroon, zaal 2', videoUrl: 'https://meet.example.nl/mdo-42',
    invitees: { userIds: [iris.id], memberIds: [family.parentId], supporterIds: [supporterId] }, ...body,
  });
  const created = async (body: Record<string, unknown> = {}) => {
    const res = await plan(body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Consultation;
  };

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Zuid'), ['professional'], 'Sanne de Vries');
    iris = await makeUser(t, await makeOrganisation(t, 'ggz-volwassenen', 'GGZ Midden'), ['professional'], 'Iris Mulder');
    stranger = await makeUser(t, await makeOrganisation(t, 'school', 'School Zuid'), ['professional'], 'Joost');
    family = await makeFamily(sanne.client, 'Gezin Jansen');
    base = `/api/v1/families/${family.id}`;
    await shareFamily(t, sanne, family, [iris.organisationId]);
    await sanne.client.create(`${base}/team`, { userId: iris.id, role: 'member' });
    supporterId = (await sanne.client.create(`${base}/supporters`, { name: 'Oma Jansen', relation: 'grootmoeder' })).id;
    moneyGoalId = (await addGoalNow(sanne.client, family.id, 'Wij hebben rust over geld', 'financien', [family.parentId])).id;
    const later = await sanne.client.create(`${base}/goals`, { title: 'Tim gaat weer graag naar school', lifeDomain: 'socialisering', memberIds: [family.childId], focus: 'later' });
    await sanne.client.create(`${base}/goals/${later.id}/options`, { title: 'Gezinsbehandeling', asksOfFamily: 'Elke week een gesprek' });
    overdueActionId = (await sanne.client.create(`${base}/goals/${moneyGoalId}/actions`, { title: 'Brieven van de schuldeisers verzamelen', dueDate: '2026-01-05', assigneeMemberId: family.parentId })).id;
  });
  afterAll(async () => { await t?.close(); });

  it('plans a consultation with an agenda from the plan: goals now, overdue actions, open decisions, and free items', async () => {
    const proposal = (await sanne.client.get(`${base}/consultations/agenda-proposal`)).json() as { items: AgendaItem[] };
    expect(proposal.items.map((i) => [i.kind, i.title])).toEqual([
      ['goal', 'Wij hebben rust over geld'],
      ['action', 'Brieven van de schuldeisers verzamelen'],
      ['decision', 'Tim gaat weer graag naar school'],
    ]);
    const c = await created();
    expect(c).toMatchObject({ status: 'planned', sequence: 0, version: 1, location: 'Wijkcentrum De Kroon, zaal 2', allowedActions: ['update', 'record', 'cancel'] });
    expect(c.agenda).toEqual(proposal.items);
    expect(c.invitees.professionals.map((p) => p.userId)).toEqual([sanne.id, iris.id]);
    expect(c.invitees.members.map((m) => m.id)).toEqual([family.parentId]);
    expect(c.invitees.supporters.map((s) => s.id)).toEqual([supporterId]);

    const own = await created({ agenda: [{ kind: 'action', refId: overdueActionId }, { kind: 'free', title: 'Rondvraag' }] });
    expect(own.agenda).toEqual([
      { kind: 'action', refId: overdueActionId, goalId: moneyGoalId, title: 'Brieven van de schuldeisers verzamelen' },
      { kind: 'free', refId: null, goalId: null, title: 'Rondvraag' },
    ]);
    // Iris sees it too, but only the organiser and the coordinator change it.
    const seen = (await iris.client.get(`${base}/consultations/${c.id}`)).json() as Consultation;
    expect(seen).toMatchObject({ id: c.id, allowedActions: [] });
    expect((await iris.client.post(`${base}/consultations/${c.id}/cancel`, {})).statusCode).toBe(403);
  });

  it('refuses invitees and agenda items from outside the file, and a consultation without a place', async () => {
    const other = await makeFamily(sanne.client, 'Gezin de Boer');
    const res = await plan({ invitees: { userIds: [stranger.id], memberIds: [other.parentId] } });
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/body/invitees/memberIds']);
    expect((await plan({ invitees: { userIds: [stranger.id] } })).statusCode).toBe(422);
    const foreignGoal = (await addGoalNow(sanne.client, other.id, 'Een ander doel')).id;
    const agenda = await plan({ agenda: [{ kind: 'goal', refId: foreignGoal }] });
    expect(agenda.statusCode).toBe(422);
    expect((agenda.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/body/agenda/0/refId']);
    expect((await plan({ location: '', videoUrl: undefined })).statusCode).toBe(400);
    expect((await plan({ endsAt: hours(47) })).statusCode).toBe(400);
  });

  it('answers an outsider 404, as for a family that does not exist, and audits it', async () => {
    const c = await created();
    for (const url of [`${base}/consultations`, `${base}/consultations/${c.id}`, `${base}/consultations/${c.id}/invitation.ics`]) {
      const res = await stranger.client.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await stranger.client.post(`${base}/consultations/${c.id}/cancel`, {})).statusCode).toBe(404);
    expect((await plan({}, stranger)).statusCode).toBe(404);
    const denied = (await auditOf(t.db, family.id)).filter((r) => r.user_id === stranger.id);
    expect(denied.length).toBe(5);
    expect(denied.every((r) => r.outcome === 'denied' && r.resource_type === 'consultation')).toBe(true);
    // Nor does it show in the stranger's own lists.
    expect(((await stranger.client.get('/api/v1/me/consultations')).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('tells each invited professional once (not the organiser), with ids only', async () => {
    const c = await created();
    const invited = await t.db.selectFrom('notifications').selectAll().where('kind', '=', 'consultation.invited').where(({ eb, ref }) => eb(ref('data', '->>').key('consultationId'), '=', c.id)).execute();
    expect(invited.map((n) => n.user_id)).toEqual([iris.id]);
    expect(invited[0]!.data).toEqual({ consultationId: c.id, startsAt: c.startsAt });
    // Rescheduling does not invite her again; a newly invited colleague is told.
    const colleague = await makeUser(t, sanne.organisationId, ['professional'], 'Mo Benali');
    await sanne.client.create(`${base}/team`, { userId: colleague.id, role: 'member' });
    const moved = await sanne.client.patch(`${base}/consultations/${c.id}`, { startsAt: hours(72), endsAt: hours(73), invitees: { userIds: [iris.id, colleague.id], memberIds: [family.parentId] } }, c.version);
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await t.db.selectFrom('notifications').select('user_id').where('kind', '=', 'consultation.invited').where(({ eb, ref }) => eb(ref('data', '->>').key('consultationId'), '=', c.id)).execute();
    expect(after.map((n) => n.user_id).sort()).toEqual([iris.id, colleague.id].sort());
  });

  it('reschedules with If-Match: 428 without, 412 when stale, and a higher SEQUENCE', async () => {
    const c = await created();
    const url = `${base}/consultations/${c.id}`;
    expect((await sanne.client.request('PATCH', url, { location: 'Buurthuis' })).statusCode).toBe(428);
    const startsAt = hours(96);
    const moved = await sanne.client.patch(url, { startsAt, endsAt: hours(97) }, c.version);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ sequence: 1, version: 2, startsAt });
    const stale = await sanne.client.patch(url, { location: 'Buurthuis' }, c.version);
    expect(stale.statusCode).toBe(412);
    expect(stale.headers.etag).toBe('"2"');
    // A change of agenda alone is no new invitation.
    const agenda = await sanne.client.patch(url, { agenda: [{ kind: 'free', title: 'Hoe gaat het thuis?' }] }, 2);
    expect(agenda.json()).toMatchObject({ sequence: 1, version: 3 });
    expect((await timelineOf(sanne.client, family.id)).some((e) => e.event === 'consultation.rescheduled' && e.data.consultationId === c.id)).toBe(true);
  });

  it('records attendance, decisions and new actions, which go into the plan with its own timeline entries', async () => {
    const c = await created({ startsAt: hours(-2), endsAt: hours(-1) });
    const options = (await sanne.client.get(`${base}/goals/${moneyGoalId}/options`)).json() as { items: { id: string }[] };
    const optionId = options.items[0]?.id ?? (await sanne.client.create(`${base}/goals/${moneyGoalId}/options`, { title: 'Schuldhulptraject' })).id;
    const res = await sanne.client.post(`${base}/consultations/${c.id}/record`, {
      attended: { userIds: [sanne.id, iris.id], memberIds: [family.parentId] },
      notes: 'Marieke vertelde over de brieven.',
      decisions: [
        { text: 'We starten met het schuldhulptraject.', goalId: moneyGoalId, chosenOptionIds: [optionId] },
        { text: 'Over zes weken weer samen.' },
      ],
      actions: [
        { goalId: moneyGoalId, title: 'Aanmelden bij schuldhulp', dueDate: '2030-01-10', assigneeUserId: iris.id },
        { goalId: moneyGoalId, title: 'Alle brieven in één map', assigneeMemberId: family.parentId },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const held = res.json() as Consultation;
    expect(held).toMatchObject({ status: 'held', allowedActions: [] });
    expect(held.invitees.professionals.map((p) => p.attended)).toEqual([true, true]);
    expect(held.invitees.supporters).toHaveLength(1);
    expect(held.record!.decisions[0]!.sharedDecisionId).toEqual(expect.any(String));
    expect(held.record!.decisions[1]).toEqual({ text: 'Over zes weken weer samen.', goalId: null, sharedDecisionId: null });

    const goal = (await planOf(iris.client, family.id)).goals.find((g) => g.id === moneyGoalId)!;
    const newActions = goal.actions.filter((a) => held.record!.actions.some((r) => r.actionId === a.id));
    expect(newActions.map((a) => [a.title, a.assignee.id]).sort()).toEqual([['Aanmelden bij schuldhulp', iris.id], ['Alle brieven in één map', family.parentId]]);
    const decisions = (await sanne.client.get(`${base}/goals/${moneyGoalId}/decisions`)).json() as { items: { id: string; rationale: string }[] };
    expect(decisions.items.map((d) => [d.id, d.rationale])).toContainEqual([held.record!.decisions[0]!.sharedDecisionId, 'We starten met het schuldhulptraject.']);
    const events = (await timelineOf(sanne.client, family.id)).map((e) => e.event);
    expect(events.filter((e) => e === 'action.created').length).toBeGreaterThanOrEqual(2);
    expect(events).toEqual(expect.arrayContaining(['consultation.held', 'consultation.decided', 'decision.recorded']));

    // Recorded once; and an invalid record changes nothing at all (one transaction).
    expect((await sanne.client.post(`${base}/consultations/${c.id}/record`, { attended: {} })).statusCode).toBe(409);
    const other = await created({ startsAt: hours(-3), endsAt: hours(-2) });
    const before = (await planOf(sanne.client, family.id)).goals.flatMap((g) => g.actions).length;
    const bad = await sanne.client.post(`${base}/consultations/${other.id}/record`, {
      attended: { memberIds: [family.parentId] },
      actions: [{ goalId: moneyGoalId, title: 'Komt er niet', assigneeMemberId: family.parentId }, { goalId: moneyGoalId, title: 'Fout', assigneeUserId: stranger.id }],
    });
    expect(bad.statusCode).toBe(422);
    expect((await planOf(sanne.client, family.id)).goals.flatMap((g) => g.actions).length).toBe(before);
    expect(((await sanne.client.get(`${base}/consultations/${other.id}`)).json() as Consultation).status).toBe('planned');
    // Only who was invited can be ticked off; a consultation still to come waits for its day.
    expect((await sanne.client.post(`${base}/consultations/${other.id}/record`, { attended: { memberIds: [family.childId] } })).statusCode).toBe(422);
    const future = await created();
    expect((await sanne.client.post(`${base}/consultations/${future.id}/record`, { attended: {} })).statusCode).toBe(409);
  });

  it('cancels: status, the invitees told, the invitation a METHOD:CANCEL with a higher SEQUENCE', async () => {
    const c = await created();
    const res = await sanne.client.post(`${base}/consultations/${c.id}/cancel`, { reason: 'Marieke is ziek.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', sequence: 1, cancelReason: 'Marieke is ziek.', allowedActions: [] });
    const told = await t.db.selectFrom('notifications').selectAll().where('kind', '=', 'consultation.cancelled').where(({ eb, ref }) => eb(ref('data', '->>').key('consultationId'), '=', c.id)).execute();
    expect(told.map((n) => [n.user_id, n.data])).toEqual([[iris.id, { consultationId: c.id }]]);
    const ics = await iris.client.get(`${base}/consultations/${c.id}/invitation.ics`);
    expect(ics.body).toMatch(/\r\nMETHOD:CANCEL\r\n/);
    const [event] = parse(ics.body);
    expect(event).toMatchObject({ uid: `${c.id}@gezinsplan`, status: 'CANCELLED' });
    expect(Number(event!.sequence)).toBe(1);
    expect((await sanne.client.post(`${base}/consultations/${c.id}/cancel`, {})).statusCode).toBe(409);
    expect((await sanne.client.patch(`${base}/consultations/${c.id}`, { location: 'Elders' }, 2)).statusCode).toBe(409);
  });

  it('writes an invitation that an independent parser reads, with no family name and no agenda text', async () => {
    const c = await created({ location: 'Wijkcentrum De Kroon; zaal 2, eerste verdieping — achter de bibliotheek aan de Lange Nieuwstraat' });
    const res = await sanne.client.get(`${base}/consultations/${c.id}/invitation.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="consult-${c.id}.ics"`);
    const text = res.body;
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toMatch(/\r\nMETHOD:REQUEST\r\n/);
    // Folded at 75 octets, CRLF throughout.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const [event, ...more] = parse(text);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ uid: `${c.id}@gezinsplan`, status: 'CONFIRMED', summary: 'Gezamenlijk consult (Gezinsplan)' });
    expect(Number(event!.sequence)).toBe(0);
    expect(event!.start.toISOString()).toBe(c.startsAt);
    expect(event!.end!.toISOString()).toBe(c.endsAt);
    expect(event!.dtstamp).toBeInstanceOf(Date);
    expect(String(event!.location)).toContain('Wijkcentrum De Kroon; zaal 2, eerste verdieping — achter de bibliotheek aan de Lange Nieuwstraat');
    expect(String(event!.location)).toContain('https://meet.example.nl/mdo-42');
    expect(String(event!.description)).toContain(`/gezinnen/${family.id}/overleg/${c.id}`);
    const organiser = event!.organizer as unknown as { val: string; params: { CN: string } };
    expect(organiser.val).toBe(`mailto:${sanne.email}`);
    expect(attendeeMails(event!)).toEqual([iris.email]);
    for (const secret of ['Jansen', 'Marieke', 'rust over geld', 'Brieven', 'Oma']) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('gives each user a calendar feed: with the session, or with a secret token and no cookie; a wrong or old token is refused', async () => {
    const c = await created();
    const withSession = await iris.client.get('/api/v1/me/calendar.ics');
    expect(withSession.statusCode).toBe(200);
    expect(parse(withSession.body).map((e) => e.uid)).toContain(`${c.id}@gezinsplan`);

    expect(((await iris.client.get('/api/v1/me/calendar-token')).json())).toEqual({ active: false, createdAt: null });
    const made = await iris.client.post('/api/v1/me/calendar-token');
    expect(made.statusCode).toBe(201);
    const { token, feedUrl } = made.json() as { token: string; feedUrl: string };
    expect(feedUrl).toContain(`/api/v1/me/calendar.ics?token=${token}`);
    expect(((await iris.client.get('/api/v1/me/calendar-token')).json())).toMatchObject({ active: true });

    const anonymous = new ApiClient(t.app);
    const feed = await anonymous.get(`/api/v1/me/calendar.ics?token=${token}`);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.body).not.toMatch(/METHOD:/);
    const events = parse(feed.body);
    const mine = events.find((e) => e.uid === `${c.id}@gezinsplan`)!;
    expect(mine.start.toISOString()).toBe(c.startsAt);
    expect(attendeeMails(mine)).toEqual([iris.email]);
    for (const secret of ['Jansen', 'Marieke', 'rust over geld', 'Brieven']) expect(feed.body.toLowerCase()).not.toContain(secret.toLowerCase());
    // Each consultation in it is audited as read, in the family's chain.
    expect((await auditOf(t.db, family.id)).some((r) => r.event_type === 'consultation.feed-read' && r.user_id === iris.id && r.resource_id === c.id)).toBe(true);

    expect((await anonymous.get('/api/v1/me/calendar.ics?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/me/calendar.ics?token=nope')).statusCode).toBe(400);
    expect((await anonymous.get('/api/v1/me/calendar.ics')).statusCode).toBe(401);
    // A new link replaces the old one.
    const renewed = (await iris.client.post('/api/v1/me/calendar-token')).json() as { token: string };
    expect((await anonymous.get(`/api/v1/me/calendar.ics?token=${token}`)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/v1/me/calendar.ics?token=${renewed.token}`)).statusCode).toBe(200);
    expect((await iris.client.delete('/api/v1/me/calendar-token')).statusCode).toBe(204);
    expect((await anonymous.get(`/api/v1/me/calendar.ics?token=${renewed.token}`)).statusCode).toBe(401);
  });

  it('lists my upcoming consultations for Mijn werk, and the family sees theirs in their own file', async () => {
    const c = await created();
    const mine = (await iris.client.get('/api/v1/me/consultations')).json() as { items: { id: string; familyName: string | null; organiserName: string }[] };
    expect(mine.items.map((i) => i.id)).toContain(c.id);
    expect(mine.items.find((i) => i.id === c.id)).toMatchObject({ familyName: 'Gezin Jansen', organiserName: 'Sanne de Vries' });
    const parent = await makeFamilyAccount(t, sanne.client, family.id, family.parentId);
    const theirs = (await parent.client.get('/api/v1/me/consultations')).json() as { items: { id: string }[] };
    expect(theirs.items.map((i) => i.id)).toContain(c.id);
    const file = await parent.client.get(`${base}/consultations/${c.id}`);
    expect(file.statusCode).toBe(200);
    expect((file.json() as Consultation).agenda.length).toBeGreaterThan(0);
  });

  it('is included in the member’s data-subject export and destroyed with the file', async () => {
    const { memberExport } = await import('../../packages/server/src/modules/privacy/member-export');
    const { destroyFamilyFile } = await import('../../packages/server/src/modules/retention/destroy-file');
    const exported = await memberExport(t.db, family.id, family.parentId, new Date());
    expect((exported as unknown as { consultations: { id: string }[] }).consultations.length).toBeGreaterThan(3);
    await t.db.transaction().execute((tx) => destroyFamilyFile(tx, family.id, 'erasure-request', new Date(), 'test'));
    expect(await t.db.selectFrom('consultations').select('id').where('family_id', '=', family.id).execute()).toEqual([]);
  });
});
