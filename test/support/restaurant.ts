import type { FakeLightspeedOptions } from '../../electron/demo/fake-lightspeed/fake-lightspeed';
import { findIngredientByName } from '../../electron/core/inventory/ingredients';
import { findRecipeByName } from '../../electron/core/inventory/recipes';
import { importSetupFile } from '../../electron/core/setup/setup-import';
import { findStorageUnitByName } from '../../electron/core/inventory/storage-units';
import { listLedgerEntries } from '../../electron/core/ledger/ledger';
import { linkStorageUnit } from '../../electron/core/locations/location-config';
import { saveMapping } from '../../electron/core/items/mappings';
import { transferDay, type TransferResult } from '../../electron/core/transfer/transfer-day';
import { startConnected, type Connected } from './lightspeed';
import { syncItems, syncLocations } from '../../electron/core/sources/lightspeed/lightspeed-sync';

export const HARBOUR = '45454565682155';
export const TONGATAPU = '56565676793266';
export const HONOLULU = '67676787804377';
export const NOW = '2026-05-08T10:00:00Z';

/** The seed's inventory: coffee at 18/kg, cola bottles, a burger recipe with a trimmed tomato. */
export const SETUP = {
  storageUnits: [{ name: 'Main Kitchen' }, { name: 'Bar Storage' }, { name: 'Island Store' }, { name: 'Diner Store' }],
  ingredients: [
    { name: 'Coffee beans', unit: 'kg' },
    { name: 'Cola bottle 0.33 l', unit: 'bottle' },
    { name: 'Burger bun', unit: 'piece' },
    { name: 'Beef patty', unit: 'piece' },
    { name: 'Tomato', unit: 'kg' },
    { name: 'Oat milk', unit: 'l' },
  ],
  recipes: [
    {
      name: 'Classic Burger recipe',
      yield: '1',
      lines: [
        { ingredient: 'Burger bun', quantity: '1' },
        { ingredient: 'Beef patty', quantity: '1' },
        { ingredient: 'Tomato', quantity: '0.03', trimPct: '10' },
      ],
    },
  ],
  receipts: [
    { ingredient: 'Coffee beans', storageUnit: 'Main Kitchen', quantity: '10', value: '180', date: '2026-01-05' },
    { ingredient: 'Cola bottle 0.33 l', storageUnit: 'Main Kitchen', quantity: '240', value: '144', date: '2026-01-05' },
    { ingredient: 'Tomato', storageUnit: 'Main Kitchen', quantity: '5', value: '14.5', date: '2026-01-05' },
  ],
};

export interface Restaurant extends Connected {
  setNow(iso: string): void;
  /** The fake's item id of an item of the Harbour Group by name. */
  harbourItem(name: string): { id: number; sku: string };
  map(itemName: string, target: { ingredient: string } | { recipe: string }, quantity: string, isSubtraction?: boolean): Promise<void>;
  transfer(date: string, options?: { force?: boolean; businessLocationId?: string }): Promise<TransferResult>;
  issues(filter?: { date?: string; locationId?: string }): ReturnType<typeof listLedgerEntries>;
}

export async function startRestaurant(options: FakeLightspeedOptions = {}, env: Record<string, string> = {}): Promise<Restaurant> {
  let now = Date.parse(NOW);
  const connected = await startConnected(
    { now: NOW, today: '2026-05-08', salesPerDay: 12, ...options },
    { clock: { now: () => new Date(now) }, env: { LARDER_RETRY_DELAYS_MS: '5,5,5', ...env } },
  );
  const { engine, fake } = connected;
  const { scope } = engine;
  const at = () => new Date(now).toISOString();
  await syncLocations(scope, engine.lightspeed.api, at());
  await syncItems(scope, engine.lightspeed.api, at());
  await importSetupFile(scope, JSON.stringify(SETUP));
  await linkStorageUnit(scope, HARBOUR, (await findStorageUnitByName(scope, 'Main Kitchen'))!.id);
  await linkStorageUnit(scope, TONGATAPU, (await findStorageUnitByName(scope, 'Island Store'))!.id);
  await linkStorageUnit(scope, HONOLULU, (await findStorageUnitByName(scope, 'Diner Store'))!.id);

  const itemOf = (business: number, name: string) => {
    const item = fake.data.items.find((candidate) => candidate.businessId === business && candidate.name === name);
    if (!item) throw new Error(`no fake item ${name}`);
    return { id: item.id, sku: item.sku };
  };
  const posItemId = async (itemId: number) => ((await scope.db.statement('SELECT id FROM pos_items WHERE item_id = ?').get(String(itemId))) as { id: number }).id;
  const restaurant: Restaurant = {
    ...connected,
    setNow(iso) {
      now = Date.parse(iso);
      fake.setNow(iso);
    },
    harbourItem: (name) => itemOf(1234, name),
    async map(itemName, target, quantity, isSubtraction = false) {
      // The Harbour Group's item; every business sells the dish under the same SKU, so its group covers all three.
      await saveMapping(
        scope,
        {
          posItemId: await posItemId(itemOf(1234, itemName).id),
          target: 'ingredient' in target ? { ingredientId: (await findIngredientByName(scope, target.ingredient))!.id } : { recipeId: (await findRecipeByName(scope, target.recipe))!.id },
          quantity,
          isSubtraction,
        },
        at(),
      );
    },
    transfer: (date, transferOptions = {}) =>
      transferDay(engine.transfers, { businessLocationId: transferOptions.businessLocationId ?? HARBOUR, date, force: transferOptions.force ?? true, trigger: 'manual' }),
    issues: (filter = {}) => listLedgerEntries(scope, { type: 'ISSUE', from: filter.date, to: filter.date, businessLocationId: filter.locationId }),
  };
  await restaurant.map('Cola 0.33 l', { ingredient: 'Cola bottle 0.33 l' }, '1');
  await restaurant.map('Espresso', { ingredient: 'Coffee beans' }, '0.009');
  await restaurant.map('Classic Burger', { recipe: 'Classic Burger recipe' }, '1');
  return restaurant;
}
