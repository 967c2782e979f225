/**
 * The care process's calendar: how often a plan is evaluated, when an evaluation counts as due, and when the aftercare
 * check after closing falls. Days are `YYYY-MM-DD` calendar days; no clock time is involved.
 */

/** Every 8 weeks unless the family and the team agree otherwise (issue 5). */
export const DEFAULT_EVALUATION_WEEKS = 8;
export const MIN_EVALUATION_WEEKS = 1;
export const MAX_EVALUATION_WEEKS = 52;

/** An evaluation is "due" from two weeks before its date: time enough to invite the family and the team. */
export const EVALUATION_DUE_WITHIN_DAYS = 14;

/** The aftercare check comes three months after closing, unless the coordinator chooses another day. */
export const AFTERCARE_AFTER_MONTHS = 3;

export type ScheduleStatus = 'overdue' | 'due' | 'planned';

function utcNoon(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

export function addDays(day: string, days: number): string {
  const d = utcNoon(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addWeeks(day: string, weeks: number): string {
  return addDays(day, weeks * 7);
}

/**
 * The same day `months` later; when that month is shorter (31 January + 1 month), its last day, never a day of the
 * month after.
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1, 12));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcNoon(to).getTime() - utcNoon(from).getTime()) / 86_400_000);
}

/** Where a planned moment (an evaluation, an aftercare check) stands today: past its day, coming up soon, or later. */
export function scheduleStatus(dueOn: string, today: string): ScheduleStatus {
  if (dueOn < today) return 'overdue';
  return daysBetween(today, dueOn) <= EVALUATION_DUE_WITHIN_DAYS ? 'due' : 'planned';
}
