import { z } from 'zod';

/** UUIDs are v7 when we make them; accept any RFC 4122 shape so a bad id is a 404, not a 400 storm. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** A calendar date as `YYYY-MM-DD` that really exists (no 2025-02-30). */
export const IsoDate = z.iso.date();

export const Timestamp = z.iso.datetime();

export const NonEmptyText = (max: number) => z.string().trim().min(1).max(max);

export const Version = z.int().min(1);

/** Query parameters of every list: an opaque cursor and a page size of at most 200. */
export const PageQuery = z.object({
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** The shape of every list answer. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const IdParams = z.object({ familyId: Id });
