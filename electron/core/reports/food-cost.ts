// Food cost of a location over a period: what the POS sold (net sales of its synced sales lines), what
// that should have cost (its ISSUE entries: the theoretical cost), and what stock really cost
// (opening + receipts + moves in − moves out − closing, valued from the counts of its storage unit), each
// as a share of sales; and the theoretical food cost % of each of the last 30 days, for the chart.
//
// Two rules keep the figures honest. Sales are in the location's currency and stock is valued in the
// company's: a % is computed only where the two are one currency, or an exchange rate for the sales
// currency is set (and stated beside the figure). And the actual cost runs from count to count, so
// it is compared with the sales and theoretical cost of the counts' span, not of the dates chosen: a
// count on D comes before D's sales (stock-control.ts), so the span's sales days are the opening
// count's date up to the day before the closing count's.
import type { CompanyScope } from '../db/company';
import { Decimal, fromScaled, MONEY_SCALE, roundToScale } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { companyCurrency, requireAnyLocation } from '../locations/location-sync';
import { addDays } from '../time/zoned-time';
import { salesByDay } from '../sales/sales-cache';
import type { FoodCost, FoodCostDay, FoodCostSpan } from '../../../shared/model/stock';

const money = (scaled: number) => fromScaled(scaled, MONEY_SCALE);

/** 1 unit of a currency in the company's currency, as the manager set it in Settings. */
export type ExchangeRates = Readonly<Record<string, string>>;

/** How a sales amount becomes the cost currency: 1 for one currency, the rate set, or null (no % then). */
function salesToCost(salesCurrency: string, costCurrency: string, rates: ExchangeRates): Decimal | null {
  if (salesCurrency === costCurrency) return new Decimal(1);
  const rate = rates[salesCurrency];
  return rate === undefined ? null : new Decimal(rate);
}

export async function foodCost(scope: CompanyScope, businessLocationId: string, from: string, to: string, rates: ExchangeRates = {}): Promise<FoodCost> {
  if (from > to) throw new DomainError('invalid_input', `The period must start before it ends (${from} to ${to}).`);
  const location = await requireAnyLocation(scope, businessLocationId);
  const costCurrency = await companyCurrency(scope) ?? location.currencyCode;
  const rate = salesToCost(location.currencyCode, costCurrency, rates);
  const pct = (cost: Decimal, sales: Decimal) => (rate === null || sales.isZero() ? null : roundToScale(cost.dividedBy(sales.times(rate)).times(100), 2).toFixed());

  // The period, the 30 days of the chart ending with it, and the counts' span around it.
  const chartFrom = addDays(to, -29);
  const counts = location.storageUnitId === null ? null : await countsAround(scope, location.storageUnitId, from, to);
  const start = [from, chartFrom, counts?.opening?.date ?? from].sort()[0] as string;
  const end = counts?.closing ? [to, counts.closing.date].sort()[1] as string : to;
  // Sold lines only, as a transfer counts them (positive, named, neither voided nor cancelled): the day sums.
  const sales = new Map((await salesByDay(scope.db, location.id, start, end)).map((row) => [row.date, row.sales]));
  const cost = new Map(
    (
      await scope.db
        .statement(
          `SELECT date, -sum(value) AS cost FROM ledger_day_totals WHERE company_id = ? AND business_location_id = ? AND type = 'ISSUE' AND date BETWEEN ? AND ?
           GROUP BY date`,
        )
        .all(scope.companyId, businessLocationId.trim(), start, end) as { date: string; cost: number }[]
    ).map((row) => [row.date, row.cost]),
  );
  const sum = (map: Map<string, number>, first: string, last: string) => money([...map].filter(([date]) => date >= first && date <= last).reduce((total, [, value]) => total + value, 0));

  const days: FoodCostDay[] = [];
  for (let date = chartFrom; date <= to; date = addDays(date, 1)) {
    const daySales = money(sales.get(date) ?? 0);
    const dayCost = money(cost.get(date) ?? 0);
    days.push({ date, sales: daySales.toFixed(), theoretical_cost: dayCost.toFixed(), theoretical_pct: pct(dayCost, daySales) });
  }

  let actual: FoodCostSpan | null = null;
  if (counts?.opening && counts.closing && location.storageUnitId !== null) {
    const spanFrom = counts.opening.date;
    const spanTo = addDays(counts.closing.date, -1);
    const spanSales = sum(sales, spanFrom, spanTo);
    const spanTheoretical = sum(cost, spanFrom, spanTo);
    const used = await actualCost(scope, location.storageUnitId, counts.opening.date, counts.closing.date);
    actual = {
      opening_count: counts.opening,
      closing_count: counts.closing,
      from: spanFrom,
      to: spanTo,
      sales: spanSales.toFixed(),
      theoretical_cost: spanTheoretical.toFixed(),
      theoretical_pct: pct(spanTheoretical, spanSales),
      actual_cost: used.toFixed(),
      actual_pct: pct(used, spanSales),
    };
  }
  const totalSales = sum(sales, from, to);
  const theoretical = sum(cost, from, to);
  return {
    location: location.name,
    from,
    to,
    currency: location.currencyCode,
    cost_currency: costCurrency,
    exchange_rate: rate !== null && location.currencyCode !== costCurrency ? rate.toFixed() : null,
    pct_note:
      rate === null
        ? `Sales are in ${location.currencyCode} and stock is valued in ${costCurrency}: set what 1 ${location.currencyCode} is in ${costCurrency} in Settings to see a food cost %.`
        : null,
    sales: totalSales.toFixed(),
    theoretical_cost: theoretical.toFixed(),
    theoretical_pct: pct(theoretical, totalSales),
    actual,
    actual_note: actual ? null : actualNote(location, counts, from, to),
    count_dates: counts?.nearest ?? [],
    days,
  };
}

