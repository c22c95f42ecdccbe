// Food cost of a location: net sales, theoretical cost (its ISSUE entries) and actual cost from the
// counts around the period, checked by hand on the seed's worked example day.
import { afterEach, describe, expect, it } from 'vitest';
import { handMadeSale } from '../../demo/fake-lightspeed/fake-data';
import { HARBOUR, HONOLULU, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { foodCost } from './food-cost';
import { finishCount, setCountLine, startCount } from '../stock/stock-control';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

describe('food cost', () => {
  it('puts theoretical cost against net sales of the dates chosen, and actual against theoretical over the counts’ span; each of the last 30 days', async () => {
    const run = (restaurant = await startRestaurant());
    const { scope } = run.engine;
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-05', [
      handMadeSale('f0', '2026-05-05T10:00:00Z', [{ id: 'F-espresso-0', name: 'Espresso', sku: run.harbourItem('Espresso').sku, quantity: '10.000', amount: '25.00' }]),
    ]);
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-06', [
      handMadeSale('f1', '2026-05-06T10:00:00Z', [{ id: 'F-cola', name: 'Cola 0.33 l', sku: run.harbourItem('Cola 0.33 l').sku, quantity: '12.000', amount: '30.00' }]),
      handMadeSale('f2', '2026-05-06T11:00:00Z', [{ id: 'F-espresso', name: 'Espresso', sku: run.harbourItem('Espresso').sku, quantity: '20.000', amount: '50.00' }]),
    ]);
    expect(await run.transfer('2026-05-05')).toMatchObject({ success: true });
    expect(await run.transfer('2026-05-06')).toMatchObject({ success: true });
    const count = async (at: string, lines: [string, string][]) => {
      const started = await startCount(scope, 'Main Kitchen', at);
      for (const [ingredient, quantity] of lines) await setCountLine(scope, started.id, ingredient, quantity);
      await finishCount(scope, started.id, at);
      return started.id;
    };
    const opening = await count('2026-05-04T06:00:00Z', [['Coffee beans', '10'], ['Cola bottle 0.33 l', '240']]);
    // 0.12 kg of coffee more went than the 30 espressos explain: 2.16 of actual cost beyond the theoretical.
    const closing = await count('2026-05-07T06:00:00Z', [['Coffee beans', '9.61'], ['Cola bottle 0.33 l', '228']]);

    // The dates chosen (6 May) are the headline; the actual cost runs 4 to 6 May, so it is set against those days' sales and theoretical cost.
    const result = await foodCost(scope, HARBOUR, '2026-05-06', '2026-05-06');
    expect(result).toMatchObject({
      location: 'Harbour Restaurant',
      currency: 'EUR',
      cost_currency: 'EUR',
      exchange_rate: null,
      pct_note: null,
      sales: '80',
      theoretical_cost: '10.44',
      theoretical_pct: '13.05',
      actual: {
        opening_count: { id: opening, date: '2026-05-04' },
        closing_count: { id: closing, date: '2026-05-07' },
        from: '2026-05-04',
        to: '2026-05-06',
        sales: '105',
        theoretical_cost: '12.06',
        theoretical_pct: '11.49',
        actual_cost: '14.22',
        actual_pct: '13.54',
      },
      actual_note: null,
    });
    expect(result.days).toHaveLength(30);
    expect(result.days.at(-1)).toEqual({ date: '2026-05-06', sales: '80', theoretical_cost: '10.44', theoretical_pct: '13.05' });
    expect(result.days.at(-2)).toEqual({ date: '2026-05-05', sales: '25', theoretical_cost: '1.62', theoretical_pct: '6.48' });
    // Without a count after the period there is no actual cost; the note offers the counts there are.
    const open = await foodCost(scope, HARBOUR, '2026-05-05', '2026-05-08');
    expect(open).toMatchObject({ sales: '105', actual: null });
    expect(open.actual_note).toContain('on or after 2026-05-08');
    expect(open.actual_note).toContain('2026-05-04, 2026-05-07');
    expect(open.count_dates).toEqual(['2026-05-04', '2026-05-07']);
    expect(result.count_dates).toEqual([]);
  });

  it('computes a food cost % only where sales and costs are in one currency, or with the exchange rate set', async () => {
    const run = (restaurant = await startRestaurant());
    const { scope } = run.engine;
    run.fake.data.setDaySales(Number(HONOLULU), '2026-05-06', [
      handMadeSale('u1', '2026-05-06T20:00:00Z', [{ id: 'U-espresso', name: 'Espresso', sku: run.harbourItem('Espresso').sku, quantity: '20.000', amount: '50.00' }]),
    ]);
    expect(await run.transfer('2026-05-06', { businessLocationId: HONOLULU })).toMatchObject({ success: true });
    const dollars = await foodCost(scope, HONOLULU, '2026-05-06', '2026-05-06');
    expect(dollars).toMatchObject({ currency: 'USD', cost_currency: 'EUR', sales: '50', theoretical_cost: '3.24', theoretical_pct: null, exchange_rate: null });
    expect(dollars.pct_note).toBe('Sales are in USD and stock is valued in EUR: set what 1 USD is in EUR in Settings to see a food cost %.');
    expect(dollars.days.at(-1)?.theoretical_pct).toBeNull();
    // 50 USD at 0.9 is 45 EUR: 3.24 of 45 is 7.2 %.
    expect(await foodCost(scope, HONOLULU, '2026-05-06', '2026-05-06', { USD: '0.9' })).toMatchObject({ theoretical_pct: '7.2', exchange_rate: '0.9', pct_note: null });
  });
});
