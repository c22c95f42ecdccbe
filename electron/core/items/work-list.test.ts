// The unmapped work list: ranked by what each item sold, and suggestions for its target.
import { afterEach, describe, expect, it } from 'vitest';
import { handMadeSale } from '../../demo/fake-lightspeed/fake-data';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { soldItemDays } from '../../../test/support/sold-item-days';
import { rankUnmapped } from './mapping-coverage';
import { suggestTargets } from './suggestions';
import { inOrder } from '../in-order';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

describe('the unmapped work list', () => {
  it('ranks unmapped items by the net sales of the last 30 days, then units; mapped items are not on it', async () => {
    const run = (restaurant = await startRestaurant());
    const sku = (name: string) => run.harbourItem(name).sku;
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-07', [
      handMadeSale('w1', '2026-05-07T10:00:00Z', [
        { id: 'W-cap', name: 'Cappuccino', sku: sku('Cappuccino'), quantity: '10.000', amount: '30.00' },
        { id: 'W-cake', name: 'Cheesecake', sku: sku('Cheesecake'), quantity: '2.000', amount: '12.00' },
        { id: 'W-cola', name: 'Cola 0.33 l', sku: sku('Cola 0.33 l'), quantity: '5.000', amount: '15.00' },
      ]),
    ]);
    expect(await run.transfer('2026-05-07')).toMatchObject({ success: true });
    const ranked = await rankUnmapped(run.engine.scope, run.engine.platform.clock);
    const name = async (id: number) => ((await run.engine.db.statement('SELECT name FROM pos_items WHERE id = ?').get(id)) as { name: string }).name;
    expect(await inOrder(ranked, async (rank) => [await name(rank.posItemId), rank.units, rank.value])).toEqual([
      ['Cappuccino', 10_000_000, 300_000],
      ['Cheesecake', 2_000_000, 120_000],
    ]);
  });

  it('keeps its day sums equal to the stored sales when a day is fetched again with other sales', async () => {
    const run = (restaurant = await startRestaurant());
    const sku = (name: string) => run.harbourItem(name).sku;
    const day = (lines: { id: string; name: string; quantity: string }[]) =>
      run.fake.data.setDaySales(Number(HARBOUR), '2026-05-07', [handMadeSale('s1', '2026-05-07T10:00:00Z', lines.map((line) => ({ ...line, sku: sku(line.name), amount: '3.00' })))]);
    day([
      { id: 'S-cap', name: 'Cappuccino', quantity: '4.000' },
      { id: 'S-cake', name: 'Cheesecake', quantity: '1.000' },
    ]);
    await run.transfer('2026-05-07');
    day([{ id: 'S-cap', name: 'Cappuccino', quantity: '6.000' }]);
    await run.transfer('2026-05-07', { force: true });
    const sums = await soldItemDays(run.engine.db);
    expect(sums.stored).toEqual(sums.summed);
    expect((await rankUnmapped(run.engine.scope, run.engine.platform.clock)).map((rank) => rank.units)).toEqual([6_000_000]);
  });

  it('suggests targets by name, a recipe containing the item’s name first', async () => {
    const run = (restaurant = await startRestaurant());
    const suggestions = await suggestTargets(run.engine.scope, 'Classic Burger');
    expect(suggestions[0]).toMatchObject({ kind: 'recipe', name: 'Classic Burger recipe' });
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect((await suggestTargets(run.engine.scope, 'Tomato soup'))[0]).toMatchObject({ kind: 'ingredient', name: 'Tomato' });
  });
});
