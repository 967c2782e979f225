import { describe, expect, it } from 'vitest';
import { ageOn, nextDay, startOfDayInNetherlands, todayInNetherlands } from './age';

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

describe('Dutch days as instants', () => {
  it('starts a day at midnight in Amsterdam, in winter and in summer time', () => {
    expect(startOfDayInNetherlands('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDayInNetherlands('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // The day the clocks go forward (29 March 2026) still starts at midnight CET.
    expect(startOfDayInNetherlands('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
