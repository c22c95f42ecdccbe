import { z } from 'zod';

// Decimals cross every boundary (IPC, CLI, files) as text, so no binary float is ever involved.
// Plain JSON numbers are accepted on input for convenience and turned into text at once.
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * A decimal as people type it: a decimal comma reads as a point ("0,5" is 0.5). A point and a comma
 * together ("1.234,5") could mean two different numbers, so it is left as typed and refused.
 */
export function typedDecimal(text: string): string {
  const trimmed = text.trim();
  return /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
}

/** Why typed text is not a decimal, in words that say what was understood. */
export function typedDecimalProblem(text: string): string {
  return /[.,].*[.,]/.test(text.trim())
    ? `"${text.trim()}" has both a point and a comma: write the number without thousands separators, such as 1234.5 or 1234,5`
    : `expected a decimal number such as "0.25" or "0,25", not "${text.trim()}"`;
}

/** The one refusal of a quantity that must be more than nothing, on screens and in the engine alike. */
export const notAboveZero = (field: string) => `${field}: type an amount above 0 (0,009 and 0.009 both work)`;

/** Whether typed text reads as a number above 0. */
export const isPositiveDecimalText = (text: string) => isDecimalText(text) && !/^-|^0+(\.0+)?$/.test(typedDecimal(text));

export const decimalInput = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === 'number' ? String(value) : typedDecimal(value)))
  .pipe(z.string().regex(DECIMAL_TEXT, 'expected a decimal number such as "0.25" or "0,25"'));

export const decimalOutput = z.string().regex(DECIMAL_TEXT);

/** "3 case", "0,5 l", "250g", "12": the number's text and the unit after it (null: none typed, the ingredient's own unit). */
export function splitQuantity(text: string): { number: string; unit: string | null } {
  const match = /^\s*([-+]?[\d.,]*\d)\s*(.*?)\s*$/.exec(text);
  if (!match) return { number: text.trim(), unit: null };
  return { number: match[1] as string, unit: match[2] === '' ? null : (match[2] as string) };
}

/**
 * A quantity as people type it, in any unit the ingredient converts: "0,5", "3 case", "250 g". The
 * engine reads it (units.ts) and refuses what does not read with invalid_quantity or unit_not_convertible.
 */
export const quantityInput = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().trim().min(1, 'a quantity such as 0.5 or 3 case').max(80));

/** Whether typed text reads as a decimal ("0,5" and "0.5" alike): what a form checks before sending it. */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(typedDecimal(text));
}
