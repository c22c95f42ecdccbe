import { describe, expect, it } from 'vitest';
import { formatAtUnit, formatDay, formatInstant, formatMoney, formatUnitCost, localizeDates, numberFormatting, PC_ZONE } from './format';

describe('numbers and dates for people', () => {
  it('writes money with its symbol, thousands separators and 2 decimals, unit costs with their further decimals', () => {
    expect(formatMoney('1987.5265', 'EUR')).toBe('€1,987.53');
    expect(formatMoney('-3.24', 'EUR')).toBe('−€3.24');
    expect(formatMoney('180', 'USD')).toBe('$180.00');
    expect(formatMoney('12.5', 'TOP')).toBe('TOP\u00a012.50');
    expect(formatMoney('12.5', null)).toBe('12.50');
    expect(formatUnitCost('18.666667', 'EUR')).toBe('€18.666667');
  });

  it('writes quantities at their unit’s precision, rounded half away from zero', () => {
    expect(formatAtUnit('0.0005', 'kg')).toBe('0.001 kg');
    expect(formatAtUnit('-2', 'piece')).toBe('−2 piece');
    expect(formatAtUnit('1234.5', 'l')).toBe('1,234.500 l');
  });

  it('follows the locale’s separators and where it puts the currency (German: 1.156,08 €, 0,500 l)', () => {
    const german = numberFormatting('de-DE');
    expect(german.formatMoney('1156.08', 'EUR')).toBe('1.156,08\u00a0€');
    expect(german.formatMoney('-3.245', 'EUR')).toBe('−3,25\u00a0€');
    expect(german.formatAtUnit('0.5', 'l')).toBe('0,500 l');
    expect(german.formatPct('-92.04')).toBe('−92,0 %');
    expect(numberFormatting('en-US').formatPct('13.05')).toBe('13.1 %');
  });

  it('writes business dates in the locale’s one format, in messages too, and names a zone that is not the PC’s', () => {
    const shown = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date('2026-05-07T12:00:00Z'));
    expect(formatDay('2026-05-07')).toBe(shown);
    expect(localizeDates('Harbour Restaurant, 2026-05-07: Lightspeed sent malformed JSON')).toBe(`Harbour Restaurant, ${shown}: Lightspeed sent malformed JSON`);
    const elsewhere = PC_ZONE === 'Pacific/Tongatapu' ? 'Europe/Amsterdam' : 'Pacific/Tongatapu';
    expect(formatInstant('2026-05-07T17:12:00Z', elsewhere)).toMatch(new RegExp(`^\\S+ \\d\\d:\\d\\d ${elsewhere.replace('/', '\\/')}$`));
    expect(formatInstant('2026-05-07T17:12:00Z', 'Pacific/Tongatapu')).toContain('06:12');
    expect(formatInstant('2026-05-07T17:12:00Z')).toMatch(/^\S+ \d\d:\d\d$/);
  });
});
