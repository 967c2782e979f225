import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows of one table in COPY's text format, with the columns they fill. */
export interface CopyBatch {
  table: string;
  columns: string[];
  text: string;
}

/**
 * Bulk loading with COPY, on either engine: PostgreSQL streams COPY FROM STDIN over one connection; PGlite reads
 * COPY FROM '/dev/blob'. Row-by-row INSERTs would take an order of magnitude longer for a region's worth of data.
 * The caller runs everything on this one connection, so one transaction can hold the whole load.
 */
/** Where generated batches go: a database connection, or the thread that holds one. */
export interface CopySink {
  copy(batch: CopyBatch): Promise<void>;
}

export interface CopyTarget extends CopySink {
  kind: 'postgres' | 'pglite';
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  copy(batch: CopyBatch): Promise<void>;
  close(): Promise<void>;
}

const copySql = (b: CopyBatch, source: string) => `COPY ${b.table} (${b.columns.join(', ')}) FROM ${source}`;

export async function postgresCopyTarget(url: string): Promise<CopyTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: 'postgres',
    query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
    async copy(b) {
      if (!b.text) return;
      const stream = client.query(copyFrom(copySql(b, 'STDIN')));
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
        stream.end(b.text);
      });
    },
    close: () => client.end(),
  };
}

export function pgliteCopyTarget(pglite: PGlite): CopyTarget {
  return {
    kind: 'pglite',
    query: async <R>(text: string, params?: unknown[]) => (await pglite.query(text, params)).rows as R[],
    async copy(b) {
      if (b.text) await pglite.query(copySql(b, `'/dev/blob'`), [], { blob: new Blob([b.text]) });
    },
    close: async () => undefined,
  };
}

/** One value in COPY's text format: \N for null, backslash escapes for the characters that delimit rows and columns. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(String(value));
}

function escapeText(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** A PostgreSQL array literal, every element quoted so commas, braces and spaces inside elements stay inside. */
function arrayLiteral(items: unknown[]): string {
  return `{${items.map((i) => (i === null ? 'NULL' : `"${String(i).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** Collects rows per table for one chunk; the column order is taken from the first row of each table. */
export class CopyBuffer {
  private readonly tables = new Map<string, { columns: string[]; lines: string[] }>();

  constructor(order: readonly string[]) {
    for (const t of order) this.tables.set(t, { columns: [], lines: [] });
  }

  add(table: string, row: Record<string, unknown>): void {
    const t = this.tables.get(table);
    if (!t) throw new Error(`table ${table} is not in the load order`);
    if (t.columns.length === 0) t.columns = Object.keys(row);
    let line = copyValue(row[t.columns[0]!]);
    for (let i = 1; i < t.columns.length; i++) line += `\t${copyValue(row[t.columns[i]!])}`;
    t.lines.push(line);
  }

  count(table: string): number {
    return this.tables.get(table)?.lines.length ?? 0;
  }

  /** The chunk's batches in load order (parents before children), and empties the buffer for the next chunk. */
  drain(): CopyBatch[] {
    const batches = [...this.tables].map(([table, t]) => ({ table, columns: t.columns, text: t.lines.length ? `${t.lines.join('\n')}\n` : '' }));
    for (const t of this.tables.values()) t.lines = [];
    return batches;
  }
}
