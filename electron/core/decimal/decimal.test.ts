import { describe, expect, it } from 'vitest';
import { Decimal, formatDecimal, formatScaled, fromScaled, MONEY_SCALE, parseDecimal, QUANTITY_SCALE, roundToScale, scaledFromText, scaledValueAt, toScaled, UNIT_COST_SCALE } from './decimal';

describe('exact decimals', () => {
  it('multiplies without binary floats', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(0.07 * 100).not.toBe(7);
    expect(formatDecimal(new Decimal('0.07').times(100))).toBe('7');
    expect(formatDecimal(parseDecimal('0.009', 'invalid_quantity', 'q').times(20))).toBe('0.18');
    expect(formatDecimal(new Decimal('0.1').plus('0.2'))).toBe('0.3');
  });

  it('accepts decimal text as people type it (a decimal comma too) and finite JSON numbers, nothing else', () => {
    expect(formatDecimal(parseDecimal(' 1.500 ', 'invalid_quantity', 'q'))).toBe('1.5');
    expect(formatDecimal(parseDecimal('0,5', 'invalid_quantity', 'q'))).toBe('0.5');
    expect(formatDecimal(parseDecimal(12, 'invalid_quantity', 'q'))).toBe('12');
    for (const bad of ['1e3', '', 'abc', '.5', '1,', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => parseDecimal(bad, 'invalid_quantity', 'Quantity')).toThrow(/decimal number/);
    }
    // A point and a comma together could be two numbers: refused, saying so.
    expect(() => parseDecimal('1.234,5', 'invalid_quantity', 'Quantity')).toThrow('Quantity: "1.234,5" has both a point and a comma');
  });

  it('refuses to store more decimals than the scale instead of rounding typed input', () => {
    expect(toScaled(new Decimal('0.123456'), QUANTITY_SCALE, 'invalid_quantity', 'q')).toBe(123456);
    expect(() => toScaled(new Decimal('0.1234567'), QUANTITY_SCALE, 'invalid_quantity', 'Quantity')).toThrow(/more than 6 decimals/);
    expect(() => toScaled(new Decimal('1e12'), QUANTITY_SCALE, 'invalid_quantity', 'Quantity')).toThrow(/too large/);
  });

  it('rounds computed values half to even, once', () => {
    expect(formatDecimal(roundToScale(new Decimal('0.12345650'), QUANTITY_SCALE))).toBe('0.123456');
    expect(formatDecimal(roundToScale(new Decimal('0.12345750'), QUANTITY_SCALE))).toBe('0.123458');
    expect(formatDecimal(roundToScale(new Decimal(1).dividedBy(3), MONEY_SCALE))).toBe('0.3333');
  });

  it('formats stored integers back to plain text, signed, never -0', () => {
    expect(formatScaled(-180000, QUANTITY_SCALE)).toBe('-0.18');
    expect(formatScaled(1_800_000, MONEY_SCALE)).toBe('180');
    expect(formatScaled(0, MONEY_SCALE)).toBe('0');
    expect(formatScaled(123456789012345678n, QUANTITY_SCALE)).toBe('123456789012.345678');
    expect(formatScaled(-5n, QUANTITY_SCALE)).toBe('-0.000005');
    expect(formatScaled(-0, MONEY_SCALE)).toBe('0');
    // Moving the decimal point in the digits says exactly what dividing by a power of ten says.
    for (let n = 0; n < 2000; n++) {
      const stored = Math.round((Math.random() - 0.5) * 10 ** (1 + (n % 15)));
      for (const scale of [0, MONEY_SCALE, QUANTITY_SCALE]) expect(formatScaled(stored, scale)).toBe(formatDecimal(fromScaled(stored, scale)));
    }
    expect(() => formatScaled(0.5, MONEY_SCALE)).toThrow(RangeError);
  });

  it('values a scaled quantity at a scaled unit cost exactly as Decimal does, ties to even, past 2^53 too', () => {
    const reference = (quantity: number, unitCost: number) =>
      toScaled(roundToScale(fromScaled(quantity, QUANTITY_SCALE).times(fromScaled(unitCost, UNIT_COST_SCALE)), MONEY_SCALE), MONEY_SCALE, 'invalid_value', 'v') + 0;
    // 0.009 kg at 20 a kg is 0.18; half a ten-thousandth goes to the even neighbour, either sign.
    expect(scaledValueAt(-9_000, 20_000_000)).toBe(-1_800);
    expect(scaledValueAt(5, 10_000_000)).toBe(0);
    expect(scaledValueAt(15, 10_000_000)).toBe(2);
    expect(scaledValueAt(-15, 10_000_000)).toBe(-2);
    expect(scaledValueAt(-25, 10_000_000)).toBe(-2);
    let seed = 7;
    const next = (limit: number) => (seed = (seed * 48_271) % 2_147_483_647) % limit;
    for (let n = 0; n < 20_000; n++) {
      const quantity = (next(2) === 0 ? -1 : 1) * next(10 ** (1 + next(9)));
      const unitCost = next(10 ** (1 + next(10)));
      expect(scaledValueAt(quantity, unitCost)).toBe(reference(quantity, unitCost));
    }
    expect(scaledValueAt(-4_000_000_000, 3_000_000_000)).toBe(reference(-4_000_000_000, 3_000_000_000));
  });

  it('reads decimal text straight to the stored integer, or leaves it to Decimal when it cannot be exact', () => {
    for (const text of ['0', '-0', '1', '0.5', '-0.25', '12.000', '0.000001', '-123456789.123456', '007.10']) {
      expect(scaledFromText(text, QUANTITY_SCALE)).toBe(toScaled(new Decimal(text), QUANTITY_SCALE, 'invalid_quantity', 'q') + 0);
    }
    expect(scaledFromText('12.34', MONEY_SCALE)).toBe(123_400);
    expect(scaledFromText('0.12345', MONEY_SCALE)).toBeNull();
    expect(scaledFromText('99999999999.99', QUANTITY_SCALE)).toBeNull();
    expect(scaledFromText('1e3', QUANTITY_SCALE)).toBeNull();
    for (const text of ['', '-', '.5', '5.', '1.2.3', '--1', '1,5', ' 1']) expect(scaledFromText(text, QUANTITY_SCALE)).toBeNull();
  });
});
