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
    'setup:import': ({ content }) => changed('setup', importSetupFile(scope, content)),
    'storage-units:list': () => listStorageUnits(scope),
    'storage-units:save': (input) => changed('storage-units', saveStorageUnit(scope, input)),
    'storage-units:delete': ({ id }) => changed('storage-units', (deleteStorageUnit(scope, id), { done: true as const })),
    'ingredients:list': () => listIngredients(scope),
    'ingredients:save': (input) => changed('ingredients', saveIngredient(scope, input)),
    'ingredients:delete': ({ id }) => changed('ingredients', (deleteIngredient(scope, id), { done: true as const })),
    'ingredients:units': () => listIngredientUnits(scope),
    'ingredients:unit-save': ({ ingredientId, name, factor }) => changed('ingredients', (saveIngredientUnit(scope, ingredientId, name, factor), listIngredientUnits(scope))),
    'ingredients:unit-remove': ({ ingredientId, name }) => changed('ingredients', (removeIngredientUnit(scope, ingredientId, name), listIngredientUnits(scope))),
    'ingredients:count-unit': ({ ingredientId, name }) => changed('ingredients', (setCountUnit(scope, ingredientId, name), listIngredientUnits(scope))),
    'recipes:list': () => listRecipes(scope),
    'recipes:get': ({ id }) => getRecipe(scope, id),
    'recipes:save': (input) => changed('recipes', saveRecipe(scope, input)),
    'recipes:delete': ({ id }) => changed('recipes', (deleteRecipe(scope, id), { done: true as const })),
    'recipes:preview': ({ id, portions }) => previewExplosion(scope, id, portions),
    'recipes:cost-draft': (draft) => draftRecipeCost(scope, draft, today()),
    'recipes:cost-history': ({ id }) => recipeCostHistory(scope, id, addDays(today(), -89), today()),
    'receipts:list': ({ limit }) => listReceipts(scope, limit),
    'receipts:create': (input) => changed('receipts', { id: createReceipt(scope, input) }),
    'receipts:delete': ({ id }) => changed('receipts', (deleteReceipt(scope, id), { done: true as const })),
  };
}
