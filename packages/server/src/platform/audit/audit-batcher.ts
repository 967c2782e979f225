import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { writeAudit, type AuditEvent } from './audit-writer';

interface Waiting {
  events: AuditEvent[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The most records one flush writes; a longer queue takes several flushes. */
const MAX_BATCH = 1000;

/**
 * Group commit for read records. A read changes nothing, so its record need not share the read's transaction;
 * it must only be committed before the answer leaves. Reads that arrive while a flush is under way wait for the
 * next one, so under load many reads share one transaction (and one WAL flush) instead of paying one each.
 */
class AuditBatcher {
  private queue: Waiting[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  write(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch: Waiting[] = [];
        let size = 0;
        while (this.queue.length > 0 && (batch.length === 0 || size + this.queue[0]!.events.length <= MAX_BATCH)) {
          const next = this.queue.shift()!;
          batch.push(next);
          size += next.events.length;
        }
        try {
          await this.db.transaction().execute((tx) => writeAudit(tx, batch.flatMap((w) => w.events)));
          for (const w of batch) w.resolve();
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

const batchers = new WeakMap<Db, AuditBatcher>();

/**
 * Records read events, committed before this resolves; shares a transaction with concurrent reads. If the record
 * cannot be written the read must not be answered: it fails with 503 (fail closed).
 */
export async function recordReads(db: Db, events: AuditEvent[]): Promise<void> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new AuditBatcher(db)));
  try {
    await batcher.write(events);
  } catch {
    throw new AppError('SERVICE_UNAVAILABLE', 'The audit log cannot be written; the request was not carried out.');
  }
}
