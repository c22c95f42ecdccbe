// One mapping for the group: the same dish in three businesses is mapped once, a location may
// override it, and a renamed till button keeps deducting while the rename waits for review.
import { afterEach, describe, expect, it } from 'vitest';
import { handMadeSale } from '../../demo/fake-lightspeed/fake-data';
import { HARBOUR, HONOLULU, TONGATAPU, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { findIngredientByName } from '../inventory/ingredients';
import { confirmRename, openRenames } from './item-renames';
import { listItems } from './item-sync';
import { deleteMapping, resolveItem, saveMapping } from './mappings';
import { syncItems } from '../sources/lightspeed/lightspeed-sync';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

const DAY = '2026-05-07';
/** The dish's SKU (its PLU) in every business of the fake. */
const ESPRESSO_SKU = '1008';

/** Two espressos sold at the location on the day, as the item its business sells. */
function sellEspressos(run: Restaurant, blId: string, name = 'Espresso') {
  const item = run.fake.data.items.find((candidate) => candidate.blIds.includes(Number(blId)) && candidate.sku === ESPRESSO_SKU);
  if (!item) throw new Error('no espresso there');
  run.fake.data.setDaySales(Number(blId), DAY, [handMadeSale(`e-${blId}`, `${DAY}T10:00:00Z`, [{ id: `E-${blId}`, name, sku: item.sku, quantity: '2.000', amount: '5.00' }])]);
}

const coffeeIssued = async (run: Restaurant, blId: string) =>
  (await run.issues({ date: DAY, locationId: blId })).filter((entry) => entry.ingredient === 'Coffee beans').map((entry) => entry.quantity);

describe('group mappings', () => {
  it('maps the same dish of three businesses once, and a location override wins where it applies', async () => {
    const run = (restaurant = await startRestaurant());
    const { scope } = run.engine;
    const espressos = (await listItems(scope)).filter((item) => item.name === 'Espresso');
    expect(espressos.length).toBe(3);
    expect(new Set(espressos.map((item) => item.groupKey)).size).toBe(1);
    expect(espressos.every((item) => item.mapping?.name === 'Coffee beans' && item.mapping.quantity === '0.009')).toBe(true);

    for (const blId of [HARBOUR, TONGATAPU, HONOLULU]) sellEspressos(run, blId);
    for (const blId of [HARBOUR, TONGATAPU, HONOLULU]) expect(await run.transfer(DAY, { businessLocationId: blId })).toMatchObject({ success: true });
    expect(await Promise.all([HARBOUR, TONGATAPU, HONOLULU].map((blId) => coffeeIssued(run, blId)))).toEqual([['-0.018'], ['-0.018'], ['-0.018']]);

    // A double shot on the island: an override at Tongatapu only.
    const coffee = (await findIngredientByName(scope, 'Coffee beans'))!.id;
    const override = await saveMapping(scope, { posItemId: (await resolveItem(scope, 'Espresso')).id, target: { ingredientId: coffee }, quantity: '0,018', isSubtraction: false, location: TONGATAPU }, '2026-05-08T11:00:00Z');
    expect(override).toMatchObject({ location: TONGATAPU, quantity: '0.018', groupKey: espressos[0]?.groupKey });
    for (const blId of [HARBOUR, TONGATAPU, HONOLULU]) expect(await run.transfer(DAY, { businessLocationId: blId })).toMatchObject({ success: true });
    expect(await Promise.all([HARBOUR, TONGATAPU, HONOLULU].map((blId) => coffeeIssued(run, blId)))).toEqual([['-0.018'], ['-0.036'], ['-0.018']]);
    expect((await listItems(scope)).find((item) => item.name === 'Espresso')?.overrides).toEqual([{ location: TONGATAPU, type: 'ingredient', name: 'Coffee beans', quantity: '0.018', unit: null, isSubtraction: false }]);

    // Removing the group's mapping leaves the override: the island still deducts, the others do not.
    await deleteMapping(scope, (await resolveItem(scope, 'Espresso')).id);
    for (const blId of [HARBOUR, TONGATAPU]) expect(await run.transfer(DAY, { businessLocationId: blId })).toMatchObject({ success: true });
    expect(await Promise.all([HARBOUR, TONGATAPU].map((blId) => coffeeIssued(run, blId)))).toEqual([[], ['-0.036']]);
  });

  it('keeps deducting a renamed item through its SKU and lists the rename for review until confirmed', async () => {
    const run = (restaurant = await startRestaurant());
    const { scope, lightspeed } = run.engine;
    run.fake.data.renameItem(run.harbourItem('Espresso').id, 'Espresso (oat)');
    await syncItems(scope, lightspeed.api, '2026-05-08T11:00:00Z');
    const renames = await openRenames(scope);
    expect(renames.map(({ oldName, newName, source, mapping }) => ({ oldName, newName, source, mapping: mapping?.name }))).toEqual([
      { oldName: 'Espresso', newName: 'Espresso (oat)', source: 'Lightspeed K-Series', mapping: 'Coffee beans' },
    ]);

    sellEspressos(run, HARBOUR, 'Espresso (oat)');
    expect(await run.transfer(DAY)).toMatchObject({ success: true, stats: { lines_unmapped: 0 } });
    expect(await coffeeIssued(run, HARBOUR)).toEqual(['-0.018']);

    // A sync that sees the same name again notes nothing new.
    await syncItems(scope, lightspeed.api, '2026-05-08T12:00:00Z');
    expect(await openRenames(scope)).toHaveLength(1);
    await confirmRename(scope, renames[0]!.id, '2026-05-08T12:30:00Z');
    expect(await openRenames(scope)).toEqual([]);
    await expect(confirmRename(scope, renames[0]!.id, '2026-05-08T12:31:00Z')).rejects.toThrow(expect.objectContaining({ code: 'rename_not_found' }));
  });

  it('closes a rename when the group is remapped', async () => {
    const run = (restaurant = await startRestaurant());
    const { scope, lightspeed } = run.engine;
    run.fake.data.renameItem(run.harbourItem('Espresso').id, 'Espresso doppio');
    await syncItems(scope, lightspeed.api, '2026-05-08T11:00:00Z');
    expect(await openRenames(scope)).toHaveLength(1);
    const coffee = (await findIngredientByName(scope, 'Coffee beans'))!.id;
    await saveMapping(scope, { posItemId: (await resolveItem(scope, 'Espresso doppio')).id, target: { ingredientId: coffee }, quantity: '0.018', isSubtraction: false }, '2026-05-08T11:05:00Z');
    expect(await openRenames(scope)).toEqual([]);
  });
});
