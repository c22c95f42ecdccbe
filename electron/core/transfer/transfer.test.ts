import { afterEach, describe, expect, it } from 'vitest';
import { dateInZone } from '../time/zoned-time';
import { handMadeSale, type FakeSale } from '../../demo/fake-lightspeed/fake-data';
import { HARBOUR, HONOLULU, startRestaurant, TONGATAPU, type Restaurant } from '../../../test/support/restaurant';
import { dayTotalsBothWays } from '../../../test/support/day-totals';
import { ledgerEntryLines, stockOnHand } from '../ledger/ledger';
import { listLogs } from './transfer-log';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

async function setup(...args: Parameters<typeof startRestaurant>): Promise<Restaurant> {
  restaurant = await startRestaurant(...args);
  return restaurant;
}

/** The seed's worked examples on one business day of the Harbour Restaurant. */
function workedExampleDay(run: Restaurant, date = '2026-05-06') {
  const cola = run.harbourItem('Cola 0.33 l');
  const espresso = run.harbourItem('Espresso');
  const burger = run.harbourItem('Classic Burger');
  run.fake.data.setDaySales(Number(HARBOUR), date, [
    handMadeSale('a1', `${date}T10:00:00Z`, [{ id: 'L-cola', name: 'Cola 0.33 l', sku: cola.sku, quantity: '12.000' }]),
    handMadeSale('a2', `${date}T11:00:00Z`, [{ id: 'L-espresso', name: 'Espresso', sku: espresso.sku, quantity: '20.000' }]),
    handMadeSale('a3', `${date}T12:00:00Z`, [{ id: 'L-burger', name: 'Classic Burger', sku: burger.sku, quantity: '5.000' }]),
  ]);
}

const byIngredient = (entries: { ingredient: string; quantity: string; value: string }[]) =>
  Object.fromEntries(entries.map((entry) => [entry.ingredient, [entry.quantity, entry.value]]));

