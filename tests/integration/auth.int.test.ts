import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../packages/server/src/app';
import { hashToken } from '../../packages/server/src/platform/auth/sessions';
import { makeFamily, makeOrganisation, makeUser, PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/**
 * The security basics of issue 2, as a client sees them: sign-in, lockout and rate limit, the session cookie and its
 * timeouts, CSRF, password rules, role checks, security headers, body limits, and error bodies that leak nothing.
 * Timeouts are exercised by moving timestamps in the database, never by waiting.
 */
const LOGIN = '/api/v1/auth/login';
const LOGOUT = '/api/v1/auth/logout';
const ME = '/api/v1/me';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface Session { cookie: string; token: string; csrfToken: string; userId: string }

function setCookieOf(res: LightMyRequestResponse): string[] {
  const raw = res.headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

/** Asserts an RFC 9457 problem document and returns it. */
function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as { type: string; title: string; status: number; code: string; detail?: string; errors?: { pointer: string; detail: string }[] };
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  if (code) expect(body.code).toBe(code);
  return body;
}

function pointersOf(res: LightMyRequestResponse): string[] {
  return ((res.json() as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);
}

/** A password nobody uses, of the given length. */
function uncommonPassword(length: number): string {
  let s = '';
  while (s.length < length) s += `${uuidv7().replaceAll('-', '')}`;
  return s.slice(0, length);
}

describe('authentication and security basics', () => {
  let t: TestApp;
  /** Every response this file receives, to prove no body carries a stack trace or SQL. */
  const seen: { method: string; url: string; status: number; body: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const inject = t.app.inject.bind(t.app) as (o: InjectOptions) => Promise<LightMyRequestResponse>;
    (t.app as unknown as { inject: (o: InjectOptions) => Promise<LightMyRequestResponse> }).inject = async (o) => {
      const res = await inject(o);
      seen.push({ method: String(o.method ?? 'GET'), url: String(o.url ?? ''), status: res.statusCode, body: res.body });
      return res;
    };
  });
  afterAll(async () => { await t?.close(); });

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: LOGIN, payload: { email, password }, headers });

  async function signIn(email: string, password = PASSWORD): Promise<Session> {
    const res = await login(email, password);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = setCookieOf(res).find((c) => c.startsWith('gp_session='))!.split(';')[0]!;
    const body = res.json() as { csrfToken: string; user: { id: string } };
    return { cookie, token: cookie.slice('gp_session='.length), csrfToken: body.csrfToken, userId: body.user.id };
  }

  function call(method: Method, url: string, opts: { session?: Session; csrf?: string | null; payload?: unknown; headers?: Record<string, string> } = {}) {
    const csrf = opts.csrf === undefined ? (method === 'GET' ? null : opts.session?.csrfToken ?? null) : opts.csrf;
    return t.app.inject({
      method, url,
      ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
      headers: {
        ...(opts.session ? { cookie: opts.session.cookie } : {}),
        ...(csrf !== null ? { 'x-csrf-token': csrf } : {}),
        ...(opts.headers ?? {}),
      },
    });
  }

  const sessionRow = (s: Session) =>
    t.db.selectFrom('sessions').selectAll().where('token_hash', '=', hashToken(s.token)).executeTakeFirst();
  const loginEvents = (userId: string) =>
    t.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'auth.login').where('resource_id', '=', userId).orderBy('occurred_at').execute();

  describe('login', () => {
    it('answers 200 with the user and a CSRF token, and sets an HttpOnly, SameSite=Lax session cookie for /', async () => {
      const org = await makeOrganisation(t);
      const user = await makeUser(t, org);
      const res = await login(user.email, PASSWORD);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { user: { id: string; email: string }; csrfToken: string };
      expect(body.user).toMatchObject({ id: user.id, email: user.email });
      expect(body.csrfToken).toEqual(expect.any(String));
      expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
      expect(res.body).not.toMatch(/argon2|password/i);

      const cookie = setCookieOf(res).find((c) => c.startsWith('gp_session='));
      expect(cookie).toBeDefined();
      const attributes = cookie!.split(';').slice(1).map((a) => a.trim().toLowerCase());
      expect(attributes).toContain('httponly');
      expect(attributes).toContain('samesite=lax');
      expect(attributes).toContain('path=/');
      // The cookie holds a random token, not the CSRF token or the user id.
      const token = cookie!.split(';')[0]!.slice('gp_session='.length);
      expect(token.length).toBeGreaterThanOrEqual(32);
      expect(token).not.toBe(body.csrfToken);
      expect(token).not.toContain(user.id);
      // Only its hash is stored.
      expect(await t.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', token).executeTakeFirst()).toBeUndefined();
      expect(await t.db.selectFrom('sessions').select('user_id').where('token_hash', '=', hashToken(token)).executeTakeFirst())
        .toEqual({ user_id: user.id });
    });

    it('accepts the email address in any case and with surrounding spaces', async () => {
      const user = await makeUser(t, await makeOrganisation(t));
      expect((await login(`  ${user.email.toUpperCase()} `, PASSWORD)).statusCode).toBe(200);
    });

    it('answers 401 with one and the same body for an unknown email, a wrong password and a deactivated account', async () => {
      const user = await makeUser(t, await makeOrganisation(t));
      const inactive = await makeUser(t, await makeOrganisation(t));
      await t.db.updateTable('users').set({ active: false }).where('id', '=', inactive.id).execute();

      const unknown = await login(`nobody-${uuidv7().slice(-8)}@test.nl`, PASSWORD);
      const wrong = await login(user.email, `${PASSWORD}-not`);
      const deactivated = await login(inactive.email, PASSWORD);
      const body = expectProblem(unknown, 401, 'INVALID_CREDENTIALS');
      expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
      expectProblem(deactivated, 401, 'INVALID_CREDENTIALS');
      expect(wrong.json()).toEqual(body);
      expect(deactivated.json()).toEqual(body);
      for (const res of [unknown, wrong, deactivated]) {
        expect(setCookieOf(res).some((c) => c.startsWith('gp_session='))).toBe(false);
        expect(res.headers['content-type']).toBe(unknown.headers['content-type']);
      }
      // The deactivated account's existing session no longer works either.
      expectProblem(await inactive.client.get(ME), 401, 'UNAUTHENTICATED');
    });

    it('writes every attempt to the audit log as auth.login, outside any family', async () => {
      const user = await makeUser(t, await makeOrganisation(t)); // one successful login
      await login(user.email, 'definitely-the-wrong-one');
      const unknownEmail = `nobody-${uuidv7().slice(-8)}@test.nl`;
      const before = await t.db.selectFrom('audit_events').select('id').where('event_type', '=', 'auth.login').where('resource_id', 'is', null).execute();
      await login(unknownEmail, PASSWORD);

      const events = await loginEvents(user.id);
      expect(events.map((e) => e.outcome)).toEqual(['success', 'denied']);
      for (const e of events) {
        expect(e).toMatchObject({ event_type: 'auth.login', family_id: null, resource_type: 'session', action: 'E', purpose: 'authentication' });
        expect(e.ip).toBeTruthy();
      }
      expect(events[0]!.check_authorisation).toBe(true);
      expect(events[1]!.check_authorisation).toBe(false);
      expect(events[1]!.detail).toMatchObject({ reason: 'wrong-password' });
      // Neither the password nor the unknown address is written down.
      expect(JSON.stringify(events)).not.toContain('definitely-the-wrong-one');

      const anonymous = await t.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'auth.login').where('resource_id', 'is', null).execute();
      expect(anonymous.length).toBe(before.length + 1);
      const last = anonymous.find((e) => !before.some((b) => b.id === e.id))!;
      expect(last).toMatchObject({ outcome: 'denied', family_id: null, user_id: null });
      expect(last.detail).toMatchObject({ reason: 'unknown-account' });
      expect(JSON.stringify(anonymous)).not.toContain(unknownEmail);
    });
  });

  describe('lockout', () => {
    it('locks the account after 5 wrong passwords, even for the right one, until locked_until has passed', async () => {
      const user = await makeUser(t, await makeOrganisation(t));
      for (let i = 0; i < 5; i++) expectProblem(await login(user.email, `wrong-password-${i}`), 401, 'INVALID_CREDENTIALS');

      const locked = await login(user.email, PASSWORD);
      expectProblem(locked, 429, 'ACCOUNT_LOCKED');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(setCookieOf(locked).some((c) => c.startsWith('gp_session='))).toBe(false);
      expect((await loginEvents(user.id)).at(-1)).toMatchObject({ outcome: 'denied' });
      expect((await loginEvents(user.id)).at(-1)!.detail).toMatchObject({ reason: 'locked' });

      await t.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
      const again = await login(user.email, PASSWORD);
      expect(again.statusCode, again.body).toBe(200);
      const row = await t.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ failed_logins: 0, locked_until: null });
    });

    it('a successful login resets the count of failures', async () => {
      const user = await makeUser(t, await makeOrganisation(t));
      for (let i = 0; i < 4; i++) expect((await login(user.email, `wrong-password-${i}`)).statusCode).toBe(401);
      expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
      expect((await login(user.email, 'wrong-password-again')).statusCode).toBe(401);
      expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('login rate limit', () => {
    it('answers 429 problem+json with Retry-After after 10 attempts a minute for one address and email', async () => {
      const email = `ratelimit-${uuidv7().slice(-8)}@test.nl`; // unknown, so the lockout never interferes
      for (let i = 0; i < 10; i++) expectProblem(await login(email, `guess-${i}`), 401, 'INVALID_CREDENTIALS');
      const limited = await login(email, 'guess-11');
      expectProblem(limited, 429, 'RATE_LIMITED');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      // Keyed by address and email: the same address may still sign in to another account…
      const other = await makeUser(t, await makeOrganisation(t));
      expect((await login(other.email, PASSWORD)).statusCode).toBe(200);
      // …and another address may still try this one.
      const elsewhere = await t.app.inject({ method: 'POST', url: LOGIN, payload: { email, password: 'x' }, remoteAddress: '10.1.2.3' });
      expectProblem(elsewhere, 401, 'INVALID_CREDENTIALS');
      // The email's case does not make a new key.
      expectProblem(await login(email.toUpperCase(), 'guess-12'), 429, 'RATE_LIMITED');
    });
  });

  describe('session', () => {
    it('GET /me answers 401 without a cookie or with an unknown one, and 200 with the CSRF token with a session', async () => {
      expectProblem(await call('GET', ME), 401, 'UNAUTHENTICATED');
      expectProblem(await call('GET', ME, { headers: { cookie: 'gp_session=not-a-real-session-token' } }), 401, 'UNAUTHENTICATED');

      const user = await makeUser(t, await makeOrganisation(t));
      const s = await signIn(user.email);
      const res = await call('GET', ME, { session: s });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { id: user.id, email: user.email }, csrfToken: s.csrfToken });
    });

    it('logout ends the session on the server: the old cookie gets 401 and the row is gone', async () => {
      const user = await makeUser(t, await makeOrganisation(t));
      const s = await signIn(user.email);
      expect(await sessionRow(s)).toBeDefined();

      const out = await call('POST', LOGOUT, { session: s });
      expect(out.statusCode, out.body).toBe(204);
      const cleared = setCookieOf(out).find((c) => c.startsWith('gp_session='));
      expect(cleared).toBeDefined();
      expect(cleared!).toMatch(/^gp_session=;|Expires=Thu, 01 Jan 1970|Max-Age=0/i);

      expect(await sessionRow(s)).toBeUndefined();
      expectProblem(await call('GET', ME, { session: s }), 401, 'UNAUTHENTICATED');
      expectProblem(await call('POST', '/api/v1/families', { session: s, payload: { name: 'Gezin Na', members: [] } }), 401, 'UNAUTHENTICATED');
      const events = await t.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'auth.logout').where('user_id', '=', user.id).execute();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ outcome: 'success', family_id: null });
      // Another session of the same user is untouched.
      expect((await user.client.get(ME)).statusCode).toBe(200);
    });

    it('ends a session idle for more than 30 minutes, and slides the idle window of one idle for 29', async () => {
      const user = await makeUser(t, await makeOrganisation(t));
      const idle = await signIn(user.email);
      const recent = await signIn(user.email);

      await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60 * 1000) }).where('token_hash', '=', hashToken(idle.token)).execute();
      const ended = await call('GET', ME, { session: idle });
      expectProblem(ended, 401, 'UNAUTHENTICATED');
      expect(await sessionRow(idle)).toBeUndefined();
      expectProblem(await call('GET', ME, { session: idle }), 401, 'UNAUTHENTICATED');

      const at29 = Date.now() - 29 * 60 * 1000;
      await t.db.updateTable('sessions').set({ last_seen_at: new Date(at29) }).where('token_hash', '=', hashToken(recent.token)).execute();
      expect((await call('GET', ME, { session: recent })).statusCode).toBe(200);
      const row = await sessionRow(recent);
      expect(row).toBeDefined();
      expect(new Date(row!.last_seen_at).getTime()).toBeGreaterThan(at29 + 60 * 1000);
      expect((await call('GET', ME, { session: recent })).statusCode).toBe(200);
    });

    it('ends a session past its absolute lifetime of 12 hours, however active', async () => {
      const user = await makeUser(t, await makeOrganisation(t));
      const s = await signIn(user.email);
      const row = (await sessionRow(s))!;
      const lifetime = new Date(row.expires_at).getTime() - new Date(row.created_at).getTime();
      expect(lifetime).toBe(12 * 60 * 60 * 1000);

      await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000), last_seen_at: new Date() })
        .where('token_hash', '=', hashToken(s.token)).execute();
      expectProblem(await call('GET', ME, { session: s }), 401, 'UNAUTHENTICATED');
      expect(await sessionRow(s)).toBeUndefined();
    });
  });

  describe('CSRF', () => {
    it('refuses POST, PATCH and DELETE with the session cookie but without or with a wrong X-CSRF-Token, and writes nothing', async () => {
      const coordinator = await makeUser(t, await makeOrganisation(t));
      const colleague = await makeUser(t, await makeOrganisation(t, 'schuldhulp'));
      const s = await signIn(coordinator.email);
      const family = await makeFamily(coordinator.client, 'Gezin Csrf');
      const member = await coordinator.client.create<{ id: string; version: number }>(`/api/v1/families/${family.id}/team`, { userId: colleague.id, role: 'member' });
      const familyCount = async () => (await t.db.selectFrom('families').select('id').execute()).length;
      const countBefore = await familyCount();
      const successes = async () => (await t.db.selectFrom('audit_events').select('id').where('outcome', '=', 'success').execute()).length;
      const auditBefore = await successes();

      for (const csrf of [null, 'wrong-token', '', s.csrfToken.slice(0, -1), coordinator.client.csrfToken!]) {
        const what = `csrf=${String(csrf)}`;
        const post = await call('POST', '/api/v1/families', { session: s, csrf, payload: { name: 'Gezin Vervalst', members: [] } });
        expect(expectProblem(post, 403, 'CSRF_TOKEN_INVALID').code, what).toBe('CSRF_TOKEN_INVALID');
        const patch = await call('PATCH', `/api/v1/families/${family.id}`, { session: s, csrf, payload: { name: 'Gezin Vervalst' }, headers: { 'if-match': '"1"' } });
        expectProblem(patch, 403, 'CSRF_TOKEN_INVALID');
        const del = await call('DELETE', `/api/v1/families/${family.id}/team/${member.id}`, { session: s, csrf });
        expectProblem(del, 403, 'CSRF_TOKEN_INVALID');
        const out = await call('POST', LOGOUT, { session: s, csrf });
        expectProblem(out, 403, 'CSRF_TOKEN_INVALID');
      }

      expect(await familyCount()).toBe(countBefore);
      expect(await t.db.selectFrom('families').select('name').where('id', '=', family.id).executeTakeFirstOrThrow()).toEqual({ name: 'Gezin Csrf' });
      expect(await t.db.selectFrom('team_members').select('ended_at').where('id', '=', member.id).executeTakeFirstOrThrow()).toEqual({ ended_at: null });
      expect(await sessionRow(s)).toBeDefined();
      expect(await successes()).toBe(auditBefore);

      // With the right token the very same requests go through.
      expect((await call('POST', '/api/v1/families', { session: s, payload: { name: 'Gezin Echt', members: [] } })).statusCode).toBe(201);
      const version = ((await call('GET', `/api/v1/families/${family.id}`, { session: s })).json() as { version: number }).version;
      expect((await call('PATCH', `/api/v1/families/${family.id}`, { session: s, payload: { name: 'Gezin Csrf 2' }, headers: { 'if-match': `"${version}"` } })).statusCode).toBe(200);
      expect((await call('DELETE', `/api/v1/families/${family.id}/team/${member.id}`, { session: s })).statusCode).toBe(200);
      expect(await familyCount()).toBe(countBefore + 1);
    });

    it('needs no token for GET, and a public login needs none', async () => {
      const user = await makeUser(t, await makeOrganisation(t));
      const s = await signIn(user.email);
      expect((await call('GET', '/api/v1/me/families', { session: s })).statusCode).toBe(200);
      expect((await call('POST', LOGIN, { session: s, payload: { email: user.email, password: PASSWORD } })).statusCode).toBe(200);
    });
  });

  describe('passwords', () => {
    const createWith = (password: string, email = `${uuidv7().slice(-12)}@test.nl`, organisationId?: string) =>
      (async () => t.admin.post('/api/v1/users', { email, name: 'Nieuwe Collega', password, organisationId: organisationId ?? await makeOrganisation(t), roles: ['professional'] }))();

    it('refuses fewer than 12 and more than 128 characters, naming /body/password', async () => {
      const short = uncommonPassword(11);
      const tooShort = await createWith(short);
      expectProblem(tooShort, 400, 'VALIDATION_FAILED');
      expect(pointersOf(tooShort)).toContain('/body/password');
      expect(tooShort.body).not.toContain(short);

      const long = uncommonPassword(129);
      const tooLong = await createWith(long);
      expectProblem(tooLong, 400, 'VALIDATION_FAILED');
      expect(pointersOf(tooLong)).toContain('/body/password');
      expect(tooLong.body).not.toContain(long);

      expect((await createWith(uncommonPassword(12))).statusCode).toBe(201);
      expect((await createWith(uncommonPassword(128))).statusCode).toBe(201);
    });

    it('refuses common passwords of 12 characters or more, naming /body/password', async () => {
      for (const common of ['123qweasdzxc', 'qwerty123456', 'QWERTY123456']) {
        const email = `${uuidv7().slice(-12)}@test.nl`;
        const res = await createWith(common, email);
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(pointersOf(res), common).toContain('/body/password');
        expect(res.body).not.toContain(common);
        expect(await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();
      }
    });

    it('accepts a long passphrase without digits or symbols and stores only an argon2id hash', async () => {
      const passphrase = 'paard staat op de zolder bij oma';
      const email = `${uuidv7().slice(-12)}@test.nl`;
      const res = await createWith(passphrase, email);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.body).not.toMatch(/argon2|password/i);
      const row = await t.db.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow();
      expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
      expect(row.password_hash).not.toContain(passphrase);
      expect((await login(email, passphrase)).statusCode).toBe(200);
    });
  });

  describe('roles', () => {
    it('an org-admin creates users in their own organisation only, and never an admin', async () => {
      const own = await makeOrganisation(t);
      const other = await makeOrganisation(t, 'school');
      const orgAdmin = await makeUser(t, own, ['org-admin'], 'Org Admin');
      const body = (organisationId: string, roles: string[]) => ({ email: `${uuidv7().slice(-12)}@test.nl`, name: 'Nieuw', password: PASSWORD, organisationId, roles });

      const ok = await orgAdmin.client.post('/api/v1/users', body(own, ['professional']));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ organisationId: own, roles: ['professional'] });

      const elsewhere = body(other, ['professional']);
      expectProblem(await orgAdmin.client.post('/api/v1/users', elsewhere), 403, 'FORBIDDEN');
      const admin = body(own, ['admin']);
      expectProblem(await orgAdmin.client.post('/api/v1/users', admin), 403, 'FORBIDDEN');
      const adminToo = body(own, ['professional', 'admin']);
      expectProblem(await orgAdmin.client.post('/api/v1/users', adminToo), 403, 'FORBIDDEN');
      for (const b of [elsewhere, admin, adminToo]) {
        expect(await t.db.selectFrom('users').select('id').where('email', '=', b.email).executeTakeFirst()).toBeUndefined();
      }
      expectProblem(await orgAdmin.client.post('/api/v1/organisations', { name: 'Eigen Club', kind: 'other' }), 403, 'FORBIDDEN');
    });

    it('a professional may neither create users nor organisations; an admin may', async () => {
      const org = await makeOrganisation(t);
      const pro = await makeUser(t, org);
      const email = `${uuidv7().slice(-12)}@test.nl`;
      expectProblem(await pro.client.post('/api/v1/users', { email, name: 'Nieuw', password: PASSWORD, organisationId: org, roles: ['professional'] }), 403, 'FORBIDDEN');
      expect(await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();
      const orgName = `Stiekem ${uuidv7().slice(-8)}`;
      expectProblem(await pro.client.post('/api/v1/organisations', { name: orgName, kind: 'other' }), 403, 'FORBIDDEN');
      expect(await t.db.selectFrom('organisations').select('id').where('name', '=', orgName).executeTakeFirst()).toBeUndefined();

      expect((await t.admin.post('/api/v1/organisations', { name: orgName, kind: 'other' })).statusCode).toBe(201);
      expect((await t.admin.post('/api/v1/users', { email, name: 'Nieuw', password: PASSWORD, organisationId: org, roles: ['admin'] })).statusCode).toBe(201);
    });
  });

  describe('security headers', () => {
    function expectStrictHeaders(res: LightMyRequestResponse) {
      const csp = String(res.headers['content-security-policy'] ?? '');
      const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!.toLowerCase(), values] as const;
      }));
      expect(directives.get('default-src')).toEqual(["'self'"]);
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src')!;
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }

    it('sends a strict CSP and nosniff on the web app and on the API, and no-store on API responses', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(200);
      expectStrictHeaders(page);

      const me = await t.admin.get(ME);
      expect(me.statusCode).toBe(200);
      expectStrictHeaders(me);
      expect(me.headers['cache-control']).toContain('no-store');

      for (const res of [await t.app.inject({ method: 'GET', url: ME }), await login('nobody@test.nl', 'x'), await t.admin.get('/api/v1/no-such-thing')]) {
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expectStrictHeaders(res);
        expect(res.headers['cache-control']).toContain('no-store');
      }
    });

    it('behind TLS marks the cookie Secure and sends HSTS', async () => {
      const tls = await buildApp({ db: t.db, logLevel: 'silent', secureCookies: true });
      try {
        await tls.ready();
        const res = await tls.inject({ method: 'POST', url: LOGIN, payload: { email: 'admin@test.nl', password: PASSWORD } });
        expect(res.statusCode).toBe(200);
        const cookie = setCookieOf(res).find((c) => c.startsWith('gp_session='))!;
        expect(cookie.split(';').map((a) => a.trim().toLowerCase())).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']));
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      } finally {
        await tls.close();
      }
    });
  });

  describe('request bodies', () => {
    it('answers 413 to a 300 KiB JSON body', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(300 * 1024), members: [] });
      const authed = await t.admin.request('POST', '/api/v1/organisations', undefined, { 'content-type': 'application/json' });
      expectProblem(authed, 400); // an empty JSON body is a 400, not a 500
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/organisations', payload: big,
        headers: { 'content-type': 'application/json', cookie: (await signIn('admin@test.nl')).cookie },
      });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
      const publicRes = await t.app.inject({ method: 'POST', url: LOGIN, payload: JSON.stringify({ email: 'a@test.nl', password: 'x'.repeat(300 * 1024) }), headers: { 'content-type': 'application/json' } });
      expectProblem(publicRes, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers 415 to a text/plain or form body on a POST', async () => {
      const s = await signIn('admin@test.nl');
      const before = (await t.db.selectFrom('organisations').select('id').execute()).length;
      const plain = await call('POST', '/api/v1/organisations', { session: s, payload: '{"name":"Platte Tekst","kind":"other"}', headers: { 'content-type': 'text/plain' } });
      const form = await call('POST', '/api/v1/organisations', { session: s, payload: 'name=Formulier&kind=other', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const loginPlain = await t.app.inject({ method: 'POST', url: LOGIN, payload: JSON.stringify({ email: 'admin@test.nl', password: PASSWORD }), headers: { 'content-type': 'text/plain' } });
      const xml = await call('POST', '/api/v1/organisations', { session: s, payload: '<organisation/>', headers: { 'content-type': 'application/xml' } });
      // All four at once, so a failure shows which content types slip through.
      expect([plain, form, loginPlain, xml].map((r) => r.statusCode)).toEqual([415, 415, 415, 415]);
      for (const res of [plain, form, loginPlain, xml]) expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect((await t.db.selectFrom('organisations').select('id').execute()).length).toBe(before);
    });

    it('answers 400 to invalid JSON and to prototype poisoning', async () => {
      const s = await signIn('admin@test.nl');
      const broken = await call('POST', '/api/v1/organisations', { session: s, payload: '{"name": "Kapot", "kind": ', headers: { 'content-type': 'application/json' } });
      expectProblem(broken, 400);
      const poisoned = await call('POST', '/api/v1/organisations', { session: s, payload: '{"name":"Gif","kind":"other","__proto__":{"admin":true}}', headers: { 'content-type': 'application/json' } });
      expectProblem(poisoned, 400);
      const loginBroken = await t.app.inject({ method: 'POST', url: LOGIN, payload: '{"email":', headers: { 'content-type': 'application/json' } });
      expectProblem(loginBroken, 400);
      const wrongShape = await t.app.inject({ method: 'POST', url: LOGIN, payload: { email: ['admin@test.nl'], password: { $ne: null } } });
      expectProblem(wrongShape, 400, 'VALIDATION_FAILED');
      expect(pointersOf(wrongShape)).toEqual(expect.arrayContaining(['/body/email', '/body/password']));
    });
  });

  describe('the web app', () => {
    it('GET / and the app\'s own pages serve the web app; unknown API paths stay a 404 problem', async () => {
      for (const url of ['/', '/inloggen', '/gezinnen/0190f0e0-0000-7000-8000-000000000000', '/uitnodiging?code=ABCD-EFGH-JKLM']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type'], url).toMatch(/^text\/html/);
        expect(res.body, url).toContain('<div id="root">');
      }
      const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
      const missingFile = await t.app.inject({ method: 'GET', url: '/assets/missing.js' });
      expect(missingFile.statusCode).toBe(404);
    });
  });

  // Runs last: looks back over every response of this file.
  it('no response body carries a stack trace or SQL', () => {
    expect(seen.length).toBeGreaterThan(100);
    expect(seen.some((r) => r.status >= 400)).toBe(true);
    for (const r of seen) {
      const where = `${r.method} ${r.url} → ${r.status}`;
      expect(r.body, where).not.toMatch(/\n\s+at /);
      expect(r.body, where).not.toContain('    at ');
      expect(r.status, where).toBeLessThan(500);
      if (!r.url.startsWith('/api/')) continue;
      expect(r.body, where).not.toMatch(/\b(select\s.+\sfrom|insert\s+into|update\s+"?\w+"?\s+set|delete\s+from)\b/i);
      expect(r.body, where).not.toMatch(/syntax error at or near|relation "|violates|duplicate key|pg_|node_modules|\.ts:\d+/i);
    }
  });
});
