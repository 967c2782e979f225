import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { totpCode } from '../auth/totp';

const STEP_MS = 30_000;
/** The last time step used per secret: the server takes each code once, so a scripted client must not reuse one. */
const lastStepUsed = new Map<string, number>();

/** The code an authenticator app would show now, or the next one if this one was used (waiting for it if need be). */
async function freshCode(secret: string): Promise<string> {
  const last = lastStepUsed.get(secret) ?? -1;
  let step = Math.floor(Date.now() / STEP_MS);
  // The server allows one step of drift, so the next step's code is accepted already; beyond that, wait.
  if (step <= last) step = last + 1;
  if (step > Math.floor(Date.now() / STEP_MS) + 1) await sleep(step * STEP_MS - STEP_MS - Date.now() + 50);
  lastStepUsed.set(secret, step);
  return totpCode(secret, new Date(step * STEP_MS + 1));
}

/**
 * A signed-in client over `app.inject`: keeps the session cookie and sends the CSRF token, as a browser would.
 * The demo seed uses it so demo data goes through the same gate and audit log as real work; the tests use it too.
 */
export class ApiClient {
  private cookie: string | null = null;
  csrfToken: string | null = null;
  /** A professional has `organisationId`; a family member has `familyId` and `memberId` instead. */
  user: { id: string; kind: 'professional' | 'family'; organisationId: string; name: string; familyId?: string; memberId?: string } | null = null;

  /** Where the session stands with the second factor (`pending`: send a code; `enrolment-required`: set one up). */
  secondFactor: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  /** Signs in; with the secret of the person's authenticator app, it answers the second step as well. */
  async login(email: string, password: string, options: { totpSecret?: string } = {}): Promise<this> {
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed with ${res.statusCode}: ${res.body}`);
    this.adopt(res);
    if (this.secondFactor === 'pending' && options.totpSecret) await this.answerSecondFactor(options.totpSecret);
    return this;
  }

  /** The second step of signing in, with the current code of the app that holds `secret`. */
  async answerSecondFactor(secret: string): Promise<this> {
    const res = await this.post('/api/v1/auth/second-factor', { code: await freshCode(secret) });
    if (res.statusCode !== 200) throw new Error(`the second factor failed with ${res.statusCode}: ${res.body}`);
    return this.adopt(res);
  }

  /** Sets up two-factor sign-in as a person with an authenticator app would; answers the app's secret and the recovery codes. */
  async enrolTwoFactor(): Promise<{ secret: string; recoveryCodes: string[] }> {
    const started = await this.post('/api/v1/me/two-factor/enrolment');
    if (started.statusCode !== 200) throw new Error(`enrolment failed with ${started.statusCode}: ${started.body}`);
    const { secret } = started.json() as { secret: string };
    const confirmed = await this.post('/api/v1/me/two-factor/confirm', { code: await freshCode(secret) });
    if (confirmed.statusCode !== 200) throw new Error(`confirming the enrolment failed with ${confirmed.statusCode}: ${confirmed.body}`);
    this.adopt(confirmed);
    return { secret, recoveryCodes: (confirmed.json() as { recoveryCodes: string[] }).recoveryCodes };
  }

  /** Accepts a family member's invitation and is signed in as them. */
  async acceptInvitation(code: string, email: string, password: string): Promise<this> {
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload: { code, email, password } });
    if (res.statusCode !== 201) throw new Error(`accepting the invitation failed with ${res.statusCode}: ${res.body}`);
    return this.adopt(res);
  }

  private adopt(res: LightMyRequestResponse): this {
    const setCookie = res.headers['set-cookie'];
    const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (raw) this.cookie = raw.split(';')[0] ?? null;
    const body = res.json() as { csrfToken: string; user: NonNullable<ApiClient['user']>; secondFactor: string };
    this.csrfToken = body.csrfToken;
    this.user = body.user;
    this.secondFactor = body.secondFactor;
    return this;
  }

  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
    });
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, payload ?? {}, headers);
  }
  patch(url: string, payload: unknown, version: number | string, headers?: Record<string, string>) {
    return this.request('PATCH', url, payload, { 'if-match': `"${version}"`, ...headers });
  }
  delete(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request('DELETE', url, payload, headers);
  }

  /** Like `post`, but insists on success and returns the parsed body. */
  async create<T = { id: string; version: number }>(url: string, payload: unknown): Promise<T> {
    const res = await this.post(url, payload);
    if (res.statusCode !== 201) throw new Error(`POST ${url} answered ${res.statusCode}: ${res.body}`);
    return res.json() as T;
  }
}
