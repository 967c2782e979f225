import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasGlobalPermission } from '@gezinsplan/domain';
import type { Db } from '../db/database';
import type { SignedInActor } from '../auth/actor';
import { csrfMatches } from '../auth/sessions';
import { withFamilyAccess, type FamilyScope } from '../access/gate';
import { AppError, notFound } from './app-error';
import type { AnyRoute, HttpSide, RouteResult } from './define-route';
import { accessPointOf } from './request-context';
import { parseIfMatch, parsePart } from './validation';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestFingerprint } from './idempotency';

declare module 'fastify' {
  interface FastifyRequest {
    actor: SignedInActor | null;
    sessionExpired: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Mounts declared routes on Fastify. Every route passes the same checks in the same order: signed in, CSRF,
 * role (or, for family routes, the gate), If-Match, input against the shared schemas, Idempotency-Key.
 */
export interface RouteOptions {
  secure: boolean;
  /** Check every success answer against the route's declared response schema (tests turn this on). */
  checkResponses?: boolean;
}

export function registerRoutes(app: FastifyInstance, db: Db, routes: readonly AnyRoute[], options: RouteOptions): void {
  const cookieOptions = { secure: options.secure };
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: route.config ?? {},
      handler: async (request, reply) => {
        const isPublic = route.kind === 'public';
        const actor = request.actor;
        if (!isPublic && !actor) {
          throw new AppError('UNAUTHENTICATED', request.sessionExpired ? 'Your session has ended; sign in again.' : 'Sign in first.');
        }
        // A password alone opens only the sign-in steps while a second factor is due.
        if (!isPublic && actor && (actor.secondFactor === 'pending' || actor.secondFactor === 'enrolment-required') && !(route.kind === 'account' && route.duringSignIn)) {
          throw actor.secondFactor === 'pending'
            ? new AppError('SECOND_FACTOR_REQUIRED', 'Enter the code from your authenticator app first (POST /api/v1/auth/second-factor).')
            : new AppError('TWO_FACTOR_ENROLMENT_REQUIRED', 'Set up two-factor sign-in first (POST /api/v1/me/two-factor/enrolment).');
        }
        if (!isPublic && actor && !SAFE_METHODS.has(request.method)) {
          const given = request.headers['x-csrf-token'];
          if (!csrfMatches(actor.csrfToken, Array.isArray(given) ? given[0] : given)) {
            throw new AppError('CSRF_TOKEN_INVALID', 'Send the X-CSRF-Token header with the token from sign-in or GET /api/v1/me.');
          }
        }
        // Family members have their own family's file and their own account; nothing organisation-wide.
        if (route.kind === 'global' && (actor!.kind !== 'professional' || !hasGlobalPermission(actor!.roles, route.access.permission))) {
          throw new AppError('FORBIDDEN', 'Your role does not allow this.');
        }

        const run = (complete?: CompleteInTransaction): Promise<RouteResult> => (route.kind === 'family'
          ? runFamilyRoute(db, route, request, actor!, undefined, complete)
          : runGlobalRoute(db, route, request, reply, actor, cookieOptions));
        // A replayed answer about a family passes the gate again: whoever has left the team gets 404, not the copy.
        const replay = (stored: RouteResult): Promise<RouteResult> => (route.kind === 'family'
          ? runFamilyRoute(db, route, request, actor!, async () => stored)
          : Promise.resolve(stored));
        const key = request.headers['idempotency-key'];
        const result = request.method === 'POST' && actor && typeof key === 'string'
          ? await withIdempotency(db, actor.userId, key, request, run, replay)
          : await run();
        if (options.checkResponses) assertContract(route, result);
        return send(reply, result);
      },
    });
  }
}

async function runGlobalRoute(
  db: Db, route: Extract<AnyRoute, { kind: 'global' | 'public' | 'account' }>, request: FastifyRequest, reply: FastifyReply,
  actor: SignedInActor | null, cookieOptions: { secure: boolean },
): Promise<RouteResult> {
  let params: unknown;
  try {
    params = parsePart(route.params, request.params, 'params');
  } catch {
    // A malformed id names nothing that exists.
    throw notFound();
  }
  const input = {
    params,
    query: parsePart(route.query, request.query, 'query'),
    body: parsePart(route.body, request.body, 'body'),
    ifMatch: parseIfMatch(request.headers['if-match'], route.ifMatch),
  };
  const http: HttpSide = {
    cookie: (name) => request.cookies[name],
    setCookie: (name, value, { maxAgeSeconds, clear }) => {
      const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookieOptions.secure };
      if (clear) reply.clearCookie(name, options);
      else reply.setCookie(name, value, { ...options, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) });
    },
  };
  const ctx = { db, actor, accessPoint: accessPointOf(request), now: new Date() };
  if (route.kind === 'public') return route.handler(ctx, input, http);
  if (route.kind === 'account') return route.handler({ ...ctx, actor: actor! }, input, http);
  if (actor?.kind !== 'professional') throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  return route.handler({ ...ctx, actor }, input, http);
}

