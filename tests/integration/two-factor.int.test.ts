import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { totpCode } from '../../packages/server/src/platform/auth/totp';
import { makeFamily, makeFamilyAccount, makeOrganisation, makeUser, PASSWORD, signIn, startTestApp, totpSecrets, type TestApp } from '../support/test-app';

const STEP_MS = 30_000;
/** The code of the time step `offset` steps from now, as an app with a slightly fast or slow clock would show it. */
const codeAt = (secret: string, offset = 0) => totpCode(secret, new Date(Date.now() + offset * STEP_MS));

/** A password-only sign-in: the client stops at the second step. */
async function passwordOnly(t: TestApp, email: string): Promise<ApiClient> {
  return new ApiClient(t.app).login(email, PASSWORD);
}

describe('two-factor sign-in', () => {
  let t: TestApp;
  let wijkteam: string;
  beforeAll(async () => {
    t = await startTestApp();
    wijkteam = await makeOrganisation(t, 'wijkteam', 'Wijkteam West');
  });
  afterAll(async () => { await t.close(); });

  it('makes a privacy officer set up an app before anything else, shows the QR code and ten recovery codes once', async () => {
    await t.admin.create('/api/v1/users', { email: 'pieter@west.test', name: 'Pieter de Groot', password: PASSWORD, organisationId: wijkteam, roles: ['privacy-officer'] });
    const pieter = await passwordOnly(t, 'pieter@west.test');
    expect(pieter.secondFactor).toBe('enrolment-required');
    const blocked = await pieter.get('/api/v1/privacy/audit');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'TWO_FACTOR_ENROLMENT_REQUIRED' });
    expect((await pieter.get('/api/v1/me')).json()).toMatchObject({ secondFactor: 'enrolment-required', user: { name: 'Pieter de Groot' } });
    expect((await pieter.get('/api/v1/me/two-factor')).json()).toEqual({ enabled: false, required: true, enabledAt: null, recoveryCodesLeft: 0 });

    const started = await pieter.post('/api/v1/me/two-factor/enrolment');
    expect(started.statusCode, started.body).toBe(200);
    const { secret, otpauthUri, qrSvg } = started.json() as { secret: string; otpauthUri: string; qrSvg: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(`otpauth://totp/Gezinsplan:pieter%40west.test?issuer=Gezinsplan&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
    expect(qrSvg).toMatch(/^<svg [^>]*viewBox/);

    const wrong = await pieter.post('/api/v1/me/two-factor/confirm', { code: codeAt(secret, 5) });
    expect(wrong.statusCode).toBe(422);
    const cookieBefore = (pieter as unknown as { cookie: string }).cookie;
    const confirmCode = codeAt(secret);
    const confirmed = await pieter.post('/api/v1/me/two-factor/confirm', { code: confirmCode });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);

    // The session stepped up under a new token: the one from before the second factor is worth nothing now.
    const withOld = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieBefore } });
    expect(withOld.statusCode).toBe(401);
    (pieter as unknown as { cookie: string }).cookie = String(confirmed.headers['set-cookie']).split(';')[0]!;
    pieter.csrfToken = (confirmed.json() as { csrfToken: string }).csrfToken;
    expect((await pieter.get('/api/v1/privacy/audit')).statusCode).toBe(200);
    const stored = await t.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(stored.every((r) => r.code_hash.startsWith('$argon2id$'))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace('-', ''));

    // Next sign-in: the password is the first step only. A code counts once; a recovery code counts once.
    const next = await passwordOnly(t, 'pieter@west.test');
    expect(next.secondFactor).toBe('pending');
    const waiting = await next.get('/api/v1/privacy/audit');
    expect(waiting.statusCode).toBe(401);
    expect(waiting.json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' });
    expect((await next.post('/api/v1/auth/second-factor', { code: confirmCode })).statusCode).toBe(422);
    const recovered = await next.post('/api/v1/auth/second-factor', { recoveryCode: recoveryCodes[3]!.toLowerCase() });
    expect(recovered.statusCode, recovered.body).toBe(200);
    expect(recovered.json()).toMatchObject({ secondFactor: 'verified' });
    const again = await passwordOnly(t, 'pieter@west.test');
    expect((await again.post('/api/v1/auth/second-factor', { recoveryCode: recoveryCodes[3] })).statusCode).toBe(422);
    const byApp = await again.post('/api/v1/auth/second-factor', { code: codeAt(secret, 1) });
    expect(byApp.statusCode, byApp.body).toBe(200);

    const audit = await t.db.selectFrom('audit_events').select(['event_type', 'outcome', 'detail']).where('user_id', '=', pieter.user!.id).execute();
    expect(audit.map((r) => `${r.event_type}:${r.outcome}`)).toEqual(expect.arrayContaining([
      'two-factor.enrolment-started:success', 'two-factor.enabled:denied', 'two-factor.enabled:success', 'auth.second-factor:denied', 'auth.second-factor:success',
    ]));
    expect(audit.find((r) => (r.detail as { method?: string }).method === 'recovery-code' && r.outcome === 'success')?.detail).toMatchObject({ recoveryCodesLeft: 9 });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('locks the account after five wrong codes, as after five wrong passwords', async () => {
    const officer = await makeUser(t, wijkteam, ['privacy-officer'], 'Officer Lock');
    const client = await passwordOnly(t, officer.email);
    expect(client.secondFactor).toBe('pending');
    for (let i = 0; i < 4; i += 1) expect((await client.post('/api/v1/auth/second-factor', { code: '000000' })).statusCode).toBe(422);
    const fifth = await client.post('/api/v1/auth/second-factor', { code: '000000' });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(fifth.headers['retry-after']).toBe('900');
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    const login = await new ApiClient(t.app).post('/api/v1/auth/login', { email: officer.email, password: PASSWORD });
    expect(login.statusCode).toBe(429);
  });

  it('lets an organisation require it of all its people, decided by its own org-admin', async () => {
    const school = await makeOrganisation(t, 'school', 'School Noord');
    const orgAdmin = await makeUser(t, school, ['org-admin'], 'Beheer School');
    const teacher = await makeUser(t, school, ['professional'], 'Juf Anna');
    expect(teacher.client.secondFactor).toBe('not-needed');
    const elsewhere = await makeUser(t, wijkteam, ['org-admin'], 'Beheer Wijkteam');
    const org = (await t.admin.get('/api/v1/organisations?limit=200')).json() as { items: { id: string; version: number; requireTwoFactor: boolean }[] };
    const version = org.items.find((o) => o.id === school)!.version;
    expect((await elsewhere.client.patch(`/api/v1/organisations/${school}`, { requireTwoFactor: true }, version)).statusCode).toBe(404);
    expect((await teacher.client.patch(`/api/v1/organisations/${school}`, { requireTwoFactor: true }, version)).statusCode).toBe(403);
    expect((await orgAdmin.client.patch(`/api/v1/organisations/${school}`, { name: 'Andere naam' }, version)).statusCode).toBe(403);
    const required = await orgAdmin.client.patch(`/api/v1/organisations/${school}`, { requireTwoFactor: true }, version);
    expect(required.statusCode, required.body).toBe(200);
    expect(required.json()).toMatchObject({ requireTwoFactor: true, version: version + 1 });

    const teacherNext = await passwordOnly(t, teacher.email);
    expect(teacherNext.secondFactor).toBe('enrolment-required');
    expect((await teacherNext.get('/api/v1/me/families')).statusCode).toBe(403);
    const enrolled = await teacherNext.enrolTwoFactor();
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect((await teacherNext.get('/api/v1/me/families')).statusCode).toBe(200);
    // Where it is required, it cannot be turned off.
    const off = await teacherNext.post('/api/v1/me/two-factor/disable', { code: codeAt(enrolled.secret, 1) });
    expect(off.statusCode).toBe(403);
  });

  it('lets a family member turn it on and off themselves', async () => {
    const coordinator = await makeUser(t, wijkteam, ['professional'], 'Coördinator');
    const family = await makeFamily(coordinator.client);
    const parent = await makeFamilyAccount(t, coordinator.client, family.id, family.parentId);
    expect((await parent.client.get('/api/v1/me/two-factor')).json()).toMatchObject({ enabled: false, required: false });
    const { secret } = await parent.client.enrolTwoFactor();
    expect((await passwordOnly(t, parent.email)).secondFactor).toBe('pending');
    const off = await parent.client.post('/api/v1/me/two-factor/disable', { code: codeAt(secret, 1) });
    expect(off.statusCode, off.body).toBe(204);
    expect((await passwordOnly(t, parent.email)).secondFactor).toBe('not-needed');
  });

  it('lets an admin reset a lost second factor; the person sets it up again at the next sign-in', async () => {
    const officer = await makeUser(t, wijkteam, ['privacy-officer'], 'Officer Lost Phone');
    const reset = await t.admin.post(`/api/v1/users/${officer.id}/two-factor/reset`);
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await officer.client.get('/api/v1/me')).statusCode).toBe(401);
    totpSecrets.delete(officer.email);
    const again = await passwordOnly(t, officer.email);
    expect(again.secondFactor).toBe('enrolment-required');
    // An org-admin resets their own people only, and never an admin.
    const orgAdmin = await makeUser(t, await makeOrganisation(t, 'jgz'), ['org-admin'], 'Beheer JGZ');
    expect((await orgAdmin.client.post(`/api/v1/users/${officer.id}/two-factor/reset`)).statusCode).toBe(404);
    expect((await (await signIn(t.app, 'admin@test.nl')).get('/api/v1/me')).json()).toMatchObject({ secondFactor: 'verified' });
  });
});