describe('a transfer', () => {
  it('posts the seed’s worked examples exactly', async () => {
    const run = await setup();
    workedExampleDay(run);
    const result = await run.transfer('06.05.2026');
    expect(result).toMatchObject({ date: '2026-05-06', success: true, no_data: false, data_complete: true, error: null });
    expect(result.stats).toMatchObject({ sales_count: 3, lines_processed: 3, lines_skipped: 0, ledger_entries_created: 5, exceptions: [], used_cache: false, idempotent: false });
    expect(byIngredient(await run.issues({ date: '2026-05-06' }))).toEqual({
      'Cola bottle 0.33 l': ['-12', '-7.2'],
      'Coffee beans': ['-0.18', '-3.24'],
      'Burger bun': ['-5', '0'],
      'Beef patty': ['-5', '0'],
      // 5 × 0.03 kg net at 10 % trim: 0.166667 kg gross, at 2.9 per kg.
      Tomato: ['-0.166667', '-0.4833'],
    });
    expect(result.stats?.recipes_used).toEqual([
      { type: 'ingredient', name: 'Cola bottle 0.33 l', quantity: '12' },
      { type: 'ingredient', name: 'Coffee beans', quantity: '0.18' },
      { type: 'recipe', name: 'Classic Burger recipe', quantity: '5' },
    ]);
    expect((await run.issues()).every((entry) => entry.businessLocationId === HARBOUR && entry.transferLogId === result.log_id && entry.salesLines === 1)).toBe(true);
    // Each entry leads to its sales line and that line's own deduction.
    const burgerLines = await Promise.all((await run.issues()).filter((entry) => ['Burger bun', 'Beef patty', 'Tomato'].includes(entry.ingredient)).map(async (entry) => (await ledgerEntryLines(run.engine.scope, entry.id))?.lines));
    expect(burgerLines.map((lines) => lines?.map(({ item, quantity, deduction }) => [item, quantity, deduction]))).toEqual([
      [['Classic Burger', '5', '-5']],
      [['Classic Burger', '5', '-5']],
      [['Classic Burger', '5', '-0.166667']],
    ]);
    expect((await stockOnHand(run.engine.scope)).find((line) => line.ingredient === 'Coffee beans')).toMatchObject({ quantity: '9.82', value: '176.76' });
  });

  it('records unmapped names, invalid trims and cycles as exceptions and deducts nothing for them', async () => {
    const run = await setup();
    const { db } = run.engine;
    // Legacy data the editor would refuse today: a 100 % trim and two recipes that contain each other.
    await db.statement(`UPDATE recipe_lines SET trim_pct = 100000000 WHERE ingredient_id = (SELECT id FROM ingredients WHERE name = 'Tomato')`).run();
    const loop = db.statement(`INSERT INTO recipes (company_id, name, yield_qty) VALUES (1, ?, 1000000) RETURNING id`);
    const a = ((await loop.get('Loop A')) as { id: number }).id;
    const b = ((await loop.get('Loop B')) as { id: number }).id;
    await db.statement(`INSERT INTO recipe_lines (recipe_id, position, sub_recipe_id, quantity) VALUES (?, 1, ?, 1000000), (?, 1, ?, 1000000)`).run(a, b, b, a);
    await db.statement(`INSERT INTO recipe_lines (recipe_id, position, ingredient_id, quantity) VALUES (?, 2, (SELECT id FROM ingredients WHERE name = 'Oat milk'), 500000)`).run(a);
    await run.map('Cappuccino', { recipe: 'Loop A' }, '1');
    const burger = run.harbourItem('Classic Burger');
    const cappuccino = run.harbourItem('Cappuccino');
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-05', [
      handMadeSale('b1', '2026-05-05T10:00:00Z', [
        { id: 'L1', name: 'Classic Burger', sku: burger.sku, quantity: '2.000' },
        { id: 'L2', name: 'Mystery Shake', sku: '999999', quantity: '1.000' },
        { id: 'L3', name: 'Cappuccino', sku: cappuccino.sku, quantity: '1.000' },
      ]),
    ]);
    const result = await run.transfer('2026-05-05');
    expect(result.stats?.unmapped_names).toEqual(['Mystery Shake']);
    expect(result.stats?.exceptions).toEqual([
      'unmapped_pos_name:Mystery Shake',
      'invalid_trim_pct:Classic Burger recipe line 3 (100 %)',
      'recipe_cycle:Loop A → Loop B → Loop A',
    ]);
    expect(byIngredient(await run.issues())).toEqual({ 'Burger bun': ['-2', '0'], 'Beef patty': ['-2', '0'], 'Oat milk': ['-0.5', '0'] });
  });

  it('skips refunds, voids, zero and nameless lines; posts modifiers; a subtraction mapping gives stock back', async () => {
    const run = await setup();
    await run.map('Oat milk', { ingredient: 'Oat milk' }, '0.2', true);
    const espresso = run.harbourItem('Espresso');
    const oat = run.harbourItem('Oat milk');
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-04', [
      handMadeSale('c1', '2026-05-04T10:00:00Z', [
        { id: 'M1', name: 'Espresso', sku: espresso.sku, quantity: '1.000' },
        { id: 'M2', name: 'Oat milk', sku: oat.sku, quantity: '1.000', parentLineId: 'M1' },
        { id: 'M3', name: 'Espresso', sku: espresso.sku, quantity: '0.000' },
        { id: 'M4', name: '', sku: '', quantity: '1.000' },
      ]),
      handMadeSale('c2', '2026-05-04T11:00:00Z', [{ id: 'R1', name: 'Espresso', sku: espresso.sku, quantity: '-1.000' }], 'REFUND'),
      handMadeSale('c3', '2026-05-04T12:00:00Z', [{ id: 'V1', name: 'Espresso', sku: espresso.sku, quantity: '3.000' }], 'VOID'),
    ]);
    const result = await run.transfer('2026-05-04');
    expect(result.stats).toMatchObject({ sales_count: 3, lines_processed: 2, lines_skipped: 4 });
    expect(byIngredient(await run.issues())).toEqual({ 'Coffee beans': ['-0.009', '-0.162'], 'Oat milk': ['0.2', '0'] });
  });

  it('is idempotent without force, and rebuilds from new data with force', async () => {
    const run = await setup();
    workedExampleDay(run);
    const first = await run.transfer('2026-05-06', { force: false });
    const again = await run.transfer('2026-05-06', { force: false });
    expect(again.stats).toMatchObject({ ledger_entries_created: 0, idempotent: true, used_cache: true, lines_skipped: 3 });
    expect(await run.issues()).toHaveLength(first.ledger_ids.length);

    run.fake.data.setLineQuantity('L-espresso', '25.000');
    const forced = await run.transfer('2026-05-06', { force: true });
    expect(forced.stats).toMatchObject({ used_cache: false, ledger_entries_created: 5, idempotent: false });
    expect(byIngredient(await run.issues())['Coffee beans']).toEqual(['-0.225', '-4.05']);
    expect(await run.issues()).toHaveLength(5);
    // The Ledger screen's day totals followed the rebuild, receipts included.
    const { kept, recounted } = await dayTotalsBothWays(run.engine.db);
    expect(kept).toEqual(recounted);
    expect(kept.length).toBeGreaterThan(5);
  });

  it('keeps deducting a renamed item through its SKU', async () => {
    const run = await setup();
    const espresso = run.harbourItem('Espresso');
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-03', [handMadeSale('d1', '2026-05-03T10:00:00Z', [{ id: 'N1', name: 'Espresso doppio', sku: espresso.sku, quantity: '2.000' }])]);
    const result = await run.transfer('2026-05-03');
    expect(result.stats?.unmapped_names).toEqual([]);
    expect(byIngredient(await run.issues())).toEqual({ 'Coffee beans': ['-0.018', '-0.324'] });
  });

  it.each([
    ['east of UTC+12', TONGATAPU, 'Pacific/Tongatapu'],
    ['west of UTC−7', HONOLULU, 'Pacific/Honolulu'],
  ])('puts a late-night sale on the previous business day (%s)', async (_name, blId, zone) => {
    const run = await setup({ salesPerDay: 30 });
    for (const name of ['Espresso', 'Cola 0.33 l', 'Classic Burger']) expect(run.harbourItem(name)).toBeDefined();
    // Map everything sold, so every line of the day deducts.
    const location = run.fake.data.location(Number(blId))!;
    // A generated day: every field of the contract is there.
    const sales = run.fake.data.salesOf(location, '2026-05-04') as FakeSale[];
    const late = sales.find((sale) => sale.type === 'SALE' && dateInZone(new Date(sale.timeClosed), zone) === '2026-05-05');
    expect(late).toBeDefined();
    const line = late!.salesLines.find((candidate) => candidate.parentLineId === null)!;
    await run.engine.db.statement(`DELETE FROM pos_mappings`).run();
    const item = run.fake.data.items.find((candidate) => candidate.sku === line.sku && candidate.blIds.includes(Number(blId)))!;
    const { saveMapping } = await import('../items/mappings');
    const posItem = (await run.engine.db.statement('SELECT id FROM pos_items WHERE item_id = ?').get(String(item.id))) as { id: number };
    await saveMapping(run.engine.scope, { posItemId: posItem.id, target: { ingredientId: 1 }, quantity: '1', isSubtraction: false }, '2026-05-08T10:00:00Z');

    const day = await run.transfer('2026-05-04', { businessLocationId: blId });
    const next = await run.transfer('2026-05-05', { businessLocationId: blId });
    const lineRow = async (id: string) => (await run.engine.db.statement('SELECT l.id, s.business_date AS date FROM sales_lines l JOIN sales s ON s.id = l.sale_id WHERE l.line_id = ?').get(id)) as { id: number; date: string };
    expect((await lineRow(line.id)).date).toBe('2026-05-04');
    const linesOn = async (date: string) =>
      (await Promise.all((await run.issues({ date, locationId: blId })).map(async (entry) => (await ledgerEntryLines(run.engine.scope, entry.id))?.lines.map((traced) => traced.posLineId) ?? []))).flat();
    expect(await linesOn('2026-05-04')).toContain(line.id);
    expect(await linesOn('2026-05-05')).not.toContain(line.id);
    expect(day.success && next.success).toBe(true);
  });

  it('answers no_data before the first trading day and refuses a day that has not ended', async () => {
    const run = await setup();
    expect(await run.transfer('2025-12-01')).toMatchObject({ success: true, no_data: true, ledger_ids: [] });
    await expect(run.transfer('2026-05-08')).rejects.toMatchObject({ code: 'date_not_closed' });
    // 09:00 UTC on 8 May is 23:00 on 7 May in Honolulu: the 7th has not ended there.
    run.setNow('2026-05-08T09:00:00Z');
    await expect(run.transfer('2026-05-07', { businessLocationId: HONOLULU })).rejects.toMatchObject({ code: 'date_not_closed' });
    await expect(run.transfer('2026-05-07', { businessLocationId: TONGATAPU })).resolves.toMatchObject({ success: true });
    await expect(run.transfer('7/5/2026')).rejects.toMatchObject({ code: 'invalid_date_format' });
    await expect(run.transfer('')).rejects.toMatchObject({ code: 'date_required' });
    await run.engine.db.statement(`UPDATE locations SET storage_unit_id = NULL WHERE business_location_id = '${HARBOUR}'`).run();
    await expect(run.transfer('2026-05-06')).rejects.toMatchObject({ code: 'location_has_no_storage_unit' });
  });

  it('posts a day Lightspeed has not closed by hand, marked incomplete', async () => {
    const run = await setup();
    run.setNow('2026-05-08T02:00:00Z');
    // 04:00 in Amsterdam: the 7th is past midnight but before the 05:30 start of day.
    const result = await run.transfer('2026-05-07');
    expect(result).toMatchObject({ success: true, data_complete: false });
    expect((await listLogs(run.engine.scope, { date: '2026-05-07' }))[0]).toMatchObject({ status: 'success', dataComplete: false });
  });

  it('lets the database refuse a second ISSUE of a day and ingredient, and a second deduction of a line for an ingredient', async () => {
    const run = await setup();
    workedExampleDay(run);
    await run.transfer('2026-05-06');
    const entry = (await run.issues())[0]!;
    const { db } = run.engine;
    // The database refuses a second ISSUE and a second trace row itself, whichever store it is.
    await expect(
      db
        .statement(
          `INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, business_location_id, source) VALUES (1, 'ISSUE', ?, ?, ?, -1, 0, 0, ?, 'lightspeed')`,
        )
        .run(entry.date, entry.ingredientId, entry.storageUnitId, entry.businessLocationId),
    ).rejects.toThrow(/UNIQUE|unique/);
    const traced = (await db.statement('SELECT sales_line_id AS line, ingredient_id AS ingredient FROM ledger_issue_lines WHERE entry_id = ?').get(entry.id)) as { line: number; ingredient: number };
    await expect(db.statement('INSERT INTO ledger_issue_lines (sales_line_id, ingredient_id, entry_id, quantity) VALUES (?, ?, ?, -1)').run(traced.line, traced.ingredient, entry.id)).rejects.toThrow(
      /UNIQUE|PRIMARY KEY|unique/,
    );
  });
});

