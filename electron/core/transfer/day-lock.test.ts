import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { acquireDayLock, releaseDayLock } from './day-lock';
import { listLogs } from './transfer-log';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

describe('the day lock', () => {
  it('makes a second run of the same day wait, then answer transfer_in_progress; a dead holder’s lock is taken over', async () => {
    restaurant = await startRestaurant({ salesPerDay: 4 });
    const { db } = restaurant.engine;
    const locationId = ((await db.statement('SELECT id FROM locations WHERE business_location_id = ?').get(HARBOUR)) as { id: number }).id;

    await acquireDayLock(db, locationId, '2026-05-06', 'someone-else', 0);
    const transfers = { ...restaurant.engine.transfers, lockWaitMs: 300 };
    const { transferDay } = await import('./transfer-day');
    await expect(transferDay(transfers, { businessLocationId: HARBOUR, date: '2026-05-06', force: true, trigger: 'manual' })).rejects.toMatchObject({
      code: 'transfer_in_progress',
    });
    expect(await listLogs(restaurant.engine.scope)).toEqual([]);
    await releaseDayLock(db, locationId, '2026-05-06', 'someone-else');

    // A holder whose process has exited no longer blocks anyone.
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => child.once('exit', () => resolve(child.pid as number)));
    await db
      .statement(`INSERT INTO day_locks (location_id, business_date, holder, pid, expires_at) VALUES (?, '2026-05-06', 'dead', ?, '2999-01-01T00:00:00Z')`)
      .run(locationId, deadPid);
    await expect(transferDay(transfers, { businessLocationId: HARBOUR, date: '2026-05-06', force: true, trigger: 'manual' })).resolves.toMatchObject({ success: true });
    expect((await db.statement('SELECT count(*) AS n FROM day_locks').get())).toEqual({ n: 0 });
  });
});
