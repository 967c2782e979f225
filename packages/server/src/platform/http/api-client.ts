import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A signed-in client over `app.inject`: keeps the session cookie and sends the CSRF token, as a browser would.
 * The demo seed uses it so demo data goes through the same gate and audit log as real work; the tests use it too.
 */
export class ApiClient {
  private cookie: string | null = null;
  csrfToken: string | null = null;
  user: { id: string; organisationId: string; name: string } | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async login(email: string, password: string): Promise<this> {
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed with ${res.statusCode}: ${res.body}`);
    const setCookie = res.headers['set-cookie'];
    const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    this.cookie = raw?.split(';')[0] ?? null;
    const body = res.json() as { csrfToken: string; user: { id: string; organisationId: string; name: string } };
    this.csrfToken = body.csrfToken;
    this.user = body.user;
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
