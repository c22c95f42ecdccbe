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
}));

// Main pushes a change event after every write made through it (from any window or browser tab),
// so the lists follow without polling; posted sales move stock too.
onLarderEvent((event) => {
  if (event.type === 'inventory:changed' || event.type === 'transfer:finished' || event.type === 'migration:progress') void useInventory.getState().refresh();
});
