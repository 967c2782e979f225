import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { auditOf, makeFamily, makeFamilyAccount, makeOrganisation, makeUser, PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { makeCovenant } from '../support/sharing';

const yearsAgo = (years: number, days = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

interface Goal { id: string; title: string; version: number; view: string; actions: { id: string; version: number; status: string }[] }
interface Consent { id: string; version: number; effective: boolean; stillNeeded: { reason: string }[]; description: string; memberId: string }
interface AuditRow { eventType: string; user: { name: string | null; organisationName: string | null }; object: { memberId: string | null }; accessPoint: { ip: string | null } }

/**
 * Family accounts: the coordinator invites a parent or a youth of 12+, who signs in to their own family's file, sees
 * the plan, the team, their consents and who looked at their file, writes in their own words, and decides about
 * consent for themselves; a youth of 16 decides whether a parent sees their data.
 */
describe('family accounts', () => {
  let t: TestApp;
  let sanne: Awaited<ReturnType<typeof makeUser>>;
  let gp: Awaited<ReturnType<typeof makeUser>>;
  let familyId: string;
  let base: string;
  const ids: Record<'mother' | 'bram' | 'eva' | 'baby', string> = { mother: '', bram: '', eva: '', baby: '' };

  beforeAll(async () => {
    t = await startTestApp();
    const wijkteam = await makeOrganisation(t, 'wijkteam', 'Wijkteam Zuid');
    const huisarts = await makeOrganisation(t, 'huisarts', 'Huisartsenpraktijk Het Plein');
    sanne = await makeUser(t, wijkteam, ['professional'], 'Sanne Visser');
    gp = await makeUser(t, huisarts, ['professional'], 'dr. Ahmed Yilmaz');
    await makeCovenant(t, wijkteam, huisarts);
    const family = await sanne.client.create<{ id: string }>('/api/v1/families', {
      name: 'Gezin Smit',
      members: [
        { givenName: 'Anouk', familyName: 'Smit', birthDate: '1986-02-14', role: 'parent', hasCustody: true },
        { givenName: 'Bram', familyName: 'Smit', birthDate: yearsAgo(13), role: 'child' },
        { givenName: 'Eva', familyName: 'Smit', birthDate: yearsAgo(17), role: 'child' },
        { givenName: 'Noor', familyName: 'Smit', birthDate: yearsAgo(8), role: 'child' },
      ],
    });
    familyId = family.id;
    base = `/api/v1/families/${familyId}`;
    const members = (await sanne.client.get(`${base}/members`)).json() as { items: { id: string; givenName: string }[] };
    const idOf = (name: string) => members.items.find((m) => m.givenName === name)!.id;
    Object.assign(ids, { mother: idOf('Anouk'), bram: idOf('Bram'), eva: idOf('Eva'), baby: idOf('Noor') });
    await sanne.client.create(`${base}/team`, { userId: gp.id, role: 'member', lifeDomains: ['lichamelijke-gezondheid'] });
  });
  afterAll(async () => { await t.close(); });

  it('invites by a one-time code that works once, expires, and is only for a parent or a youth of 12 or older', async () => {
    const tooYoung = await sanne.client.post(`${base}/invitations`, { memberId: ids.baby });
    expect(tooYoung.statusCode).toBe(422);
    expect(tooYoung.json()).toMatchObject({ errors: [{ pointer: '/body/memberId', detail: 'younger than 12' }] });

    const first = await sanne.client.create<{ id: string; code: string; link: string; status: string }>(`${base}/invitations`, { memberId: ids.mother, validDays: 7 });
    expect(first.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(first).toMatchObject({ status: 'open', link: `/uitnodiging?code=${first.code}` });
    // A new invitation replaces the open one; the old code no longer works.
    const second = await sanne.client.create<{ id: string; code: string }>(`${base}/invitations`, { memberId: ids.mother });
    const list = (await sanne.client.get(`${base}/invitations`)).json() as { items: { id: string; status: string }[] };
    expect(list.items.map((i) => [i.id, i.status])).toEqual([[second.id, 'open'], [first.id, 'revoked']]);
    expect(JSON.stringify(list)).not.toContain(second.code);

    const anonymous = new ApiClient(t.app);
    expect((await anonymous.post('/api/v1/auth/invitation', { code: first.code })).statusCode).toBe(404);
    // Typed by hand: lower case, without dashes, is the same code.
    const preview = await anonymous.post('/api/v1/auth/invitation', { code: second.code.replace(/-/g, '').toLowerCase() });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({ givenName: 'Anouk', expiresAt: expect.any(String) });

    const weak = await anonymous.post('/api/v1/auth/accept-invitation', { code: second.code, email: 'anouk@smit.test', password: 'kort' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ errors: [expect.objectContaining({ pointer: '/body/password' })] });
    const mother = await new ApiClient(t.app).acceptInvitation(second.code, 'anouk@smit.test', PASSWORD);
    expect(mother.user).toMatchObject({ kind: 'family', name: 'Anouk Smit', familyId, memberId: ids.mother });
    const again = await anonymous.post('/api/v1/auth/accept-invitation', { code: second.code, email: 'ander@smit.test', password: PASSWORD });
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    // A wrong code is recorded like a failed sign-in; the acceptance is in the family's own log.
    const refused = await t.db.selectFrom('audit_events').select(['event_type', 'outcome']).where('chain_id', '=', 'system')
      .where('event_type', 'in', ['invitation.accepted', 'invitation.previewed']).execute();
    expect(refused).toEqual(expect.arrayContaining([{ event_type: 'invitation.accepted', outcome: 'denied' }, { event_type: 'invitation.previewed', outcome: 'denied' }]));
    expect((await auditOf(t.db, familyId)).some((r) => r.event_type === 'family-account.created' && r.member_id === ids.mother)).toBe(true);

    const twice = await sanne.client.post(`${base}/invitations`, { memberId: ids.mother });
    expect(twice.statusCode).toBe(409);

    // An invitation past its date is expired, and its code is refused.
    const late = await sanne.client.create<{ id: string; code: string }>(`${base}/invitations`, { memberId: ids.bram, validDays: 1 });
    await t.db.updateTable('family_invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', late.id).execute();
    expect((await anonymous.post('/api/v1/auth/invitation', { code: late.code })).statusCode).toBe(404);
    const after = (await sanne.client.get(`${base}/invitations`)).json() as { items: { id: string; status: string }[] };
    expect(after.items.find((i) => i.id === late.id)?.status).toBe('expired');

    // The family member signs in through the same sign-in as everyone.
    const signedIn = await new ApiClient(t.app).login('anouk@smit.test', PASSWORD);
    const me = (await signedIn.get('/api/v1/me')).json() as { user: { kind: string; memberId: string } };
    expect(me.user).toMatchObject({ kind: 'family', memberId: ids.mother });
  });

  it('shows the family its own file, the team with roles and organisations, and nothing of another family', async () => {
    const mother = await new ApiClient(t.app).login('anouk@smit.test', PASSWORD);
    expect((await mother.get(base)).json()).toMatchObject({ id: familyId, name: 'Gezin Smit' });
    const team = (await mother.get(`${base}/team`)).json() as { items: { name: string; organisationName: string; role: string }[] };
    expect(team.items.map((m) => [m.name, m.organisationName, m.role])).toEqual([
      ['Sanne Visser', 'Wijkteam Zuid', 'coordinator'], ['dr. Ahmed Yilmaz', 'Huisartsenpraktijk Het Plein', 'member'],
    ]);
    const members = (await mother.get(`${base}/members`)).json() as { items: unknown[] };
    expect(members.items).toHaveLength(4);

    // Another family is not there for her, and neither are the organisation-wide lists.
    const other = await makeFamily(sanne.client, 'Gezin Anders');
    for (const url of [`/api/v1/families/${other.id}`, `/api/v1/families/${other.id}/plan`, `/api/v1/families/${other.id}/audit`]) {
      const res = await mother.get(url);
      expect(res.statusCode, url).toBe(404);
    }
    expect((await auditOf(t.db, other.id)).filter((r) => r.user_id === mother.user!.id).map((r) => [r.outcome, r.detail])).toEqual([
      ['denied', expect.objectContaining({ basis: 'not-own-family' })], ['denied', expect.anything()], ['denied', expect.anything()],
    ]);
    for (const url of ['/api/v1/me/families', '/api/v1/me/actions', '/api/v1/organisations', '/api/v1/directory/professionals', '/api/v1/privacy/audit']) {
      expect((await mother.get(url)).statusCode, url).toBe(403);
    }
    // The team's tools are not hers: adding people, breaking the glass, inviting.
    expect((await mother.post(`${base}/team`, { userId: gp.id, role: 'member' })).statusCode).toBe(404);
    expect((await mother.post(`${base}/break-glass`, { categories: ['safety'], reason: 'Ik wil alles kunnen zien van mijn dochter.' })).statusCode).toBe(404);
    expect((await mother.post(`${base}/invitations`, { memberId: ids.eva })).statusCode).toBe(404);
  });

  it('lets the family write in its own words, mark its own actions done, and nothing more', async () => {
    const mother = await new ApiClient(t.app).login('anouk@smit.test', PASSWORD);
    const own = await mother.create<Goal>(`${base}/goals`, { title: 'Ik wil weer rust in mijn hoofd', lifeDomain: 'geestelijke-gezondheid', memberIds: [ids.mother] });
    expect(own).toMatchObject({ owner: { kind: 'member', id: ids.mother } });
    // The GP has no consent for mental health, yet sees what the family wrote for its team.
    const gpPlan = (await gp.client.get(`${base}/plan`)).json() as { goals: Goal[] };
    expect(gpPlan.goals.map((g) => g.title)).toContain('Ik wil weer rust in mijn hoofd');
    const renamed = await mother.patch(`${base}/goals/${own.id}`, { title: 'Ik wil weer goed slapen' }, own.version);
    expect(renamed.statusCode, renamed.body).toBe(200);
    const priority = await mother.patch(`${base}/goals/${own.id}`, { focus: 'later' }, own.version + 1);
    expect(priority.statusCode).toBe(403);
    expect(priority.json()).toMatchObject({ errors: [{ pointer: '/body/focus' }] });

    const teamGoal = await sanne.client.create<Goal>(`${base}/goals`, { title: 'Vaste dagstructuur', lifeDomain: 'tijdsbesteding', memberIds: [ids.mother] });
    const mine = await sanne.client.create<{ id: string; version: number }>(`${base}/goals/${teamGoal.id}/actions`, { title: 'Weekschema maken', assigneeMemberId: ids.mother });
    const sannes = await sanne.client.create<{ id: string; version: number }>(`${base}/goals/${teamGoal.id}/actions`, { title: 'Dagbesteding zoeken', assigneeUserId: sanne.id });
    expect((await mother.patch(`${base}/goals/${teamGoal.id}`, { title: 'Iets anders' }, 1)).statusCode).toBe(403);
    expect((await mother.post(`${base}/goals/${teamGoal.id}/actions`, { title: 'Zelf iets', assigneeMemberId: ids.mother })).statusCode).toBe(403);
    expect((await mother.patch(`${base}/actions/${sannes.id}`, { status: 'done' }, sannes.version)).statusCode).toBe(403);
    expect((await mother.patch(`${base}/actions/${mine.id}`, { status: 'done', dueDate: '2030-01-01' }, mine.version)).statusCode).toBe(403);
    const done = await mother.patch(`${base}/actions/${mine.id}`, { status: 'done' }, mine.version);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done' });

    const comment = await mother.create<{ author: unknown; body: string }>(`${base}/timeline`, {
      body: 'Het weekschema helpt, de ochtenden zijn rustiger.', lifeDomain: 'tijdsbesteding', memberIds: [ids.mother],
    });
    expect(comment.author).toEqual({ userId: mother.user!.id, name: 'Anouk Smit', organisationName: null, memberId: ids.mother });
    const sannesView = (await sanne.client.get(`${base}/timeline`)).json() as { items: { body: string | null; event: string; author: { memberId: string | null } | null }[] };
    expect(sannesView.items.find((e) => e.body?.startsWith('Het weekschema'))?.author).toMatchObject({ memberId: ids.mother });
    expect(sannesView.items.find((e) => e.event === 'action.done')?.author).toMatchObject({ memberId: ids.mother });
  });

  it('lets a youth of 16 or older decide whether a parent sees their data; a 13-year-old\u2019s needs both', async () => {
    const mother = await new ApiClient(t.app).login('anouk@smit.test', PASSWORD);
    const eva = (await makeFamilyAccount(t, sanne.client, familyId, ids.eva)).client;
    const bram = (await makeFamilyAccount(t, sanne.client, familyId, ids.bram)).client;
    const evasGoal = await sanne.client.create<Goal>(`${base}/goals`, { title: 'Eva praat met iemand over haar somberheid', lifeDomain: 'geestelijke-gezondheid', memberIds: [ids.eva] });
    const bramsGoal = await sanne.client.create<Goal>(`${base}/goals`, { title: 'Bram gaat weer naar de voetbal', lifeDomain: 'sociaal-netwerk', memberIds: [ids.bram] });
    const titles = async (c: ApiClient) => ((await c.get(`${base}/plan`)).json() as { goals: Goal[] }).goals.map((g) => g.title);

    // Eva sees her own goal; her mother does not, but does see her 13-year-old son's.
    expect(await titles(eva)).toContain(evasGoal.title);
    expect(await titles(mother)).not.toContain(evasGoal.title);
    expect(await titles(mother)).toContain(bramsGoal.title);
    expect((await mother.patch(`${base}/goals/${evasGoal.id}`, { title: 'Anders' }, evasGoal.version)).statusCode).toBe(404);

    // Eva lets her mother see her mental-health data; the very next request shows it. The mother cannot do it for her.
    const byMother = await mother.post(`${base}/consents`, { memberId: ids.eva, recipientMemberId: ids.mother, categories: ['geestelijke-gezondheid'], purpose: 'Samen', givenBy: [ids.eva] });
    expect(byMother.statusCode).toBe(403);
    const shared = await eva.create<Consent>(`${base}/consents`, { memberId: ids.eva, recipientMemberId: ids.mother, categories: ['geestelijke-gezondheid'], purpose: 'Mama mag meelezen', givenBy: [ids.eva] });
    expect(shared).toMatchObject({ effective: true, organisation: null, recipientMember: { id: ids.mother, name: 'Anouk' } });
    expect(shared.description).toBe('Anouk mag zien: geestelijke gezondheid.');
    expect(await titles(mother)).toContain(evasGoal.title);
    const withdrawn = await eva.post(`${base}/consents/${shared.id}/withdraw`, undefined, { 'if-match': `"${shared.version}"` });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await titles(mother)).not.toContain(evasGoal.title);

    // What Eva allows the GP is her business: her mother does not see that consent in her list.
    const evaToGp = await eva.create<Consent>(`${base}/consents`, { memberId: ids.eva, organisationId: gp.organisationId, categories: ['geestelijke-gezondheid'], purpose: 'Huisarts', givenBy: [ids.eva] });
    const mothersConsents = (await mother.get(`${base}/consents`)).json() as { items: Consent[] };
    expect(mothersConsents.items.map((c) => c.id)).not.toContain(evaToGp.id);
    expect((await mother.post(`${base}/consents/${evaToGp.id}/withdraw`, undefined, { 'if-match': '"1"' })).statusCode).toBe(404);

    // Bram (13): his mother's consent alone is not enough; when he agrees too, it counts. She cannot agree for him.
    const forBram = await mother.create<Consent>(`${base}/consents`, { memberId: ids.bram, organisationId: gp.organisationId, categories: ['sociaal-netwerk'], purpose: 'Huisarts', givenBy: [ids.mother] });
    expect(forBram).toMatchObject({ effective: false, stillNeeded: [{ reason: 'self' }] });
    expect(await titles(gp.client)).not.toContain(bramsGoal.title);
    const speakingForHim = await mother.patch(`${base}/consents/${forBram.id}`, { givenBy: [ids.bram] }, forBram.version);
    expect(speakingForHim.statusCode).toBe(422);
    const agreed = await bram.patch(`${base}/consents/${forBram.id}`, { givenBy: [ids.bram] }, forBram.version);
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json()).toMatchObject({ effective: true, stillNeeded: [] });
    expect(await titles(gp.client)).toContain(bramsGoal.title);
  });

  it('shows the family every access to their file, without the professionals\u2019 addresses, and not a youth\u2019s own', async () => {
    const mother = await new ApiClient(t.app).login('anouk@smit.test', PASSWORD);
    await gp.client.get(`${base}/plan`);
    await sanne.client.get(`${base}/members/${ids.eva}`);
    await sanne.client.get(`${base}/members/${ids.bram}`);
    const log = (await mother.get(`${base}/audit?limit=200`)).json() as { items: AuditRow[] };
    expect(log.items.find((r) => r.eventType === 'plan.read' && r.user.name === 'dr. Ahmed Yilmaz')).toMatchObject({
      user: { organisationName: 'Huisartsenpraktijk Het Plein' }, accessPoint: { ip: null },
    });
    const aboutMembers = new Set(log.items.map((r) => r.object.memberId).filter(Boolean));
    expect(aboutMembers.has(ids.bram)).toBe(true);
    expect(aboutMembers.has(ids.eva)).toBe(false);
    const evasLog = (await (await new ApiClient(t.app).login((await t.db.selectFrom('users').select('email').where('member_id', '=', ids.eva).executeTakeFirstOrThrow()).email, PASSWORD)).get(`${base}/audit?limit=200`)).json() as { items: AuditRow[] };
    expect(evasLog.items.some((r) => r.object.memberId === ids.eva)).toBe(true);
  });

  it('ends a family member\u2019s account when the coordinator withdraws the invitation', async () => {
    const bramAccount = await t.db.selectFrom('users').select(['id', 'email']).where('member_id', '=', ids.bram).executeTakeFirstOrThrow();
    const bram = await new ApiClient(t.app).login(bramAccount.email, PASSWORD);
    const invitation = await t.db.selectFrom('family_invitations').select(['id', 'version']).where('user_id', '=', bramAccount.id).executeTakeFirstOrThrow();
    const revoked = await sanne.client.post(`${base}/invitations/${invitation.id}/revoke`, undefined, { 'if-match': `"${invitation.version}"` });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect((await bram.get(`${base}/plan`)).statusCode).toBe(401);
    const login = await new ApiClient(t.app).post('/api/v1/auth/login', { email: bramAccount.email, password: PASSWORD });
    expect(login.statusCode).toBe(401);
  });
});
