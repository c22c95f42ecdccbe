// Which mapping a sales line uses. First by the POS's own item id where the line carries one (a Sides
// product id: a product renamed after the sync keeps deducting), then by SKU, to the synced item carrying a mapping — renaming a
// button in Lightspeed keeps its SKU, so deductions do not silently stop — then by exact name (the
// seed's rule). Items this location carries win over another location's item with the same SKU.
// Only the items of the location's own sales source count: a CSV till's code 1001 is not Lightspeed's.
import type { CompanyScope } from '../db/company';
import { type Decimal, fromScaled, QUANTITY_SCALE } from '../decimal/decimal';

export interface LineMapping {
  ingredientId: number | null;
  recipeId: number | null;
  quantity: Decimal;
  isSubtraction: boolean;
  targetType: 'ingredient' | 'recipe';
  targetName: string;
}

/** `locationId` may be 0 (a CSV file previewed before its locations exist): no item is then carried. */
export function mappingLookup(scope: CompanyScope, sourceId: number, locationId: number): (line: { itemId?: string | null; sku: string | null; name: string | null }) => LineMapping | null {
  const rows = scope.db
    .statement(
      `SELECT i.item_id AS itemId, i.sku, i.name, m.ingredient_id AS ingredientId, m.recipe_id AS recipeId, m.quantity, m.is_subtraction AS isSubtraction,
              m.mapped_object_type AS targetType, coalesce(g.name, r.name) AS targetName,
              EXISTS (SELECT 1 FROM pos_item_locations pl WHERE pl.pos_item_id = i.id AND pl.location_id = ?) AS carried
       FROM pos_mappings m JOIN pos_items i ON i.id = m.pos_item_id
       LEFT JOIN ingredients g ON g.id = m.ingredient_id LEFT JOIN recipes r ON r.id = m.recipe_id
       WHERE m.company_id = ? AND i.source_id = ? ORDER BY carried DESC, i.id`,
    )
    .all(locationId, scope.companyId, sourceId) as {
    itemId: string;
    sku: string | null;
    name: string;
    ingredientId: number | null;
    recipeId: number | null;
    quantity: number;
    isSubtraction: number;
    targetType: 'ingredient' | 'recipe';
    targetName: string;
  }[];
  const byItemId = new Map<string, LineMapping>();
  const bySku = new Map<string, LineMapping>();
  const byName = new Map<string, LineMapping>();
  for (const row of rows) {
    const mapping: LineMapping = {
      ingredientId: row.ingredientId,
      recipeId: row.recipeId,
      quantity: fromScaled(row.quantity, QUANTITY_SCALE),
      isSubtraction: row.isSubtraction === 1,
      targetType: row.targetType,
      targetName: row.targetName,
    };
    byItemId.set(row.itemId, mapping);
    if (row.sku && !bySku.has(row.sku)) bySku.set(row.sku, mapping);
    if (!byName.has(row.name)) byName.set(row.name, mapping);
  }
  return (line) =>
    (line.itemId ? byItemId.get(line.itemId) : undefined) ?? (line.sku ? bySku.get(line.sku) : undefined) ?? (line.name ? byName.get(line.name) : undefined) ?? null;
}
