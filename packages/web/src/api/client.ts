import type { ProblemDetails } from '@gezinsplan/domain';

/** An answer that is not a success, with the server's problem document (RFC 9457) when it sent one. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Partial<ProblemDetails>) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The first field error's JSON pointer, e.g. `/body/password`. */
  get pointer(): string | undefined {
    return this.problem.errors?.[0]?.pointer;
  }
}

let csrfToken: string | null = null;
/** Called when the server says the session has ended, so the app can go back to sign-in. */
let onSessionEnded: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

/** Calls the API: JSON in and out, the CSRF token on changes, and a thrown ApiError for anything but success. */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const error = new ApiError(res.status, data as Partial<ProblemDetails>);
    if (res.status === 401 && error.problem.code === 'UNAUTHENTICATED') onSessionEnded?.();
    throw error;
  }
  return data as T;
}
