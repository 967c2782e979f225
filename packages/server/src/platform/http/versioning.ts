import { AppError, notFound } from './app-error';

/**
 * Optimistic concurrency: the row must exist (else 404) and still be at the version the client last read (else
 * 412, with the current version so a client can fetch it and show both). Call it on a row read `for update`.
 */
export function assertVersion<T extends { version: number }>(row: T | undefined, expected: number | null): T {
  if (!row) throw notFound();
  if (expected !== null && row.version !== expected) {
    throw new AppError('VERSION_MISMATCH', `Someone else changed this in the meantime (now at version ${row.version}); reload and try again.`, undefined, {
      etag: `"${row.version}"`,
    });
  }
  return row;
}
