import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { hasGlobalPermission } from '@gezinsplan/domain';
import { routes } from '../../packages/server/src/routes';
import type { AnyRoute } from '../../packages/server/src/platform/http/define-route';
import { createSession, SESSION_COOKIE } from '../../packages/server/src/platform/auth/sessions';
import { verifyAuditLog } from '../../packages/server/src/platform/audit/audit-verify';
import { buildOpenApi } from '../../packages/server/src/platform/http/openapi';
import type { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { makeFamily, makeOrganisation, makeProfessional, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { validBodies } from '../support/route-bodies';
import { integrityFindings, writeRecorder } from '../support/db-integrity';
import { INVALID_UUIDS, REFUSED_TEXT, SCRIPT_INJECTION, SQL_INJECTION, STORABLE_TEXT, VALID_UNICODE } from '../support/hostile-strings';

/**
 * Malformed input is always a 4xx, never a 5xx, and always RFC 9457 problem+json (DESIGN §6). For every route in
 * the registry, fast-check sends generated junk — JSON values of every shape, valid bodies with one field broken,
 * huge strings and deep nesting, wrong content types, broken path params, broken queries, bad If-Match and
 * Idempotency-Key headers — as a caller who passes the route's access check, so family routes reach validation.
 *
 * Each generated request carries its own oracle: from the route's zod schemas (the contract) it knows whether the
 * input is malformed (then: a 4xx; a malformed id: 404), well-formed GET (then: 2xx), well-formed change (then:
 * 2xx, or a 4xx that a business rule may give valid input: 404, 409, 412, 422), or ambiguous (then: anything but
 * a 5xx). Every answer is a 2xx or a 4xx (no 3xx, no 5xx), within REQUEST_TIMEOUT_MS; every 4xx is problem+json;
 * a body over the limit is a 413; and a refused request commits no row write at all (no partial writes: a trigger
 * records every insert, update and delete; tests/support/db-integrity.ts names the few tables a refusal may write
 * to, and why). Afterwards the audit
 * chains verify and the database holds no orphaned or cross-family references.
 *
 * The routes come from the OpenAPI document (the contract), each mapped back to its registry entry; a test below
 * proves the document the server serves is that one, and names what the server answers outside it.
 */

/**
 * Generated requests per route and dimension (path params, query, body, headers), on top of the named examples.
 * Moderate, so the file stays well under three minutes on a loaded 2-core machine; the named examples carry the
 * brief's cases on every route, the generated ones explore around them.
 */
const NUM_RUNS = 10;
/** A request that has not answered by then counts as a hang (the slowest honest answers take well under a second). */
const REQUEST_TIMEOUT_MS = 20_000;
/** app.ts: BODY_LIMIT. */
const BODY_LIMIT = 256 * 1024;
/** Codes that a schema-valid change may legitimately meet (the state, not the input, decides them). */
const BUSINESS_CODES = new Set([
  'NOT_FOUND', 'CONFLICT', 'VERSION_MISMATCH', 'UNPROCESSABLE', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED',
  'RATE_LIMITED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_IN_PROGRESS',
]);
/**
 * VALIDATION_FAILED that a service may give schema-valid input, by route and field: a common password
 * (users.service), a consent ending before today (consents.service: the schema cannot know today's date).
 */
const BUSINESS_VALIDATION: Record<string, string[]> = {
  'POST /api/v1/users': ['/body/password'],
  'POST /api/v1/families/:familyId/consents': ['/body/validUntil'],
};

const keyOf = (r: Pick<AnyRoute, 'method' | 'url'>) => `${r.method} ${r.url}`;

/** The operations of the OpenAPI document, as `METHOD /url/:param`, in document order. */
function documentedOperations(doc: unknown): string[] {
  const paths = (doc as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
}
/** The document the server serves, built the same way (app.ts); the suite checks the served one matches. */
const DOCUMENTED = documentedOperations(buildOpenApi(routes, 'fuzz'));
const registryByKey = new Map(routes.map((r) => [keyOf(r), r]));
/** Every documented operation, as the registry route that serves it; none is left out. */
const FUZZED_ROUTES: AnyRoute[] = DOCUMENTED.map((k) => {
  const route = registryByKey.get(k);
  if (!route) throw new Error(`${k} is in the OpenAPI document but not in the route registry`);
  return route;
});
/**
 * What the server answers that the OpenAPI document does not list, and why it is not fuzzed like the API: each is
 * still sent junk in 'answers outside the document too' below.
 */
const OUTSIDE_THE_DOCUMENT: Record<string, string> = {
  'GET /api/v1/openapi.json': 'the document itself: a constant, it reads no input',
  'GET /api/docs': 'swagger-ui, static pages and assets of @fastify/swagger-ui over the same document',
  'HEAD (every GET)': "Fastify's automatic HEAD routes: the GET handler, without the body",
  'GET /*': 'the built web app (static files, and index.html for its own pages)',
  'bench ceiling routes': 'registered only when buildApp gets benchCeiling (npm run bench), never in tests or production',
};
const paramNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
const b64url = (s: string) => Buffer.from(s).toString('base64url');

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: real objects, one for each `:param` a route can name.

interface Fixture {
  familyId: string;
  memberId: string;
  goalId: string;
  actionId: string;
  teamMemberId: string;
  /** A covenant proposed by the coordinator's organisation to the partner organisation. */
  covenantId: string;
  consentId: string;
  /** A break-the-glass grant opened by the coordinator (who may close it; the privacy officer may review it). */
  grantId: string;
  /** A notification for the coordinator (a colleague broke the glass). */
  notificationId: string;
  /** A data-subject request (an export) recorded by the privacy officer. */
  requestId: string;
  /** An open invitation of the parent to the family's file. */
  invitationId: string;
  /** Someone whose second factor an admin may reset (the newcomer: no test signs in as them afterwards). */
  userId: string;
  /** The coordinator's organisation, whose settings an admin may change. */
  organisationId: string;
  /** A version of the collaboration-components catalogue: the built-in default. */
  version: string;
  /** A service of the fixture's organisation in the catalogue. */
  serviceId: string;
  /** A referral of the family's goal to the partner organisation, which the family lets see what is about money. */
  referralId: string;
  /** The colleague stepped up as a specialist. */
  careStepId: string;
  /** A joint consultation that began an hour ago (so it can be recorded), the parent and the colleague invited. */
  consultationId: string;
  /** A signal of the coordinator's (the other fixture only): the partner's file holds the same child. */
  signalId: string;
}

interface World {
  coordinatorId: string;
  /** A professional used only to sign in with, so the login route's failed attempts lock nobody else out. */
  loginEmail: string;
  adminId: string;
  /** Org-admin of the partner organisation: may accept, reject, end and propose covenants. */
  orgAdminId: string;
  /** Privacy officer of the coordinator's organisation: oversees the fixture families. */
  privacyOfficerId: string;
  organisationId: string;
  /** On every fixture family's team (the fixture's teamMemberId). */
  colleagueUserId: string;
  /** On no team: the valid body of POST team adds them. */
  newcomerUserId: string;
  /** Another family the same coordinator coordinates: its ids in this family's urls must be 404 (no IDOR). */
  other: Fixture;
  /** A service of the coordinator's organisation. */
  serviceId: string;
}

/** The shared valid bodies (tests/support/route-bodies.ts), with this suite's ids. */
const validBody = (key: string, w: World, fx: Fixture) => validBodies[key]?.({
  familyId: fx.familyId, memberId: fx.memberId, organisationId: w.organisationId, newcomerUserId: w.newcomerUserId, loginEmail: w.loginEmail, goalId: fx.goalId,
});

// ---------------------------------------------------------------------------------------------------------------
// The generated request, and its oracle.

type ParamMode = 'real' | 'foreign' | 'missing' | 'junk' | 'raw' | 'dot';
interface ParamAttack { name: string; value: string; mode: ParamMode }
type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; note: string }
  | { kind: 'text'; text: string; contentType: string | null; note: string };
type QuerySpec = { pairs: [string, string][] } | { raw: string };

interface FuzzRequest {
  param: ParamAttack | null;
  query: QuerySpec;
  body: BodySpec;
  /** null: no header; CURRENT: the version the object has now (read from the 412's ETag, as a client would). */
  ifMatch: string | null;
  idempotencyKey: string | null;
  auth: 'session' | 'anonymous' | 'no-csrf' | 'wrong-csrf';
}

/** If-Match with the object's current version, so valid changes reach the database instead of stopping at 412. */
const CURRENT = '<current version>';

type Expectation = 'must-4xx' | 'must-404' | 'must-2xx' | 'ok-or-business' | 'any';

/** The keys of an object schema, through optional/default wrappers. */
function shapeKeys(schema: z.ZodType | undefined): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s; i++) {
    const shape = (s as { shape?: unknown }).shape;
    if (shape && typeof shape === 'object') return Object.keys(shape);
    const unwrap = (s as { unwrap?: () => unknown }).unwrap;
    s = typeof unwrap === 'function' ? unwrap.call(s) : undefined;
  }
  return [];
}

