// The ledger as the engine answers it and the screens show it.
import { z } from 'zod';
import { dateInput, isoDateOutput } from '../dates';
import { decimalOutput } from '../decimal-text';

/** Every kind of stock movement; the database's check constraint, the filters and the screens use this one list. */
export const ledgerEntryTypes = ['RECEIPT', 'ISSUE', 'WASTE', 'COUNT', 'ADJUSTMENT'] as const;
export type LedgerEntryType = (typeof ledgerEntryTypes)[number];

const id = z.number().int().positive();

/** Which entries a screen asks about: each field narrows them. */
export const ledgerFilter = z.object({
  type: z.enum(ledgerEntryTypes).optional(),
  from: dateInput.optional(),
  to: dateInput.optional(),
  businessLocationId: z.string().max(40).optional(),
  storageUnitId: z.number().int().positive().optional(),
  ingredientId: z.number().int().positive().optional(),
});

/** What a ledger row moves: an ingredient (with its unit) in a storage unit. */
const ingredientInUnit = {
  ingredientId: id,
  ingredient: z.string(),
  unit: z.string(),
  storageUnitId: id,
  storageUnit: z.string(),
};

/** One ledger entry; quantity and value are signed decimal text (an ISSUE is negative). */
export const ledgerEntryView = z.object({
  id,
  type: z.enum(ledgerEntryTypes),
  date: isoDateOutput,
  ...ingredientInUnit,
  quantity: decimalOutput,
  unitCost: decimalOutput,
  value: decimalOutput,
  reference: z.string().nullable(),
  businessLocationId: z.string().nullable(),
  /** How many sales lines an ISSUE adds up; null for other entries. */
  salesLines: z.number().int().nonnegative().nullable(),
  transferLogId: z.number().int().nullable(),
  /** What a hand-kept entry came from, for its name in words; null for sales and receipts. `undo`: it takes that back. */
  origin: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('count'), at: z.string(), undo: z.boolean() }),
      z.object({ kind: z.literal('waste'), reason: z.string(), undo: z.boolean() }),
      z.object({ kind: z.literal('move'), direction: z.enum(['to', 'from']), storageUnit: z.string(), undo: z.boolean() }),
    ])
    .nullable(),
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

/** One sales line of an ISSUE entry: the POS's line id and receipt, the sold quantity and what it took of the entry's ingredient. */
export const entryLine = z.object({
  posLineId: z.string(),
  receipt: z.string(),
  item: z.string().nullable(),
  quantity: decimalOutput.nullable(),
  deduction: decimalOutput,
});
export type EntryLine = z.infer<typeof entryLine>;

/** Totals over every entry a filter matches; quantity only when every entry has one unit (kilograms and bottles do not add up). */
export const ledgerTotalsView = z.object({
  entries: z.number().int(),
  value: decimalOutput,
  quantity: z.object({ amount: decimalOutput, unit: z.string() }).nullable(),
});
export type LedgerTotals = z.infer<typeof ledgerTotalsView>;

/** A day's movements of one ingredient in one storage unit (quantities positive as named; net signed). */
export const ledgerDayView = z.object({
  date: isoDateOutput,
  ...ingredientInUnit,
  received: decimalOutput,
  issued: decimalOutput,
  wasted: decimalOutput,
  /** What a count corrected, signed. */
  counted: decimalOutput,
  /** Moves from or to another storage unit (ADJUSTMENT entries, the only kind Larder posts), signed. */
  moved: decimalOutput,
  net: decimalOutput,
  value: decimalOutput,
  entries: z.number().int(),
});
export type LedgerDay = z.infer<typeof ledgerDayView>;

/** How many days back an ingredient's usage chart reaches when no first day is chosen. */
export const USAGE_DAYS = 60;

/** One ingredient's daily use, every day of the range (0 on a quiet day), for its chart. */
export const ingredientUsageView = z.object({
  ingredient: z.string(),
  unit: z.string(),
  days: z.array(z.object({ date: isoDateOutput, issued: decimalOutput, wasted: decimalOutput })),
});
export type IngredientUsage = z.infer<typeof ingredientUsageView>;
