/**
 * The load generator, in its own process so it does not share the server's event loop (nor its CPU time slices
 * more than the machine forces). Reads one scenario as JSON on stdin, runs autocannon, writes figures as JSON.
 * Each connection is one signed-in professional going through their own requests in turn.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { ScenarioInput, ScenarioOutput } from './types';

const input = JSON.parse(await new Promise<string>((resolve) => {
  let text = '';
  process.stdin.on('data', (d: Buffer) => (text += d.toString()));
  process.stdin.on('end', () => resolve(text));
})) as ScenarioInput;

const latencies: number[] = [];
const byKind: ScenarioOutput['byKind'] = {};
const created: ScenarioOutput['created'] = [];
const lastAccepted: ScenarioOutput['lastAccepted'] = {};
let nextClient = 0;
let counter = 0;

const count = (kind: string, status: number): void => {
  const k = (byKind[kind] ??= { ok: 0, clientError: 0, serverError: 0 });
  if (status < 300) k.ok += 1;
  else if (status < 500) k.clientError += 1;
  else k.serverError += 1;
};

const instance = autocannon({
  url: input.url,
  connections: input.clients.length,
  duration: input.seconds,
  setupClient(client) {
    const me = input.clients[nextClient++ % input.clients.length]!;
    const etags = new Map<string, string>();
    client.setRequests(me.requests.map((spec) => ({
      method: spec.method,
      path: spec.path,
      headers: { ...(me.cookie ? { cookie: me.cookie } : {}), ...(spec.method !== 'GET' ? { 'x-csrf-token': me.csrf, 'content-type': 'application/json' } : {}) },
      setupRequest(req) {
        const n = ++counter;
        const headers = { ...req.headers } as Record<string, string>;
        if (spec.idempotent) headers['idempotency-key'] = randomUUID();
        if (spec.ifMatch) headers['if-match'] = etags.get(spec.path) ?? spec.ifMatch;
        const body = spec.body ? JSON.stringify(spec.body).replaceAll('{n}', String(n)) : undefined;
        return { ...req, headers, ...(body ? { body } : {}) };
      },
      onResponse(status, body, _context, headers) {
        count(spec.kind, status);
        if (status >= 300) return;
        if (spec.ifMatch && headers?.etag) etags.set(spec.path, String(headers.etag));
        if (spec.method === 'POST') created.push({ kind: spec.kind, id: (JSON.parse(body) as { id: string }).id });
        if (spec.method === 'PATCH') lastAccepted[spec.path] = { body: JSON.parse(body) as Record<string, unknown>, accepted: (lastAccepted[spec.path]?.accepted ?? 0) + 1 };
      },
    })));
  },
}, (error, result) => {
  if (error) throw error;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! : 0;
  const output: ScenarioOutput = {
    requests: latencies.length, requestsPerSecond: latencies.length / input.seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99),
    non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, byKind, created, lastAccepted,
  };
  process.stdout.write(JSON.stringify(output));
});

instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
