// Which mapping a sales line uses. A line belongs to a group (one dish across a source's businesses and
// locations, and other sources' items a person linked to it: see items/mappings.ts); the location's
// override of the group's mapping wins, then the group's. The line's group is found among its own
// source's items: first through the POS's own item id where the line carries one (a Sides product
// renamed after the sync keeps deducting), then by its SKU — renaming a button in Lightspeed keeps its
// SKU, so deductions do not silently stop — then by its exact name (the seed's rule), the location's
// own items first. Another till's item with the same code is another dish.
import type { CompanyScope } from '../db/company';
import { type Decimal, fromScaled, QUANTITY_SCALE } from '../decimal/decimal';
import { itemMappedAtSql } from './mappings';
import { requirePerBase, unitBooks } from '../inventory/units';

export interface LineMapping {
  ingredientId: number | null;
  recipeId: number | null;
  quantity: Decimal;
  isSubtraction: boolean;
  targetType: 'ingredient' | 'recipe';
  targetName: string;
}

/** `locationId` may be 0 (a CSV file previewed before its locations exist): no override or carried item then. */
export async function mappingLookup(scope: CompanyScope, sourceId: number, locationId: number): Promise<(line: { itemId?: string | null; sku: string | null; name: string | null }) => LineMapping | null> {
  const mappings = await scope.db
    .statement(
      `SELECT m.group_key AS groupKey, m.location_id AS locationId, m.ingredient_id AS ingredientId, m.recipe_id AS recipeId, m.quantity, m.unit,
              m.is_subtraction AS isSubtraction, m.mapped_object_type AS targetType, coalesce(g.name, r.name) AS targetName
       FROM pos_mappings m LEFT JOIN ingredients g ON g.id = m.ingredient_id LEFT JOIN recipes r ON r.id = m.recipe_id
       WHERE m.company_id = ? AND (m.location_id IS NULL OR m.location_id = ?) ORDER BY m.location_id IS NULL`,
    )
    .all(scope.companyId, locationId) as {
    groupKey: string;
    ingredientId: number | null;
    recipeId: number | null;
    quantity: number;
    unit: string | null;
    isSubtraction: number;
    targetType: 'ingredient' | 'recipe';
    targetName: string;
  }[];
  // A quantity typed in another unit (9 g of a kilogram ingredient) deducts its exact base equivalent.
  const books = mappings.some((row) => row.unit !== null) ? await unitBooks(scope) : null;
  const baseQuantity = (row: (typeof mappings)[number]) => {
    const typed = fromScaled(row.quantity, QUANTITY_SCALE);
    const book = row.unit === null || row.ingredientId === null ? undefined : books?.get(row.ingredientId);
    return book && row.unit !== null ? typed.times(requirePerBase(book, row.unit)) : typed;
  };
  // Overrides come first, so the first mapping seen for a group is the one this location uses.
  const byGroup = new Map<string, LineMapping>();
  for (const row of mappings) {
    if (byGroup.has(row.groupKey)) continue;
    byGroup.set(row.groupKey, {
      ingredientId: row.ingredientId,
      recipeId: row.recipeId,
      quantity: baseQuantity(row),
      isSubtraction: row.isSubtraction === 1,
      targetType: row.targetType,
      targetName: row.targetName,
    });
  }
  // Only the source's mapped items matter: an unmapped item's group leads nowhere.
  const items = await scope.db
    .statement(
      `SELECT i.item_id AS itemId, i.name, i.sku, i.group_key AS groupKey FROM pos_items i
       WHERE i.company_id = ? AND i.source_id = ? AND ${itemMappedAtSql('i.id', '?')}
       ORDER BY EXISTS (SELECT 1 FROM pos_item_locations pl WHERE pl.pos_item_id = i.id AND pl.location_id = ?) DESC, i.id`,
    )
    .all(scope.companyId, sourceId, locationId, locationId) as { itemId: string; name: string; sku: string | null; groupKey: string }[];
  const byItemId = new Map<string, LineMapping>();
  const bySku = new Map<string, LineMapping>();
  const byName = new Map<string, LineMapping>();
  for (const item of items) {
    const mapping = byGroup.get(item.groupKey) as LineMapping;
    byItemId.set(item.itemId, mapping);
    if (item.sku && !bySku.has(item.sku)) bySku.set(item.sku, mapping);
    if (!byName.has(item.name)) byName.set(item.name, mapping);
  }
  return (line) => (line.itemId ? byItemId.get(line.itemId) : undefined) ?? (line.sku ? bySku.get(line.sku) : undefined) ?? (line.name ? byName.get(line.name) : undefined) ?? null;
}
