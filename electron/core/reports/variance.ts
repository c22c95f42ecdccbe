// The variance report: what a storage unit's counts say against what its sales, receipts, waste and
// moves say, between two finished counts.
import type { CompanyScope } from '../db/company';
import { Decimal, formatScaled, fromScaled, MONEY_SCALE, QUANTITY_SCALE, roundToScale } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { weightedAverageUnitCost } from '../ledger/ledger';
import { companyCurrency } from '../locations/location-sync';
import { requireCount } from '../stock/stock-control';
import { storageUnitId } from '../stock/stock-inputs';
import type { VarianceReport } from '../../../shared/model/stock';
import { inOrder } from '../in-order';

/**
 * Actual against theoretical usage of a storage unit between two finished counts: per ingredient the
 * closing count counted, opening + receipts − theoretical (POS issues) − waste − moves out is what the
 * sales explain, and the difference is the variance. Sorted by the size of its value.
 */
export async function varianceReport(scope: CompanyScope, storageUnit: string, fromCountId: number, toCountId: number): Promise<VarianceReport> {
  const unitId = await storageUnitId(scope, storageUnit);
  const from = await requireCount(scope, fromCountId);
  const to = await requireCount(scope, toCountId);
  for (const count of [from, to]) {
    if (count.storageUnitId !== unitId) throw new DomainError('invalid_input', `Count ${count.id} is not a count of ${storageUnit}.`);
    if (count.status !== 'finished') throw new DomainError('count_not_finished', `Count ${count.id} is a draft; finish it first.`);
  }
  if (from.countedAt >= to.countedAt) throw new DomainError('invalid_input', `Count ${from.id} must come before count ${to.id}.`);
  const rows = await scope.db
    .statement(
      `SELECT l.ingredient_id AS ingredientId, i.name AS ingredient, i.unit, l.counted,
         (SELECT coalesce(sum(quantity), 0) FROM ledger_entries e WHERE e.storage_unit_id = @unit AND e.ingredient_id = l.ingredient_id
            AND (e.date < @d1 OR (e.date = @d1 AND e.type <> 'ISSUE'))) AS opening,
         (SELECT coalesce(sum(quantity), 0) FROM ledger_entries e WHERE e.storage_unit_id = @unit AND e.ingredient_id = l.ingredient_id
            AND e.type = 'RECEIPT' AND e.date > @d1 AND e.date <= @d2) AS receipts,
         (SELECT coalesce(-sum(quantity), 0) FROM ledger_entries e WHERE e.storage_unit_id = @unit AND e.ingredient_id = l.ingredient_id
            AND e.type = 'ISSUE' AND e.date >= @d1 AND e.date < @d2) AS theoretical,
         (SELECT coalesce(-sum(quantity), 0) FROM ledger_entries e WHERE e.storage_unit_id = @unit AND e.ingredient_id = l.ingredient_id
            AND e.type = 'WASTE' AND e.date > @d1 AND e.date <= @d2) AS waste,
         (SELECT coalesce(-sum(quantity), 0) FROM ledger_entries e WHERE e.storage_unit_id = @unit AND e.ingredient_id = l.ingredient_id
            AND e.type = 'ADJUSTMENT' AND e.reference LIKE 'move:%' AND e.date > @d1 AND e.date <= @d2) AS moves
       FROM stock_count_lines l JOIN ingredients i ON i.id = l.ingredient_id WHERE l.count_id = @to`,
    )
    .all({ unit: unitId, d1: from.date, d2: to.date, to: to.id }) as {
    ingredientId: number;
    ingredient: string;
    unit: string;
    counted: number;
    opening: number;
    receipts: number;
    theoretical: number;
    waste: number;
    moves: number;
  }[];
  const text = (scaled: number) => formatScaled(scaled, QUANTITY_SCALE);
  let total = new Decimal(0);
  const report = await inOrder(rows, async (row) => {
    const expected = row.opening + row.receipts - row.theoretical - row.waste - row.moves;
    const varianceQuantity = row.counted - expected;
    const unitCost = await weightedAverageUnitCost(scope, row.ingredientId, to.date);
    const value = roundToScale(fromScaled(varianceQuantity, QUANTITY_SCALE).times(unitCost), MONEY_SCALE);
    total = total.plus(value);
    const pct = row.theoretical === 0 ? null : roundToScale(new Decimal(varianceQuantity).dividedBy(row.theoretical).times(100), 2);
    return {
      sortKey: value.abs(),
      row: {
        ingredient: row.ingredient,
        unit: row.unit,
        opening: text(row.opening),
        receipts: text(row.receipts),
        theoretical: text(row.theoretical),
        waste: text(row.waste),
        moves: text(row.moves),
        expected: text(expected),
        counted: text(row.counted),
        variance_quantity: text(varianceQuantity),
        variance_value: value.toFixed(),
        variance_pct: pct === null ? null : pct.toFixed(),
        no_cost: unitCost.isZero(),
      },
    };
  });
  report.sort((a, b) => b.sortKey.comparedTo(a.sortKey) || a.row.ingredient.localeCompare(b.row.ingredient));
  const currency = await companyCurrency(scope);
  return { storage_unit: storageUnit.trim(), from: from.countedAt, to: to.countedAt, rows: report.map((each) => each.row), total_value: total.toFixed(), currency };
}
