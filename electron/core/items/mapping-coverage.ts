// How much of what a location sold its mappings cover, by net sales value over the last 30 business
// days of cached sales: "x of y items mapped" says nothing when the one unmapped item is the
// best-seller. The same rules as the transfer: sold lines only (positive, named, not voided), and the
// mapping each line would use (transfer/mapping-lookup.ts).
import { addDays, yesterdayIn } from '../time/zoned-time';
import type { CompanyScope } from '../db/company';
import { formatDecimal, fromScaled, MONEY_SCALE } from '../decimal/decimal';
import { listLocations, type Location } from '../locations/location-sync';
import type { Clock } from '../clock';
import { itemMappedSql } from './mappings';
import { mappingLookup } from './mapping-lookup';
import { itemsSold } from '../sales/sales-cache';
import type { LocationCoverageView } from '../../../shared/model/items';
import { inOrder } from '../in-order';

export const COVERAGE_DAYS = 30;

export type LocationCoverage = LocationCoverageView;

/** What the location sold of each item over its last 30 closed business days (the day sums). */
async function soldLastDays(scope: CompanyScope, location: Location, clock: Clock) {
  const yesterday = yesterdayIn(location.timezone, clock.now());
  return await itemsSold(scope.db, location.id, addDays(yesterday, -(COVERAGE_DAYS - 1)), yesterday);
}

/** Coverage of every activated location, each over its own last 30 closed business days. */
export async function activatedCoverage(scope: CompanyScope, clock: Clock): Promise<LocationCoverage[]> {
  return await inOrder(
    (await listLocations(scope)).filter((location) => location.activatedAt !== null),
    async (location) => {
      const mappingFor = await mappingLookup(scope, location.sourceId, location.id);
      let total = 0;
      let mapped = 0;
      let lines = 0;
      let mappedLines = 0;
      for (const item of await soldLastDays(scope, location, clock)) {
        total += item.value;
        lines += item.lines;
        if (!mappingFor(item)) continue;
        mapped += item.value;
        mappedLines += item.lines;
      }
      return {
        businessLocationId: location.businessLocationId,
        name: location.name,
        currencyCode: location.currencyCode,
        lines,
        mappedLines,
        salesValue: formatDecimal(fromScaled(total, MONEY_SCALE)),
        mappedValue: formatDecimal(fromScaled(mapped, MONEY_SCALE)),
        // Floored: 99.6 % mapped is not "100 %" while something still deducts nothing.
        percentLines: lines > 0 ? Math.floor((mappedLines / lines) * 100) : null,
        percentValue: total > 0 ? Math.floor((mapped / total) * 100) : null,
      };
    });
}

export interface RankedItem {
  posItemId: number;
  /** Over the last 30 closed business days of every location that sold it: quantity and money scales. */
  units: number;
  value: number;
}

/**
 * The unmapped work list's order: what each unmapped item sold over the last 30 closed business days
 * of every location (matched as a transfer matches: POS item id, then SKU, then exact name, among the
 * location's own source's items), highest net sales value first, then units.
 */
export async function rankUnmapped(scope: CompanyScope, clock: Clock): Promise<RankedItem[]> {
  const unmapped = await scope.db.statement(`SELECT i.id, i.source_id AS sourceId, i.item_id AS itemId, i.sku, i.name FROM pos_items i WHERE i.company_id = ? AND NOT ${itemMappedSql('i')}`)
    .all(scope.companyId) as { id: number; sourceId: number; itemId: string; sku: string | null; name: string }[];
  const bySource = new Map<number, { byItemId: Map<string, number>; bySku: Map<string, number>; byName: Map<string, number> }>();
  for (const item of unmapped) {
    let maps = bySource.get(item.sourceId);
    if (!maps) bySource.set(item.sourceId, (maps = { byItemId: new Map(), bySku: new Map(), byName: new Map() }));
    maps.byItemId.set(item.itemId, item.id);
    if (item.sku && !maps.bySku.has(item.sku)) maps.bySku.set(item.sku, item.id);
    if (!maps.byName.has(item.name)) maps.byName.set(item.name, item.id);
  }
  const totals = new Map<number, RankedItem>();
  for (const location of await listLocations(scope)) {
    const maps = bySource.get(location.sourceId);
    if (!maps) continue;
    for (const sold of await soldLastDays(scope, location, clock)) {
      const id = (sold.itemId ? maps.byItemId.get(sold.itemId) : undefined) ?? (sold.sku ? maps.bySku.get(sold.sku) : undefined) ?? maps.byName.get(sold.name);
      if (id === undefined) continue;
      const total = totals.get(id) ?? { posItemId: id, units: 0, value: 0 };
      total.units += sold.units;
      total.value += sold.value;
      totals.set(id, total);
    }
  }
  return [...totals.values()].sort((a, b) => b.value - a.value || b.units - a.units || a.posItemId - b.posItemId);
}
