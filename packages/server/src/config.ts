import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from './platform/db/database';

export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Send the session cookie only over TLS; on by default in production. */
  secureCookies: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (for the client IP in the audit log). */
  trustProxy: boolean;
  logLevel: string;
  /** Benchmarks only: serve GET /bench/ceiling/:id, one primary-key SELECT through the pool, as the ceiling to compare with. */
  benchCeiling: boolean;
  /** Outgoing mail: `smtp://user:pass@host:587` or `smtps://…`; without it, mail waits in the outbox (admins see it). */
  mail: { smtpUrl: string | null; from: string; appUrl: string };
}

/** Reads the environment once, at start; every setting has a default that works on a laptop. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // In a container the port must be reachable from outside it; on a laptop it must not be.
  const inContainer = env.container !== undefined || env.KUBERNETES_SERVICE_HOST !== undefined || existsSync('/.dockerenv');
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const poolSize = Number(env.DATABASE_POOL_SIZE ?? 10);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 500) throw new Error(`DATABASE_POOL_SIZE must be 1 to 500, not "${env.DATABASE_POOL_SIZE}"`);
  return {
    port,
    host: env.HOST ?? (inContainer ? '0.0.0.0' : '127.0.0.1'),
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize }
      : { kind: 'pglite', dataDir: path.resolve(env.GEZINSPLAN_DATA_DIR ?? './data') },
    secureCookies: env.GEZINSPLAN_SECURE_COOKIES ? env.GEZINSPLAN_SECURE_COOKIES === 'true' : env.NODE_ENV === 'production',
    trustProxy: env.GEZINSPLAN_TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    benchCeiling: env.GEZINSPLAN_BENCH_CEILING === 'true',
    mail: {
      smtpUrl: env.SMTP_URL || null,
      from: env.MAIL_FROM ?? 'Gezinsplan <noreply@gezinsplan.localhost>',
      // The link in every mail: where people open the app.
      appUrl: env.GEZINSPLAN_PUBLIC_URL ?? `http://localhost:${port}/`,
    },
  };
}
