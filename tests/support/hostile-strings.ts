/**
 * Strings that have broken other systems, shared by the fuzz suite (which throws them at every field) and the
 * round-trip tests (which store them and read them back). Each is valid text by the shared `Text` schema unless
 * it is in `REFUSED_TEXT`: those are a clear 400, never stored altered.
 */

/** Script injection: stored as text, rendered as text (tests/e2e/hostile-text.e2e.test.ts proves the second half). */
export const SCRIPT_INJECTION = [
  '<img src=x onerror=window.__pwned(1)>',
  '<script>window.__pwned(2)</script>',
  'javascript:window.__pwned(3)',
  '"><svg onload=window.__pwned(4)>',
  "'><iframe src=\"javascript:window.__pwned(5)\"></iframe>",
  '<a href="javascript:window.__pwned(6)">klik</a>',
  '{{constructor.constructor(\'window.__pwned(7)\')()}}',
  '${window.__pwned(8)}',
  '</textarea><script>window.__pwned(9)</script>',
] as const;

/** SQL injection and other interpreter bait: stored and returned as the literal text. */
export const SQL_INJECTION = [
  "'; DROP TABLE families; --",
  "' OR '1'='1",
  "Robert'); DROP TABLE members;--",
  '1; SELECT pg_sleep(30)',
  "' UNION SELECT password_hash FROM users --",
  '\\\'; --',
  '$1 $$ $tag$ E\'\\x00\'',
  '%s%n%x %00',
  '../../etc/passwd',
  '*)(uid=*))(|(uid=*',
] as const;

/**
 * Unicode that is valid text: kept exactly as sent (no normalisation, no stripping). BOM and zero-width characters
 * sit inside the text: at the ends they count as white space, which `Text` trims, as it trims spaces.
 */
export const VALID_UNICODE = [
  'abc\u202Edcba\u202C',            // right-to-left override, and the pop that ends it
  '\u2067\u05E9\u05DC\u05D5\u05DD\u2069 en \u0645\u0631\u062D\u0628\u0627', // isolates around Hebrew, and Arabic
  'e\u0301 e\u0301\u0301\u0301 Z\u0351\u0363\u0364a\u0300\u0301l\u0336go',   // combining marks, stacked
  'caf\u00E9 / cafe\u0301',         // NFC and NFD side by side: both stay as they are
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} \u{1F3F3}\uFE0F\u200D\u{1F308} \u{1F44B}\u{1F3FD}', // ZWJ sequences, a skin tone
  'a\uFEFFb',                       // a BOM inside the text
  'a\u200Bb\u200Cc\u200Dd\u2060e',  // zero-width space, non-joiner, joiner, word joiner
  '\u{1D573}\u{1D58A}\u{1D591}\u{1D591}\u{1D594} \u{20B9F}',        // astral planes (surrogate pairs)
  'line\u2028separator\u2029paragraph',
  'tab\tand\nnew line',
  'quotes " \' ` and \\ backslash',
  '\uFFFD\uFFFF\uFDD0 noncharacters',
  'I\u0307stanbul ß ẞ ŉ ǅ',         // case-mapping traps
] as const;

/**
 * Text the server refuses with a 400 problem (the shared `Text` schema), because it cannot be stored as sent:
 * PostgreSQL has no NUL in text, and a lone UTF-16 surrogate has no UTF-8 form (the driver would silently turn
 * it into U+FFFD). Other control characters are refused for the same reason as in `Text`: they are not text.
 */
export const REFUSED_TEXT = [
  'a\u0000b',
  'a\uD800b',                       // a lone high surrogate
  'a\uDC00b',                       // a lone low surrogate
  '\uDC00\uD800',                   // a pair in the wrong order
  'end\uD83D',                      // half an emoji
  'bell\u0007',
  'escape\u001B[31m',
] as const;

/** Everything that must come back byte-identical when stored as text. */
export const STORABLE_TEXT: readonly string[] = [...SCRIPT_INJECTION, ...SQL_INJECTION, ...VALID_UNICODE];

/** Malformed UUIDs and their near misses, for ids in paths, queries and bodies. */
export const INVALID_UUIDS = [
  'not-a-uuid', '', ' ', '0', '-1', 'null', '{}', '[]',
  '01900000-0000-7000-8000-00000000000g', '01900000000070008000000000000000', '{01900000-0000-7000-8000-000000000000}',
  '01900000-0000-7000-8000-000000000000x', '01900000-0000-7000-8000-0000000000', ' 01900000-0000-7000-8000-000000000000',
  'urn:uuid:01900000-0000-7000-8000-000000000000', '01900000-0000-7000-8000_000000000000', '０1900000-0000-7000-8000-000000000000',
  "01900000-0000-7000-8000-000000000000' OR '1'='1",
] as const;
