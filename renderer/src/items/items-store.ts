import { create } from 'zustand';
import type { ContractOutput, IpcError } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { call } from '../ipc/client';
import { liveQuery } from '../ui/live-query';

export type Item = ContractOutput<Contracts['items:list']>[number];

interface ItemsState {
  items: Item[] | null;
  /** Location names by Lightspeed id, for the Locations column. */
  locationNames: Map<string, string>;
  error: IpcError | null;
}

export const useItems = create<ItemsState>(() => ({ items: null, locationNames: new Map(), error: null }));

/**
 * The POS catalog, on the live query from start-up (main.tsx): with 10,000 items, loading them takes
 * longer than drawing the screen, so the Items screen opens from here at once. It follows items,
 * mappings and locations, and inventory changes too (a renamed recipe changes what "Mapped to" says).
 */
export function keepItemsCatalog(): void {
  liveQuery(
    () => Promise.all([call('items:list', {}), call('locations:list', {})]),
    (event) => event.type === 'lightspeed:changed' || event.type === 'inventory:changed' || event.type === 'sources:changed',
    {
      data: ([items, locations]) => useItems.setState({ items, locationNames: new Map(locations.map((location) => [location.businessLocationId, location.name])), error: null }),
      error: (error) => useItems.setState({ error }),
    },
  );
}
