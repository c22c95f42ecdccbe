// Counts, waste, moves, the variance report and food cost, as the engine answers them, the CLI prints
// them and the screens show them. The report objects keep the snake_case names (the CLI's
// JSON is a contract); numbers are decimal strings.
import { z } from 'zod';
import { decimalOutput } from '../decimal-text';

export const countView = z.object({
  id: z.number().int(),
  storage_unit: z.string(),
  /** The instant counted, and its local date (the ledger date of its COUNT entries). */
  counted_at: z.string(),
  date: z.string(),
  status: z.enum(['draft', 'finished']),
  /** How many ingredients were counted, and which (by name). */
  lines: z.number().int(),
  ingredients: z.array(z.string()),
  /** Up by one with every save: a save from an older version is refused (count_changed). */
  version: z.number().int(),
  /** When the draft was last saved; null before its first save. */
  saved_at: z.string().nullable(),
  /** Who finished it on a Larder server; null on this PC's own Larder. */
  finished_by: z.string().nullable(),
});
export type CountView = z.infer<typeof countView>;

/** One ingredient of a count sheet: what the ledger expects at the count's moment, and what was counted (null: not counted). */
export const countSheetRow = z.object({
  ingredient: z.string(),
  unit: z.string(),
  expected: decimalOutput,
  counted: decimalOutput.nullable(),
  /** What was typed when it was more than a bare quantity in the unit ("2 case + 5 bottle"); `counted` is its sum. */
  typed: z.string().nullable(),
  /** Whether the storage unit holds or held it (or it is counted): the sheet's own rows; the others can be added. */
  held: z.boolean(),
  /** Counted − expected: what finishing posts (or posted); null when not counted. */
  difference: decimalOutput.nullable(),
  /** The difference at the weighted average cost of the count's date, in the company's currency. */
  difference_value: decimalOutput.nullable(),
  /** The difference as a share of what was expected; null when nothing was expected. */
  difference_pct: decimalOutput.nullable(),
});
export const countSheet = z.object({ count: countView, rows: z.array(countSheetRow) });
export type CountSheet = z.infer<typeof countSheet>;


/** What recording waste or a move did: the record, its entries, and stock it took that the ledger did not show. */
export const stockChange = z.object({ id: z.number().int(), entries: z.number().int(), warnings: z.array(z.string()) });
export type StockChange = z.infer<typeof stockChange>;

/** Recorded waste or a move, as the list with Undo shows it. */
export const stockChangeView = z.object({
  kind: z.enum(['waste', 'move']),
  id: z.number().int(),
  at: z.string(),
  date: z.string(),
  storageUnit: z.string(),
  /** A move's destination; null for waste. */
  toStorageUnit: z.string().nullable(),
  /** The ingredient, or the recipe wasted. */
  what: z.string(),
  /** The ingredient's unit; null for a recipe (portions). */
  unit: z.string().nullable(),
  quantity: decimalOutput,
  reason: z.string().nullable(),
  note: z.string().nullable(),
  /** Signed for waste (what it cost), the value carried for a move. */
  value: decimalOutput,
  undoneAt: z.string().nullable(),
});
export type StockChangeView = z.infer<typeof stockChangeView>;

export const varianceRow = z.object({
  ingredient: z.string(),
  unit: z.string(),
  opening: decimalOutput,
  receipts: decimalOutput,
  theoretical: decimalOutput,
  waste: decimalOutput,
  moves: decimalOutput,
  expected: decimalOutput,
  counted: decimalOutput,
  variance_quantity: decimalOutput,
  variance_value: decimalOutput,
  variance_pct: decimalOutput.nullable(),
  /** No receipt gave the ingredient a cost yet: its values are 0 and say nothing. */
  no_cost: z.boolean(),
});
export type VarianceRow = z.infer<typeof varianceRow>;

export const varianceReportView = z.object({
  storage_unit: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(varianceRow),
  total_value: decimalOutput,
  /** The company's currency (its locations'), when it has any location. */
  currency: z.string().nullable(),
  /** The one plain sentence at the top. */
});
export type VarianceReport = z.infer<typeof varianceReportView>;

export const foodCostDay = z.object({ date: z.string(), sales: decimalOutput, theoretical_cost: decimalOutput, theoretical_pct: decimalOutput.nullable() });
export type FoodCostDay = z.infer<typeof foodCostDay>;

