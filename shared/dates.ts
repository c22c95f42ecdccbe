import { z } from 'zod';

// A date in Larder is a calendar date without a time ("2026-05-07"): a business day of a location or
// the date on a delivery note. It is never derived from the PC's time zone.
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function valid(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** `YYYY-MM-DD` or `DD.MM.YYYY` to `YYYY-MM-DD`; null when it is not a real calendar date. */
export function normalizeDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  const dotted = DOTTED.exec(trimmed);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dotted
      ? [dotted[3], dotted[2], dotted[1]]
      : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  if (!valid(Number(year), Number(month), Number(day))) return null;
  return `${year}-${month}-${day}`;
}

export const isoDateOutput = z.string().regex(ISO);

/** Accepts either format, always yields `YYYY-MM-DD`. */
export const dateInput = z
  .string()
  .transform((text, context) => {
    const normalized = normalizeDate(text);
    if (normalized === null) {
      context.addIssue({ code: 'custom', message: 'expected a date as YYYY-MM-DD or DD.MM.YYYY' });
      return z.NEVER;
    }
    return normalized;
  });

/** A time of day as HH:MM on a 24-hour clock ("04:00"): the nightly run's time, a business day's start. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A calendar date `days` later (earlier when negative), as ISO text: date arithmetic only, no zone. */
export function addDays(date: string, days: number): string {
  const moved = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return moved.toISOString().slice(0, 10);
}
