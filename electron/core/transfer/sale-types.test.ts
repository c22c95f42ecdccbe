// The sale-type policy (sale-types.ts) over real HTTP against the fake K-Series, one rule a test, each
// asserting the exact ledger: what the day's ISSUE entries (and void waste) hold per ingredient.
import { afterEach, describe, expect, it } from 'vitest';
import { float, refund, reopenedBill, sparse, splitBill, transitory, voidedLine, voidOf } from '../../demo/fake-lightspeed/fake-chains';
import { handMadeSale } from '../../demo/fake-lightspeed/fake-data';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { listLedgerEntries } from '../ledger/ledger';
import { getLog } from './transfer-log';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

const DAY = '2026-05-06';
const at = (date: string, time = '12:00:00') => `${date}T${time}Z`;

async function setup(settings: { refundsRestock?: boolean } = {}) {
  const run = (restaurant = await startRestaurant());
  if (settings.refundsRestock !== undefined) run.engine.platform.settings.set('refundsRestock', settings.refundsRestock);
  const cola = { name: 'Cola 0.33 l', sku: run.harbourItem('Cola 0.33 l').sku };
  const espresso = { name: 'Espresso', sku: run.harbourItem('Espresso').sku };
  const setDay = (date: string, sales: Parameters<typeof run.fake.data.setDaySales>[2]) => run.fake.data.setDaySales(Number(HARBOUR), date, sales);
  /** The day's ISSUE quantity per ingredient (as the ledger holds it). */
  const issued = async (date = DAY) => Object.fromEntries((await run.issues({ date })).map((entry) => [entry.ingredient, entry.quantity]));
  const wasted = async (date = DAY) =>
    (await listLedgerEntries(run.engine.scope, { type: 'WASTE', from: date, to: date })).map((entry) => [entry.ingredient, entry.quantity, entry.origin?.kind === 'waste' ? entry.origin.reason : null]);
  return { run, cola, espresso, setDay, issued, wasted };
}

