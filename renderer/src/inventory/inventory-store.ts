import { create } from 'zustand';
import type { ContractOutput, IpcError } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { asIpcError, call, onLarderEvent } from '../ipc/client';

export type StorageUnit = ContractOutput<Contracts['storage-units:list']>[number];
export type Ingredient = ContractOutput<Contracts['ingredients:list']>[number];
export type RecipeSummary = ContractOutput<Contracts['recipes:list']>[number];
export type LedgerEntry = ContractOutput<Contracts['receipts:list']>[number];
export type StockLine = ContractOutput<Contracts['stock:list']>[number];

interface InventoryState {
  storageUnits: StorageUnit[];
  ingredients: Ingredient[];
  recipes: RecipeSummary[];
  receipts: LedgerEntry[];
  stock: StockLine[];
  loaded: boolean;
  error: IpcError | null;
  refresh(): Promise<void>;
  /** Only the stock: what posted sales change. */
  refreshStock(): Promise<void>;
}

export const useInventory = create<InventoryState>((set) => ({
  storageUnits: [],
  ingredients: [],
  recipes: [],
  receipts: [],
  stock: [],
  loaded: false,
  error: null,
  async refresh() {
    try {
      const [storageUnits, ingredients, recipes, receipts, stock] = await Promise.all([
        call('storage-units:list', {}),
        call('ingredients:list', {}),
        call('recipes:list', {}),
        call('receipts:list', {}),
        call('stock:list', {}),
      ]);
      set({ storageUnits, ingredients, recipes, receipts, stock, loaded: true, error: null });
    } catch (error) {
      set({ error: asIpcError(error), loaded: true });
    }
  },
  async refreshStock() {
    try {
      set({ stock: await call('stock:list', {}) });
    } catch (error) {
      set({ error: asIpcError(error) });
    }
  },
}));

// Main pushes a change event after every write made through it (from any window or browser tab),
// so the lists follow without polling. Posted sales move only the stock (a migration posts a day at a time).
onLarderEvent((event) => {
  if (event.type === 'inventory:changed') void useInventory.getState().refresh();
  else if (event.type === 'transfer:finished' || event.type === 'migration:progress') void useInventory.getState().refreshStock();
});
