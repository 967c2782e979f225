import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import { lockDataDir } from './pglite-lock';
import { PreparedStatementClient } from './prepared-client';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** Where the data lives: an embedded PGlite directory (or memory), or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string; poolSize?: number };

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
}

const DATE_OID = 1082;

// `date` columns as 'YYYY-MM-DD' strings: a birth date is a calendar day, not an instant.
pg.types.setTypeParser(DATE_OID, (v: string) => v);

/**
 * How long a request waits for a connection (a new one, or a free one from the pool) before it is answered 503:
 * with the database gone or unreachable, requests fail fast instead of piling up until the client gives up.
 */
const CONNECT_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  /**
   * Claim an embedded data directory for this process (the CLI does; tests do not): PGlite has no locking of its own,
   * and a second process on the same directory, or a restore under a running server, would corrupt it.
   */
  exclusive?: boolean;
}

/**
 * Opens the database. Only the composition root (main/cli) and the test setup call this; modules receive a
 * database handed down through the request context, never the pool itself.
 */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      Client: PreparedStatementClient,
      connectionString: config.url,
      max: config.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // A connection whose peer vanished without a word (a network cut, a failover) is found out by TCP keepalive.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // Idle-client errors (a server restart) must not crash the process; the next query reports them.
    pool.on('error', () => {});
    // A checked-out client has no pool listener: a connection dropped between two statements of a transaction
    // would otherwise be an unhandled 'error' event and end the process. The statement in flight still fails.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const lock = options.exclusive && config.dataDir ? lockDataDir(config.dataDir) : null;
  try {
    const pglite = await PGlite.create({
      ...(config.dataDir ? { dataDir: config.dataDir } : {}),
      parsers: { [DATE_OID]: (v: string) => v },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return { db, kind: 'pglite', close: async () => { try { await db.destroy(); } finally { lock?.release(); } } };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** What node-postgres says, without a code, when a connection is lost, closed, or cannot be had in time. */
const connectionLost = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * Whether an error means the database itself is unreachable (as opposed to a bad query): refused or dropped
 * connections, a server shutting down or starting (57P01–57P03), too many connections, connection class 08.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code)) return true;
    if (['57P01', '57P02', '57P03', '53300'].includes(code) || code.startsWith('08')) return true;
  }
  return typeof message === 'string' && connectionLost.some((m) => message.startsWith(m));
}
