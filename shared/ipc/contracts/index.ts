import type { IpcChannel } from '../channels';
import type { Contract } from '../contract';
import { appInfo } from './app';
import {
  createReceipt,
  deleteIngredient,
  deleteReceipt,
  deleteRecipe,
  deleteStorageUnit,
  getRecipe,
  importSetup,
  listIngredients,
  listReceipts,
  listRecipes,
  listStock,
  listStorageUnits,
  previewRecipe,
  saveIngredient,
  saveRecipe,
  saveStorageUnit,
} from './inventory';
import { listLedger } from './ledger';

/** Every IPC call, by channel. The renderer client, the main handlers and the preload allowlist all follow it. */
export const contracts = {
  'app:info': appInfo,
  'setup:import': importSetup,
  'storage-units:list': listStorageUnits,
  'storage-units:save': saveStorageUnit,
  'storage-units:delete': deleteStorageUnit,
  'ingredients:list': listIngredients,
  'ingredients:save': saveIngredient,
  'ingredients:delete': deleteIngredient,
  'recipes:list': listRecipes,
  'recipes:get': getRecipe,
  'recipes:save': saveRecipe,
  'recipes:delete': deleteRecipe,
  'recipes:preview': previewRecipe,
  'receipts:list': listReceipts,
  'receipts:create': createReceipt,
  'receipts:delete': deleteReceipt,
  'stock:list': listStock,
  'ledger:list': listLedger,
} as const satisfies { [C in IpcChannel]: Contract<C> };

export type Contracts = typeof contracts;
