import { afterEach, describe, expect, it } from 'vitest';
import type { FakeLightspeedOptions } from '../../demo/fake-lightspeed/fake-lightspeed';
import { startConnected, type Connected } from '../../../test/support/lightspeed';
import { formatDecimal } from '../decimal/decimal';
import { saveStorageUnit } from '../inventory/storage-units';
import { linkStorageUnit, setTimeZone } from '../locations/location-config';
import { listLocations } from '../locations/location-sync';
import { activateLocation } from '../migration/migration';
import { listItems } from './item-sync';
import { itemPrice, syncItems, syncLocations } from '../sources/lightspeed/lightspeed-sync';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.dispose();
  connected = undefined;
});

async function setup(options: FakeLightspeedOptions = {}) {
  connected = await startConnected(options);
  const { engine } = connected;
  const at = () => new Date().toISOString();
  return {
    ...connected,
    syncLocations: () => syncLocations(engine.scope, engine.lightspeed.api, at()),
    syncItems: () => syncItems(engine.scope, engine.lightspeed.api, at()),
  };
}

const HARBOUR_RESTAURANT = '45454565682155';
const HARBOUR_TERRACE = '45454565682156';

describe('location sync', () => {
  it('flattens businesses into locations with country, time zone and currency', async () => {
    const run = await setup();
    expect(await run.syncLocations()).toEqual({ locations: 4, added: 4, notSeen: 0 });
    const byId = Object.fromEntries((await listLocations(run.engine.scope)).map((location) => [location.businessLocationId, location]));
    expect(byId[HARBOUR_RESTAURANT]).toMatchObject({ name: 'Harbour Restaurant', country: 'NL', timezone: 'Europe/Amsterdam', currencyCode: 'EUR', businessName: 'Harbour Group', seenInLastSync: true });
    expect(byId['56565676793266']).toMatchObject({ timezone: 'Pacific/Tongatapu', currencyCode: 'TOP' });
    expect(byId['67676787804377']).toMatchObject({ timezone: 'Pacific/Honolulu', currencyCode: 'USD' });
    expect((await run.engine.lightspeed.connection.view()).businessNames).toEqual(['Aloha Diner', 'Harbour Group', 'Island Café']);
  });

  it('syncs a location without country or time zone, and asks for its zone before it can be activated (issue 27)', async () => {
    const run = await setup();
    run.fake.data.leaveOutZone(Number(HARBOUR_TERRACE));
    expect(await run.syncLocations()).toEqual({ locations: 4, added: 4, notSeen: 0 });
    const terrace = (await listLocations(run.engine.scope)).find((location) => location.businessLocationId === HARBOUR_TERRACE)!;
    expect(terrace).toMatchObject({ country: '', timezone: 'Europe/Berlin', timeZoneKnown: false });
    const unit = (await saveStorageUnit(run.engine.scope, { name: 'Terrace bar' })).id;
    await linkStorageUnit(run.engine.scope, HARBOUR_TERRACE, unit);
    await expect(activateLocation(run.engine.scope, HARBOUR_TERRACE, run.engine.platform.clock)).rejects.toThrow(expect.objectContaining({ code: 'time_zone_required' }));
    await setTimeZone(run.engine.scope, HARBOUR_TERRACE, 'Europe/Amsterdam');
    expect(await activateLocation(run.engine.scope, HARBOUR_TERRACE, run.engine.platform.clock)).toMatchObject({ status: 'pending' });
    // A later sync that still names no zone keeps the one set by hand.
    await run.syncLocations();
    expect((await listLocations(run.engine.scope)).find((location) => location.businessLocationId === HARBOUR_TERRACE)).toMatchObject({ timezone: 'Europe/Amsterdam', timeZoneKnown: true });
  });

  it('keeps a location removed upstream, marked not seen, and updates a renamed one', async () => {
    const run = await setup();
    await run.syncLocations();
    run.fake.data.removeLocation(Number(HARBOUR_TERRACE));
    run.fake.data.renameLocation(Number(HARBOUR_RESTAURANT), 'Harbour Brasserie');
    expect(await run.syncLocations()).toEqual({ locations: 3, added: 0, notSeen: 1 });
    const byId = Object.fromEntries((await listLocations(run.engine.scope)).map((location) => [location.businessLocationId, location]));
    expect(byId[HARBOUR_TERRACE]).toMatchObject({ name: 'Harbour Terrace', seenInLastSync: false });
    expect(byId[HARBOUR_RESTAURANT]).toMatchObject({ name: 'Harbour Brasserie', seenInLastSync: true });
    expect(await listLocations(run.engine.scope)).toHaveLength(4);
  });

  it('refuses malformed JSON and unexpected shapes without writing anything', async () => {
    const run = await setup();
    await run.syncLocations();
    const before = await listLocations(run.engine.scope);
    run.fake.fail({ kind: 'malformed' });
    await expect(run.syncLocations()).rejects.toMatchObject({ code: 'lightspeed_api_error', message: expect.stringContaining('Lightspeed sent an answer Larder could not read') });
    run.fake.data.businesses[0]!.locations[0]!.timezone = 'Mars/Olympus';
    await expect(run.syncLocations()).rejects.toMatchObject({ code: 'lightspeed_api_error', message: expect.stringContaining('timezone') });
    expect(await listLocations(run.engine.scope)).toEqual(before);
  });

  it('turns API failures into clear codes with the status and the server’s words', async () => {
    const run = await setup();
    run.fake.fail({ kind: 500 });
    await expect(run.syncLocations()).rejects.toMatchObject({ code: 'lightspeed_api_error', status: 500, temporary: false, message: expect.stringContaining('500') });
    run.fake.fail({ kind: 429, retryAfter: '7' });
    await expect(run.syncLocations()).rejects.toMatchObject({ status: 429, temporary: true, retryAfterMs: 7000 });
    run.fake.fail({ kind: 'reset' });
    await expect(run.syncLocations()).rejects.toMatchObject({ code: 'lightspeed_api_error', status: null, temporary: true });
  });
});

