// Past days corrected after mappings or recipes changed: for a location and a range of business days
// it has transferred, the preview compares what is posted now with what today's mappings and recipes
// would post from the stored sales — per ingredient, and which days change — and writes nothing.
// Reprocessing then rebuilds exactly those days from the stored sales, one transfer (and one
// transaction) per day, as crash-safe as any transfer.
import { formatScaled, MONEY_SCALE, QUANTITY_SCALE } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { currentRecipeBook } from '../inventory/recipes';
import { requireLocation } from '../locations/location-config';
import { dayDeductions } from './line-deduction';
import { mappingLookup } from '../items/mapping-lookup';
import { dayLines } from '../sales/sales-cache';
import { freshUnitCosts } from '../ledger/ledger';
import { dayPolicy } from './sale-types';
import { transferDay, type TransferContext, type TransferResult } from './transfer-day';

export interface ReprocessPreview {
  /** The business days whose entries would change. */
  days: string[];
  /**
   * Signed ledger quantities summed over the range (issues negative), as decimal strings; and their
   * values: posted, and at the cost a rebuilt day would use (the weighted average of its date).
   */
  ingredients: { ingredient: string; unit: string; posted: string; new: string; difference: string; postedValue: string; newValue: string }[];
}

interface Sums {
  posted: number;
  next: number;
  postedValue: number;
  nextValue: number;
}

/** Nothing is written, not even a log. */
export async function reprocessPreview(context: Pick<TransferContext, 'scope' | 'salesRules'>, businessLocationId: string, from: string, to: string): Promise<ReprocessPreview> {
  const { scope } = context;
  const rules = context.salesRules();
  if (from > to) throw new DomainError('invalid_input', `The range must start before it ends (${from} to ${to}).`);
  const location = await requireLocation(scope, businessLocationId);
  const dates = await scope.db
    .statement('SELECT business_date AS date FROM sales_fetches WHERE location_id = ? AND business_date BETWEEN ? AND ? ORDER BY business_date')
    .pluck()
    .all(location.id, from, to) as string[];
  const postedOf = scope.db.statement(
    `SELECT ingredient_id AS ingredientId, sum(quantity) AS quantity, sum(value) AS value FROM ledger_entries
     WHERE business_location_id = ? AND date = ? AND company_id = ? AND type = 'ISSUE' GROUP BY ingredient_id`,
  );
  const mappingFor = await mappingLookup(scope, location.sourceId, location.id);
  const book = await currentRecipeBook(scope);
  const totals = new Map<number, Sums>();
  const changed: string[] = [];
  for (const date of dates) {
    // A rebuilt day is costed afresh, as any first transfer of a day: the weighted average of its date.
    const costs = await freshUnitCosts(scope, date);
    const deductions = dayDeductions(book, (ingredientId) => costs.get(ingredientId) ?? 0);
    const day = new Map<number, Sums>();
    const at = (ingredientId: number) => {
      let sums = day.get(ingredientId);
      if (!sums) day.set(ingredientId, (sums = { posted: 0, next: 0, postedValue: 0, nextValue: 0 }));
      return sums;
    };
    for (const row of await postedOf.all(location.businessLocationId, date, scope.companyId) as { ingredientId: number; quantity: number; value: number }[]) {
      at(row.ingredientId).posted += row.quantity;
      at(row.ingredientId).postedValue += row.value;
    }
    const lines = await dayLines(scope.db, location.id, date);
    const policy = dayPolicy(lines, rules, date);
    for (const line of lines) {
      const mapping = policy.counts(line) ? mappingFor(line) : null;
      if (!mapping) continue;
      const { changes } = deductions.take(line.quantity as number, mapping);
      for (let n = 0; n < changes.length; n += 3) {
        at(changes[n] as number).next += changes[n + 1] as number;
        at(changes[n] as number).nextValue += changes[n + 2] as number;
      }
    }
    if ([...day.values()].some((sums) => sums.posted !== sums.next)) changed.push(date);
    for (const [ingredientId, sums] of day) {
      const total = totals.get(ingredientId) ?? { posted: 0, next: 0, postedValue: 0, nextValue: 0 };
      total.posted += sums.posted;
      total.next += sums.next;
      total.postedValue += sums.postedValue;
      total.nextValue += sums.nextValue;
      totals.set(ingredientId, total);
    }
  }
  const ingredients = new Map(
    (await scope.db.statement('SELECT id, name, unit FROM ingredients WHERE company_id = ?').all(scope.companyId) as { id: number; name: string; unit: string }[]).map((row) => [row.id, row]),
  );
  const quantity = (scaled: number) => formatScaled(scaled, QUANTITY_SCALE);
  const money = (scaled: number) => formatScaled(scaled, MONEY_SCALE);
  return {
    days: changed,
    ingredients: [...totals]
      .map(([ingredientId, sums]) => ({
        ingredient: ingredients.get(ingredientId)?.name ?? String(ingredientId),
        unit: ingredients.get(ingredientId)?.unit ?? '',
        posted: quantity(sums.posted),
        new: quantity(sums.next),
        difference: quantity(sums.next - sums.posted),
        postedValue: money(sums.postedValue),
        newValue: money(sums.nextValue),
      }))
      .sort((a, b) => a.ingredient.localeCompare(b.ingredient)),
  };
}

/** A reprocess that rewrites more days than this is backed up before it starts. */
export const LARGE_REPROCESS_DAYS = 7;

export interface ReprocessOptions {
  /** After each day: how many of the days are done, and the day's result. */
  onProgress?: (done: number, total: number, result: TransferResult) => void;
  /** Stops before the next day; the days done stay done (each was its own transaction). */
  signal?: AbortSignal;
}

/**
 * Rebuilds the days the preview says would change, from the stored sales, oldest first. A crash or a
 * cancel between days leaves whole days: a new preview lists exactly the ones still to do.
 */
export async function reprocess(context: TransferContext, businessLocationId: string, from: string, to: string, options: ReprocessOptions = {}): Promise<TransferResult[]> {
  const { days } = await reprocessPreview(context, businessLocationId, from, to);
  if (days.length > LARGE_REPROCESS_DAYS) await context.beforeLargeChange?.(`a reprocess of ${days.length} days at ${businessLocationId}`);
  const results: TransferResult[] = [];
  for (const date of days) {
    if (options.signal?.aborted) break;
    const result = await transferDay(context, { businessLocationId, date, force: false, rebuild: true, trigger: 'reprocess' });
    results.push(result);
    context.events.emit({ type: 'reprocess:progress', businessLocationId, done: results.length, total: days.length, date: result.date });
    options.onProgress?.(results.length, days.length, result);
  }
  return results;
}
