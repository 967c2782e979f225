import { describe, expect, it } from 'vitest';
import { NonEmptyText, Text } from './common.schema';

describe('free text', () => {
  it('keeps what can be stored exactly as sent: no normalising, only trimming', () => {
    for (const s of ['e\u0301 caf\u00E9', 'abc\u202Edcba', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', 'a\uFEFFb', '<script>x</script>', "'; DROP TABLE x; --"]) {
      expect(Text(200).parse(s)).toBe(s);
    }
    // U+FEFF is white space to String.prototype.trim, like a space: trimmed at the ends.
    expect(NonEmptyText(200).parse('\uFEFF Gezin \u00A0')).toBe('Gezin');
  });

  it('refuses what PostgreSQL cannot hold as sent: NUL and control characters, lone UTF-16 surrogates', () => {
    for (const s of ['a\u0000b', 'bell\u0007', 'a\uD800b', 'a\uDC00b', '\uDC00\uD800', 'end\uD83D']) {
      expect(Text(200).safeParse(s).success, JSON.stringify(s)).toBe(false);
      expect(NonEmptyText(200).safeParse(s).success, JSON.stringify(s)).toBe(false);
    }
  });
});
