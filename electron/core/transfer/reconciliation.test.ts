// Honest days: every posted Lightspeed day held against Lightspeed's own totals (aggregatedSales),
// over real HTTP against the fake.
import { afterEach, describe, expect, it } from 'vitest';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { getLog, listLogSummaries } from './transfer-log';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

const DAY = '2026-05-06';

describe('the reconciliation of a posted day', () => {
  it('matches when every account arrived, per accounting group, and says so on the result and the log', async () => {
    const run = (restaurant = await startRestaurant());
    const result = await run.transfer(DAY);
    expect(result.reconciliation?.status).toBe('match');
    const groups = result.reconciliation?.groups ?? [];
    expect(groups.map((group) => group.group)).toEqual(expect.arrayContaining(['Food']));
    for (const group of groups) {
      expect(group.larder_amount).toBe(group.lightspeed_amount);
      expect(group.larder_lines).toBe(group.lightspeed_lines);
    }
    expect((await getLog(run.engine.scope, result.log_id!))?.reconciliation).toEqual(result.reconciliation);
  });

  it('differs, with both figures per group, when an account never reached Larder; the ledger is posted all the same', async () => {
    const run = (restaurant = await startRestaurant());
    const location = run.fake.data.location(Number(HARBOUR))!;
    const lost = run.fake.data.salesOf(location, DAY).find((sale) => sale.type === 'SALE' && !sale.cancelled)!;
    run.fake.data.loseFromSalesDaily(lost.accountReference!);
    const result = await run.transfer(DAY);
    expect(result.success).toBe(true);
    expect(result.reconciliation?.status).toBe('differs');
    const food = result.reconciliation!.groups.find((group) => group.group === 'Food')!;
    const lostFood = lost.salesLines!.filter((line) => line.accountingGroup?.name === 'Food');
    expect(food.lightspeed_lines - food.larder_lines).toBe(lostFood.length);
    expect((await run.issues({ date: DAY })).length).toBeGreaterThan(0);
    // The log list carries the verdict, so the row turns amber there too.
    expect((await listLogSummaries(run.engine.scope, { date: DAY })).find((log) => log.id === result.log_id)).toMatchObject({ reconciliation: { status: 'differs' } });
  });

  it('is unavailable, not a failure, when Lightspeed refuses its totals', async () => {
    const run = (restaurant = await startRestaurant());
    run.fake.fail({ kind: 404, match: 'aggregatedSales' });
    const result = await run.transfer(DAY);
    expect(result).toMatchObject({ success: true, reconciliation: { status: 'unavailable', groups: [] } });
    expect(await getLog(run.engine.scope, result.log_id!)).toMatchObject({ status: 'success', reconciliation: { status: 'unavailable' } });
  });
});
