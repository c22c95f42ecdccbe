import { create } from 'zustand';
import type { ContractOutput, IpcError } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { asIpcError, call, onLarderEvent } from '../ipc/client';

export type Item = ContractOutput<Contracts['items:list']>[number];

interface ItemsState {
  items: Item[] | null;
  /** Location names by Lightspeed id, for the Locations column. */
  locationNames: Map<string, string>;
  error: IpcError | null;
  refresh(): Promise<void>;
}

/**
 * The POS catalog, kept in the page from start-up and refreshed when main says items, mappings or
 * locations changed: with 10,000 items, loading them takes longer than drawing the screen, so the
 * Items screen opens from here at once.
 */
export const useItems = create<ItemsState>((set) => ({
  items: null,
  locationNames: new Map(),
  error: null,
  async refresh() {
    try {
      const [items, locations] = await Promise.all([call('items:list', {}), call('locations:list', {})]);
      set({ items, locationNames: new Map(locations.map((location) => [location.businessLocationId, location.name])), error: null });
    } catch (error) {
      set({ error: asIpcError(error) });
    }
  },
}));

/** Loads the catalog once the page starts, and again whenever main says it changed; main.tsx calls it. */
export function keepItemsCatalog(): void {
  void useItems.getState().refresh();
  onLarderEvent((event) => {
    // A recipe or ingredient renamed changes what "Mapped to" says.
    if (event.type === 'lightspeed:changed' || event.type === 'inventory:changed') void useItems.getState().refresh();
  });
}
