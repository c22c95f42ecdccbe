// Exact decimal arithmetic for quantities and money.
//
// Rounding rule (documented in the README): arithmetic runs at 40 significant digits, far beyond
// what a kitchen measures, and a result is rounded once, when it is stored, half to even:
//   - quantities (stock, recipe lines, yields, trim %) keep 6 decimals,
//   - unit costs keep 6 decimals,
//   - money (values) keeps 4 decimals.
// SQLite holds them as integers scaled by 10^scale, so SUM() over millions of rows stays exact.
import DecimalJs from 'decimal.js';
import { typedDecimal, typedDecimalProblem } from '../../../shared/decimal-text';
import { DomainError, quoted } from '../domain-error';
import type { ErrorCode } from '../../../shared/errors';

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Decimal = DecimalJs;

export const QUANTITY_SCALE = 6;
export const UNIT_COST_SCALE = 6;
export const MONEY_SCALE = 4;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** 10^scale for the scales in use, made once: conversions run for every ledger row. */
const POWERS = new Map([QUANTITY_SCALE, MONEY_SCALE, 0].map((scale) => [scale, new Decimal(10).pow(scale)]));
const power = (scale: number) => POWERS.get(scale) ?? new Decimal(10).pow(scale);

/** Parses user or file input ("0,5" and "0.5" alike); anything else but a finite JSON number is refused, saying what was understood. */
export function parseDecimal(input: string | number, code: ErrorCode, field: string): Decimal {
  const text = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : typedDecimal(input);
  if (!DECIMAL_TEXT.test(text)) {
    throw new DomainError(code, `${field}: ${typeof input === 'number' ? `expected a decimal number, not ${quoted(input)}` : typedDecimalProblem(input)}.`);
  }
  return new Decimal(text);
}

/**
 * The stored form. A value with more decimals than the scale is refused rather than rounded, so a
 * typed quantity is never silently changed; computed values go through `roundToScale` first.
 */
export function toScaled(value: Decimal, scale: number, code: ErrorCode, field: string): number {
  if (value.decimalPlaces() > scale) {
    throw new DomainError(code, `${field} ${quoted(value.toFixed())} has more than ${scale} decimals`);
  }
  const scaled = value.times(power(scale));
  if (scaled.abs().greaterThan(Number.MAX_SAFE_INTEGER)) {
    throw new DomainError(code, `${field} ${quoted(value.toFixed())} is too large`);
  }
  return scaled.toNumber();
}

export function roundToScale(value: Decimal, scale: number): Decimal {
  return value.toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN);
}

export function fromScaled(stored: number | bigint, scale: number): Decimal {
  return new Decimal(stored.toString()).dividedBy(power(scale));
}

/** Plain notation, no trailing zeros, never "-0". */
export function formatDecimal(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

/**
 * A stored scaled integer as decimal text, by moving the decimal point in its digits: the same text
 * as formatDecimal(fromScaled(…)), without a Decimal per value (lists format tens of thousands).
 */
export function formatScaled(stored: number | bigint, scale: number): string {
  if (typeof stored === 'number' && !Number.isSafeInteger(stored)) throw new RangeError(`${stored} is not a stored scaled integer`);
  const digits = (stored < 0 ? -BigInt(stored) : BigInt(stored)).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  if (whole === '0' && fraction === '') return '0';
  return `${stored < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

const VALUE_DIVISOR = 10 ** (QUANTITY_SCALE + UNIT_COST_SCALE - MONEY_SCALE);
const VALUE_DIVISOR_BIG = BigInt(VALUE_DIVISOR);

/**
 * quantity × unit cost at the money scale, rounded half to even, from and to stored scaled integers:
 * the same as roundToScale(fromScaled(quantity) × fromScaled(unitCost), MONEY_SCALE), without a
 * Decimal per value (a transfer values millions of line deductions). Exact: a product past 2^53 is
 * worked out in BigInt.
 */
export function scaledValueAt(quantity: number, unitCost: number): number {
  const product = quantity * unitCost;
  if (Number.isSafeInteger(product)) {
    const remainder = product % VALUE_DIVISOR;
    const quotient = (product - remainder) / VALUE_DIVISOR;
    const twice = Math.abs(remainder) * 2;
    const up = twice > VALUE_DIVISOR || (twice === VALUE_DIVISOR && quotient % 2 !== 0);
    return (up ? quotient + Math.sign(remainder) : quotient) + 0;
  }
  const big = BigInt(quantity) * BigInt(unitCost);
  const remainder = big % VALUE_DIVISOR_BIG;
  const quotient = (big - remainder) / VALUE_DIVISOR_BIG;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const up = twice > VALUE_DIVISOR_BIG || (twice === VALUE_DIVISOR_BIG && quotient % 2n !== 0n);
  const value = up ? quotient + (remainder < 0n ? -1n : 1n) : quotient;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${quantity} × ${unitCost} is too large a value`);
  return Number(value);
}

/**
 * Plain decimal text (as a POS sends it) straight to a scaled integer, without a Decimal: the same
 * number as toScaled(new Decimal(text), scale). Null when the text has more decimals than the scale
 * or is too large: the caller then takes the Decimal road, which rounds or refuses with its code.
 */
export function scaledFromText(text: string, scale: number): number | null {
  // Digit by digit, without building strings: a sales day has tens of thousands of these.
  let index = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const negative = index === 1;
  let scaled = 0;
  let digits = 0;
  let decimals = -1;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x2e && decimals < 0 && digits > 0) {
      decimals = 0;
      continue;
    }
    if (code < 0x30 || code > 0x39) return null;
    scaled = scaled * 10 + (code - 0x30);
    digits++;
    if (decimals >= 0 && ++decimals > scale) return null;
  }
  if (digits === 0 || decimals === 0) return null;
  scaled *= 10 ** (scale - Math.max(decimals, 0));
  if (!Number.isSafeInteger(scaled)) return null;
  return negative ? 0 - scaled : scaled;
}

/** Decimal text from a POS to its stored integer: directly when exact, else through Decimal (rounding half to even, refusing with `code` when too large). */
export function scaledFromPosText(text: string, scale: number, code: ErrorCode, field: string): number {
  return scaledFromText(text, scale) ?? toScaled(roundToScale(new Decimal(text), scale), scale, code, field);
}
