// The reports, as the Home and Reports screens reach them: the variance between two counts, food
// cost over a span, and Home's dashboard. They only read.
import { z } from 'zod';
import { dateInput } from '../../dates';
import { posLocationId } from '../../model/items';
import { ingredientUsageView, ledgerFilter } from '../../model/ledger';
import { homeDashboard } from '../../model/setup';
import { foodCostView, itemCostView, menuReportView, varianceReportView } from '../../model/stock';
import { defineContract } from '../contract';

const empty = z.object({}).strict();
const name = z.string().trim().min(1).max(200);

export const homeDashboardContract = defineContract({
  channel: 'home:dashboard',
  input: empty,
  output: homeDashboard,
  errors: [],
});

export const varianceContract = defineContract({
  channel: 'reports:variance',
  input: z.object({ storageUnit: name, fromCountId: z.number().int().positive(), toCountId: z.number().int().positive() }).strict(),
  output: varianceReportView,
  errors: ['storage_unit_not_found', 'count_not_found', 'count_not_finished', 'invalid_input'],
});

export const foodCostContract = defineContract({
  channel: 'reports:food-cost',
  input: z.object({ businessLocationId: posLocationId, from: dateInput, to: dateInput }).strict(),
  output: foodCostView,
  errors: ['location_not_found', 'invalid_date_format', 'invalid_input'],
});

/** A chosen ingredient's use per day, for the Ledger's chart. */
export const ingredientUsageContract = defineContract({
  channel: 'reports:usage',
  input: ledgerFilter.omit({ type: true }).extend({ ingredientId: z.number().int().positive() }).strict(),
  output: ingredientUsageView,
  errors: ['invalid_date_format', 'ingredient_not_found'],
});

/** Menu engineering of a location over a period: each mapped item's margin and popularity, classed. */
export const menuContract = defineContract({
  channel: 'reports:menu',
  input: z.object({ businessLocationId: posLocationId, from: dateInput, to: dateInput }).strict(),
  output: menuReportView,
  errors: ['location_not_found', 'invalid_date_format', 'invalid_input'],
});

/** A mapped POS item's cost per sale against its price; null when it is not mapped. */
export const itemCostContract = defineContract({
  channel: 'items:cost',
  input: z.object({ posItemId: z.number().int().positive() }).strict(),
  output: itemCostView.nullable(),
  errors: ['item_not_found'],
});
