// What a POS item deducts when sold: one ingredient or one recipe, a quantity per sale, and whether
// the mapping subtracts (stock comes back, for reversals and corrections). A mapping belongs to the
// item's group — the same dish sold by a source's businesses and locations, known by its SKU (a CSV
// code) or, without one, its exact name, and the other sources' items a person linked to it — so a
// menu is mapped once; a location may override it.
import { notAboveZero } from '../../../shared/decimal-text';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { posItems, posMappings, salesSources } from '../db/schema';
import { findSalesSource } from '../sources/sales-sources';
import { parseDecimal, QUANTITY_SCALE, toScaled } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { requireIngredient } from '../inventory/ingredients';
import { requireRecipe } from '../inventory/recipes';
import { keptUnit, splitQuantity, unitBook } from '../inventory/units';
import { requireAnyLocation } from '../locations/location-sync';
import { resolveRenames } from './item-renames';
import { targetView } from './mapping-target';
import type { MappingView } from '../../../shared/model/items';
import { inOrder } from '../in-order';

export type PosItem = typeof posItems.$inferSelect;

/**
 * SQL saying the item `alias` is mapped: its group has a mapping, or every location carrying it has an
 * override. The one definition of "mapped" every list and count uses.
 */
export function itemMappedSql(alias: string): string {
  return `(EXISTS (SELECT 1 FROM pos_mappings gm WHERE gm.company_id = ${alias}.company_id AND gm.group_key = ${alias}.group_key AND gm.location_id IS NULL)
    OR (EXISTS (SELECT 1 FROM pos_item_locations cl WHERE cl.pos_item_id = ${alias}.id)
      AND NOT EXISTS (SELECT 1 FROM pos_item_locations cl WHERE cl.pos_item_id = ${alias}.id
        AND NOT EXISTS (SELECT 1 FROM pos_mappings om WHERE om.company_id = ${alias}.company_id AND om.group_key = ${alias}.group_key AND om.location_id = cl.location_id))))`;
}

/** SQL saying the item with row id `itemId` is mapped at the location with row id `locationId` (an override there, or its group's mapping). */
export function itemMappedAtSql(itemId: string, locationId: string): string {
  return `EXISTS (SELECT 1 FROM pos_items mi JOIN pos_mappings mm ON mm.company_id = mi.company_id AND mm.group_key = mi.group_key
    WHERE mi.id = ${itemId} AND (mm.location_id IS NULL OR mm.location_id = ${locationId}))`;
}

/**
 * An item named by its id (a Lightspeed item id, a CSV code), its SKU or its exact name, in that
 * order; within one sales source when `sourceName` says which. Two items of the same rank (the same
 * code in two sources, say) are item_ambiguous: the caller names the source.
 */
