import { listIngredientUnits, removeIngredientUnit, saveIngredientUnit, setCountUnit } from '../../core/inventory/units';
import type { Engine } from '../../core/engine';
import { draftRecipeCost, recipeCostHistory } from '../../core/reports/plate-cost';
import { addDays, dateInZone } from '../../core/time/zoned-time';
import { deleteIngredient, listIngredients, saveIngredient } from '../../core/inventory/ingredients';
import { createReceipt, deleteReceipt, listReceipts } from '../../core/ledger/receipts';
import { deleteRecipe, getRecipe, listRecipes, previewExplosion, saveRecipe } from '../../core/inventory/recipes';
import { importSetupFile } from '../../core/setup/setup-import';
import { deleteStorageUnit, listStorageUnits, saveStorageUnit } from '../../core/inventory/storage-units';
import type * as inventoryContracts from '../../../shared/ipc/contracts/inventory';
import type { ChannelsOf, Handlers } from './handler-types';

type InventoryChannel = ChannelsOf<typeof inventoryContracts>;

/** The inventory, as the screens reach it; every change is announced, so every open list follows. */
export function createInventoryHandlers(engine: Engine): Pick<Handlers, InventoryChannel> {
  const { scope, events, platform } = engine;
  // Today where this computer is: a recipe belongs to no location.
  const today = () => dateInZone(platform.clock.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  const changed = <T>(what: 'storage-units' | 'ingredients' | 'recipes' | 'receipts' | 'setup', result: T): T => {
    events.emit({ type: 'inventory:changed', what });
    return result;
  };
  return {
    'setup:import': async ({ content }) => changed('setup', await importSetupFile(scope, content)),
    'storage-units:list': () => listStorageUnits(scope),
    'storage-units:save': async (input) => changed('storage-units', await saveStorageUnit(scope, input)),
    'storage-units:delete': async ({ id }) => changed('storage-units', (await deleteStorageUnit(scope, id), { done: true as const })),
    'ingredients:list': () => listIngredients(scope),
    'ingredients:save': async (input) => changed('ingredients', await saveIngredient(scope, input)),
    'ingredients:delete': async ({ id }) => changed('ingredients', (await deleteIngredient(scope, id), { done: true as const })),
    'ingredients:units': () => listIngredientUnits(scope),
    'ingredients:unit-save': async ({ ingredientId, name, factor }) => changed('ingredients', (await saveIngredientUnit(scope, ingredientId, name, factor), await listIngredientUnits(scope))),
    'ingredients:unit-remove': async ({ ingredientId, name }) => changed('ingredients', (await removeIngredientUnit(scope, ingredientId, name), await listIngredientUnits(scope))),
    'ingredients:count-unit': async ({ ingredientId, name }) => changed('ingredients', (await setCountUnit(scope, ingredientId, name), await listIngredientUnits(scope))),
    'recipes:list': () => listRecipes(scope),
    'recipes:get': ({ id }) => getRecipe(scope, id),
    'recipes:save': async (input) => changed('recipes', await saveRecipe(scope, input)),
    'recipes:delete': async ({ id }) => changed('recipes', (await deleteRecipe(scope, id), { done: true as const })),
    'recipes:preview': ({ id, portions }) => previewExplosion(scope, id, portions),
    'recipes:cost-draft': (draft) => draftRecipeCost(scope, draft, today()),
    'recipes:cost-history': ({ id }) => recipeCostHistory(scope, id, addDays(today(), -89), today()),
    'receipts:list': ({ limit }) => listReceipts(scope, limit),
    'receipts:create': async (input) => changed('receipts', { id: await createReceipt(scope, input) }),
    'receipts:delete': async ({ id }) => changed('receipts', (await deleteReceipt(scope, id), { done: true as const })),
  };
}
