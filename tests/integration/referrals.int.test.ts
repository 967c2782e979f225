import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, makeFamily, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { consentFor, ensureCovenants } from '../support/sharing';

interface Referral {
  id: string; status: string; side: string; allowedTransitions: string[]; overdue: boolean; acceptedBy: { userId: string } | null;
  shared: { goal: { title: string; lifeDomain: string }; reason: string; summary: string; familyName: string | null; who: { givenName: string; age: number }[] };
  history: { status: string; by: string; note: string }[];
}
type Person = Awaited<ReturnType<typeof makeUser>>;

/**
 * Referrals (issue 6), closed-loop: a professional on the team refers the family for a goal to another organisation;
 * the receiving organisation sees only what the referral shares (and only what the family consented to share with
 * it), answers, and by accepting joins the care team; every change reaches the referrer and the coordinator.
 */
describe('referrals', () => {
  let t: TestApp;
  let sanne: Person; // wijkteam, coordinator
  let mo: Person; // schuldhulp, on the team
  let iris: Person; // De Brug, the receiving organisation
  let stranger: Person;
  let family: Awaited<ReturnType<typeof makeFamily>>;
  let goalId: string;
  let base: string;
  let brugId: string;

  const refer = (body: Record<string, unknown>, who = sanne, at = base, goal = goalId) =>
    who.client.post(`${at}/referrals`, { goalId: goal, toOrganisationId: brugId, reason: 'Tim loopt vast op school en thuis; gezinsbehandeling nodig.', ...body });

  /** Another family with Mo on its team and De Brug allowed to see what is about Tim's social life (Iris on no team). */
  async function consentedFamily() {
    const f = await makeFamily(sanne.client, 'Gezin de Boer');
    const at = `/api/v1/families/${f.id}`;
    await sanne.client.create(`${at}/team`, { userId: mo.id, role: 'member' });
    await consentFor(sanne.client, f.id, mo.organisationId, { parentId: f.parentId, memberIds: [f.parentId, f.childId] });
    await consentFor(sanne.client, f.id, brugId, { parentId: f.parentId, memberIds: [f.childId], categories: ['socialisering'] });
    const goal = (await sanne.client.create(`${at}/goals`, { title: 'Minder ruzie thuis', lifeDomain: 'socialisering', memberIds: [f.childId] })).id;
    return { at, goal, refer: (body: Record<string, unknown>) => refer(body, sanne, at, goal) };
  }
  const move = (id: string, to: string, who: Person, note?: string) => who.client.post(`/api/v1/referrals/${id}/status`, { to, ...(note ? { note } : {}) });
  const pointers = (res: { json: () => unknown }) => ((res.json() as { errors?: { pointer: string; detail: string }[] }).errors ?? []).map((e) => [e.pointer, e.detail]);

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Zuid'), ['professional'], 'Sanne de Vries');
    mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Zuid'), ['professional'], 'Mohammed Benali');
    brugId = await makeOrganisation(t, 'specialist-jeugdhulp', 'De Brug');
    iris = await makeUser(t, brugId, ['professional'], 'Iris Mulder');
    stranger = await makeUser(t, await makeOrganisation(t, 'school', 'School Zuid'), ['professional'], 'Joost');
    family = await makeFamily(sanne.client, 'Gezin Jansen');
    base = `/api/v1/families/${family.id}`;
    await sanne.client.create(`${base}/team`, { userId: mo.id, role: 'member' });
    await ensureCovenants(t, [sanne.organisationId, mo.organisationId, brugId]);
    await consentFor(sanne.client, family.id, mo.organisationId, { parentId: family.parentId, memberIds: [family.parentId, family.childId] });
    goalId = (await sanne.client.create(`${base}/goals`, { title: 'Tim heeft weer vrienden en minder ruzie thuis', lifeDomain: 'socialisering', memberIds: [family.childId] })).id;
  });
  afterAll(async () => { await t?.close(); });

  it('shares only what the family consented to share with the receiving organisation', async () => {
    const none = await refer({});
    expect(none.statusCode).toBe(422);
    expect(pointers(none)).toEqual([['/body/toOrganisationId', 'not covered by the family’s consent']]);
    // The family lets De Brug see what is about Tim's social life, not who they are.
    await consentFor(sanne.client, family.id, brugId, { parentId: family.parentId, memberIds: [family.childId], categories: ['socialisering'] });
    const who = await refer({ includeWho: true });
    expect(pointers(who)).toEqual([['/body/includeWho', 'not covered by the family’s consent']]);
    const ok = await refer({ summary: 'Ruzies om schermtijd; moeder staat er alleen voor.' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'requested', side: 'referrer', shared: { familyName: null, who: [], goal: { lifeDomain: 'socialisering' } } });
    expect((await refer({ goalId: family.parentId })).statusCode).toBe(422);
  });

  it('shows the receiving organisation its referral and nothing else of the file; accepting puts the professional on the team', async () => {
    await consentFor(sanne.client, family.id, brugId, { parentId: family.parentId, memberIds: [family.parentId, family.childId], categories: ['identity', 'socialisering'] });
    const made = (await refer({ includeWho: true, summary: 'Moeder wil graag hulp thuis.' })).json() as Referral;
    expect(made.shared).toMatchObject({ familyName: 'Gezin Jansen', who: [{ givenName: 'Tim', age: expect.any(Number) }], summary: 'Moeder wil graag hulp thuis.' });

    const inbox = (await iris.client.get('/api/v1/referrals')).json() as { items: Referral[] };
    expect(inbox.items.map((r) => r.id)).toContain(made.id);
    const seen = (await iris.client.get(`/api/v1/referrals/${made.id}`)).json() as Referral;
    expect(seen).toMatchObject({ side: 'receiver', allowedTransitions: ['accepted', 'rejected'], shared: made.shared });
    expect((await iris.client.get(base)).statusCode).toBe(404);
    expect((await iris.client.get(`${base}/plan`)).statusCode).toBe(404);
    expect((await stranger.client.get(`/api/v1/referrals/${made.id}`)).statusCode).toBe(404);

    // Each side its own steps.
    expect((await move(made.id, 'cancelled', iris)).statusCode).toBe(403);
    expect((await move(made.id, 'completed', iris)).statusCode).toBe(409);
    expect((await move(made.id, 'accepted', stranger)).statusCode).toBe(404);
    const accepted = await move(made.id, 'accepted', iris, 'Intake volgende week.');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedBy: { userId: iris.id }, allowedTransitions: ['in-progress', 'failed'] });

    const team = (await sanne.client.get(`${base}/team`)).json() as { items: { userId: string; role: string; lifeDomains: string[] }[] };
    expect(team.items.find((m) => m.userId === iris.id)).toMatchObject({ role: 'member', lifeDomains: ['socialisering'] });
    expect((await iris.client.get(base)).statusCode).toBe(200);
    const told = (await sanne.client.get('/api/v1/me/notifications')).json() as { items: { kind: string; data: { referralId: string; status: string } }[] };
    expect(told.items).toContainEqual(expect.objectContaining({ kind: 'referral.status-changed', data: { referralId: made.id, status: 'accepted' } }));
    expect((await move(made.id, 'in-progress', iris)).statusCode).toBe(200);
    const done = (await move(made.id, 'completed', iris, 'Tien weken gezinsbehandeling; het gaat beter.')).json() as Referral;
    expect(done.history.map((h) => [h.status, h.by])).toEqual([
      ['requested', 'Sanne de Vries'], ['accepted', 'Iris Mulder'], ['in-progress', 'Iris Mulder'], ['completed', 'Iris Mulder'],
    ]);
    // The receiver's steps are its own data in the timeline (the family shares them with the wijkteam or not); the
    // referral's history above is what the referring side always sees.
    const timeline = (await iris.client.get(`${base}/timeline?limit=200`)).json() as { items: { event: string }[] };
    for (const e of ['referral.requested', 'referral.accepted', 'referral.in-progress', 'referral.completed', 'team.member-added']) expect(timeline.items.map((x) => x.event)).toContain(e);
    const audit = await auditOf(t.db, family.id);
    expect(audit.filter((r) => r.user_id === iris.id && r.event_type === 'referral.read')).toEqual([expect.objectContaining({ outcome: 'success', check_care_relationship: false, detail: expect.objectContaining({ basis: 'referral-receiver' }) })]);
    expect(audit.filter((r) => r.user_id === stranger.id && r.outcome === 'denied').map((r) => r.event_type)).toEqual(['referral.read', 'referral.status-changed']);
  });

  it('ends the receiver’s sight when it rejects; a draft is theirs only once sent; only the referrer or the coordinator withdraws', async () => {
    const other = await consentedFamily();
    const rejected = (await other.refer({})).json() as Referral;
    expect((await move(rejected.id, 'rejected', iris, 'Wachtlijst te lang; probeer de jeugd-ggz.')).statusCode).toBe(200);
    expect((await iris.client.get(`/api/v1/referrals/${rejected.id}`)).statusCode).toBe(404);
    expect(((await iris.client.get('/api/v1/referrals')).json() as { items: Referral[] }).items.map((r) => r.id)).not.toContain(rejected.id);
    const forTeam = ((await sanne.client.get(`${other.at}/referrals`)).json() as { items: Referral[] }).items.find((r) => r.id === rejected.id)!;
    expect(forTeam.history.at(-1)).toMatchObject({ status: 'rejected', note: 'Wachtlijst te lang; probeer de jeugd-ggz.' });

    const draft = (await other.refer({ send: false })).json() as Referral;
    expect(draft).toMatchObject({ status: 'draft', allowedTransitions: ['requested', 'cancelled'] });
    expect((await iris.client.get(`/api/v1/referrals/${draft.id}`)).statusCode).toBe(404);
    // Mo is on the team but neither referred nor coordinates: he may read, not send or withdraw.
    expect(((await mo.client.get(`/api/v1/referrals/${draft.id}`)).json() as Referral).allowedTransitions).toEqual([]);
    expect((await move(draft.id, 'requested', mo)).statusCode).toBe(403);
    expect((await move(draft.id, 'requested', sanne)).statusCode).toBe(200);
    expect((await iris.client.get(`/api/v1/referrals/${draft.id}`)).statusCode).toBe(200);
    expect((await move(draft.id, 'cancelled', sanne, 'Gezin kiest voor de jeugd-ggz.')).statusCode).toBe(200);
    expect((await iris.client.get(`/api/v1/referrals/${draft.id}`)).statusCode).toBe(404);
    expect((await move(draft.id, 'requested', sanne)).statusCode).toBe(409);
  });

  it('flags a request unanswered for more than five working days', async () => {
    const other = await consentedFamily();
    const waiting = (await other.refer({})).json() as Referral;
    expect(waiting.overdue).toBe(false);
    await t.db.updateTable('referrals').set({ requested_at: new Date(Date.now() - 10 * 86_400_000) }).where('id', '=', waiting.id).execute();
    const listed = ((await sanne.client.get(`${other.at}/referrals`)).json() as { items: Referral[] }).items.find((r) => r.id === waiting.id)!;
    expect(listed.overdue).toBe(true);
    expect((await move(waiting.id, 'accepted', iris)).statusCode).toBe(200);
    expect(((await sanne.client.get(`${other.at}/referrals`)).json() as { items: Referral[] }).items.find((r) => r.id === waiting.id)!.overdue).toBe(false);
  });
});
