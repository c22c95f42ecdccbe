// Food cost of a location over a period: what the POS sold (net sales of its synced sales lines), what
// that should have cost (its ISSUE entries: the theoretical cost), and what stock really cost
// (opening + receipts − closing, valued from the counts of its storage unit around the period), each as
// a share of sales; and the theoretical food cost % of each of the last 30 days, for the chart.
import type { CompanyScope } from '../db/company';
import { type Decimal, fromScaled, MONEY_SCALE, roundToScale } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { requireAnyLocation } from '../locations/location-sync';
import { addDays } from '../locations/zoned-time';
import { salesByDay } from '../transfer/sales-source';
import type { FoodCost, FoodCostDay } from '../../../shared/model/stock';

const money = (scaled: number) => fromScaled(scaled, MONEY_SCALE);
const pct = (part: Decimal, whole: Decimal) => (whole.isZero() ? null : roundToScale(part.dividedBy(whole).times(100), 2).toFixed());

export function foodCost(scope: CompanyScope, businessLocationId: string, from: string, to: string): FoodCost {
  if (from > to) throw new DomainError('invalid_input', `The period must start before it ends (${from} to ${to}).`);
  const location = requireAnyLocation(scope, businessLocationId);

  // The period, and the 30 days of the chart ending with it.
  const chartFrom = addDays(to, -29);
  const start = chartFrom < from ? chartFrom : from;
  // Sold lines only, as a transfer counts them (positive, named, neither voided nor cancelled): the day sums.
  const salesOfDays = salesByDay(scope.db, location.id, start, to);
  const costByDay = scope.db
    .statement(
      `SELECT date, -sum(value) AS cost FROM ledger_day_totals WHERE company_id = ? AND business_location_id = ? AND type = 'ISSUE' AND date BETWEEN ? AND ?
       GROUP BY date`,
    )
    .all(scope.companyId, businessLocationId.trim(), start, to) as { date: string; cost: number }[];
  const sales = new Map(salesOfDays.map((row) => [row.date, row.sales]));
  const cost = new Map(costByDay.map((row) => [row.date, row.cost]));
  const sum = (map: Map<string, number>) => [...map].filter(([date]) => date >= from && date <= to).reduce((total, [, value]) => total + value, 0);
  const totalSales = money(sum(sales));
  const theoretical = money(sum(cost));

  const days: FoodCostDay[] = [];
  for (let date = chartFrom; date <= to; date = addDays(date, 1)) {
    const daySales = money(sales.get(date) ?? 0);
    const dayCost = money(cost.get(date) ?? 0);
    days.push({ date, sales: daySales.toFixed(), theoretical_cost: dayCost.toFixed(), theoretical_pct: pct(dayCost, daySales) });
  }

  const actual = location.storageUnitId === null ? null : actualCost(scope, location.storageUnitId, from, to);
  return {
    location: location.name,
    from,
    to,
    currency: location.currencyCode,
    sales: totalSales.toFixed(),
    theoretical_cost: theoretical.toFixed(),
    theoretical_pct: pct(theoretical, totalSales),
    actual_cost: actual ? actual.cost.toFixed() : null,
    actual_pct: actual ? pct(actual.cost, totalSales) : null,
    opening_count: actual?.opening ?? null,
    closing_count: actual?.closing ?? null,
    days,
  };
}

/** Opening + receipts − closing of the storage unit, valued from the finished counts around the period. */
function actualCost(scope: CompanyScope, storageUnitId: number, from: string, to: string) {
  const count = (sql: string, date: string) =>
    scope.db.statement(`SELECT id, date FROM stock_counts WHERE storage_unit_id = ? AND status = 'finished' AND ${sql}`).get(storageUnitId, date) as { id: number; date: string } | undefined;
  const opening = count('date <= ? ORDER BY counted_at DESC LIMIT 1', from);
  const closing = count('date >= ? ORDER BY counted_at LIMIT 1', to);
  if (!opening || !closing || opening.id === closing.id) return null;
  // A count's stock: every movement before its date and the non-sales movements of its date (stock-control.ts).
  const valueAt = (date: string) =>
    (scope.db
      .statement(`SELECT coalesce(sum(value), 0) AS value FROM ledger_entries WHERE storage_unit_id = ? AND company_id = ? AND (date < ? OR (date = ? AND type <> 'ISSUE'))`)
      .get(storageUnitId, scope.companyId, date, date) as { value: number }).value;
  const receipts = (scope.db
    .statement(`SELECT coalesce(sum(value), 0) AS value FROM ledger_entries WHERE storage_unit_id = ? AND company_id = ? AND type = 'RECEIPT' AND date > ? AND date <= ?`)
    .get(storageUnitId, scope.companyId, opening.date, closing.date) as { value: number }).value;
  return { cost: money(valueAt(opening.date) + receipts - valueAt(closing.date)), opening, closing };
}