/** Work to do with a route's answer inside the transaction that made it (the gate's), before it commits. */
type CompleteInTransaction = (tx: Db, result: RouteResult) => Promise<void>;

async function runFamilyRoute(
  db: Db, route: Extract<AnyRoute, { kind: 'family' }>, request: FastifyRequest, actor: SignedInActor,
  replay?: (scope: FamilyScope) => Promise<RouteResult>, complete?: CompleteInTransaction,
): Promise<RouteResult> {
  // A malformed id names nothing that exists: 404, as for any family the actor may not see.
  let params: { familyId: string } & Record<string, string>;
  try {
    params = parsePart(route.params, request.params, 'params');
  } catch {
    throw notFound();
  }
  return withFamilyAccess(
    db,
    { actor, familyId: params.familyId, permission: route.access.family, accessPoint: accessPointOf(request),
      // A replay changes nothing: it is recorded as a read of the stored answer.
      action: replay ? 'R' : route.access.action, event: replay ? `${route.access.event}.replayed` : route.access.event,
      resource: route.access.resource },
    async (scope) => {
      if (replay) return replay(scope);
      const input = {
        params,
        query: parsePart(route.query, request.query, 'query'),
        body: parsePart(route.body, request.body, 'body'),
        ifMatch: parseIfMatch(request.headers['if-match'], route.ifMatch),
      };
      const result = await route.handler(scope, input);
      if (complete) await complete(scope.db, result);
      return result;
    },
  );
}

/**
 * Carries out a POST once per Idempotency-Key. On family routes the key is marked done in the gate's transaction,
 * together with the write, so a process that dies after the commit cannot leave a key "in progress" whose work is
 * done (a retry would do it twice). Routes outside a family commit in their own service transactions and build
 * their answer after that, so for them the key is still marked done in a statement of its own, just after.
 */
async function withIdempotency(
  db: Db, userId: string, key: string, request: FastifyRequest, run: (complete: CompleteInTransaction) => Promise<RouteResult>,
  replay: (stored: RouteResult) => Promise<RouteResult>,
): Promise<RouteResult> {
  const path = request.url.split('?')[0]!;
  const stored = await claimIdempotencyKey(db, userId, key, request.method, path, () => requestFingerprint(request.method, path, request.body), new Date());
  if (stored) return { ...(await replay({ status: stored.status, body: stored.body })), replayed: true } as RouteResult;
  let completed = false;
  try {
    const result = await run(async (tx, answer) => {
      await completeIdempotencyKey(tx, userId, key, { status: answer.status ?? 200, body: answer.body });
      completed = true;
    });
    if (!completed) await completeIdempotencyKey(db, userId, key, { status: result.status ?? 200, body: result.body });
    return result;
  } catch (error) {
    await releaseIdempotencyKey(db, userId, key).catch(() => undefined);
    throw error;
  }
}

function send(reply: FastifyReply, result: RouteResult): FastifyReply {
  const body = result.body as { version?: unknown } | null | undefined;
  if (body && typeof body === 'object' && Number.isInteger(body.version)) reply.header('etag', `"${String(body.version)}"`);
  if ((result as { replayed?: boolean }).replayed) reply.header('idempotent-replayed', 'true');
  if (result.download) {
    reply.header('content-type', `${result.download.mediaType}; charset=utf-8`);
    reply.header('content-disposition', `attachment; filename="${result.download.fileName}"`);
  }
  reply.status(result.status ?? 200);
  return result.body === undefined ? reply.send() : reply.send(result.body);
}

/** The OpenAPI document promises these shapes; in tests every success answer is held to them. */
function assertContract(route: AnyRoute, result: RouteResult): void {
  if (!route.response || (result.status ?? 200) !== route.response.status || result.body === undefined) return;
  const checked = route.response.schema.safeParse(result.body);
  if (!checked.success) {
    throw new Error(`${route.method} ${route.url} answered outside its contract: ${checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}