/** What the server's body parser would hand the route, or why it refuses before the route runs. */
function parsedBody(body: BodySpec): { ok: true; value: unknown } | { ok: false; why: string } | { ok: 'unclear' } {
  if (body.kind === 'none') return { ok: true, value: undefined };
  const text = body.kind === 'json' ? JSON.stringify(body.value) : body.text;
  if (text === undefined) return { ok: true, value: undefined };
  // An empty payload without a content type is no body at all; with an empty content-type header, it is Fastify's call.
  if (body.kind === 'text' && text === '' && body.contentType === null) return { ok: true, value: undefined };
  if (body.kind === 'text' && text === '' && body.contentType === '') return { ok: 'unclear' };
  if (Buffer.byteLength(text) > BODY_LIMIT) return { ok: false, why: 'body over the limit' };
  if (body.kind === 'text') {
    if (isJsonMediaType(body.contentType)) {
      try {
        // Fastify's JSON parser skips a leading byte order mark (RFC 8259 §8.1 lets a parser ignore it).
        return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
      } catch {
        return { ok: false, why: 'malformed JSON' };
      }
    }
    return { ok: false, why: `content type ${String(body.contentType)}` };
  }
  return { ok: true, value: JSON.parse(text) };
}

/**
 * Whether Fastify parses this content type as JSON: the media type decides, case-insensitively; parameters such as
 * charset are ignored (the body is read as UTF-8 whatever it claims; JSON is UTF-8, RFC 8259 §8.1).
 */
function isJsonMediaType(contentType: string | null): boolean {
  return contentType !== null && contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * Whether the body parser refuses this request for its size before any route code: then the answer is a 413, and
 * nothing else. (A body of a type no parser takes is refused as that, 415, without being read.)
 */
function overTheLimit(route: AnyRoute, req: FuzzRequest): boolean {
  if (route.method === 'GET' || req.body.kind === 'none' || req.param?.mode === 'raw' || req.param?.mode === 'dot') return false;
  if (req.body.kind === 'text' && !isJsonMediaType(req.body.contentType)) return false;
  const text = req.body.kind === 'json' ? JSON.stringify(req.body.value) : req.body.text;
  return text !== undefined && Buffer.byteLength(text) > BODY_LIMIT;
}

/** A base64url cursor that decodes to an array of nulls and strings may be a real position: any non-5xx answer. */
function cursorLooksReal(cursor: string): boolean {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length >= 1 && v.length <= 3 && v.every((x) => x === null || typeof x === 'string');
  } catch {
    return false;
  }
}

