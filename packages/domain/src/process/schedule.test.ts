import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, addWeeks, daysBetween, scheduleStatus } from './schedule';

describe('the care process calendar', () => {
  it('adds days and weeks across month, year and daylight-saving boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addWeeks('2026-10-20', 8)).toBe('2026-12-15');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('adds months, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-12-03', 3)).toBe('2027-03-03');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-10-31', 2)).toBe('2026-12-31');
  });

  it('counts the days between two days, and back', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: -5000, max: 5000 }),
      (date, n) => {
        const day = date.toISOString().slice(0, 10);
        expect(daysBetween(day, addDays(day, n))).toBe(n);
      },
    ));
  });

  it('calls a moment overdue the day after it, due within two weeks, and planned after that', () => {
    expect(scheduleStatus('2026-12-02', '2026-12-03')).toBe('overdue');
    expect(scheduleStatus('2026-12-03', '2026-12-03')).toBe('due');
    expect(scheduleStatus('2026-12-17', '2026-12-03')).toBe('due');
    expect(scheduleStatus('2026-12-18', '2026-12-03')).toBe('planned');
  });
});