describe('the sale-type policy', () => {
  it('counts a reopened bill once: the original, its reversal and the bill again net to the final bill', async () => {
    const { run, cola, espresso, setDay, issued } = await setup();
    setDay(DAY, reopenedBill('bill', at(DAY), [{ ...cola, quantity: '2.000' }], [{ ...cola, quantity: '2.000' }, { ...espresso, quantity: '1.000' }]));
    const result = await run.transfer(DAY);
    expect(result.success).toBe(true);
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '-2', 'Coffee beans': '-0.009' });
  });

  it('counts a split bill as its whole: three seats of a third each', async () => {
    const { run, cola, setDay, issued } = await setup();
    setDay(DAY, splitBill('split', at(DAY), [{ ...cola, quantity: '3.000' }]));
    await run.transfer(DAY);
    // 0.999 + 0.999 + 1.002 = 3
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '-3' });
  });

  it('nets a voided line to zero, and posts it as waste when its reason says the food was made', async () => {
    const { run, cola, espresso, setDay, issued, wasted } = await setup();
    setDay(DAY, [
      voidedLine('v1', at(DAY), [{ ...cola, quantity: '1.000' }], { ...espresso, quantity: '2.000' }, 'Cooking'),
      voidedLine('v2', at(DAY, '13:00:00'), [], { ...cola, quantity: '1.000' }, 'User Mistake'),
    ]);
    const result = await run.transfer(DAY);
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '-1', 'Coffee beans': '0' });
    // Two espressos made and thrown away; the cola keyed by mistake was never poured.
    expect(await wasted()).toEqual([['Coffee beans', '-0.018', 'void: Cooking']]);
    expect(result.ledger_ids.length).toBe(3);
    // Run again without force: nothing is added twice, the waste included.
    await run.transfer(DAY, { force: false });
    await run.transfer(DAY);
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '-1', 'Coffee beans': '0' });
    expect(await wasted()).toEqual([['Coffee beans', '-0.018', 'void: Cooking']]);
  });

  it('gives back today what a sale of an earlier, posted day voided today took', async () => {
    const { run, cola, setDay, issued } = await setup();
    const yesterday = handMadeSale('y1', at('2026-05-05'), [{ id: 'Y1', ...cola, quantity: '4.000', amount: '10.00' }]);
    setDay('2026-05-05', [yesterday]);
    setDay(DAY, [voidOf(yesterday, 'void-y1', at(DAY)), handMadeSale('t1', at(DAY, '14:00:00'), [{ id: 'T1', ...cola, quantity: '1.000' }])]);
    await run.transfer('2026-05-05');
    await run.transfer(DAY);
    expect(await issued('2026-05-05')).toEqual({ 'Cola bottle 0.33 l': '-4' });
    // Stock comes back on the day of the void: 4 back, 1 sold.
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '3' });
  });

  it('counts a transitory account on the day it closes, not the day it was carried from', async () => {
    const { run, cola, setDay, issued } = await setup();
    setDay('2026-05-05', [transitory('open-tab', at('2026-05-05', '23:50:00'), [{ ...cola, quantity: '2.000' }])]);
    setDay(DAY, [handMadeSale('open-tab-closed', at(DAY, '00:40:00'), [{ id: 'C1', ...cola, quantity: '2.000' }])]);
    const carried = await run.transfer('2026-05-05');
    await run.transfer(DAY);
    expect(await issued('2026-05-05')).toEqual({});
    expect(carried.stats?.exceptions).toContain('not_counted:TRANSITORY:Cola 0.33 l');
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '-2' });
  });

  it('puts nothing back for a refund on its own, unless "Refunds put stock back" is on; a float counts nothing', async () => {
    const day = (run: Restaurant, cola: { name: string; sku: string }) =>
      run.fake.data.setDaySales(Number(HARBOUR), DAY, [
        handMadeSale('s1', at(DAY), [{ id: 'S1', ...cola, quantity: '3.000' }]),
        refund('r1', at(DAY, '15:00:00'), 'earlier', [{ ...cola, quantity: '1.000' }]),
        float('f1', at(DAY, '16:00:00')),
      ]);
    const off = await setup();
    day(off.run, off.cola);
    await off.run.transfer(DAY);
    expect(await off.issued()).toEqual({ 'Cola bottle 0.33 l': '-3' });
    await off.run.dispose();
    restaurant = undefined;

    const on = await setup({ refundsRestock: true });
    day(on.run, on.cola);
    await on.run.transfer(DAY);
    expect(await on.issued()).toEqual({ 'Cola bottle 0.33 l': '-2' });
  });

  it('nets a refund inside a reopened bill whatever the setting', async () => {
    const { run, cola, setDay, issued } = await setup();
    const [original, , again] = reopenedBill('bill', at(DAY), [{ ...cola, quantity: '2.000' }]);
    // Lightspeed refunds the first payment as a REFUND of the chain instead of a reversing RECALL.
    const refunded = { ...refund('bill-refund', at(DAY), 'bill', [{ ...cola, quantity: '2.000' }]) };
    setDay(DAY, [original!, refunded, again!]);
    await run.transfer(DAY);
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '-2' });
  });

  it('holds a day with a sale type it does not know: nothing posted, the type named', async () => {
    const { run, cola, setDay, issued } = await setup();
    setDay(DAY, [handMadeSale('s1', at(DAY), [{ id: 'S1', ...cola, quantity: '1.000' }]), handMadeSale('x1', at(DAY), [{ id: 'X1', ...cola, quantity: '1.000' }], 'LOYALTY')]);
    const result = await run.transfer(DAY);
    expect(result).toMatchObject({ success: false, error: { code: 'lightspeed_unknown_sale_type', temporary: false } });
    expect(result.error?.message).toContain('LOYALTY');
    expect(await issued()).toEqual({});
    expect(await getLog(run.engine.scope, result.log_id!)).toMatchObject({ status: 'failed', errorCode: 'lightspeed_unknown_sale_type' });
  });

  it('posts a day whose sales leave out every optional field, and a forced re-fetch posts it identically', async () => {
    const { run, cola, espresso, setDay, issued } = await setup();
    setDay(DAY, [
      sparse(handMadeSale('s1', at(DAY), [{ id: 'S1', ...cola, quantity: '2.000' }, { id: 'S2', ...espresso, quantity: '1.000' }])),
      sparse(handMadeSale('s2', at(DAY, '13:00:00'), [{ id: 'S3', ...cola, quantity: '1.000' }])),
    ]);
    const first = await run.transfer(DAY);
    expect(first.error).toBeNull();
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '-3', 'Coffee beans': '-0.009' });
    const lines = async () => (await run.engine.db.statement(`SELECT l.id, l.line_id FROM sales_lines l JOIN sales s ON s.id = l.sale_id WHERE s.business_date = ? ORDER BY l.id`).all(DAY));
    const before = await lines();
    const again = await run.transfer(DAY);
    expect(again.success).toBe(true);
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '-3', 'Coffee beans': '-0.009' });
    // The derived line ids are the same on every fetch: the stored lines kept their rows.
    expect(await lines()).toEqual(before);
  });

  it('skips a line whose quantity is not a decimal and names it, posting the rest of the day', async () => {
    const { run, cola, espresso, setDay, issued } = await setup();
    const sale = handMadeSale('s1', at(DAY), [{ id: 'S1', ...cola, quantity: '2.000' }, { id: 'S2', ...espresso, quantity: 'two' }]);
    setDay(DAY, [sale]);
    const result = await run.transfer(DAY);
    expect(result.success).toBe(true);
    expect(await issued()).toEqual({ 'Cola bottle 0.33 l': '-2' });
    expect(result.stats?.exceptions).toContain('line_without_quantity:Espresso');
  });
});