describe('item sync', () => {
  it('pages through three pages per location and stores shared items once, with both locations', async () => {
    const run = await setup({ itemsPerBusiness: 250 });
    await run.syncLocations();
    const result = await run.syncItems();
    const offsets = run.fake.requests
      .filter((request) => request.path === '/items/v1/items' && request.query.businessLocationId === HARBOUR_RESTAURANT)
      .map((request) => request.query.offset);
    expect(offsets).toEqual(['0', '100', '200']);
    const items = await listItems(run.engine.scope);
    const ids = items.map((item) => item.itemId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.items).toBe(ids.length);
    const shared = items.filter((item) => item.locations.includes(HARBOUR_RESTAURANT) && item.locations.includes(HARBOUR_TERRACE));
    expect(shared.length).toBeGreaterThan(150);
    expect(run.fake.data.items.filter((item) => item.blIds.length === 2)).toHaveLength(shared.length);
    // Syncing again changes nothing: no duplicates, the same links.
    await run.syncItems();
    expect(await listItems(run.engine.scope)).toEqual(items.map((item) => ({ ...item, lastSyncedAt: expect.any(String) })));
  });

  it('reads active and disabled as Lightspeed means them: archived is inactive, "disabled" is stock not tracked there (issue 27)', async () => {
    const run = await setup();
    await run.syncLocations();
    await run.syncItems();
    const stored = new Map((await listItems(run.engine.scope)).map((item) => [item.itemId, item]));
    const archived = run.fake.data.items.filter((item) => !item.active);
    const disabled = run.fake.data.items.filter((item) => item.disabled && item.active);
    expect(archived.length).toBeGreaterThan(0);
    expect(disabled.length).toBeGreaterThan(0);
    for (const item of archived) expect(stored.get(String(item.id))).toMatchObject({ active: false });
    for (const item of disabled) expect(stored.get(String(item.id))).toMatchObject({ active: true, stockUntracked: true });
    expect([...stored.values()].filter((item) => item.stockUntracked).length).toBe(run.fake.data.items.filter((item) => item.disabled).length);
  });

  it('keeps the SKU and records a rename under the same item id', async () => {
    const run = await setup();
    await run.syncLocations();
    await run.syncItems();
    const espresso = (await listItems(run.engine.scope)).find((item) => item.name === 'Espresso' && item.locations.includes(HARBOUR_RESTAURANT));
    expect(espresso).toBeDefined();
    run.fake.data.renameItem(Number(espresso?.itemId), 'Espresso doppio');
    await run.syncItems();
    expect((await listItems(run.engine.scope)).find((item) => item.itemId === espresso?.itemId)).toMatchObject({ name: 'Espresso doppio', sku: espresso?.sku });
  });

  it.each(['wrapped', 'single'] as const)('accepts the %s response shape', async (itemsShape) => {
    const run = await setup({ itemsShape, itemsPerBusiness: itemsShape === 'single' ? 1 : 36 });
    await run.syncLocations();
    const result = await run.syncItems();
    expect(result.items).toBeGreaterThan(0);
  });

  it('stops with an error, writing nothing, when a page repeats', async () => {
    const run = await setup({ itemsPerBusiness: 250 });
    await run.syncLocations();
    run.fake.api.options.ignoreOffset = true;
    await expect(run.syncItems()).rejects.toMatchObject({ code: 'lightspeed_api_error', message: expect.stringContaining('same page') });
    expect(await listItems(run.engine.scope)).toEqual([]);
  });

  it('needs synced locations first', async () => {
    const run = await setup();
    await expect(run.syncItems()).rejects.toMatchObject({ code: 'no_locations' });
  });
});

describe('item price', () => {
  const price = (item: Record<string, unknown>) => {
    const found = itemPrice({ id: '1', name: 'x', sku: null, ...item } as Parameters<typeof itemPrice>[0]);
    return found === null ? null : formatDecimal(found);
  };

  it('takes the first usable of prices[].amount, .value, .price, price, costPrice', () => {
    expect(price({ prices: [{ amount: 11.0 }], price: 9, costPrice: 3.1 })).toBe('11');
    expect(price({ prices: [{ value: 4.5 }], costPrice: 1 })).toBe('4.5');
    expect(price({ prices: [{ price: '2.95' }] })).toBe('2.95');
    expect(price({ prices: [{ amount: null }, { value: 'n/a' }], price: 7.25 })).toBe('7.25');
    expect(price({ prices: [], costPrice: 3.1 })).toBe('3.1');
    expect(price({ prices: [{ amount: -1 }] })).toBeNull();
    expect(price({})).toBeNull();
    expect(price({ price: 0.1 + 0.2 })).toBe('0.3');
  });
});
