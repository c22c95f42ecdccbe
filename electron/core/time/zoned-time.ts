// Calendar dates and wall-clock times in a named time zone, with nothing but Intl: a location's
// business day is computed in its own zone, never in the PC's.
import { addDays } from '../../../shared/dates';

const formatters = new Map<string, Intl.DateTimeFormat>();
const HALF_DAY = 12 * 3_600_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  date: string;
  time: string;
  /** Minutes east of UTC at that instant. */
  offsetMinutes: number;
}

/** The wall clock of `timeZone` at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  const asUtc = Date.parse(`${date}T${time}Z`);
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  return { date, time, offsetMinutes: Math.round((asUtc - seconds) / 60_000) };
}

export function dateInZone(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/**
 * The instant at which the wall clock of `timeZone` shows `date` `time` (HH:MM[:SS]). In the autumn
 * hour that happens twice, the first one; a time skipped by a spring-forward moves forward by the
 * gap (02:30 becomes 03:30), as Temporal's "compatible" rule does.
 */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const target = `${date}T${time.length === 5 ? `${time}:00` : time}`;
  const local = Date.parse(`${target}Z`);
  const offsetAround = (shift: number) => wallClock(new Date(local + shift), timeZone).offsetMinutes;
  const before = offsetAround(-HALF_DAY);
  const candidates = [...new Set([before, offsetAround(HALF_DAY)])]
    .map((offset) => local - offset * 60_000)
    .filter((instant) => {
      const clock = wallClock(new Date(instant), timeZone);
      return `${clock.date}T${clock.time}` === target;
    })
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? local - before * 60_000);
}

/** ISO-8601 with the zone's offset at that instant, as Lightspeed writes it (2026-05-08T05:30:00+02:00). */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const { date, time, offsetMinutes } = wallClock(instant, timeZone);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${date}T${time}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// Date arithmetic is the screens' too: one addDays, in shared/dates.ts.
export { addDays };

/** The last closed calendar day where the location is (its "yesterday"), whatever the PC's zone. */
export function yesterdayIn(timeZone: string, now: Date): string {
  return addDays(dateInZone(now, timeZone), -1);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}
