// Past days corrected after mappings or recipes changed: for a location and a range of business days
// it has transferred, the preview compares what is posted now with what today's mappings and recipes
// would post from the stored sales — per ingredient, and which days change — and writes nothing.
// Reprocessing then rebuilds exactly those days from the stored sales, one transfer (and one
// transaction) per day, as crash-safe as any transfer.
import type { CompanyScope } from '../db/company';
import { formatScaled, QUANTITY_SCALE } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { currentRecipeBook } from '../inventory/recipes';
import { requireLocation } from '../locations/location-config';
import { dayDeductions } from './line-deduction';
import { mappingLookup } from './mapping-lookup';
import { dayLines } from './sales-source';
import { isSold, transferDay, type TransferContext, type TransferResult } from './transfer-day';

export interface ReprocessPreview {
  /** The business days whose entries would change. */
  days: string[];
  /** Signed ledger quantities summed over the range (issues negative), as decimal strings. */
  ingredients: { ingredient: string; posted: string; new: string; difference: string }[];
}

/** Nothing is written, not even a log. */
export function reprocessPreview(scope: CompanyScope, businessLocationId: string, from: string, to: string): ReprocessPreview {
  if (from > to) throw new DomainError('invalid_input', `The range must start before it ends (${from} to ${to}).`);
  const location = requireLocation(scope, businessLocationId);
  const dates = scope.db
    .statement('SELECT business_date AS date FROM sales_fetches WHERE location_id = ? AND business_date BETWEEN ? AND ? ORDER BY business_date')
    .pluck()
    .all(location.id, from, to) as string[];
  const postedOf = scope.db.statement(
    `SELECT ingredient_id AS ingredientId, sum(quantity) AS quantity FROM ledger_entries
     WHERE business_location_id = ? AND date = ? AND company_id = ? AND type = 'ISSUE' GROUP BY ingredient_id`,
  );
  const mappingFor = mappingLookup(scope, location.sourceId, location.id);
  const deductions = dayDeductions(currentRecipeBook(scope), () => 0);
  const totals = new Map<number, { posted: number; next: number }>();
  const changed: string[] = [];
  for (const date of dates) {
    const day = new Map<number, { posted: number; next: number }>();
    const at = (ingredientId: number) => {
      let sums = day.get(ingredientId);
      if (!sums) day.set(ingredientId, (sums = { posted: 0, next: 0 }));
      return sums;
    };
    for (const row of postedOf.all(location.businessLocationId, date, scope.companyId) as { ingredientId: number; quantity: number }[]) at(row.ingredientId).posted += row.quantity;
    for (const line of dayLines(scope.db, location.id, date)) {
      const mapping = isSold(line) ? mappingFor(line) : null;
      if (!mapping) continue;
      const { changes } = deductions.take(line.quantity as number, mapping);
      for (let n = 0; n < changes.length; n += 3) at(changes[n] as number).next += changes[n + 1] as number;
    }
    if ([...day.values()].some((sums) => sums.posted !== sums.next)) changed.push(date);
    for (const [ingredientId, sums] of day) {
      const total = totals.get(ingredientId) ?? { posted: 0, next: 0 };
      total.posted += sums.posted;
      total.next += sums.next;
      totals.set(ingredientId, total);
    }
  }
  const names = new Map(
    (scope.db.statement('SELECT id, name FROM ingredients WHERE company_id = ?').all(scope.companyId) as { id: number; name: string }[]).map((row) => [row.id, row.name]),
  );
  const text = (scaled: number) => formatScaled(scaled, QUANTITY_SCALE);
  return {
    days: changed,
    ingredients: [...totals]
      .map(([ingredientId, sums]) => ({ ingredient: names.get(ingredientId) ?? String(ingredientId), posted: text(sums.posted), new: text(sums.next), difference: text(sums.next - sums.posted) }))
      .sort((a, b) => a.ingredient.localeCompare(b.ingredient)),
  };
}

/** Rebuilds the days the preview says would change, from the stored sales, oldest first. */
export async function reprocess(context: TransferContext, businessLocationId: string, from: string, to: string): Promise<TransferResult[]> {
  const { days } = reprocessPreview(context.scope, businessLocationId, from, to);
  const results: TransferResult[] = [];
  for (const date of days) results.push(await transferDay(context, { businessLocationId, date, force: false, rebuild: true, trigger: 'manual' }));
  return results;
}