type CountRef = { id: number; date: string };

/**
 * The finished counts of the storage unit that bracket the period (the last on or before `from`, the
 * first on or after `to`), and, where one is missing, the nearest on the other side to offer instead.
 */
async function countsAround(scope: CompanyScope, storageUnitId: number, from: string, to: string) {
  const count = async (sql: string, date: string) =>
    await scope.db.statement(`SELECT id, date FROM stock_counts WHERE storage_unit_id = ? AND status = 'finished' AND ${sql}`).get(storageUnitId, date) as CountRef | undefined;
  const opening = await count('date <= ? ORDER BY counted_at DESC LIMIT 1', from) ?? null;
  const closing = await count('date >= ? ORDER BY counted_at LIMIT 1', to) ?? null;
  if (opening && closing && opening.id !== closing.id) return { opening, closing, nearest: [] };
  // Inside the period: counts the manager could choose dates around instead.
  const inside = await scope.db
    .statement(`SELECT id, date FROM stock_counts WHERE storage_unit_id = ? AND status = 'finished' AND date > ? AND date < ? ORDER BY counted_at`)
    .all(storageUnitId, from, to) as CountRef[];
  const nearest = [opening, ...inside, closing].filter((each): each is CountRef => each !== null);
  return { opening: null, closing: null, nearest: [...new Set(nearest.map((each) => each.date))] };
}

function actualNote(location: { name: string; storageUnitId: number | null }, counts: Awaited<ReturnType<typeof countsAround>> | null, from: string, to: string): string {
  if (location.storageUnitId === null || counts === null) return `${location.name} has no storage unit linked, so there are no counts to compare.`;
  const offer = counts.nearest.length === 0 ? 'There is no finished count yet.' : `Finished counts: ${counts.nearest.join(', ')}; choose dates that start and end on one of them.`;
  return `The actual cost runs from count to count: it needs a finished count on or before ${from} and another on or after ${to}. ${offer}`;
}

/** Opening + receipts + moves in − moves out − closing of the storage unit, between two counts' dates. */
async function actualCost(scope: CompanyScope, storageUnitId: number, openingDate: string, closingDate: string): Promise<Decimal> {
  // A count's stock: every movement before its date and the non-sales movements of its date (count-restatement.ts).
  const valueAt = async (date: string) =>
    (await scope.db
      .statement(`SELECT coalesce(sum(value), 0) AS value FROM ledger_entries WHERE storage_unit_id = ? AND company_id = ? AND (date < ? OR (date = ? AND type <> 'ISSUE'))`)
      .get(storageUnitId, scope.companyId, date, date) as { value: number }).value;
  // Bought, or moved in from another storage unit (a move out is not used: it is still the company's).
  const cameIn = (await scope.db
    .statement(
      `SELECT coalesce(sum(value), 0) AS value FROM ledger_entries WHERE storage_unit_id = ? AND company_id = ? AND date > ? AND date <= ?
         AND (type = 'RECEIPT' OR (type = 'ADJUSTMENT' AND reference LIKE 'move:%'))`,
    )
    .get(storageUnitId, scope.companyId, openingDate, closingDate) as { value: number }).value;
  return money(await valueAt(openingDate) + cameIn - await valueAt(closingDate));
}
