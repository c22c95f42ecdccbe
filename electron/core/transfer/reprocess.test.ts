// Reprocessing past days with today's mappings: the preview matches, ingredient by ingredient, what
// the reprocess then posts, and writes nothing itself.
import { afterEach, describe, expect, it } from 'vitest';
import { handMadeSale } from '../demo/fake-lightspeed/fake-data';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { listLedgerEntries } from '../ledger/ledger';
import { listLogs } from './transfer-log';
import { reprocess, reprocessPreview } from './reprocess';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

describe('reprocessing a date range', () => {
  it('previews today’s mappings against what is posted, writes nothing, and the reprocess posts exactly the preview', async () => {
    const run = (restaurant = await startRestaurant());
    const { scope } = run.engine;
    const sale = (date: string, quantity: string) =>
      run.fake.data.setDaySales(Number(HARBOUR), date, [handMadeSale(`r-${date}`, `${date}T10:00:00Z`, [{ id: `R-${date}`, name: 'Espresso', sku: run.harbourItem('Espresso').sku, quantity }])]);
    sale('2026-05-05', '20.000');
    sale('2026-05-06', '10.000');
    await run.transfer('2026-05-05');
    await run.transfer('2026-05-06');
    // A double shot after all: 0.018 kg a coffee instead of 0.009.
    run.map('Espresso', { ingredient: 'Coffee beans' }, '0.018');
    const logsBefore = listLogs(scope).length;
    const preview = reprocessPreview(scope, HARBOUR, '2026-05-01', '2026-05-07');
    expect(preview).toEqual({ days: ['2026-05-05', '2026-05-06'], ingredients: [{ ingredient: 'Coffee beans', posted: '-0.27', new: '-0.54', difference: '-0.27' }] });
    expect(listLogs(scope)).toHaveLength(logsBefore);

    const results = await reprocess(run.engine.transfers, HARBOUR, '2026-05-01', '2026-05-07');
    expect(results.map((result) => [result.date, result.success])).toEqual([
      ['2026-05-05', true],
      ['2026-05-06', true],
    ]);
    const coffee = listLedgerEntries(scope, { type: 'ISSUE' }).filter((entry) => entry.ingredient === 'Coffee beans');
    expect(coffee.map((entry) => [entry.date, entry.quantity])).toEqual([
      ['2026-05-05', '-0.36'],
      ['2026-05-06', '-0.18'],
    ]);
    expect(reprocessPreview(scope, HARBOUR, '2026-05-01', '2026-05-07').days).toEqual([]);
    // Nothing was fetched: the stored sales were reposted.
    expect(run.fake.requests.filter((request) => request.path.includes('sales-daily')).length).toBe(2);
  });
});
