// POS items as every source's sync saves them (Lightspeed's from lightspeed/lightspeed-sync.ts, Sides'
// products, a CSV file's codes): deduplicated by item id, with the locations that carry each, in one
// transaction; and the item list the screens read.
import { inArray } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { posItemLocations, posItems } from '../db/schema';
import { formatScaled, MONEY_SCALE } from '../decimal/decimal';
import type { PosItemView } from '../../../shared/model/items';
import { noteRenames } from './item-renames';
import { itemMappedSql } from './mappings';
import { targetView } from './mapping-target';

/** A polled source's item as its sync saw it; `price` at the money scale. */
export interface SeenItem {
  itemId: string;
  name: string;
  sku: string | null;
  active: boolean;
  /** Lightspeed's `disabled` (stock management off there); false where a source has no such flag. */
  stockUntracked?: boolean;
  price: number | null;
  locationIds: number[];
}

/**
 * A polled source's items as one sync saw them at `syncedLocationIds`, in one transaction: added or
 * updated by item id, with the locations that carry each. `missingInactive` marks the source's items
 * the sync did not see inactive (Sides: a product gone is kept, inactive, never deleted).
 */
export async function savePolledItems(scope: CompanyScope, sourceId: number, items: SeenItem[], syncedLocationIds: number[], at: string, missingInactive = false): Promise<void> {
  await scope.db.write(async () => {
    await noteRenames(scope, sourceId, items, at);
    await scope.db.exec(scope.db.orm.delete(posItemLocations).where(inArray(posItemLocations.locationId, syncedLocationIds)));
    for (const { itemId, locationIds, ...seen } of items) {
      const values = { ...seen, lastSyncedAt: at };
      const { id } = await scope.db.one(scope.db.orm
        .insert(posItems)
        .values({ companyId: scope.companyId, sourceId, itemId, ...values })
        .onConflictDoUpdate({ target: [posItems.companyId, posItems.sourceId, posItems.itemId], set: values })
        .returning({ id: posItems.id }));
      if (locationIds.length > 0) {
        await scope.db.exec(scope.db.orm
          .insert(posItemLocations)
          .values(locationIds.map((locationId) => ({ posItemId: id, locationId }))));
      }
    }
    if (missingInactive) {
      await scope.db
        .statement('UPDATE pos_items SET active = FALSE WHERE source_id = ? AND item_id NOT IN (SELECT value FROM json_each(?))')
        .run(sourceId, JSON.stringify(items.map((item) => item.itemId)));
    }
  });
}

/** The names of the company's items among `ids`, by id. */
export async function itemNames(scope: CompanyScope, ids: readonly number[]): Promise<Map<number, string>> {
  const rows = await scope.db
    .statement('SELECT id, name FROM pos_items WHERE company_id = ? AND id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))')
    .all(scope.companyId, JSON.stringify(ids)) as { id: number; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every source's items, by name; `source` keeps one source's (by its name). */
export async function listItems(scope: CompanyScope, filter: { unmapped?: boolean; source?: string | undefined } = {}): Promise<PosItemView[]> {
  const target = (alias: string, more = '') =>
    `json_object('type', ${alias}.mapped_object_type, 'name', (SELECT name FROM ingredients WHERE id = ${alias}.ingredient_id UNION ALL SELECT name FROM recipes WHERE id = ${alias}.recipe_id),
                 'quantity', ${alias}.quantity, 'unit', ${alias}.unit, 'isSubtraction', ${alias}.is_subtraction${more})`;
  const rows = await scope.db.statement(
      `SELECT i.id, i.item_id AS itemId, i.name, i.sku, i.active, i.stock_untracked AS stockUntracked, i.price, i.last_synced_at AS lastSyncedAt, src.name AS source, src.kind AS sourceKind, i.group_key AS groupKey,
              i.linked_group IS NOT NULL AS linked,
              (SELECT json_group_array(l.business_location_id) FROM pos_item_locations pl JOIN locations l ON l.id = pl.location_id
               WHERE pl.pos_item_id = i.id) AS locations,
              (SELECT ${target('m')} FROM pos_mappings m WHERE m.company_id = i.company_id AND m.group_key = i.group_key AND m.location_id IS NULL) AS mapping,
              (SELECT json_group_array(${target('o', ", 'location', l.business_location_id")})
               FROM pos_mappings o JOIN locations l ON l.id = o.location_id WHERE o.company_id = i.company_id AND o.group_key = i.group_key) AS overrides
       FROM pos_items i JOIN sales_sources src ON src.id = i.source_id
       WHERE i.company_id = @company ${filter.unmapped ? `AND NOT ${itemMappedSql('i')}` : ''} ${filter.source === undefined ? '' : 'AND src.name = @source'}
       ORDER BY i.name, i.item_id, i.id`,
    )
    .all({ company: scope.companyId, source: filter.source?.trim() }) as (Omit<PosItemView, 'active' | 'stockUntracked' | 'linked' | 'price' | 'locations' | 'mapping' | 'overrides'> & {
    active: number;
    stockUntracked: number;
    linked: number;
    price: number | null;
    locations: string | null;
    mapping: string | null;
    overrides: string | null;
  })[];
  type Stored = { type: 'ingredient' | 'recipe'; name: string; quantity: number; unit: string | null; isSubtraction: number };
  return rows.map(({ mapping, overrides, ...row }) => ({
    ...row,
    active: row.active === 1,
    stockUntracked: row.stockUntracked === 1,
    linked: row.linked === 1,
    price: row.price === null ? null : formatScaled(row.price, MONEY_SCALE),
    locations: (JSON.parse(row.locations ?? '[]') as string[]).sort(),
    mapping: mapping === null ? null : targetView(JSON.parse(mapping) as Stored),
    overrides: (JSON.parse(overrides ?? '[]') as (Stored & { location: string })[]).map(targetView).sort((a, b) => a.location.localeCompare(b.location)),
  }));
}

/**
 * The codes a pushed source (a CSV profile) sold become its POS items, to list and map like synced
 * ones: item id and SKU the code, the name the file gave it (the code when it gave none). A name the
 * file gives later replaces the code; a name already known stays.
 */
/** A source's items by the POS's own id (a CSV source's: the code as first written). */
export async function sourceItemIds(scope: CompanyScope, sourceId: number): Promise<string[]> {
  return await scope.db.statement('SELECT item_id FROM pos_items WHERE company_id = ? AND source_id = ? ORDER BY id DESC').pluck().all(scope.companyId, sourceId) as string[];
}

export async function recordSourceCodes(scope: CompanyScope, sourceId: number, codes: Map<string, { name: string | null; locationIds: number[] }>, at: string): Promise<void> {
  const upsert = scope.db.statement(
    `INSERT INTO pos_items (company_id, source_id, item_id, name, sku, active, price, last_synced_at) VALUES (?, ?, ?, ?, ?, TRUE, NULL, ?)
     ON CONFLICT (company_id, source_id, item_id) DO UPDATE SET last_synced_at = excluded.last_synced_at,
       name = CASE WHEN pos_items.name = pos_items.item_id THEN excluded.name ELSE pos_items.name END
     RETURNING id`,
  );
  const carry = scope.db.statement('INSERT INTO pos_item_locations (pos_item_id, location_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
  await scope.db.write(async () => {
    for (const [code, { name, locationIds }] of codes) {
      const { id } = await upsert.get(scope.companyId, sourceId, code, name ?? code, code, at) as { id: number };
      for (const locationId of locationIds) await carry.run(id, locationId);
    }
  });
}