describe('retries', () => {
  it('waits out a 429 with Retry-After: 1, with two logs sharing the request UUID', async () => {
    const run = await setup();
    run.fake.fail({ kind: 429, retryAfter: '1' });
    const started = Date.now();
    const result = await run.transfer('2026-05-06');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.success).toBe(true);
    const logs = (await listLogs(run.engine.scope, { date: '2026-05-06' })).reverse();
    expect(logs.map((log) => [log.attempt, log.status, log.requestUuid])).toEqual([
      [1, 'failed', result.request_uuid],
      [2, 'success', result.request_uuid],
    ]);
  });

  it('ends a 503 storm in max_retries_exhausted, with four logs sharing one request UUID', async () => {
    const run = await setup();
    run.fake.fail({ kind: 503, times: 10 });
    const result = await run.transfer('2026-05-06');
    expect(result).toMatchObject({ success: false, error: { code: 'max_retries_exhausted' } });
    const logs = await listLogs(run.engine.scope, { date: '2026-05-06' });
    expect(logs).toHaveLength(4);
    expect(new Set(logs.map((log) => log.requestUuid))).toEqual(new Set([result.request_uuid]));
    expect(logs.map((log) => log.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(logs[0]?.errorMessage).toContain('503');
    expect(await run.issues()).toEqual([]);
  });

  it('cuts off an answer that trickles past the deadline, retries it, and frees the day whether or not the retries succeed (issue 25, item 1)', async () => {
    const run = await setup({}, { LARDER_POS_DEADLINE_MS: '400' });
    run.fake.fail({ kind: 'trickle', delayMs: 50, times: 10, match: 'date=2026-05-06' });
    const started = Date.now();
    const failed = await run.transfer('2026-05-06');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(failed).toMatchObject({ success: false, error: { code: 'max_retries_exhausted', message: expect.stringContaining('did not finish answering') } });
    expect((await listLogs(run.engine.scope, { date: '2026-05-06' })).map((log) => log.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect((await run.engine.db.statement('SELECT COUNT(*) AS held FROM day_locks').get())).toEqual({ held: 0 });

    run.fake.clearFaults();
    run.fake.fail({ kind: 'trickle', delayMs: 50, match: 'date=2026-05-06' });
    expect(await run.transfer('2026-05-06')).toMatchObject({ success: true });
    expect((await run.issues({ date: '2026-05-06' })).length).toBeGreaterThan(0);
  });

  it('fails at once on other 4xx answers', async () => {
    const run = await setup();
    await run.engine.db.statement(`UPDATE locations SET business_location_id = '999' WHERE business_location_id = '${HARBOUR}'`).run();
    const result = await run.transfer('2026-05-06', { businessLocationId: '999' });
    expect(result).toMatchObject({ success: false, error: { code: 'lightspeed_api_error' } });
    expect(await listLogs(run.engine.scope)).toHaveLength(1);
  });
});
