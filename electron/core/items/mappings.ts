// What a POS item deducts when sold: one ingredient or one recipe, a quantity per sale, and whether
// the mapping subtracts (stock comes back, for reversals and corrections).
import { and, eq } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { posItems, posMappings } from '../db/schema';
import { formatScaled, parseDecimal, QUANTITY_SCALE, toScaled } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { requireIngredient } from '../inventory/ingredients';
import { requireRecipe } from '../inventory/recipes';
import type { MappingView } from '../../../shared/model/items';

export type PosItem = typeof posItems.$inferSelect;

/** An item named by its Lightspeed id, its SKU or its exact name, in that order. */
export function resolveItem(scope: CompanyScope, reference: string): PosItem {
  const text = reference.trim();
  const byId = scope.db.orm.select().from(posItems).where(and(eq(posItems.companyId, scope.companyId), eq(posItems.itemId, text))).get();
  if (byId) return byId;
  for (const column of [posItems.sku, posItems.name]) {
    const found = scope.db.orm.select().from(posItems).where(and(eq(posItems.companyId, scope.companyId), eq(column, text))).all();
    if (found.length > 1) {
      throw new DomainError('item_ambiguous', `${found.length} items match "${text}": ${found.map((item) => `${item.name} (${item.itemId})`).join(', ')}.`);
    }
    if (found[0]) return found[0];
  }
  throw new DomainError('item_not_found', `No synced item has the id, SKU or name "${text}".`);
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
