import { create } from 'zustand';
import type { ContractOutput, IpcError } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { call } from '../ipc/client';
import { ifAllowed } from '../app/person-store';
import { anyOf, liveQuery, type LiveQuery } from '../ui/live-query';

export type StorageUnit = ContractOutput<Contracts['storage-units:list']>[number];
export type Ingredient = ContractOutput<Contracts['ingredients:list']>[number];
export type RecipeSummary = ContractOutput<Contracts['recipes:list']>[number];
export type LedgerEntry = ContractOutput<Contracts['receipts:list']>[number];
export type StockLine = ContractOutput<Contracts['stock:list']>[number];
export type IngredientUnit = ContractOutput<Contracts['ingredients:units']>[number];

interface InventoryState {
  storageUnits: StorageUnit[];
  ingredients: Ingredient[];
  /** Every ingredient's pack units. */
  units: IngredientUnit[];
  recipes: RecipeSummary[];
  receipts: LedgerEntry[];
  stock: StockLine[];
  loaded: boolean;
  error: IpcError | null;
  /** Loads everything now (and from then on follows main's events). */
  refresh(): Promise<void>;
}

/**
 * The inventory every screen shares, on the live query: the lists follow every inventory change main
 * announces (from any window or browser tab); the stock also follows posted sales (a migration posts
 * a day at a time), without reloading the lists.
 */
let queries: { lists: LiveQuery; stock: LiveQuery } | null = null;

export const useInventory = create<InventoryState>((set) => {
  const failed = (error: IpcError) => set({ error, loaded: true });
  const start = () =>
    (queries ??= {
      lists: liveQuery(
        () =>
          Promise.all([
            call('storage-units:list', {}),
            call('ingredients:list', {}),
            ifAllowed('recipes:list', () => call('recipes:list', {})),
            ifAllowed('receipts:list', () => call('receipts:list', {})),
            call('ingredients:units', {}),
          ]),
        anyOf('inventory:changed'),
        { data: ([storageUnits, ingredients, recipes, receipts, units]) => set({ storageUnits, ingredients, recipes, receipts, units, loaded: true, error: null }), error: failed },
      ),
      stock: liveQuery(() => ifAllowed('stock:list', () => call('stock:list', {})), anyOf('inventory:changed', 'transfer:finished', 'migration:progress'), {
        data: (stock) => set({ stock }),
        error: failed,
      }),
    });
  return {
    storageUnits: [],
    ingredients: [],
    units: [],
    recipes: [],
    receipts: [],
    stock: [],
    loaded: false,
    error: null,
    async refresh() {
      if (queries) {
        queries.lists.refresh();
        queries.stock.refresh();
      } else start();
    },
  };
});
