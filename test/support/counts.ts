// What a storage unit holds of an ingredient right after a finished count: what the ledger says at
// the count's moment with the count's own entries in, the figure a count must keep whatever is
// posted before it later.
import type { CompanyScope } from '../../electron/core/db/company';
import { formatScaled, QUANTITY_SCALE } from '../../electron/core/decimal/decimal';
import { findIngredientByName } from '../../electron/core/inventory/ingredients';
import { positionAt } from '../../electron/core/ledger/count-restatement';

export async function stockAfterCount(scope: CompanyScope, countId: number, ingredient: string): Promise<string> {
  const count = await scope.db.statement('SELECT storage_unit_id AS unit, date, counted_at AS countedAt FROM stock_counts WHERE id = ?').get(countId) as { unit: number; date: string; countedAt: string };
  // '~' sorts after the count's own instant: its entries count, those of later counts of the day do not.
  const scaled = await positionAt(scope, count.unit, (await findIngredientByName(scope, ingredient))!.id, { id: null, date: count.date, countedAt: `${count.countedAt}~` });
  return formatScaled(scaled, QUANTITY_SCALE);
}
