import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidBsn, maskBsn } from './bsn';

/** Builds a valid BSN from eight digits by solving the elfproef for the ninth, when one exists. */
function completeBsn(eight: number[]): string | null {
  const sum = eight.reduce((s, d, i) => s + d * (9 - i), 0);
  const last = sum % 11;
  return last <= 9 ? eight.join('') + String(last) : null;
}

describe('BSN elfproef', () => {
  it('accepts known valid numbers and refuses near misses', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567890')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });

  it('accepts every number that satisfies the weighted sum, and nothing that changes one digit of it', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (eight, pos, delta) => {
      const bsn = completeBsn(eight);
      fc.pre(bsn !== null && bsn !== '000000000');
      expect(isValidBsn(bsn!)).toBe(true);
      // One changed digit always breaks the elfproef: every weight is coprime with 11.
      const digits = bsn!.split('').map(Number);
      digits[pos] = (digits[pos]! + delta) % 10;
      expect(isValidBsn(digits.join(''))).toBe(false);
    }));
  });

  it('masks all but the last three digits', () => {
    expect(maskBsn('111222333')).toBe('******333');
  });
});
