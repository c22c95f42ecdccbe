// Deliveries that cost noticeably more than before: a receipt whose unit cost is more than the
// threshold above the ingredient's weighted average cost of the receipts before it (earlier days,
// and earlier receipts of its own day). Home names them ("Mozzarella +18 % in the delivery of 12 May").
import type { CompanyScope } from '../db/company';
import { Decimal, formatDecimal, fromScaled, MONEY_SCALE, QUANTITY_SCALE, roundToScale, UNIT_COST_SCALE } from '../decimal/decimal';
import type { HomeDashboard } from '../../../shared/model/setup';

const HUNDRED = new Decimal(100);

export async function priceRises(scope: CompanyScope, since: string, thresholdPct: number): Promise<HomeDashboard['priceRises']> {
  const rows = await scope.db
    .statement(
      `SELECT i.name AS ingredient, i.unit, r.date, r.quantity, r.value,
              (SELECT sum(b.quantity) FROM ledger_entries b WHERE b.company_id = r.company_id AND b.ingredient_id = r.ingredient_id AND b.type = 'RECEIPT'
                 AND (b.date < r.date OR (b.date = r.date AND b.id < r.id))) AS beforeQuantity,
              (SELECT sum(b.value) FROM ledger_entries b WHERE b.company_id = r.company_id AND b.ingredient_id = r.ingredient_id AND b.type = 'RECEIPT'
                 AND (b.date < r.date OR (b.date = r.date AND b.id < r.id))) AS beforeValue
       FROM ledger_entries r JOIN ingredients i ON i.id = r.ingredient_id
       WHERE r.company_id = ? AND r.type = 'RECEIPT' AND r.date >= ? AND r.quantity > 0
       ORDER BY r.date DESC, r.id DESC`,
    )
    .all(scope.companyId, since) as { ingredient: string; unit: string; date: string; quantity: number; value: number; beforeQuantity: number | null; beforeValue: number | null }[];
  const limit = Decimal.add(1, new Decimal(thresholdPct).dividedBy(HUNDRED));
  return rows.flatMap((row) => {
    if (!row.beforeQuantity || row.beforeValue === null || row.beforeValue <= 0) return [];
    const before = fromScaled(row.beforeValue, MONEY_SCALE).dividedBy(fromScaled(row.beforeQuantity, QUANTITY_SCALE));
    const cost = fromScaled(row.value, MONEY_SCALE).dividedBy(fromScaled(row.quantity, QUANTITY_SCALE));
    if (!cost.greaterThan(before.times(limit))) return [];
    return [
      {
        ingredient: row.ingredient,
        unit: row.unit,
        date: row.date,
        unitCost: formatDecimal(roundToScale(cost, UNIT_COST_SCALE)),
        before: formatDecimal(roundToScale(before, UNIT_COST_SCALE)),
        pct: formatDecimal(roundToScale(cost.dividedBy(before).minus(1).times(HUNDRED), 0)),
      },
    ];
  });
}
