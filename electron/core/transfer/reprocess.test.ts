// Reprocessing past days with today's mappings: the preview matches, ingredient by ingredient, what
// the reprocess then posts, and writes nothing itself.
import { afterEach, describe, expect, it } from 'vitest';
import { handMadeSale } from '../../demo/fake-lightspeed/fake-data';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { listLedgerEntries } from '../ledger/ledger';
import { listLogs } from './transfer-log';
import { reprocess, reprocessPreview } from './reprocess';
import { finishCount, setCountLine, startCount } from '../stock/stock-control';
import { stockAfterCount } from '../../../test/support/counts';

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
    await run.map('Espresso', { ingredient: 'Coffee beans' }, '0.018');
    const logsBefore = (await listLogs(scope)).length;
    const preview = await reprocessPreview(run.engine.transfers, HARBOUR, '2026-05-01', '2026-05-07');
    expect(preview).toEqual({
      days: ['2026-05-05', '2026-05-06'],
      ingredients: [{ ingredient: 'Coffee beans', unit: 'kg', posted: '-0.27', new: '-0.54', difference: '-0.27', postedValue: '-4.86', newValue: '-9.72' }],
    });
    expect(await listLogs(scope)).toHaveLength(logsBefore);

    const results = await reprocess(run.engine.transfers, HARBOUR, '2026-05-01', '2026-05-07');
    expect(results.map((result) => [result.date, result.success])).toEqual([
      ['2026-05-05', true],
      ['2026-05-06', true],
    ]);
    const coffee = (await listLedgerEntries(scope, { type: 'ISSUE' })).filter((entry) => entry.ingredient === 'Coffee beans');
    expect(coffee.map((entry) => [entry.date, entry.quantity, entry.value])).toEqual([
      ['2026-05-05', '-0.36', '-6.48'],
      ['2026-05-06', '-0.18', '-3.24'],
    ]);
    expect((await reprocessPreview(run.engine.transfers, HARBOUR, '2026-05-01', '2026-05-07')).days).toEqual([]);
    // Logged as a reprocess, not as a day issued by hand (the checklist's "Test one day by hand" counts those).
    expect((await listLogs(scope)).map((log) => log.trigger)).toEqual(['reprocess', 'reprocess', 'manual', 'manual']);
    // Nothing was fetched: the stored sales were reposted.
    expect(run.fake.requests.filter((request) => request.path.includes('sales-daily')).length).toBe(2);
  });

  it('stops between days when cancelled; the days done stay done and a new preview lists the rest', async () => {
    const run = (restaurant = await startRestaurant());
    for (const date of ['2026-05-04', '2026-05-05', '2026-05-06']) {
      run.fake.data.setDaySales(Number(HARBOUR), date, [handMadeSale(`c-${date}`, `${date}T10:00:00Z`, [{ id: `C-${date}`, name: 'Espresso', sku: run.harbourItem('Espresso').sku, quantity: '10.000' }])]);
      await run.transfer(date);
    }
    await run.map('Espresso', { ingredient: 'Coffee beans' }, '0.018');
    const cancel = new AbortController();
    const progress: [number, number, string][] = [];
    const results = await reprocess(run.engine.transfers, HARBOUR, '2026-05-04', '2026-05-06', {
      signal: cancel.signal,
      onProgress: (done, total, result) => {
        progress.push([done, total, result.date]);
        cancel.abort();
      },
    });
    expect(progress).toEqual([[1, 3, '2026-05-04']]);
    expect(results.map((result) => result.date)).toEqual(['2026-05-04']);
    expect((await reprocessPreview(run.engine.transfers, HARBOUR, '2026-05-04', '2026-05-06')).days).toEqual(['2026-05-05', '2026-05-06']);
  });
});

describe('reprocessing days before a finished count', () => {
  it('leaves stock at the count’s moment what was counted', async () => {
    const run = (restaurant = await startRestaurant());
    const { scope } = run.engine;
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-05', [handMadeSale('k-1', '2026-05-05T10:00:00Z', [{ id: 'K-1', name: 'Espresso', sku: run.harbourItem('Espresso').sku, quantity: '20.000' }])]);
    await run.transfer('2026-05-05');
    const count = await startCount(scope, 'Main Kitchen', '2026-05-06T12:00:00Z');
    await setCountLine(scope, count.id, 'Coffee beans', '9.5');
    await finishCount(scope, count.id, '2026-05-06T12:30:00Z');
    expect(await stockAfterCount(scope, count.id, 'Coffee beans')).toBe('9.5');
    await run.map('Espresso', { ingredient: 'Coffee beans' }, '0.018');
    await reprocess(run.engine.transfers, HARBOUR, '2026-05-05', '2026-05-05');
    expect((await listLedgerEntries(scope, { type: 'ISSUE' })).map((entry) => entry.quantity)).toEqual(['-0.36']);
    expect(await stockAfterCount(scope, count.id, 'Coffee beans')).toBe('9.5');
    expect((await listLedgerEntries(scope, { type: 'COUNT' })).map((entry) => entry.quantity)).toEqual(['-0.14']);
  });
});
