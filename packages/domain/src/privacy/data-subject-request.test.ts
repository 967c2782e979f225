import { describe, expect, it } from 'vitest';
import { retentionEndsOn } from './data-subject-request.schema';

describe('retention of a closed file', () => {
  it('keeps a file that held care 20 years after closing, and one that never did not at all', () => {
    expect(retentionEndsOn('2026-11-23', true)).toBe('2046-11-23');
    expect(retentionEndsOn('2028-02-29', true)).toBe('2048-02-29');
    expect(retentionEndsOn('2080-02-29', true)).toBe('2100-03-01'); // 2100 is no leap year
    expect(retentionEndsOn('2025-02-28', true)).toBe('2045-02-28');
    expect(retentionEndsOn('2026-11-23', false)).toBe('2026-11-23');
  });
});
