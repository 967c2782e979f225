import { sql, type RawBuilder } from 'kysely';
import { AppError } from './app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `text`: a sort key from a name (lists in alphabetical order), bounded so a forged one stays small. */
type Part = 'uuid' | 'date?' | 'timestamp' | 'text';

/** A date that exists on the calendar (no 2025-02-30) in years PostgreSQL and JavaScript agree on. */
function isRealDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '0001-01-01';
}

function isSaneInstant(v: string): boolean {
  const year = Number(v.slice(0, 4));
  return !Number.isNaN(Date.parse(v)) && year >= 1970 && year <= 9999;
}

/** Opaque list cursors: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(...keys: (string | null)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` and checks each part's shape, so a forged cursor is a 400 and never
 * reaches SQL as a malformed uuid or date.
 */
export function decodeCursor<const P extends readonly Part[]>(cursor: string | undefined, parts: P): (string | null)[] | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const ok = Array.isArray(value) && value.length === parts.length && parts.every((part, i) => {
    const v: unknown = value[i];
    if (part === 'uuid') return typeof v === 'string' && UUID.test(v);
    if (part === 'timestamp') return typeof v === 'string' && TIMESTAMP.test(v) && isSaneInstant(v);
    if (part === 'text') return typeof v === 'string' && v.length <= 500 && !v.includes('\u0000');
    return v === null || (typeof v === 'string' && DATE.test(v) && isRealDate(v));
  });
  if (!ok) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid; start again without it.', [{ pointer: '/query/cursor', detail: 'invalid cursor' }]);
  return value as (string | null)[];
}

/** The common case: lists ordered by their UUIDv7 id. */
export function decodeIdCursor(cursor: string | undefined): string | undefined {
  return decodeCursor(cursor, ['uuid'] as const)?.[0] ?? undefined;
}

/** Takes one extra row to know whether there is a next page. */
export function page<T>(rows: T[], limit: number, keyOf: (last: T) => (string | null)[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(...keyOf(items.at(-1)!)) : null };
}

/**
 * The keyset condition for lists newest-first by (time, id): a row comparison, which PostgreSQL answers from an
 * index on (time desc, id desc). `after` is the decoded cursor.
 */
export function olderThan(timeColumn: string, idColumn: string, after: (string | null)[]): RawBuilder<boolean> {
  const [at, id] = after as [string, string];
  return sql<boolean>`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)}) < (${new Date(at)}::timestamptz, ${id}::uuid)`;
}

/**
 * A page of rows the reader may see, for lists the category rule filters row by row. It reads on past hidden rows
 * until the page is full (plus one, to know there is more), and the cursor names the last row *shown*, so neither a
 * page's length nor its cursor tells the reader that something was left out.
 */
export async function filteredPage<T>(options: {
  limit: number;
  start: (string | null)[] | undefined;
  fetch: (after: (string | null)[] | undefined, n: number) => Promise<T[]>;
  keep: (row: T) => boolean;
  keyOf: (row: T) => (string | null)[];
}): Promise<{ items: T[]; nextCursor: string | null }> {
  const { limit, fetch, keep, keyOf } = options;
  const kept: T[] = [];
  let after = options.start;
  const batch = Math.max(limit + 1, 50);
  for (;;) {
    const rows = await fetch(after, batch);
    for (const row of rows) {
      if (keep(row)) kept.push(row);
      if (kept.length > limit) return { items: kept.slice(0, limit), nextCursor: encodeCursor(...keyOf(kept[limit - 1]!)) };
    }
    if (rows.length < batch) return { items: kept, nextCursor: null };
    after = keyOf(rows.at(-1)!);
  }
}
