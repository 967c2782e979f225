import { z } from 'zod';

/** UUIDs are v7 when we make them; accept any RFC 4122 shape so a bad id is a 404, not a 400 storm. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/**
 * A calendar date as `YYYY-MM-DD` that really exists (no 2025-02-30), within years PostgreSQL and people share:
 * there is no year 0, and no plan runs to the year 9999.
 */
export const IsoDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2199-12-31', 'date out of range (1900-2199)');

export const Timestamp = z.iso.datetime();

/** Control characters other than tab and newlines have no place in a person's text, and PostgreSQL refuses NUL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A UTF-16 surrogate that is not half of a pair: it has no UTF-8 form, so storing it would silently turn it into
 * U+FFFD. With the `u` flag a well-formed pair is one code point, so only lone halves match.
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Text we can store exactly as sent: no control characters, no lone surrogates. */
const storable = <T extends z.ZodString>(s: T) => s
  .refine((t) => !CONTROL.test(t), 'contains control characters')
  .refine((t) => !LONE_SURROGATE.test(t), 'contains a broken character (a lone UTF-16 surrogate)');

/** Free text as people write it: trimmed, bounded, without control characters; may be empty. */
export const Text = (max: number) => storable(z.string().trim().max(max));

/** Free text that must say something. */
export const NonEmptyText = (max: number) => storable(z.string().trim().min(1).max(max));

/** A search term for `?q=`. */
export const SearchText = NonEmptyText(100);

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
