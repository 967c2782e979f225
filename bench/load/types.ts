/** One request a simulated professional makes, again and again, in turn with their other requests. */
export interface RequestSpec {
  kind: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  /** JSON body; the text `{n}` becomes a number unique within the run. */
  body?: unknown;
  /** Send If-Match: this ETag first, then the one the last successful answer gave. */
  ifMatch?: string;
  /** Send a fresh Idempotency-Key, as the web app does for every create. */
  idempotent?: boolean;
}

export interface ClientSpec {
  cookie: string | null;
  csrf: string;
  requests: RequestSpec[];
}

export interface ScenarioInput {
  url: string;
  seconds: number;
  /** One connection per client. */
  clients: ClientSpec[];
}

export interface ScenarioOutput {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  byKind: Record<string, { ok: number; clientError: number; serverError: number }>;
  /** What successful POSTs created, to look up afterwards. */
  created: { kind: string; id: string }[];
  /** Per PATCHed path: the last accepted answer and how many were accepted. */
  lastAccepted: Record<string, { body: Record<string, unknown>; accepted: number }>;
}
