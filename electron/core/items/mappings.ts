// What a POS item deducts when sold: one ingredient or one recipe, a quantity per sale, and whether
// the mapping subtracts (stock comes back, for reversals and corrections).
import { and, eq } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { posItems, posMappings, salesSources } from '../db/schema';
import { findSalesSource } from '../sources/sales-sources';
import { formatScaled, parseDecimal, QUANTITY_SCALE, toScaled } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { requireIngredient } from '../inventory/ingredients';
import { requireRecipe } from '../inventory/recipes';
import type { MappingView } from '../../../shared/model/items';

export type PosItem = typeof posItems.$inferSelect;

/**
 * An item named by its id (a Lightspeed item id, a CSV code), its SKU or its exact name, in that
 * order; within one sales source when `sourceName` says which. Two items of the same rank (the same
 * code in two sources, say) are item_ambiguous: the caller names the source.
 */
export function resolveItem(scope: CompanyScope, reference: string, sourceName?: string): PosItem {
  const text = reference.trim();
  let sourceId: number | undefined;
  if (sourceName !== undefined) {
    const source = findSalesSource(scope, sourceName.trim());
    if (!source) throw new DomainError('sales_source_not_found', `There is no sales source named "${sourceName}".`);
    sourceId = source.id;
  }
  const inScope = and(eq(posItems.companyId, scope.companyId), sourceId === undefined ? undefined : eq(posItems.sourceId, sourceId));
  for (const column of [posItems.itemId, posItems.sku, posItems.name]) {
    const found = scope.db.orm
      .select({ item: posItems, source: salesSources.name })
      .from(posItems)
      .innerJoin(salesSources, eq(salesSources.id, posItems.sourceId))
      .where(and(inScope, eq(column, text)))
      .all();
    if (found.length > 1) {
      const sources = new Set(found.map((match) => match.source));
      throw new DomainError(
        'item_ambiguous',
        `${found.length} items match "${text}": ${found.map(({ item, source }) => `${item.name} (${item.itemId}, ${source})`).join(', ')}.` +
          (sources.size > 1 ? ' Say which source with --source.' : ''),
      );
    }
    if (found[0]) return found[0].item;
  }
  throw new DomainError('item_not_found', `No POS item has the id, code, SKU or name "${text}"${sourceName === undefined ? '' : ` in ${sourceName}`}.`);
}

export interface MappingInput {
  posItemId: number;
  target: { ingredientId: number } | { recipeId: number };
  quantity: string;
  isSubtraction: boolean;
}

function requireOwnItem(scope: CompanyScope, posItemId: number): PosItem {
  const item = scope.db.orm.select().from(posItems).where(eq(posItems.id, posItemId)).get();
  if (!item) throw new DomainError('item_not_found', `No synced item with id ${posItemId}.`);
  if (item.companyId !== scope.companyId) throw new DomainError('unauthorized_company_access', 'That item belongs to another company.');
  return item;
}

/** Saving again replaces the item's mapping. */
export function saveMapping(scope: CompanyScope, input: MappingInput, at: string): MappingView {
  const quantity = parseDecimal(input.quantity, 'invalid_quantity', 'Mapping quantity');
  if (!quantity.greaterThan(0)) throw new DomainError('invalid_quantity', 'A mapping quantity must be above 0.');
  const stored = toScaled(quantity, QUANTITY_SCALE, 'invalid_quantity', 'Mapping quantity');
  return scope.db.write(() => {
    requireOwnItem(scope, input.posItemId);
    const isRecipe = 'recipeId' in input.target;
    if ('recipeId' in input.target) requireRecipe(scope, input.target.recipeId);
    else requireIngredient(scope, input.target.ingredientId);
    const values = {
      mappedObjectType: isRecipe ? ('recipe' as const) : ('ingredient' as const),
      ingredientId: 'ingredientId' in input.target ? input.target.ingredientId : null,
      recipeId: 'recipeId' in input.target ? input.target.recipeId : null,
      quantity: stored,
      isSubtraction: input.isSubtraction,
      updatedAt: at,
    };
    scope.db.orm
      .insert(posMappings)
      .values({ companyId: scope.companyId, posItemId: input.posItemId, ...values })
      .onConflictDoUpdate({ target: posMappings.posItemId, set: values })
      .run();
    return mappingOf(scope, input.posItemId) as MappingView;
  });
}

export function deleteMapping(scope: CompanyScope, posItemId: number): void {
  scope.db.write(() => {
    requireOwnItem(scope, posItemId);
    scope.db.orm.delete(posMappings).where(eq(posMappings.posItemId, posItemId)).run();
  });
}

const MAPPING_SELECT = `SELECT i.item_id AS itemId, i.name AS itemName, m.mapped_object_type AS mappedObjectType,
       coalesce(m.ingredient_id, m.recipe_id) AS mappedObjectId, coalesce(g.name, r.name) AS mappedObjectName,
       m.quantity, m.is_subtraction AS isSubtraction
  FROM pos_mappings m JOIN pos_items i ON i.id = m.pos_item_id
  LEFT JOIN ingredients g ON g.id = m.ingredient_id LEFT JOIN recipes r ON r.id = m.recipe_id`;

type MappingRow = Omit<MappingView, 'quantity' | 'isSubtraction'> & { quantity: number; isSubtraction: number };
const view = (row: MappingRow): MappingView => ({ ...row, quantity: formatScaled(row.quantity, QUANTITY_SCALE), isSubtraction: row.isSubtraction === 1 });

export function mappingOf(scope: CompanyScope, posItemId: number): MappingView | null {
  const row = scope.db.sqlite.prepare(`${MAPPING_SELECT} WHERE m.company_id = ? AND m.pos_item_id = ?`).get(scope.companyId, posItemId) as MappingRow | undefined;
  return row ? view(row) : null;
}

export function listMappings(scope: CompanyScope): MappingView[] {
  return (scope.db.sqlite.prepare(`${MAPPING_SELECT} WHERE m.company_id = ? ORDER BY i.name`).all(scope.companyId) as MappingRow[]).map(view);
}
