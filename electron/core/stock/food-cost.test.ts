// Food cost of a location: net sales, theoretical cost (its ISSUE entries) and actual cost from the
// counts around the period, checked by hand on the seed's worked example day.
import { afterEach, describe, expect, it } from 'vitest';
import { handMadeSale } from '../demo/fake-lightspeed/fake-data';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { foodCost } from './food-cost';
import { finishCount, setCountLine, startCount } from './stock-control';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

describe('food cost', () => {
  it('puts theoretical and actual cost against net sales, and gives each of the last 30 days', async () => {
    const run = (restaurant = await startRestaurant());
    const { scope } = run.engine;
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-06', [
      handMadeSale('f1', '2026-05-06T10:00:00Z', [{ id: 'F-cola', name: 'Cola 0.33 l', sku: run.harbourItem('Cola 0.33 l').sku, quantity: '12.000', amount: '30.00' }]),
      handMadeSale('f2', '2026-05-06T11:00:00Z', [{ id: 'F-espresso', name: 'Espresso', sku: run.harbourItem('Espresso').sku, quantity: '20.000', amount: '50.00' }]),
    ]);
    expect(await run.transfer('2026-05-06')).toMatchObject({ success: true });
    const count = (at: string, lines: [string, string][]) => {
      const started = startCount(scope, 'Main Kitchen', at);
      for (const [ingredient, quantity] of lines) setCountLine(scope, started.id, ingredient, quantity);
      finishCount(scope, started.id, at);
      return started.id;
    };
    const opening = count('2026-05-05T06:00:00Z', [['Coffee beans', '10'], ['Cola bottle 0.33 l', '240']]);
    // 0.12 kg of coffee more went than the 20 espressos explain: 2.16 of actual cost beyond the theoretical.
    const closing = count('2026-05-07T06:00:00Z', [['Coffee beans', '9.7'], ['Cola bottle 0.33 l', '228']]);

    const result = foodCost(scope, HARBOUR, '2026-05-05', '2026-05-07');
    expect(result).toMatchObject({
      location: 'Harbour Restaurant',
      sales: '80',
      theoretical_cost: '10.44',
      theoretical_pct: '13.05',
      actual_cost: '12.6',
      actual_pct: '15.75',
      opening_count: { id: opening, date: '2026-05-05' },
      closing_count: { id: closing, date: '2026-05-07' },
    });
    expect(result.days).toHaveLength(30);
    expect(result.days.at(-2)).toEqual({ date: '2026-05-06', sales: '80', theoretical_cost: '10.44', theoretical_pct: '13.05' });
    expect(result.days.at(-1)).toEqual({ date: '2026-05-07', sales: '0', theoretical_cost: '0', theoretical_pct: null });
    // Without a count after the period there is no actual cost, and it says so with null.
    expect(foodCost(scope, HARBOUR, '2026-05-05', '2026-05-08')).toMatchObject({ actual_cost: null, closing_count: null });
  });
});
