import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import { AppError } from './app-error';

/** A request still "in progress" after this long was abandoned (its server died); the key may be used again. */
const ABANDONED_AFTER_MS = 60 * 1000;
/** Keys are kept a day; a retry after that is a new request. */
const KEPT_FOR_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(body ?? null);
  } catch {
    // JSON.parse accepts nesting that JSON.stringify cannot walk back; no schema of ours nests that deep.
    throw new AppError('VALIDATION_FAILED', 'The request body is nested too deeply.', [{ pointer: '/body', detail: 'nested too deeply' }]);
  }
  return createHash('sha256').update(`${method} ${path}\n${text}`).digest('hex');
}

/**
 * Claims an Idempotency-Key for this user. Returns the first response if the same request already finished;
 * refuses a key that is still in progress (409) or that came with a different request (422).
 */
export async function claimIdempotencyKey(
  db: Db, userId: string, key: string, method: string, path: string, fingerprintOf: () => string, now: Date,
): Promise<StoredResponse | null> {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 visible ASCII characters.', [
      { pointer: '/headers/idempotency-key', detail: 'invalid key' },
    ]);
  }
  const fingerprint = fingerprintOf();
  // A first request whose row vanished between our two looks (it failed and freed its key) is claimed afresh.
  for (;;) {
    // Insert first, on its own (the usual case, a new key, costs one round trip): of concurrent first requests
    // exactly one claims the key; the others find its row below.
    const claimed = await db.insertInto('idempotency_keys')
      .values({ user_id: userId, key, method, path, request_hash: fingerprint, status: 'in-progress', created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key').executeTakeFirst();
    if (claimed) return null;
    const outcome = await db.transaction().execute(async (tx): Promise<StoredResponse | null | 'vanished'> => {
      const existing = await tx.selectFrom('idempotency_keys').selectAll()
        .where('user_id', '=', userId).where('key', '=', key).forUpdate().executeTakeFirst();
      if (!existing) return 'vanished';
      const age = now.getTime() - new Date(existing.created_at).getTime();
      const stale = age > KEPT_FOR_MS || (existing.status === 'in-progress' && age > ABANDONED_AFTER_MS);
      if (stale) {
        await tx.updateTable('idempotency_keys')
          .set({ method, path, request_hash: fingerprint, status: 'in-progress', created_at: now, response_status: null, response_body: null })
          .where('user_id', '=', userId).where('key', '=', key).execute();
        return null;
      }
      if (existing.request_hash !== fingerprint || existing.method !== method || existing.path !== path) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
      }
      if (existing.status === 'in-progress') {
        throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'The first request with this key has not finished yet.', undefined, { 'retry-after': '1' });
      }
      return { status: existing.response_status ?? 200, body: existing.response_body };
    });
    if (outcome !== 'vanished') return outcome;
  }
}

/** Keeps the first answer; on family routes `db` is the transaction of the write itself, so both commit together. */
export async function completeIdempotencyKey(db: Db, userId: string, key: string, response: StoredResponse): Promise<void> {
  await db.updateTable('idempotency_keys')
    .set({ status: 'done', response_status: response.status, response_body: JSON.stringify(response.body ?? null) })
    .where('user_id', '=', userId).where('key', '=', key).execute();
}

/**
 * A failed first attempt frees the key, so the client's retry is carried out. Only a key still in progress: one
 * marked done committed with its work, and a retry must get that answer, not do the work again.
 */
export async function releaseIdempotencyKey(db: Db, userId: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).where('status', '=', 'in-progress').execute();
}
