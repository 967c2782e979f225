import { describe, expect, it } from 'vitest';
import { ageOn, todayInNetherlands } from './age';

describe('age on a day', () => {
  it('counts whole years, turning on the birthday itself', () => {
    expect(ageOn('2013-02-03', '2025-02-02')).toBe(11);
    expect(ageOn('2013-02-03', '2025-02-03')).toBe(12);
    expect(ageOn('2009-11-23', '2025-11-23')).toBe(16);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('uses the Dutch calendar day, not UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(todayInNetherlands(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInNetherlands(new Date('2025-06-30T21:59:00Z'))).toBe('2025-06-30');
  });
});
