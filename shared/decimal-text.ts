import { z } from 'zod';

// Decimals cross every boundary (IPC, CLI, files) as text, so no binary float is ever involved.
// Plain JSON numbers are accepted on input for convenience and turned into text at once.
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export const decimalInput = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .pipe(z.string().regex(DECIMAL_TEXT, 'expected a decimal number such as "0.25"'));

export const decimalOutput = z.string().regex(DECIMAL_TEXT);

export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text.trim());
}