const countRef = z.object({ id: z.number().int(), date: z.string() });

/** Actual against theoretical food cost over the span between two finished counts: the sales days from the opening count's date to the day before the closing count's. */
export const foodCostSpan = z.object({
  opening_count: countRef,
  closing_count: countRef,
  from: z.string(),
  to: z.string(),
  sales: decimalOutput,
  theoretical_cost: decimalOutput,
  theoretical_pct: decimalOutput.nullable(),
  actual_cost: decimalOutput,
  actual_pct: decimalOutput.nullable(),
});
export type FoodCostSpan = z.infer<typeof foodCostSpan>;

export const foodCostView = z.object({
  location: z.string(),
  from: z.string(),
  to: z.string(),
  /** The location's sales currency. */
  currency: z.string(),
  /** What stock (and so every cost) is valued in: the company's currency. */
  cost_currency: z.string(),
  /** 1 unit of `currency` in `cost_currency`, as set in Settings; null when they are one currency or no rate is set. */
  exchange_rate: decimalOutput.nullable(),
  /** Why no food cost % is shown (sales and costs in two currencies without a rate); null when it is. */
  pct_note: z.string().nullable(),
  sales: decimalOutput,
  theoretical_cost: decimalOutput,
  theoretical_pct: decimalOutput.nullable(),
  /** Null without a finished count of the storage unit on or before `from` and another on or after `to`; `actual_note` says why. */
  actual: foodCostSpan.nullable(),
  actual_note: z.string().nullable(),
  /** Without `actual`: the dates of the finished counts there are around and in the period, to choose a span from. */
  count_dates: z.array(z.string()),
  days: z.array(foodCostDay),
});
export type FoodCost = z.infer<typeof foodCostView>;

/** A recipe's cost (`recipe cost`): one portion's, and each line as typed with its base quantity (gross of trim), unit cost and cost per batch; null where the ingredient has no cost yet. */
export const recipeCostView = z.object({
  recipe: z.string(),
  yield: decimalOutput,
  /** One portion's cost: the batch's over the yield. */
  cost: decimalOutput,
  lines: z.array(
    z.object({
      ingredient: z.string(),
      quantity: decimalOutput,
      unit: z.string(),
      base_quantity: decimalOutput,
      unit_cost: decimalOutput.nullable(),
      cost: decimalOutput.nullable(),
    }),
  ),
  /** Ingredients never received: they cost nothing here until a receipt says what they cost. */
  missing_costs: z.array(z.string()),
  /** The company's currency (its locations'), when it has any location. */
  currency: z.string().nullable(),
});
export type RecipeCost = z.infer<typeof recipeCostView>;

export const menuClasses = ['star', 'plowhorse', 'puzzle', 'dog'] as const;

/** Menu engineering (`menu`): each mapped item sold in the period, classed by Kasavana–Smith. */
export const menuReportView = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  rows: z.array(
    z.object({
      item: z.string(),
      sold: decimalOutput,
      /** The average net price: the item's sales value over its units. */
      price: decimalOutput,
      plate_cost: decimalOutput,
      margin: decimalOutput,
      /** Margin × units sold: what the item contributed. */
      margin_total: decimalOutput,
      cost_pct: decimalOutput.nullable(),
      class: z.enum(menuClasses),
    }),
  ),
  /** The average contribution margin: total margin over total units. */
  average_margin: decimalOutput,
  /** 70 % of an even share of the units sold: an item selling at least this many is popular. */
  popularity_threshold: decimalOutput,
  /** Items sold but not mapped: no plate cost, left out. */
  unmapped: z.array(z.string()),
  missing_costs: z.array(z.string()),
});
export type MenuReport = z.infer<typeof menuReportView>;

/** What one sale of a POS item costs through its mapping, against its POS price (null: the POS sent none). */
export const itemCostView = z.object({
  cost: decimalOutput,
  price: decimalOutput.nullable(),
  cost_pct: decimalOutput.nullable(),
  margin: decimalOutput.nullable(),
  missing_costs: z.array(z.string()),
  currency: z.string().nullable(),
});
export type ItemCost = z.infer<typeof itemCostView>;
