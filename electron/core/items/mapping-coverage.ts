// How much of what a location sold its mappings cover, by net sales value over the last 30 business
// days of cached sales: "x of y items mapped" says nothing when the one unmapped item is the
// best-seller. The same rules as the transfer: sold lines only (positive, named, not voided), and the
// mapping each line would use (by SKU, then exact name).
import { addDays, dateInZone } from '../locations/zoned-time';
import type { CompanyScope } from '../db/company';
import { formatDecimal, fromScaled, MONEY_SCALE } from '../decimal/decimal';
import { listLocations } from '../locations/location-sync';
import type { Clock } from '../platform/platform';
import { mappingLookup } from '../transfer/mapping-lookup';

export const COVERAGE_DAYS = 30;

export interface LocationCoverage {
  businessLocationId: string;
  name: string;
  /** Net sales value of the sold lines, and of those a mapping covers, as decimal text. */
  salesValue: string;
  mappedValue: string;
  /** Whole percent of the sales value mapped; null without sales in the period. */
  percent: number | null;
}

/** Coverage of every activated location, each over its own last 30 closed business days. */
export function activatedCoverage(scope: CompanyScope, clock: Clock): LocationCoverage[] {
  const itemsSold = scope.db.sqlite.prepare(
    `SELECT nullif(i.sku, '') AS sku, i.name, sum(coalesce(l.net_amount, 0)) AS value
     FROM sales s JOIN sales_lines l ON l.sale_id = s.id JOIN sold_items i ON i.id = l.sold_item_id
     WHERE s.location_id = ? AND s.business_date BETWEEN ? AND ? AND l.quantity > 0 AND trim(i.name) <> ''
       AND s.type <> 'VOID' AND s.cancelled = 0
     GROUP BY l.sold_item_id`,
  );
  return listLocations(scope)
    .filter((location) => location.activatedAt !== null)
    .map((location) => {
      const yesterday = addDays(dateInZone(clock.now(), location.timezone), -1);
      const mappingFor = mappingLookup(scope, location.sourceId, location.id);
      let total = 0;
      let mapped = 0;
      for (const item of itemsSold.all(location.id, addDays(yesterday, -(COVERAGE_DAYS - 1)), yesterday) as { sku: string | null; name: string; value: number }[]) {
        total += item.value;
        if (mappingFor(item)) mapped += item.value;
      }
      return {
        businessLocationId: location.businessLocationId,
        name: location.name,
        salesValue: formatDecimal(fromScaled(total, MONEY_SCALE)),
        mappedValue: formatDecimal(fromScaled(mapped, MONEY_SCALE)),
        percent: total > 0 ? Math.floor((mapped / total) * 100) : null,
      };
    });
}
