import { eq } from 'drizzle-orm';
import { companies } from '../../core/db/schema';
import { DomainError } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import { deleteIngredient, listIngredients, saveIngredient } from '../../core/inventory/ingredients';
import { createReceipt, deleteReceipt, listReceipts } from '../../core/inventory/receipts';
import { deleteRecipe, getRecipe, listRecipes, previewExplosion, saveRecipe } from '../../core/inventory/recipes';
import { importSetupFile } from '../../core/inventory/setup-import';
import { deleteStorageUnit, listStorageUnits, saveStorageUnit } from '../../core/inventory/storage-units';
import { ledgerTotals, listLedgerEntries, stockOnHand } from '../../core/ledger/ledger';
import { DemoAccount } from '../../core/demo/demo-account';
import { APP_VERSION } from '../../core/diagnostics/diagnostics';
import type { Handlers } from './handler-types';
import { createLightspeedHandlers } from './lightspeed-handlers';
import { createSetupHandlers } from './setup-handlers';
import { createTransferHandlers } from './transfer-handlers';


/** The same handlers answer Electron's ipcMain, the web host and the tests. */
export function createHandlers(engine: Engine, demo: DemoAccount = new DemoAccount(engine)): Handlers {
  const { scope, events } = engine;
  const changed = <T>(what: 'storage-units' | 'ingredients' | 'recipes' | 'receipts' | 'setup', result: T): T => {
    events.emit({ type: 'inventory:changed', what });
    return result;
  };
  return {
    'app:info': () => {
      let problem: { code: string; message: string } | null = null;
      try {
        engine.vault.assertUsable();
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problem = { code: error.code, message: error.message };
      }
      const company = scope.db.orm.select({ name: companies.name }).from(companies).where(eq(companies.id, scope.companyId)).get();
      return {
        version: APP_VERSION,
        runtime: engine.runtime,
        dataFolder: engine.platform.dataFolder,
        companyName: company?.name ?? '',
        secretStorage: { backend: engine.vault.backendId, problem },
      };
    },
    'setup:import': ({ content }) => changed('setup', importSetupFile(scope, content)),
    'storage-units:list': () => listStorageUnits(scope),
    'storage-units:save': (input) => changed('storage-units', saveStorageUnit(scope, input)),
    'storage-units:delete': ({ id }) => changed('storage-units', (deleteStorageUnit(scope, id), { done: true as const })),
    'ingredients:list': () => listIngredients(scope),
    'ingredients:save': (input) => changed('ingredients', saveIngredient(scope, input)),
    'ingredients:delete': ({ id }) => changed('ingredients', (deleteIngredient(scope, id), { done: true as const })),
    'recipes:list': () => listRecipes(scope),
    'recipes:get': ({ id }) => getRecipe(scope, id),
    'recipes:save': (input) => changed('recipes', saveRecipe(scope, input)),
    'recipes:delete': ({ id }) => changed('recipes', (deleteRecipe(scope, id), { done: true as const })),
    'recipes:preview': ({ id, portions }) => previewExplosion(scope, id, portions),
    'receipts:list': ({ limit }) => listReceipts(scope, limit),
    'receipts:create': (input) => changed('receipts', { id: createReceipt(scope, input) }),
    'receipts:delete': ({ id }) => changed('receipts', (deleteReceipt(scope, id), { done: true as const })),
    'stock:list': (input) => stockOnHand(scope, input),
    'ledger:list': (filter) => listLedgerEntries(scope, filter),
    'ledger:totals': (filter) => ledgerTotals(scope, filter),
    ...createLightspeedHandlers(engine, demo),
    ...createSetupHandlers(engine, demo),
    ...createTransferHandlers(engine),
  };
}