export async function resolveItem(scope: CompanyScope, reference: string, sourceName?: string): Promise<PosItem> {
  const text = reference.trim();
  let sourceId: number | undefined;
  if (sourceName !== undefined) {
    const source = await findSalesSource(scope, sourceName.trim());
    if (!source) throw new DomainError('sales_source_not_found', `There is no sales source named "${sourceName}".`);
    sourceId = source.id;
  }
  const inScope = and(eq(posItems.companyId, scope.companyId), sourceId === undefined ? undefined : eq(posItems.sourceId, sourceId));
  for (const column of [posItems.itemId, posItems.sku, posItems.name]) {
    const found = await scope.db.many(scope.db.orm
      .select({ item: posItems, source: salesSources.name })
      .from(posItems)
      .innerJoin(salesSources, eq(salesSources.id, posItems.sourceId))
      .where(and(inScope, eq(column, text)))
      .orderBy(posItems.sourceId, posItems.itemId));
    // Several items of one group are one dish: mapping any of them maps the group.
    if (found.length > 1 && new Set(found.map(({ item }) => item.groupKey)).size > 1) {
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
  /** A location's POS id: the mapping overrides the group's there. Absent: the group's mapping. */
  location?: string | undefined;
}

async function requireOwnItem(scope: CompanyScope, posItemId: number): Promise<PosItem> {
  const item = await scope.db.one(scope.db.orm.select().from(posItems).where(eq(posItems.id, posItemId)));
  if (!item) throw new DomainError('item_not_found', `No synced item with id ${posItemId}.`);
  if (item.companyId !== scope.companyId) throw new DomainError('unauthorized_company_access', 'That item belongs to another company.');
  return item;
}

const atLocation = (locationId: number | null) => (locationId === null ? isNull(posMappings.locationId) : eq(posMappings.locationId, locationId));

/** Saving again replaces the group's mapping (or the location's override); open renames in the group are then resolved. */
export async function saveMapping(scope: CompanyScope, input: MappingInput, at: string): Promise<MappingView> {
  return (await saveMappings(scope, [input], at))[0] as MappingView;
}

/** Many mappings in one transaction: all are saved, or none (the first refusal says which item). */
export async function saveMappings(scope: CompanyScope, inputs: MappingInput[], at: string): Promise<MappingView[]> {
  const checked = inputs.map((input) => {
    const typed = splitQuantity(input.quantity);
    const quantity = parseDecimal(typed.number, 'invalid_quantity', 'Mapping quantity');
    if (!quantity.greaterThan(0)) throw new DomainError('invalid_quantity', `${notAboveZero('Mapping quantity')}.`);
    return { ...input, typedUnit: typed.unit, stored: toScaled(quantity, QUANTITY_SCALE, 'invalid_quantity', 'Mapping quantity') };
  });
  return await scope.db.write(() =>
    inOrder(checked, async (input) => {
      const item = await requireOwnItem(scope, input.posItemId);
      const locationId = input.location === undefined ? null : (await requireAnyLocation(scope, input.location)).id;
      if ('recipeId' in input.target) await requireRecipe(scope, input.target.recipeId);
      else await requireIngredient(scope, input.target.ingredientId);
      const values = {
        unit: await mappingUnit(scope, input.target, input.typedUnit),
        mappedObjectType: 'recipeId' in input.target ? ('recipe' as const) : ('ingredient' as const),
        ingredientId: 'ingredientId' in input.target ? input.target.ingredientId : null,
        recipeId: 'recipeId' in input.target ? input.target.recipeId : null,
        quantity: input.stored,
        isSubtraction: input.isSubtraction,
        updatedAt: at,
      };
      // Two partial unique indexes (the group's, the overrides) hold one of each; ON CONFLICT cannot name either.
      const where = and(eq(posMappings.companyId, scope.companyId), eq(posMappings.groupKey, item.groupKey), atLocation(locationId));
      const existing = await scope.db.one(scope.db.orm.select({ id: posMappings.id }).from(posMappings).where(where));
      if (existing) await scope.db.exec(scope.db.orm.update(posMappings).set(values).where(eq(posMappings.id, existing.id)));
      else await scope.db.exec(scope.db.orm.insert(posMappings).values({ companyId: scope.companyId, groupKey: item.groupKey, locationId, ...values }));
      await resolveRenames(scope, item.groupKey, at);
      return await mappingOf(scope, item.id, locationId) as MappingView;
    }),
  );
}

/** Removes the group's mapping, or with `location` only that location's override. */
export async function deleteMapping(scope: CompanyScope, posItemId: number, location?: string): Promise<void> {
  await scope.db.write(async () => {
    const item = await requireOwnItem(scope, posItemId);
    const locationId = location === undefined ? null : (await requireAnyLocation(scope, location)).id;
    await scope.db.exec(scope.db.orm
      .delete(posMappings)
      .where(and(eq(posMappings.companyId, scope.companyId), eq(posMappings.groupKey, item.groupKey), atLocation(locationId))));
  });
}

const MAPPING_SELECT = `SELECT i.item_id AS itemId, i.name AS itemName, i.group_key AS groupKey, l.business_location_id AS location,
       m.mapped_object_type AS mappedObjectType, coalesce(m.ingredient_id, m.recipe_id) AS mappedObjectId,
       coalesce(g.name, r.name) AS mappedObjectName, m.quantity, m.unit, m.is_subtraction AS isSubtraction
  FROM pos_items i JOIN pos_mappings m ON m.company_id = i.company_id AND m.group_key = i.group_key
  LEFT JOIN locations l ON l.id = m.location_id
  LEFT JOIN ingredients g ON g.id = m.ingredient_id LEFT JOIN recipes r ON r.id = m.recipe_id`;

type MappingRow = Omit<MappingView, 'quantity' | 'isSubtraction'> & { quantity: number; isSubtraction: number };

/**
 * The unit a mapping's quantity was typed in, kept (converted when a sale is deducted): 9 g of a
 * kilogram ingredient. Null for the base unit; a recipe mapping counts portions and takes none.
 */
async function mappingUnit(scope: CompanyScope, target: MappingInput['target'], typed: string | null): Promise<string | null> {
  if (typed === null) return null;
  if ('recipeId' in target) throw new DomainError('invalid_input', 'A recipe mapping counts portions of the recipe, without a unit.');
  return keptUnit(await unitBook(scope, target.ingredientId), typed);
}
const view = (row: MappingRow): MappingView => targetView(row);

/** The item's group mapping, or (with a location row id) that location's override. */
export async function mappingOf(scope: CompanyScope, posItemId: number, locationId: number | null = null): Promise<MappingView | null> {
  const row = await scope.db.statement(`${MAPPING_SELECT} WHERE i.company_id = ? AND i.id = ? AND coalesce(m.location_id, 0) = ?`)
    .get(scope.companyId, posItemId, locationId ?? 0) as MappingRow | undefined;
  return row ? view(row) : null;
}

/**
 * A person says `others` are the same dish as `item` (another till's code for it): their groups join
 * the item's and deduct what it deducts. Where the item's group has no mapping yet, a joining group's
 * own mapping and overrides come with it; otherwise the item's win and the joining group's go.
 * Answers the item's mapping after the link.
 */
export async function linkItems(scope: CompanyScope, posItemId: number, otherIds: readonly number[]): Promise<MappingView | null> {
  return await scope.db.write(async () => {
    const item = await requireOwnItem(scope, posItemId);
    for (const otherId of otherIds) {
      const other = await requireOwnItem(scope, otherId);
      if (other.groupKey === item.groupKey) continue;
      const mapped = scope.db.statement('SELECT location_id AS locationId FROM pos_mappings WHERE company_id = ? AND group_key = ?');
      const theirs = await mapped.all(scope.companyId, other.groupKey) as { locationId: number | null }[];
      const ours = new Set((await mapped.all(scope.companyId, item.groupKey) as { locationId: number | null }[]).map((row) => row.locationId ?? 0));
      for (const { locationId } of theirs) {
        const at = eq(posMappings.groupKey, other.groupKey);
        const where = and(eq(posMappings.companyId, scope.companyId), at, atLocation(locationId));
        if (ours.has(locationId ?? 0)) await scope.db.exec(scope.db.orm.delete(posMappings).where(where));
        else await scope.db.exec(scope.db.orm.update(posMappings).set({ groupKey: item.groupKey }).where(where));
      }
      await scope.db.exec(scope.db.orm
        .update(posItems)
        .set({ linkedGroup: item.groupKey })
        .where(and(eq(posItems.companyId, scope.companyId), eq(posItems.groupKey, other.groupKey))));
    }
    return await mappingOf(scope, posItemId);
  });
}

/**
 * An item linked to another source's dish becomes a dish of its own again, with the items of its own
 * source that share its code or name, keeping the mapping it deducted by (a copy of the group's).
 */
export async function unlinkItem(scope: CompanyScope, posItemId: number): Promise<MappingView | null> {
  return await scope.db.write(async () => {
    const item = await requireOwnItem(scope, posItemId);
    if (!item.linkedGroup) throw new DomainError('invalid_input', `${item.name} is not linked to another till's item.`);
    const before = item.groupKey;
    const sameCode = item.sku ? eq(posItems.sku, item.sku) : and(eq(posItems.name, item.name), sql`coalesce(${posItems.sku}, '') = ''`);
    await scope.db.exec(scope.db.orm
      .update(posItems)
      .set({ linkedGroup: null })
      .where(and(eq(posItems.companyId, scope.companyId), eq(posItems.sourceId, item.sourceId), eq(posItems.linkedGroup, before), sameCode)));
    const own = (await requireOwnItem(scope, posItemId)).groupKey;
    await scope.db
      .statement(
        `INSERT INTO pos_mappings (company_id, group_key, location_id, mapped_object_type, ingredient_id, recipe_id, quantity, unit, is_subtraction, updated_at)
         SELECT company_id, ?, location_id, mapped_object_type, ingredient_id, recipe_id, quantity, unit, is_subtraction, updated_at
         FROM pos_mappings WHERE company_id = ? AND group_key = ?`,
      )
      .run(own, scope.companyId, before);
    return await mappingOf(scope, posItemId);
  });
}
