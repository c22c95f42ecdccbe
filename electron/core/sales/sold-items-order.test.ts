import { afterEach, describe, expect, it } from 'vitest';
import type { FetchedDay } from '../../../shared/model/sales-day';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { anotherConnection } from '../../../test/support/test-engine';
import type { LarderDb } from '../db/open-database';
import { storeDay } from './sales-cache';

let restaurant: Restaurant | undefined;
let other: LarderDb | undefined;
afterEach(async () => {
  other?.close();
  other = undefined;
  await restaurant?.dispose();
  restaurant = undefined;
});

/** One sale of the day with a line of each SKU, in the order given. */
function dayOf(date: string, skus: readonly string[]): FetchedDay {
  const lines = skus.map((sku, n) => ({ lineId: `${date}-${n}`, parentLineId: null, posItemId: null, sku, name: `Dish ${sku}`, quantity: '1', netAmount: '5', accountingGroup: null, voidReason: null }));
  return { sales: [{ saleId: `sale-${date}`, receiptId: null, type: 'SALE', cancelled: false, closedAt: `${date}T12:00:00Z`, chainId: null, lines }], dataComplete: true, nextStartOfDay: null };
}

// Two SQLite connections in one process cannot both write (the second waits on the first, which waits
// on the event loop): SQLite has one writer at a time anyway. This is PostgreSQL's race.
describe.skipIf(process.env.LARDER_TEST_STORE !== 'postgres')('the items a day sells', () => {
  it('are added by two days of one location at once, first seen in opposite orders, without a deadlock', async () => {
    restaurant = await startRestaurant();
    const { db } = restaurant.engine;
    other = await anotherConnection(restaurant.engine);
    const second = other;
    const locationId = (await db.statement('SELECT id FROM locations WHERE business_location_id = ?').pluck().get(HARBOUR)) as number;
    const skus = Array.from({ length: 40 }, (_, n) => `NEW-${String(n).padStart(2, '0')}`);
    const now = '2026-05-08T10:00:00Z';
    await Promise.all([
      db.write(() => storeDay(db, locationId, '2026-05-01', dayOf('2026-05-01', skus), now, new Set())),
      second.write(() => storeDay(second, locationId, '2026-05-02', dayOf('2026-05-02', [...skus].reverse()), now, new Set())),
    ]);
    expect(Number(await db.statement("SELECT count(*) FROM sold_items WHERE sku LIKE 'NEW-%'").pluck().get())).toBe(40);
  });
});
