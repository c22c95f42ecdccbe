import { z } from 'zod';
import { defineContract } from '../contract';
import { stockLine } from '../../model/inventory';
import { entryLine, ledgerDayView, ledgerEntryView, ledgerFilter, ledgerTotalsView } from '../../model/ledger';

/** The filter and how many rows, newest first, a screen asks for. */
const pagedLedgerFilter = ledgerFilter.extend({ limit: z.number().int().positive().max(10_000).default(1_000) }).strict();

export const listLedger = defineContract({
  channel: 'ledger:list',
  input: pagedLedgerFilter,
  output: z.array(ledgerEntryView),
  errors: ['invalid_date_format'],
});

/** Totals over every entry the filter matches, not only the page shown; quantity only when it has one unit. */
export const ledgerTotals = defineContract({
  channel: 'ledger:totals',
  input: ledgerFilter.strict(),
  output: ledgerTotalsView,
  errors: ['invalid_date_format'],
});

/** An ISSUE entry's sales lines, each with its own deduction: the drill-down behind a day's figure. */
export const ledgerEntryLines = defineContract({
  channel: 'ledger:lines',
  input: z.object({ id: z.number().int().positive() }).strict(),
  output: z.object({ entry: ledgerEntryView, lines: z.array(entryLine) }),
  errors: ['ledger_entry_not_found'],
});

/** Per day, ingredient and storage unit, newest day first: the Ledger's first view. */
export const ledgerDays = defineContract({
  channel: 'ledger:days',
  input: pagedLedgerFilter,
  output: z.array(ledgerDayView),
  errors: ['invalid_date_format'],
});

/** Stock on hand, read from the ledger (every storage unit, or one). */
export const listStock = defineContract({
  channel: 'stock:list',
  input: z.object({ storageUnitId: z.number().int().positive().optional() }).strict(),
  output: z.array(stockLine),
  errors: [],
});
