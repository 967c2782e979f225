/** Whole years between a birth date and a day, both `YYYY-MM-DD`; the consent rules turn on this. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

// Built once: constructing an Intl.DateTimeFormat costs tens of microseconds, and the consent rules ask for
// today's date for every member of every family a list shows.
const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
const dutchClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Today's date in the Netherlands as `YYYY-MM-DD`: a family's day does not end at midnight UTC. */
export function todayInNetherlands(now: Date = new Date()): string {
  return dutchDay.format(now);
}

/** The instant a Dutch calendar day starts (00:00 in Amsterdam, CET or CEST), for searches by period. */
export function startOfDayInNetherlands(day: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${day}T00:00:00${offset}`);
    const local = dutchClock.format(candidate);
    if (todayInNetherlands(candidate) === day && local === '00:00') return candidate;
  }
  return new Date(`${day}T00:00:00+01:00`);
}

/** The day after `day`, both `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
