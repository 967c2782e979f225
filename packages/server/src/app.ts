import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Db } from './platform/db/database';
import { frameworkErrorHandler, registerProblemHandler } from './platform/http/problem-handler';
import { registerRoutes } from './platform/http/register-routes';
import { buildOpenApi } from './platform/http/openapi';
import { loadSession, SESSION_COOKIE } from './platform/auth/sessions';
import { AppError } from './platform/http/app-error';
import { routes } from './routes';
import { benchCeilingRoutes } from './modules/health/bench-ceiling.routes';
import { isAppPage, webRoot } from './web-root';

export interface AppOptions {
  db: Db;
  secureCookies?: boolean;
  trustProxy?: boolean;
  logLevel?: string;
  /** Tests: hold every success answer to its declared response schema. */
  checkResponses?: boolean;
  /** Benchmarks: also serve the ceiling route (one primary-key SELECT); never in the OpenAPI document. */
  benchCeiling?: boolean;
}

const BODY_LIMIT = 256 * 1024;
const VERSION = '0.1.0';

/**
 * Builds the Fastify app: security headers, cookies, sessions → actor, rate limits, the declared routes,
 * the OpenAPI document and the web app. Plugin order matters: the actor is known before any route runs.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel === 'silent' ? false : {
      level: options.logLevel ?? 'info',
      // Requests are logged by method, route and status only: URLs hold ids, never names; headers hold cookies.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      // The query string can hold a search for a family's name: log the path only.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, path: req.url.split('?')[0], ip: req.ip }),
      },
    },
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // A request id needs no time order; randomUUID draws from a buffered pool, uuid's v7 asks the OS each time.
    genReqId: () => randomUUID(),
    // Zod validates; Fastify's own JSON parser refuses prototype poisoning.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: frameworkErrorHandler,
  });

  // JSON only: text/plain is what a cross-site form can send without a preflight, so it is refused (415).
  app.removeContentTypeParser('text/plain');
  const web = webRoot();
  // Pages of the web app (/gezinnen/…, /uitnodiging) are the app's index.html; it routes in the browser.
  registerProblemHandler(app, (request, reply) => (web && isAppPage(request.method, request.url) ? reply.sendFile('index.html') : null));
  // helmet itself, built once: @fastify/helmet builds the middleware (and parses the CSP) anew for every request,
  // which cost 7 % of the server's CPU under load.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only behind TLS; on plain-http localhost it would break loading the app's own scripts.
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: options.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined)));
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    // Per client address and account, so one office behind one address does not lock out its colleagues.
    keyGenerator: (request) => {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return `${request.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
    },
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', 'Too many attempts; wait a moment and try again.', undefined, { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await loadSession(options.db, token, new Date());
    if (found && 'actor' in found) request.actor = found.actor;
    else if (found) request.sessionExpired = true;
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  if (options.benchCeiling) registerRoutes(app, options.db, benchCeilingRoutes, { secure: false, checkResponses: false });
  registerRoutes(app, options.db, routes, { secure: options.secureCookies ?? false, checkResponses: options.checkResponses ?? false });

  const openapi = buildOpenApi(routes, VERSION);
  app.get('/api/v1/openapi.json', async () => openapi);
  // Interactive docs over the same generated document; swagger-ui sets its own CSP with hashes for its scripts.
  await app.register(swagger, { mode: 'static', specification: { document: openapi as never } });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { url: '/api/v1/openapi.json' } as never });

  if (web) {
    await app.register(fastifyStatic, {
      root: web, prefix: '/', index: ['index.html'], preCompressed: true,
      // Built assets carry a content hash in their name: cache them for good. The page itself is always checked.
      setHeaders: (res, file) => res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  } else {
    app.get('/', async (_request, reply) => reply.type('text/plain; charset=utf-8').status(503)
      .send('The web app is not built yet: run `npm run build` (npm run demo and npm start do it for you).'));
  }
  return app;
}
