import { afterEach, describe, expect, it } from 'vitest';
import { createTestEngine, type TestEngine } from '../../../test/support/test-engine';
import type { LarderEvent } from '../../../shared/model/events';
import { DemoAccount } from '../../demo/demo-account';
import { DEMO_RESTAURANT, DEMO_TERRACE } from '../../demo/demo-story';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';

let engine: TestEngine | undefined;
let demo: DemoAccount | undefined;
afterEach(async () => {
  await demo?.close();
  engine?.dispose();
});

async function start(now = '2026-05-08T10:00:00Z') {
  engine = await createTestEngine({ now, env: { LARDER_NOW: now } });
  demo = new DemoAccount(engine);
  const events: LarderEvent[] = [];
  engine.events.subscribe((event) => events.push(event));
  const dispatch = createDispatch(createHandlers(engine, demo));
  return { engine, demo, events, call: (channel: string, input: unknown = {}) => dispatch(channel, input) as Promise<{ ok: boolean; data?: never; error?: { code: string } }> };
}

const done = (checklist: { steps: { step: string; done: boolean }[] }) => checklist.steps.filter((step) => step.done).map((step) => step.step);

describe('the home checklist, settings and the demo account', () => {
  it('the demo account connects to a built-in K-Series, syncs it, fills an empty inventory and tells its story; the checklist follows real data', async () => {
    const { call } = await start();
    const before = await call('setup:checklist');
    expect(before).toMatchObject({ ok: true, data: { next: 'storage_units' } });
    expect(done(before.data as never)).toEqual([]);
    expect((await call('connection:configuration')).data).toMatchObject({ complete: false, demoAccount: false });

    const started = await call('demo:start');
    // As many locations as the Locations screen lists: the K-Series' four and the demo's Sides stores.
    expect(started).toEqual({ ok: true, data: { locations: ((await call('locations:list')).data as never as unknown[]).length, items: 150, importedSetup: true } });
    expect(((await call('locations:list')).data as never as unknown[]).length).toBe(6);
    expect((await call('connection:status')).data).toMatchObject({ status: 'active', businessNames: ['Aloha Diner', 'Harbour Group', 'Island Café'] });
    expect((await call('connection:configuration')).data).toMatchObject({ complete: true, demoAccount: true, environment: 'custom' });
    const after = (await call('setup:checklist')).data as never as { steps: { step: string; done: boolean }[]; next: string };
    expect(done(after)).toEqual(['storage_units', 'ingredients', 'recipes', 'connect', 'sync_locations', 'link_storage_units', 'sync_items', 'activate', 'check_migration', 'check_ledger', 'auto_issue']);
    // About 70 % mapped: the next step is mapping the rest (done at 80 %).
    expect(after.next).toBe('map_items');

    // The story: about 70 % of the Harbour locations' sales value mapped, a few items with sales left.
    const coverage = (await call('items:coverage')).data as unknown as { name: string; percentValue: number }[];
    expect(coverage.map((each) => each.name)).toEqual(['Harbour Restaurant', 'Harbour Terrace']);
    for (const each of coverage) {
      expect(each.percentValue).toBeGreaterThanOrEqual(60);
      expect(each.percentValue).toBeLessThanOrEqual(80);
    }
    expect(((await call('items:work-list')).data as unknown as { rows: unknown[] }).rows.length).toBeGreaterThan(3);
    // The terrace is paused; the restaurant's migration has one failed day, which its alert names.
    const locations = (await call('locations:list')).data as unknown as { businessLocationId: string; autoIssue: boolean; activatedAt: string | null }[];
    expect(locations.filter((each) => each.activatedAt).map((each) => [each.businessLocationId, each.autoIssue])).toEqual([
      [DEMO_RESTAURANT, true],
      [DEMO_TERRACE, false],
    ]);
    const migration = (await call('migrations:status', { businessLocationId: DEMO_RESTAURANT })).data as unknown as {
      status: string;
      days: { date: string; status: string; lines_unmapped: number }[];
    };
    // Each posted day carries what its log left unmapped (the grid shows those days amber).
    expect(migration.days.filter((day) => day.status === 'success').every((day) => day.lines_unmapped > 0)).toBe(true);
    const failed = migration.days.filter((day) => day.status === 'failed');
    expect(migration.status).toBe('failed');
    expect(failed).toHaveLength(1);
    const home = (await call('home:dashboard')).data as unknown as {
      nights: { businessLocationId: string; status: string }[];
      alerts: { code: string; businessLocationId: string }[];
      stock: { negative: string[]; noCost: string[]; neverCounted: number };
    };
    // Last night: the restaurant posted with lines still to map; the terrace's posted day says paused first.
    expect(home.nights.filter((night) => night.status !== 'not_activated').map((night) => [night.businessLocationId, night.status])).toEqual([
      [DEMO_RESTAURANT, 'unmapped'],
      [DEMO_TERRACE, 'paused'],
    ]);
    expect(home.alerts).toMatchObject([{ code: 'migration_failed', businessLocationId: DEMO_RESTAURANT }]);
    // Every ingredient has a cost, and the fortnightly deliveries keep every storage unit above zero.
    expect(home.stock).toMatchObject({ negative: [], noCost: [] });
    // "N ingredients never counted" counts ingredients: the ones in stock somewhere that no count of that storage unit counted.
    const stock = (await call('stock:list')).data as unknown as { storageUnit: string; ingredient: string; quantity: string }[];
    const finished = (await call('counts:list')).data as unknown as { storage_unit: string; status: string; ingredients: string[] }[];
    const counted = new Set(finished.filter((count) => count.status === 'finished').flatMap((count) => count.ingredients.map((name) => `${count.storage_unit}:${name}`)));
    const never = new Set(stock.filter((line) => line.quantity !== '0' && !counted.has(`${line.storageUnit}:${line.ingredient}`)).map((line) => line.ingredient));
    expect(home.stock.neverCounted).toBe(never.size);
    expect(home.stock.neverCounted).toBeLessThanOrEqual(((await call('ingredients:list')).data as never as unknown[]).length);
    const receipts = (await call('receipts:list')).data as unknown as { ingredient: string }[];
    const ingredients = (await call('ingredients:list')).data as unknown as { name: string }[];
    expect(new Set(receipts.map((each) => each.ingredient))).toEqual(new Set(ingredients.map((each) => each.name)));
    // The failed day runs again by hand: the migration takes it and completes, and the alert goes.
    expect(await call('transfers:run', { businessLocationId: DEMO_RESTAURANT, date: failed[0]?.date, force: false })).toMatchObject({ ok: true, data: { success: true } });
    expect(((await call('migrations:status', { businessLocationId: DEMO_RESTAURANT })).data as unknown as { status: string }).status).toBe('completed');
    expect(((await call('home:dashboard')).data as unknown as { alerts: unknown[] }).alerts).toEqual([]);
    // Sides beside the K-Series with its two stores, and two counts a week apart for the variance report.
    expect((await call('sides:status')).data).toMatchObject({ connected: true });
    const counts = (await call('counts:list')).data as unknown as { id: number; status: string }[];
    expect(counts.map((count) => count.status)).toEqual(['finished', 'finished']);
    const variance = await call('reports:variance', { storageUnit: 'Main Kitchen', fromCountId: counts[1]?.id, toCountId: counts[0]?.id });
    expect(variance).toMatchObject({ ok: true, data: { rows: expect.arrayContaining([expect.objectContaining({ variance_quantity: expect.any(String) })]) } });

    // A second start is refused only for a real account; the demo can be started again.
    expect(await call('demo:start')).toMatchObject({ ok: true, data: { importedSetup: false } });
  });

  it('the demo account comes back after a restart: a new fake, a new sign-in, the same local data', async () => {
    const { engine: first, call } = await start();
    await call('demo:start');
    await demo?.close();
    const again = new DemoAccount(first);
    await again.resume();
    demo = again;
    const dispatch = createDispatch(createHandlers(first, again));
    expect(await dispatch('connection:test', {})).toMatchObject({ ok: true, data: { locations: 4 } });
  });

  it('saving a real client leaves the demo account', async () => {
    const { call } = await start();
    await call('demo:start');
    expect(await call('connection:configure', { environment: 'trial-v2', clientId: 'restaurant-client', clientSecret: 's3cret' })).toMatchObject({
      ok: true,
      data: { demoAccount: false, environment: 'trial-v2', clientId: 'restaurant-client' },
    });
    expect((await call('settings:get')).data).toMatchObject({ demoAccount: false });
  });

  it('waste reasons are the manager’s list: edited, then the only ones waste takes', async () => {
    const { call } = await start();
    expect((await call('waste:reasons')).data).toEqual(['spoiled', 'dropped', 'overproduced', 'staff meal', 'other']);
    expect(await call('waste:reasons-save', { reasons: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('waste:reasons-save', { reasons: ['spoiled', 'tasting'] })).toEqual({ ok: true, data: ['spoiled', 'tasting'] });
    expect(await call('setup:import', { content: JSON.stringify({ storageUnits: [{ name: 'Bar' }], ingredients: [{ name: 'Lime', unit: 'piece' }] }) })).toMatchObject({ ok: true });
    const waste = (reason: string) => call('waste:record', { storageUnit: 'Bar', ingredient: 'Lime', quantity: '2', reason, at: '2026-05-01T12:00:00Z' });
    expect(await waste('Tasting')).toMatchObject({ ok: true, data: { entries: 1 } });
    expect(await waste('dropped')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('spoiled, tasting') } });
  });

  it('settings are validated, saved and announced', async () => {
    const { call, events } = await start();
    expect(await call('settings:save', { nightlyRunTime: '25:00' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('settings:save', { dataFolder: '/tmp' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('settings:save', { nightlyRunTime: '04:30', startAtLogin: true })).toEqual({
      ok: true,
      data: {
        nightlyRunTime: '04:30',
        startAtLogin: true,
        closeToTray: true,
        allowWeakSecretStorage: false,
        exchangeRates: {},
        refundsRestock: false,
        voidsThatAreWaste: ['Broken', 'Cooking', 'Taste', 'Unhappy Client'],
        priceRiseThreshold: 10,
        sessionIdleMinutes: 480,
        serverAddress: null,
        demoAccount: false,
      },
    });
    // A Larder server to be a window on: https, or plain http to this computer only.
    expect(await call('settings:save', { serverAddress: 'http://larder.example.com' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('settings:save', { serverAddress: 'https://larder.example.com' })).toMatchObject({ ok: true, data: { serverAddress: 'https://larder.example.com' } });
    expect(await call('settings:save', { sessionIdleMinutes: 2 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // What 1 USD is in the company's currency: a positive decimal, by currency code.
    expect(await call('settings:save', { exchangeRates: { USD: '0' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('settings:save', { exchangeRates: { usd: '0.9' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('settings:save', { exchangeRates: { USD: '0.92' } })).toMatchObject({ ok: true, data: { exchangeRates: { USD: '0.92' } } });
    expect(events).toContainEqual({ type: 'settings:changed' });
  });

  it('ledger totals cover every matching entry, and add quantities only within one unit', async () => {
    const { call } = await start();
    await call('setup:import', {
      content: JSON.stringify({
        storageUnits: [{ name: 'Main Kitchen' }],
        ingredients: [
          { name: 'Coffee beans', unit: 'kg' },
          { name: 'Milk', unit: 'l' },
        ],
        receipts: [
          { ingredient: 'Coffee beans', storageUnit: 'Main Kitchen', quantity: '0.1', value: '1.80', date: '2026-01-05' },
          { ingredient: 'Coffee beans', storageUnit: 'Main Kitchen', quantity: '0.2', value: '3.60', date: '2026-01-06' },
          { ingredient: 'Milk', storageUnit: 'Main Kitchen', quantity: '12', value: '13.2', date: '2026-01-06' },
        ],
      }),
    });
    expect((await call('ledger:totals', {})).data).toEqual({ entries: 3, value: '18.6', quantity: null });
    const coffee = ((await call('ingredients:list')).data as never as { id: number; name: string }[]).find((ingredient) => ingredient.name === 'Coffee beans');
    expect((await call('ledger:totals', { ingredientId: coffee?.id })).data).toEqual({ entries: 2, value: '5.4', quantity: { amount: '0.3', unit: 'kg' } });
    expect((await call('ledger:totals', { from: '2026-01-06', to: '06.01.2026' })).data).toMatchObject({ entries: 2 });
  });
});
