import { totpCode } from '../../packages/server/src/platform/auth/totp';

/** One answer over the wire, read to the end. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null for an empty or non-JSON body. */
  body: unknown;
  text: string;
}

/**
 * A signed-in client over real HTTP (fetch), for tests that need real sockets: many concurrent connections, or a
 * server in another process. Keeps the session cookie and sends the CSRF token, as a browser would.
 */
export class HttpSession {
  private constructor(readonly baseUrl: string, private readonly cookie: string, readonly csrfToken: string, readonly userId: string) {}

  /** Signs in with the password (and, for someone with an authenticator app, its current code). */
  static async signIn(baseUrl: string, email: string, password: string, totpSecret?: string): Promise<HttpSession> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${await res.text()}`);
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new Error('login set no session cookie');
    const body = (await res.json()) as { csrfToken: string; secondFactor: string; user: { id: string } };
    const session = new HttpSession(baseUrl, cookie, body.csrfToken, body.user.id);
    if (body.secondFactor === 'pending') {
      if (!totpSecret) throw new Error(`${email} needs a second factor`);
      const second = await session.request('POST', '/api/v1/auth/second-factor', { code: totpCode(totpSecret) });
      if (second.status !== 200) throw new Error(`second factor answered ${second.status}: ${second.text}`);
    } else if (body.secondFactor === 'enrolment-required') {
      throw new Error(`${email} must set up a second factor first; sign in someone who needs none`);
    }
    return session;
  }

  async request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = null;
    if (text && /json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  get(path: string): Promise<HttpAnswer> {
    return this.request('GET', path);
  }
  post(path: string, body: unknown = {}, headers?: Record<string, string>): Promise<HttpAnswer> {
    return this.request('POST', path, body, headers);
  }
  patch(path: string, body: unknown, version: number | string, headers?: Record<string, string>): Promise<HttpAnswer> {
    return this.request('PATCH', path, body, { 'if-match': `"${version}"`, ...headers });
  }
}