function queryObject(pairs: [string, string][]): Record<string, string | string[]> {
  const obj: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = obj[k];
    obj[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return obj;
}

/**
 * Catalogue versions are the one identifier a client chooses: the fuzz itself may have published one named like
 * the junk it later sends as `:version`. Each published version is recorded here, and then names something real.
 */
const publishedVersions = new Set<string>();

function expectationOf(route: AnyRoute, req: FuzzRequest, fx: Fixture): { expect: Expectation; why: string[] } {
  const why: string[] = [];
  const names = paramNames(route.url);
  const attacked = req.param && names.includes(req.param.name) ? req.param : null;
  const ids = fx as unknown as Record<string, string>;
  const valueOf = (n: string) => (attacked?.name !== n ? ids[n]! : attacked.mode === 'real' ? ids[n]!.toUpperCase() : attacked.value);
  if (attacked && (attacked.mode === 'dot' || (attacked.mode !== 'raw' && /^\.{1,2}$/.test(attacked.value)))) {
    return { expect: 'any', why: ['a dot segment: the URL resolves to another path'] };
  }

  // Before any route code: the router, the body parser.
  const hasBody = route.method !== 'GET';
  const body = hasBody ? parsedBody(req.body) : { ok: true as const, value: undefined };
  if (attacked?.mode === 'raw') why.push('malformed percent-encoding in the path');
  if (body.ok === false) why.push(body.why);
  if (why.length) return { expect: 'must-4xx', why };
  if (body.ok === 'unclear') return { expect: 'any', why: ['an empty body under an empty content type'] };

  // The platform, in register-routes order: signed in, CSRF, role, Idempotency-Key.
  if (route.kind !== 'public') {
    if (req.auth === 'anonymous') return { expect: 'must-4xx', why: ['not signed in'] };
    if (hasBody && req.auth !== 'session') return { expect: 'must-4xx', why: ['no valid CSRF token'] };
  }
  if (route.method === 'POST' && req.auth !== 'anonymous' && req.idempotencyKey !== null && !/^[\x21-\x7e]{1,255}$/.test(req.idempotencyKey.trim())) {
    return { expect: 'must-4xx', why: ['malformed Idempotency-Key'] };
  }

  // Path params: a malformed id names nothing, so 404.
  const params = Object.fromEntries(names.map((n) => [n, valueOf(n)]));
  if (route.params && !route.params.safeParse(params).success) return { expect: 'must-404', why: ['malformed id in the path'] };

  let uncertain = false;
  // A well-formed id that is not this family's own (missing, or the other family's) names nothing here: a 4xx.
  // The other family's id alone, on a route with only :familyId, is simply that family.
  if (attacked?.name === 'version' && publishedVersions.has(attacked.value)) return { expect: 'any', why: ['a catalogue version this run published'] };
  if (attacked && attacked.mode !== 'real' && !(attacked.mode === 'foreign' && names.length === 1)) why.push(`${attacked.mode} ${attacked.name}`);

  if ('raw' in req.query) {
    uncertain = true;
  } else if (route.query) {
    const q = queryObject(req.query.pairs);
    const parsed = route.query.safeParse(q);
    if (!parsed.success) why.push('malformed query');
    else if ('cursor' in (parsed.data as object) && typeof q.cursor === 'string') {
      if (cursorLooksReal(q.cursor)) uncertain = true;
      else why.push('forged cursor');
    }
  }

  if (hasBody) {
    const value = body.ok === true ? body.value : undefined;
    const bodyOk = route.body
      ? route.body.safeParse(value ?? undefined).success
      : value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
    if (!bodyOk) why.push('malformed body');
  }

  if (route.ifMatch) {
    const raw = req.ifMatch?.trim() ? req.ifMatch : null;
    if (raw === null && route.ifMatch === 'required') why.push('no If-Match');
    if (raw !== null && raw !== CURRENT && !/^\s*(?:W\/)?"?\d{1,9}"?\s*$/.test(raw)) why.push('malformed If-Match');
  }

  if (why.length) return { expect: 'must-4xx', why };
  // The calendar feed takes its own secret instead of a session: anonymous, or with a token that is nobody's, it is refused.
  if (keyOf(route) === 'GET /api/v1/me/calendar.ics' && !('raw' in req.query) && (req.auth === 'anonymous' || req.query.pairs.some(([k]) => k === 'token'))) {
    return { expect: 'must-4xx', why: ['no session and no valid feed token'] };
  }
  if (uncertain) return { expect: 'any', why: ['a raw query or a well-shaped forged cursor'] };
  return route.method === 'GET' ? { expect: 'must-2xx', why: ['well-formed read'] } : { expect: 'ok-or-business', why: ['well-formed change'] };
}

/** One line per request, with long strings cut, for failure messages and fast-check's counterexamples. */
function describeRequest(req: FuzzRequest): string {
  const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}…(${text.length} chars)` : text);
  const body = req.body.kind === 'none' ? 'no body' : req.body.kind === 'json'
    ? `${req.body.note}: ${cut(String(JSON.stringify(req.body.value)), 120)}`
    : `${req.body.note} (${String(req.body.contentType)}): ${cut(JSON.stringify(req.body.text), 80)}`;
  const query = 'raw' in req.query ? req.query.raw : req.query.pairs.map(([k, v]) => `${k}=${cut(JSON.stringify(v), 60)}`).join('&');
  const param = req.param ? `${req.param.name}=${cut(JSON.stringify(req.param.value), 60)} (${req.param.mode})` : 'real ids';
  return `[${param}] [query ${query || '-'}] [${body}] [if-match ${String(req.ifMatch)}] [idempotency-key ${String(req.idempotencyKey)}] [${req.auth}]`;
}

/** Makes fast-check print a request as its one-line description (long strings would flood the report). */
function printable(req: FuzzRequest): FuzzRequest {
  return Object.defineProperty(req, fc.toStringMethod, { value: () => describeRequest(req), enumerable: false });
}

// ---------------------------------------------------------------------------------------------------------------
// Generators.

const junkString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\t\n', '0000-01-01', '2025-02-30', '2025-13-01', '99999-01-01', '1899-12-31',
    '<script>alert(1)</script>', "' OR '1'='1' --", '../../etc/passwd', '💥🔥', 'ñ', '\u202e', '\ud800', 'null', 'true', '0'),
  fc.constantFrom(...SCRIPT_INJECTION, ...SQL_INJECTION, ...VALID_UNICODE, ...REFUSED_TEXT, ...INVALID_UUIDS, '\uFEFF', '\uFEFFtext', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.integer({ min: 501, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.uuid(),
);
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: junkString },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53, [], {}) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
);
const deepText = fc.tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('[', '{"a":')).map(([n, open]) =>
  open === '[' ? '['.repeat(n) + ']'.repeat(n) : open.repeat(Math.floor(n / 5)) + '1' + '}'.repeat(Math.floor(n / 5)));
const wrongContentTypes = [null, '', 'text/plain', 'text/html', 'application/xml', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=XyZ', 'application/octet-stream', 'image/png', 'application/jsonx', 'json', 'application/vnd.api+json', 'text/json',
  'application/json, text/plain', 'text/plain; charset=utf-8', 'application/problem+json',
  // Read as JSON all the same (the media type decides): the oracle knows.
  'application/json; charset=utf-16', 'APPLICATION/JSON', 'application/json;'];
const malformedJson = ['{', '{"a":}', '[1,]', "{'a':1}", 'NaN', 'undefined', '"unterminated', '{"a":1}}', '\u0000', '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}', '', ' '];

function bodyArb(route: AnyRoute, valid: unknown): fc.Arbitrary<BodySpec> {
  const keys = [...new Set([...shapeKeys(route.body), ...(valid && typeof valid === 'object' ? Object.keys(valid) : [])])];
  const json = (note: string) => (value: unknown): BodySpec => ({ kind: 'json', value, note });
  const arbs: fc.WeightedArbitrary<BodySpec>[] = [
    { weight: 2, arbitrary: fc.jsonValue().map(json('json value')) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }).map(json('anything')) },
    { weight: 1, arbitrary: deepText.map((text): BodySpec => ({ kind: 'text', text, contentType: 'application/json', note: 'deep nesting' })) },
    { weight: 1, arbitrary: fc.integer({ min: 200_000, max: 400_000 }).map((n) => json('huge string')(keys.length ? { [keys[0]!]: 'x'.repeat(n) } : 'x'.repeat(n))) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...wrongContentTypes), fc.oneof(fc.constant(JSON.stringify(valid ?? {})), fc.string({ maxLength: 40 })))
        .map(([contentType, text]): BodySpec => ({ kind: 'text', text, contentType, note: 'wrong content type' })) },
    { weight: 1, arbitrary: fc.constantFrom(...malformedJson).map((text): BodySpec => ({ kind: 'text', text, contentType: 'application/json', note: 'malformed JSON' })) },
    { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
  ];
  if (keys.length) {
    arbs.push({ weight: 3, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, junkValue])), { requiredKeys: [] }).map(json('wrong types for the schema keys')) });
  }
  if (valid !== undefined && valid !== null && typeof valid === 'object') {
    const v = valid as Record<string, unknown>;
    arbs.push(
      { weight: 3, arbitrary: fc.constant(valid).map(json('valid')) },
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...keys), junkValue).map(([k, junk]) => json(`valid but ${k} broken`)({ ...v, [k]: junk })) },
      { weight: 1, arbitrary: fc.constantFrom(...keys).map((k) => { const c = { ...v }; delete c[k]; return json(`valid without ${k}`)(c); }) },
      { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), junkValue).map(([k, junk]) => json('valid plus a key')({ ...v, [k]: junk })) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>([valid], { data: valid }, JSON.stringify(valid)).map(json('valid, wrapped')) },
    );
  }
  return fc.oneof(...arbs);
}

function paramArb(route: AnyRoute, w: World): fc.Arbitrary<ParamAttack | null> {
  const names = paramNames(route.url);
  if (!names.length) return fc.constant(null);
  const junk = fc.oneof(
    fc.constantFrom('not-a-uuid', '0', '-1', 'null', 'undefined', ' ', '{}', "' OR '1'='1", '../../etc/passwd', '..%2F..', '....', '..\\..',
      'é', '名前', '💥', '\u202e', '\u0000', 'a b', '01900000-0000-7000-8000-00000000000g', '01900000000070008000000000000000',
      '{01900000-0000-7000-8000-000000000000}', '01900000-0000-7000-8000-000000000000x', 'x'.repeat(101), 'x'.repeat(5000)),
    // Lone surrogates have no UTF-8 form, so no URL can carry them: the raw mode sends their CESU-8 bytes instead.
    fc.constantFrom<string>(...INVALID_UUIDS, ...SCRIPT_INJECTION, ...SQL_INJECTION, ...VALID_UNICODE, '\uFEFF', '00000000-0000-0000-0000-000000000000').filter((v) => v.length > 0 && v.trim() === v),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
    fc.uuid().map((u) => `${u}a`),
    fc.uuid().map((u) => u.replaceAll('-', '')),
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom(...names), fc.oneof(
        { weight: 4, arbitrary: junk.map((value) => ({ value, mode: 'junk' as const })) },
        { weight: 2, arbitrary: fc.uuid().map((value) => ({ value, mode: 'missing' as const })) },
        { weight: 1, arbitrary: fc.constant({ value: '', mode: 'foreign' as const }) },
        { weight: 1, arbitrary: fc.constant({ value: '', mode: 'real' as const }) },
        { weight: 1, arbitrary: fc.constantFrom('%zz', '%E0%A4%A', '%', '%%', '%C0%AF', '%ED%A0%80').map((value) => ({ value, mode: 'raw' as const })) },
        { weight: 1, arbitrary: fc.constantFrom('.', '..').map((value) => ({ value, mode: 'dot' as const })) },
      )).map(([name, a]): ParamAttack => ({
        name,
        mode: a.mode,
        // '' stands for "this family's id, upper-cased" (real) or "the other family's id" (foreign); resolved per run.
        value: a.mode === 'foreign' ? (w.other as unknown as Record<string, string>)[name]! : a.value,
      })),
    },
  );
}

function queryArb(route: AnyRoute): fc.Arbitrary<QuerySpec> {
  const keys = [...new Set([...shapeKeys(route.query), 'limit', 'cursor', 'include', 'outcome', 'q', 'kind', 'phase', 'organisationId'])];
  const cursorJunk = fc.oneof(
    fc.constantFrom('garbage', 'bnVsbA', '!!!', 'W10', 'WyJhIl0', 'x'.repeat(513)),
    fc.base64String({ maxLength: 40 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => b64url(JSON.stringify(v))),
    fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64')),
    fc.tuple(
      fc.constantFrom<string | null>('0000-01-01T00:00:00Z', '2025-02-30T00:00:00Z', '2025-01-01T00:00:00Z', '2025-99-99', '0000-01-01', '2025-01-01', null, ''),
      fc.oneof(fc.uuid(), fc.constant('not-a-uuid')),
    ).map((parts) => b64url(JSON.stringify(parts))),
  );
  const value = fc.oneof(
    fc.constantFrom('-1', 'abc', '100000', '0', '1', '50', '200', '201', '1.5', '1e2', '', ' ', 'null', 'NaN', 'Infinity', '0x10', '١٢', 'true', '[]', '{}'),
    fc.constantFrom('active', 'all', 'denied', 'success', 'failure', 'school', 'wijkteam', 'intake', 'afgesloten', 'Jansen', 'a\u0000b', '%', '..'),
    fc.constantFrom(...SCRIPT_INJECTION, ...SQL_INJECTION, ...VALID_UNICODE, ...INVALID_UUIDS),
    fc.uuid(),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.integer({ min: 101, max: 3000 }).map((n) => 'q'.repeat(n)),
    cursorJunk,
  );
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z_]{1,10}$/).filter((k) => k !== '__proto__') });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<QuerySpec>({ pairs: [] }) },
    { weight: 5, arbitrary: fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 4 }).map((pairs): QuerySpec => ({ pairs })) },
    { weight: 1, arbitrary: fc.constantFrom('limit=%E0%A4%A', 'limit=%zz', '%%%', 'limit[]=1', 'limit[a]=1&limit[b]=2', '&&&', '=', 'limit', 'limit=1;cursor=x', 'limit=1&&limit=')
        .map((raw): QuerySpec => ({ raw })) },
  );
}

/**
 * What one property attacks; the rest of the request stays valid, so one bug cannot hide another and a failure
 * names its cause. The headers dimension also varies the body, for their interplay (Idempotency-Key × body).
 */
type Dimension = 'path params' | 'query' | 'body' | 'headers';

function dimensionsOf(route: AnyRoute): Dimension[] {
  const dims: Dimension[] = [];
  if (paramNames(route.url).length) dims.push('path params');
  dims.push('query');
  if (route.method !== 'GET') dims.push('body');
  if (route.kind !== 'public' || route.ifMatch || route.method === 'POST') dims.push('headers');
  return dims;
}

function validRequest(valid: unknown): FuzzRequest {
  return {
    param: null, query: { pairs: [] }, body: valid === undefined ? { kind: 'none' } : { kind: 'json', value: valid, note: 'valid' },
    ifMatch: CURRENT, idempotencyKey: null, auth: 'session',
  };
}

function requestArb(route: AnyRoute, valid: unknown, w: World, dim: Dimension): fc.Arbitrary<FuzzRequest> {
  const base = validRequest(valid);
  const c = <T,>(value: T) => fc.constant(value);
  const validBody = c(base.body);
  return fc.record<FuzzRequest>({
    param: dim === 'path params' ? paramArb(route, w) : c(null),
    query: dim === 'query' ? queryArb(route) : c(base.query),
    body: route.method === 'GET' ? c<BodySpec>({ kind: 'none' })
      : dim === 'body' ? bodyArb(route, valid)
        : dim === 'headers' ? fc.oneof({ weight: 3, arbitrary: validBody }, { weight: 1, arbitrary: bodyArb(route, valid) })
          : validBody,
    ifMatch: dim !== 'headers' ? c(CURRENT) : fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(CURRENT, '"1"') },
      { weight: 3, arbitrary: fc.constantFrom<string | null>(null, 'W/"1"', '1', '"2"', '"99999"', '*', '"abc"', '"-1"', '"1234567890"', '', 'garbage', '"1", "2"') },
    ),
    idempotencyKey: dim !== 'headers' ? c(null) : fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,40}$/) },
      { weight: 1, arbitrary: fc.constantFrom('has space', 'x'.repeat(256), 'tab\there', 'ü-umlaut') },
    ),
    auth: dim !== 'headers' ? c('session' as const) : fc.oneof(
      { weight: 3, arbitrary: fc.constant('session' as const) },
      { weight: 1, arbitrary: fc.constantFrom('anonymous' as const, 'no-csrf' as const, 'wrong-csrf' as const) },
    ),
  }).map(printable);
}

/** Named cases (those of the brief, and the ones that found bugs), run before the generated ones where they apply. */
function examplesFor(route: AnyRoute, valid: unknown, w: World, dim: Dimension): FuzzRequest[] {
  const base = validRequest(valid);
  const uuid = '01900000-0000-7000-8000-000000000000';
  // The valid request comes first, except for bodies: there it comes last, so that a valid create does not turn
  // the field-level examples into 409s (the same professional already on the team, and so on).
  const out: FuzzRequest[] = dim === 'body' ? [] : [base];
  if (dim === 'headers') {
    out.push({ ...base, auth: 'anonymous' });
    if (route.method !== 'GET') out.push({ ...base, auth: 'no-csrf' }, { ...base, auth: 'wrong-csrf' });
    if (route.ifMatch) for (const ifMatch of [null, '*', '"abc"', '"1234567890"']) out.push({ ...base, ifMatch });
    if (route.method === 'POST') {
      out.push({ ...base, idempotencyKey: 'x'.repeat(256) });
      out.push({ ...base, body: { kind: 'text', text: '['.repeat(100_000) + ']'.repeat(100_000), contentType: 'application/json', note: 'deep nesting' }, idempotencyKey: 'deep-nesting-key' });
    }
  }
  if (dim === 'query') {
    // A route that reads no query ignores it: a few named cases show that, the generated ones do the rest.
    const named = route.query ? [
      [['limit', '-1']], [['limit', 'abc']], [['limit', '100000']], [['limit', '0']], [['cursor', 'garbage']],
      [['cursor', b64url(JSON.stringify({ a: [1, { b: null }] }))]], [['cursor', b64url(JSON.stringify(['0000-01-01T00:00:00Z', uuid]))]],
      [['cursor', b64url(JSON.stringify(['2025-99-99', uuid]))]], [['q', 'a\u0000b']], [['q', 'a\uFEFF\u202Eb']], [['limit', '1'], ['limit', '2']],
      ...shapeKeys(route.query).flatMap((k) => [[[k, 'x'.repeat(600)]], [[k, SQL_INJECTION[0]]]]),
    ] : [[['limit', '-1']], [['q', 'a\u0000b']], [['cursor', SCRIPT_INJECTION[0]]], [['limit', '1'], ['limit', '2']]];
    for (const pairs of named as [string, string][][]) out.push({ ...base, query: { pairs } });
  }
  if (dim === 'path params') {
    for (const name of paramNames(route.url)) {
      for (const [value, mode] of [
        ['', 'real'], ['not-a-uuid', 'junk'], [uuid, 'missing'], [(w.other as unknown as Record<string, string>)[name]!, 'foreign'],
        ['../../etc/passwd', 'junk'], ['é名💥', 'junk'], ['..', 'dot'], ['x'.repeat(101), 'junk'], ['x'.repeat(5000), 'junk'], ['%zz', 'raw'],
      ] as [string, ParamMode][]) out.push({ ...base, param: { name, value, mode } });
    }
  }
  if (dim === 'body') {
    const v = valid && typeof valid === 'object' ? valid as Record<string, unknown> : {};
    const keys = shapeKeys(route.body);
    keys.forEach((key, i) => {
      // Each key meets one refused and one storable hostile string, rotating so that the route's keys share the lists.
      const refused = REFUSED_TEXT[i % REFUSED_TEXT.length]!;
      const storable = STORABLE_TEXT[(i * 7 + keys.length) % STORABLE_TEXT.length]!;
      out.push({ ...base, body: { kind: 'json', value: { ...v, [key]: refused }, note: `refused text in ${key}` } });
      out.push({ ...base, body: { kind: 'json', value: { ...v, [key]: storable }, note: `hostile text in ${key}` } });
      const badId = INVALID_UUIDS[i % INVALID_UUIDS.length]!;
      if (/Id$/.test(key)) out.push({ ...base, body: { kind: 'json', value: { ...v, [key]: badId }, note: `invalid uuid in ${key}` } });
      if (/Ids$/.test(key)) out.push({ ...base, body: { kind: 'json', value: { ...v, [key]: [badId] }, note: `invalid uuid in ${key}` } });
      out.push({ ...base, body: { kind: 'json', value: { ...v, [key]: 'a\u0000b' }, note: `NUL in ${key}` } });
      if (/date/i.test(key)) out.push({ ...base, body: { kind: 'json', value: { ...v, [key]: '0000-01-01' }, note: `year 0 in ${key}` } });
      out.push({ ...base, body: { kind: 'json', value: { ...v, [key]: 12345 }, note: `number for ${key}` } });
    });
    const first = JSON.stringify(keys[0] ?? 'x');
    const bodies: BodySpec[] = [
      { kind: 'none' },
      { kind: 'json', value: {}, note: '{}' }, { kind: 'json', value: null, note: 'null' }, { kind: 'json', value: [], note: '[]' },
      { kind: 'json', value: 'string', note: 'a string' }, { kind: 'json', value: 0, note: '0' },
      { kind: 'text', text: '{"a":', contentType: 'application/json', note: 'malformed JSON' },
      { kind: 'text', text: '', contentType: 'application/json', note: 'empty JSON' },
      { kind: 'text', text: JSON.stringify(v), contentType: 'text/plain', note: 'text/plain' },
      { kind: 'text', text: '<a/>', contentType: 'application/xml', note: 'xml' },
      { kind: 'text', text: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', note: 'form' },
      { kind: 'text', text: JSON.stringify(v), contentType: null, note: 'no content type' },
      { kind: 'text', text: '['.repeat(100_000) + ']'.repeat(100_000), contentType: 'application/json', note: 'deep nesting' },
      { kind: 'text', text: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), contentType: 'application/json', note: 'deep nesting: 10,000 objects' },
      { kind: 'text', text: `{${first}:${'['.repeat(10_000)}${']'.repeat(10_000)}}`, contentType: 'application/json', note: 'deep nesting inside a field' },
      { kind: 'json', value: { ...v, [keys[0] ?? 'x']: 'x'.repeat(300_000) }, note: 'huge string' },
      { kind: 'json', value: { ...v, [keys[0] ?? 'x']: 'x'.repeat(BODY_LIMIT - 200) }, note: 'huge string, just under the limit' },
      { kind: 'text', text: JSON.stringify({ ...v, pad: 'x'.repeat(BODY_LIMIT) }), contentType: 'application/json; charset=utf-8', note: 'over the limit by padding' },
      { kind: 'text', text: `\uFEFF${JSON.stringify(v)}`, contentType: 'application/json', note: 'a byte order mark first' },
      { kind: 'text', text: JSON.stringify(v), contentType: 'application/json; charset=utf-8', note: 'with a charset' },
      { kind: 'text', text: `{"a":1,"a":2,${JSON.stringify(v).slice(1)}`, contentType: 'application/json', note: 'duplicate keys' },
    ];
    for (const body of bodies) out.push({ ...base, body });
    out.push(base);
  }
  return out.map(printable);
}

// ---------------------------------------------------------------------------------------------------------------

describe('malformed input is a 4xx problem, never a 5xx, on every route', () => {
  let t: TestApp;
  let w: World;
  let coordinator: Awaited<ReturnType<typeof makeProfessional>>;
  let proposerAdmin: Awaited<ReturnType<typeof makeUser>>;
  let partnerOrganisationId: string;
  let colleagueClient: ApiClient;
  let officerClient: ApiClient;
  let writes: Awaited<ReturnType<typeof writeRecorder>>;
  let familySession: Awaited<ReturnType<typeof createSession>> | undefined;
  /**
   * One fresh family per route for the path, query and header attacks (a shared start; what one dimension's valid
   * request changes, the next may meet as a business refusal, which the oracle allows), and its own for the body
   * attacks, so every valid-shaped body reaches the service on the state it was written for.
   */
  const routeFixtures = new Map<string, Promise<Fixture>>();
  /** Refused requests checked for committed row writes, over the whole file. */
  let refusalsChecked = 0;
  /** Requests the properties sent, over the whole file (for the report; the count is not asserted exactly). */
  let requestsSent = 0;

  /** A family with one of everything, so each family route starts from the same fresh state. */
  async function makeFixture(): Promise<Fixture> {
    const c = coordinator.client;
    const family = await makeFamily(c);
    const base = `/api/v1/families/${family.id}`;
    const colleague = await c.create<{ id: string }>(`${base}/team`, { userId: w.colleagueUserId, role: 'member' });
    const goal = await c.create<{ id: string }>(`${base}/goals`, { title: 'We hebben rust over geld', lifeDomain: 'financien', memberIds: [family.parentId] });
    const action = await c.create<{ id: string }>(`${base}/goals/${goal.id}/actions`, { title: 'Brieven verzamelen', assigneeMemberId: family.parentId });
    const covenant = await proposerAdmin.client.create<{ id: string }>('/api/v1/covenants', { partnerOrganisationId, categories: ['financien'], purpose: 'Fuzz' });
    const consent = await c.create<{ id: string }>(`${base}/consents`, {
      memberId: family.parentId, organisationId: partnerOrganisationId, categories: ['financien', 'identity'], purpose: 'Fuzz', validUntil: '2099-01-01', givenBy: [family.parentId],
    });
    const grant = await c.create<{ id: string }>(`${base}/break-glass`, { categories: ['safety'], reason: 'Acute zorgen om de veiligheid van de kinderen thuis.' });
    await colleagueClient.create(`${base}/break-glass`, { categories: ['safety'], reason: 'Acute zorgen om de veiligheid van de kinderen thuis.' });
    const told = (await c.get('/api/v1/me/notifications?limit=1')).json() as { items: { id: string }[] };
    const request = await officerClient.create<{ id: string }>('/api/v1/privacy/requests', {
      familyId: family.id, memberId: family.parentId, requestedBy: family.parentId, kind: 'export', receivedOn: '2026-11-20',
    });
    const invitation = await c.create<{ id: string }>(`${base}/invitations`, { memberId: family.parentId });
    const referral = await c.create<{ id: string }>(`${base}/referrals`, { goalId: goal.id, toOrganisationId: partnerOrganisationId, reason: 'Hulp bij geld' });
    const careStep = await c.create<{ id: string }>(`${base}/care-steps`, { specialistUserId: w.colleagueUserId, staying: [] });
    const hourAgo = Date.now() - 3_600_000;
    const consultation = await c.create<{ id: string }>(`${base}/consultations`, {
      startsAt: new Date(hourAgo).toISOString(), endsAt: new Date(hourAgo + 3_600_000).toISOString(), location: 'Wijkcentrum',
      invitees: { memberIds: [family.parentId], userIds: [w.colleagueUserId] },
    });
    return {
      familyId: family.id, memberId: family.parentId, goalId: goal.id, actionId: action.id, teamMemberId: colleague.id, covenantId: covenant.id,
      consentId: consent.id, grantId: grant.id, notificationId: told.items[0]!.id, requestId: request.id, invitationId: invitation.id,
      userId: w.newcomerUserId, organisationId: w.organisationId, version: '1', serviceId: w.serviceId, referralId: referral.id, careStepId: careStep.id,
      consultationId: consultation.id, signalId: '',
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await makeProfessional(t, 'wijkteam', 'Coordinator Fuzz');
    const colleague = await makeProfessional(t, 'schuldhulp', 'Collega Fuzz');
    colleagueClient = colleague.client;
    const newcomer = await makeProfessional(t, 'jgz', 'Nieuwkomer Fuzz');
    const signer = await makeProfessional(t, 'school', 'Inlogger Fuzz');
    const me = (await coordinator.client.get('/api/v1/me')).json() as { user: { organisationId: string } };
    proposerAdmin = await makeUser(t, me.user.organisationId, ['org-admin'], 'Beheer Fuzz');
    partnerOrganisationId = await makeOrganisation(t, 'huisarts');
    const partnerAdmin = await makeUser(t, partnerOrganisationId, ['org-admin'], 'Beheer Partner Fuzz');
    // One covenant in force with the partner, so each fixture family can refer to it (what it shares is consented).
    const inForce = await proposerAdmin.client.create<{ id: string }>('/api/v1/covenants', { partnerOrganisationId, categories: ['financien', 'identity'], purpose: 'Verwijzen' });
    expect((await partnerAdmin.client.post(`/api/v1/covenants/${inForce.id}/accept`)).statusCode).toBe(200);
    const officer = await makeUser(t, me.user.organisationId, ['privacy-officer'], 'Privacy Fuzz');
    officerClient = officer.client;
    w = {
      coordinatorId: coordinator.id, loginEmail: signer.email, adminId: t.admin.user!.id, orgAdminId: partnerAdmin.id, privacyOfficerId: officer.id,
      organisationId: me.user.organisationId, colleagueUserId: colleague.id, newcomerUserId: newcomer.id, other: undefined as unknown as Fixture,
      serviceId: (await t.admin.create<{ id: string }>(`/api/v1/organisations/${me.user.organisationId}/services`, { name: 'Budgetcursus', lifeDomains: ['financien'], referral: 'self' })).id,
    };
    w.other = await makeFixture();
    // A signal for the coordinator: a professional of the partner registers a file with the same child (the same BSN).
    const partnerProfessional = await makeUser(t, partnerOrganisationId, ['professional'], 'Partner Fuzz');
    const child = { givenName: 'Sem', familyName: 'Fuzz', birthDate: '2014-05-05', role: 'child', hasCustody: false, bsn: '111222333' };
    await coordinator.client.create(`/api/v1/families/${w.other.familyId}/members`, child);
    await partnerProfessional.client.create('/api/v1/families', { name: 'Gezin Partner', members: [child] });
    const signals = (await coordinator.client.get('/api/v1/me/signals')).json() as { items: { id: string }[] };
    w.other.signalId = signals.items[0]!.id;
    // Another organisation's service: in this organisation's url it names nothing.
    w.other.serviceId = (await t.admin.create<{ id: string }>(`/api/v1/organisations/${partnerOrganisationId}/services`, { name: 'Spreekuur', lifeDomains: ['lichamelijke-gezondheid'], referral: 'self' })).id;
    writes = await writeRecorder(t.db);
  });
  afterAll(async () => { await t?.close(); });

  /** The answer, or a failure naming the hang: no request may leave the client waiting. */
  async function withTimeout<T>(answer: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: a hang`)), REQUEST_TIMEOUT_MS); });
    try {
      return await Promise.race([answer, hang]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function send(route: AnyRoute, fx: Fixture, req: FuzzRequest) {
    const userId = route.kind !== 'global' || hasGlobalPermission(['professional'], route.access.permission) ? w.coordinatorId
      : hasGlobalPermission(['admin'], route.access.permission) ? w.adminId
        : hasGlobalPermission(['privacy-officer'], route.access.permission) ? w.privacyOfficerId : w.orgAdminId;
    // Family routes never end the caller's session, so one serves them all; the others (sign-out, second factor…)
    // may, so each of their requests signs in afresh.
    const session = route.kind === 'family' ? (familySession ??= await createSession(t.db, userId, new Date())) : await createSession(t.db, userId, new Date());
    const path = route.url.replace(/:(\w+)/g, (_, name: string) => {
      const real = (fx as unknown as Record<string, string>)[name]!;
      if (req.param?.name !== name) return real;
      if (req.param.mode === 'raw' || req.param.mode === 'dot') return req.param.value;
      if (req.param.mode === 'real') return real.toUpperCase();
      return encodeURIComponent(req.param.value);
    });
    const query = 'raw' in req.query ? req.query.raw : req.query.pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    const headers: Record<string, string> = {};
    if (req.auth !== 'anonymous') headers.cookie = `${SESSION_COOKIE}=${session.token}`;
    if (route.method !== 'GET' && req.auth === 'session') headers['x-csrf-token'] = session.csrfToken;
    if (route.method !== 'GET' && req.auth === 'wrong-csrf') headers['x-csrf-token'] = 'not-the-token';
    if (req.ifMatch !== null) headers['if-match'] = req.ifMatch === CURRENT ? '"1"' : req.ifMatch;
    if (req.idempotencyKey !== null) headers['idempotency-key'] = req.idempotencyKey;
    let payload: string | undefined;
    if (route.method !== 'GET' && req.body.kind !== 'none') {
      const text = req.body.kind === 'json' ? JSON.stringify(req.body.value) : req.body.text;
      const contentType = req.body.kind === 'json' ? 'application/json' : req.body.contentType;
      if (text !== undefined) {
        payload = text;
        if (contentType !== null) headers['content-type'] = contentType;
      }
    }
    const inject = () => withTimeout(t.app.inject({ method: route.method, url: query ? `${path}?${query}` : path, headers, ...(payload !== undefined ? { payload } : {}) }));
    const res = await inject();
    const etag = res.headers.etag;
    if (req.ifMatch !== CURRENT || res.statusCode !== 412 || typeof etag !== 'string') return res;
    headers['if-match'] = etag;
    return inject();
  }

  const covered = new Set<string>();

  const cases = FUZZED_ROUTES.flatMap((r) => dimensionsOf(r).map((dim) => [`${keyOf(r)} › ${dim}`, r, dim] as const));

  it.each(cases)('%s', async (_name, route, dim) => {
    const key = keyOf(route);
    covered.add(key);
    if (route.body && !validBodies[key]) throw new Error(`${key} takes a body: add a valid one to tests/support/route-bodies.ts`);
    const fx = route.kind !== 'family' ? w.other : dim === 'body' ? await makeFixture()
      : await (routeFixtures.get(key) ?? routeFixtures.set(key, makeFixture()).get(key)!);
    const valid = validBody(key, w, fx);
    if (route.body && !route.body.safeParse(valid).success) throw new Error(`the valid body for ${key} does not match its schema`);

    const seen: Record<Expectation, number> = { 'must-4xx': 0, 'must-404': 0, 'must-2xx': 0, 'ok-or-business': 0, any: 0 };
    const examples = examplesFor(route, valid, w, dim);
    const generated = dim === 'query' && !route.query ? NUM_RUNS / 2 : NUM_RUNS;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(requestArb(route, valid, w, dim), async (req) => {
        const { expect: expected, why } = expectationOf(route, req, fx);
        seen[expected] += 1;
        runs += 1;
        await writes.take();
        const res = await send(route, fx, req);
        const status = res.statusCode;
        if (key === 'POST /api/v1/catalogues/collaboration-components' && status < 300) publishedVersions.add((res.json() as { version: string }).version);
        const where = `${key} ${describeRequest(req)} → ${status} ${res.headers['content-type'] ?? ''} ${res.body.slice(0, 200)} (expected ${expected}: ${why.join(', ')})`;
        expect(status, where).toBeLessThan(500);
        // A 2xx or a 4xx: no redirects, no 1xx, nothing in between.
        expect((status >= 200 && status < 300) || (status >= 400 && status < 500), where).toBe(true);
        let problem: { status?: number; code?: string; errors?: { pointer: string }[] } = {};
        if (status >= 400) {
          expect(String(res.headers['content-type']), where).toMatch(/^application\/problem\+json/);
          problem = JSON.parse(res.body) as typeof problem;
          expect(problem.status, where).toBe(status);
          // Refused means refused: no row was inserted, changed or deleted (no partial write).
          expect(await writes.take(), where).toEqual([]);
          refusalsChecked += 1;
        }
        if (overTheLimit(route, req)) {
          expect(status, where).toBe(413);
          expect(problem.code, where).toBe('PAYLOAD_TOO_LARGE');
        }
        switch (expected) {
          case 'must-4xx':
            expect(status >= 400 && status < 500, where).toBe(true);
            break;
          case 'must-404':
            expect(status, where).toBe(404);
            break;
          case 'must-2xx':
            expect(status >= 200 && status < 300, where).toBe(true);
            break;
          case 'ok-or-business': {
            if (status < 300) break;
            const allowedValidation = BUSINESS_VALIDATION[key];
            const businessValidation = problem.code === 'VALIDATION_FAILED' && allowedValidation !== undefined
              && (problem.errors ?? []).length > 0 && (problem.errors ?? []).every((e) => allowedValidation.includes(e.pointer));
            expect(BUSINESS_CODES.has(problem.code ?? '') || businessValidation, where).toBe(true);
            break;
          }
          case 'any':
            break;
        }
      }),
      // fast-check counts the examples within numRuns: add them, so NUM_RUNS generated requests follow.
      { numRuns: examples.length + generated, examples: examples.map((r) => [r] as [FuzzRequest]), plugins: [fc.interruptAfterTimeLimit(30_000)] },
    );
    // Every run happened, and both sides of the oracle were reached: the valid request (always an example) and
    // malformed ones (except in the query of a route that reads none: there is nothing to break).
    expect(runs).toBeGreaterThanOrEqual(examples.length + generated);
    requestsSent += runs;
    expect(seen['must-2xx'] + seen['ok-or-business']).toBeGreaterThan(0);
    if (dim !== 'query' || route.query) expect(seen['must-4xx'] + seen['must-404']).toBeGreaterThan(0);
  });

  it('walked every operation of the OpenAPI document the server serves, and the document lists every route', async () => {
    const served = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(served.statusCode).toBe(200);
    expect(documentedOperations(served.json()).sort()).toEqual([...DOCUMENTED].sort());
    expect([...DOCUMENTED].sort()).toEqual(routes.map(keyOf).sort());
    expect([...covered].sort()).toEqual([...DOCUMENTED].sort());
    expect(covered.size).toBeGreaterThan(100);
    // Every refusal was checked for committed writes; a run with none checked would prove nothing.
    expect(refusalsChecked).toBeGreaterThan(1000);
    process.stdout.write(`fuzz: ${covered.size} operations, ${cases.length} properties, ${requestsSent} requests, ${refusalsChecked} refusals checked for writes\n`);
  });

  it('answers outside the document too: the document itself, its docs, HEAD, the web app, unknown paths', async () => {
    const wrong: string[] = [];
    const check = async (method: 'GET' | 'HEAD' | 'POST', url: string, headers: Record<string, string> = {}, payload?: string) => {
      const res = await withTimeout(t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) }));
      const ok = (res.statusCode >= 200 && res.statusCode < 300) || (res.statusCode >= 300 && res.statusCode < 400 && url.startsWith('/api/docs')) || (res.statusCode >= 400 && res.statusCode < 500);
      const problem = res.statusCode < 400 || method === 'HEAD' || /^application\/problem\+json/.test(String(res.headers['content-type']));
      if (!ok || !problem) wrong.push(`${method} ${url} → ${res.statusCode} ${String(res.headers['content-type'])}`);
    };
    const junk = ['', '?limit=-1', "?q=' OR '1'='1", `?x=${encodeURIComponent(SCRIPT_INJECTION[0])}`, '?%zz', `?a=${'x'.repeat(5000)}`];
    for (const q of junk) {
      await check('GET', `/api/v1/openapi.json${q}`);
      await check('GET', `/api/docs${q}`);
      await check('GET', `/api/v1/no-such-thing${q}`);
      await check('GET', `/gezinnen/${encodeURIComponent('<script>')}${q}`);
      await check('POST', `/api/v1/openapi.json${q}`, { 'content-type': 'application/json' }, '{"a":');
    }
    for (const path of ['/%zz', '/api/%', '/assets/../../etc/passwd', `/${'x'.repeat(5000)}`, '/api/v1/families/%ED%A0%80']) await check('GET', path);
    // HEAD mirrors GET on every documented read, signed in or not.
    const session = await createSession(t.db, w.coordinatorId, new Date());
    for (const route of FUZZED_ROUTES.filter((r) => r.method === 'GET')) {
      const url = route.url.replace(/:(\w+)/g, (_, n: string) => (w.other as unknown as Record<string, string>)[n]!);
      await check('HEAD', url);
      await check('HEAD', url, { cookie: `${SESSION_COOKIE}=${session.token}` });
    }
    expect(Object.keys(OUTSIDE_THE_DOCUMENT).length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('answers bare dot segments sent over real HTTP (no client-side normalising) with a 4xx problem', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const session = await createSession(t.db, w.coordinatorId, new Date());
    const raw = (method: string, path: string) => new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const payload = method === 'GET' ? '' : '{}';
      const headers = {
        cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken, 'if-match': '"1"',
        ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
      };
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => { body += chunk; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end(payload || undefined);
    });
    const wrong: string[] = [];
    let sent = 0;
    for (const route of routes.filter((r) => r.kind === 'family')) {
      for (const name of paramNames(route.url)) {
        for (const dots of ['..', '.', '%2e%2e', '%2E.']) {
          const path = route.url.replace(/:(\w+)/g, (_, n: string) => (n === name ? dots : (w.other as unknown as Record<string, string>)[n]!));
          const res = await raw(route.method, path);
          sent += 1;
          if (res.status < 400 || res.status >= 500 || !/^application\/problem\+json/.test(res.type)) wrong.push(`${route.method} ${path} → ${res.status} ${res.type} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });

  it('leaves an audit log whose chains still verify', async () => {
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true });
  });

  it('leaves no orphaned rows and no row pointing into another family', async () => {
    expect(await integrityFindings(t.db)).toEqual([]);
  });
});
