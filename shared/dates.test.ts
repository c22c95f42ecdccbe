import { describe, expect, it } from 'vitest';
import { normalizeDate } from './dates';

describe('normalizeDate', () => {
  it('accepts both formats and yields ISO', () => {
    expect(normalizeDate('2026-05-07')).toBe('2026-05-07');
    expect(normalizeDate('07.05.2026')).toBe('2026-05-07');
    expect(normalizeDate(' 2024-02-29 ')).toBe('2024-02-29');
  });

  it('refuses impossible and foreign dates', () => {
    expect(normalizeDate('2026-02-29')).toBeNull();
    expect(normalizeDate('2026-13-01')).toBeNull();
    expect(normalizeDate('05/07/2026')).toBeNull();
    expect(normalizeDate('2026-5-7')).toBeNull();
    expect(normalizeDate('')).toBeNull();
  });
});
