import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, datesBetween, instantAt, isoWithOffset, isValidTimeZone } from './zoned-time';

describe('zoned time', () => {
  it('finds the instant of a wall-clock time far east and far west of UTC', () => {
    expect(instantAt('2026-05-07', '05:30', 'Pacific/Kiritimati').toISOString()).toBe('2026-05-06T15:30:00.000Z');
    expect(instantAt('2026-05-07', '05:30', 'Pacific/Honolulu').toISOString()).toBe('2026-05-07T15:30:00.000Z');
    expect(instantAt('2026-05-07', '05:30', 'Europe/Amsterdam').toISOString()).toBe('2026-05-07T03:30:00.000Z');
  });

  it('handles the days daylight saving starts and ends', () => {
    // Amsterdam: 2026-03-29 02:00 → 03:00; 2026-10-25 03:00 → 02:00.
    expect(instantAt('2026-03-29', '05:00', 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T03:00:00.000Z');
    expect(instantAt('2026-03-28', '05:00', 'Europe/Amsterdam').toISOString()).toBe('2026-03-28T04:00:00.000Z');
    expect(instantAt('2026-03-29', '02:30', 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantAt('2026-10-25', '02:30', 'Europe/Amsterdam').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantAt('2026-10-26', '05:00', 'Europe/Amsterdam').toISOString()).toBe('2026-10-26T04:00:00.000Z');
  });

  it('reads the local date and writes ISO with the offset', () => {
    const instant = new Date('2026-05-07T23:30:00Z');
    expect(dateInZone(instant, 'Pacific/Kiritimati')).toBe('2026-05-08');
    expect(dateInZone(instant, 'America/Los_Angeles')).toBe('2026-05-07');
    expect(isoWithOffset(new Date('2026-05-08T03:30:00Z'), 'Europe/Amsterdam')).toBe('2026-05-08T05:30:00+02:00');
    expect(isoWithOffset(new Date('2026-05-08T15:30:00Z'), 'Pacific/Honolulu')).toBe('2026-05-08T05:30:00-10:00');
  });

  it('counts calendar days without the PC’s time zone', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-05-08', -90)).toBe('2026-02-07');
    expect(datesBetween('2026-02-07', '2026-05-07')).toHaveLength(90);
    expect(isValidTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
