import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEngine, refusal, type TestEngine } from '../../../test/support/test-engine';
import { Decimal, formatDecimal } from '../decimal/decimal';
import { saveIngredient } from '../inventory/ingredients';
import { createReceipt, deleteReceipt, upsertReceiptByReference } from './receipts';
import { saveStorageUnit } from '../inventory/storage-units';
import { dayTotalsBothWays } from '../../../test/support/day-totals';
import { ledgerDays, ledgerTotals, listLedgerEntries, stockOnHand, weightedAverageUnitCost } from './ledger';
import { ingredientUsage } from '../reports/usage';
import { USAGE_DAYS } from '../../../shared/model/ledger';
import { postDayIssues, postEntry } from './ledger-writer';
import { moveStock } from '../stock/waste-and-moves';
import { MONEY_SCALE, QUANTITY_SCALE, toScaled, UNIT_COST_SCALE } from '../decimal/decimal';

let engine: TestEngine;
beforeEach(async () => (engine = await createTestEngine()));
afterEach(() => engine.dispose());

async function kitchenWithBeans() {
  const { scope } = engine;
  const kitchen = await saveStorageUnit(scope, { name: 'Main Kitchen' });
  const bar = await saveStorageUnit(scope, { name: 'Bar Storage' });
  const beans = await saveIngredient(scope, { name: 'Coffee beans', unit: 'kg' });
  await createReceipt(scope, { ingredientId: beans.id, storageUnitId: bar.id, quantity: '10', value: '180.00', date: '2026-01-05' });
  await createReceipt(scope, { ingredientId: beans.id, storageUnitId: kitchen.id, quantity: '5', value: '100', date: '06.01.2026', reference: 'INV-7' });
  return { kitchen, bar, beans };
}

describe('weighted average unit cost', () => {
  it('is total receipt value ÷ quantity on or before the date, company-wide, and 0 before any receipt', async () => {
    const { beans } = await kitchenWithBeans();
    const cost = async (date: string) => formatDecimal(await weightedAverageUnitCost(engine.scope, beans.id, date));
    expect(await cost('2026-01-04')).toBe('0');
    expect(await cost('2026-01-05')).toBe('18');
    expect(await cost('2026-01-06')).toBe('18.666667');
    expect(await cost('2027-01-01')).toBe('18.666667');
  });
});

describe('stock on hand', () => {
  it('sums signed quantities and values exactly, per storage unit and ingredient', async () => {
    const { bar, beans } = await kitchenWithBeans();
    const espresso = new Decimal('0.009').times(20);
    await postEntry(engine.scope, {
      type: 'WASTE',
      date: '2026-01-07',
      ingredientId: beans.id,
      storageUnitId: bar.id,
      quantity: espresso.negated(),
      unitCost: new Decimal(18),
      value: espresso.negated().times(18),
      businessLocationId: '45454565682155',
    });
    expect((await stockOnHand(engine.scope)).map(({ storageUnit, quantity, value }) => [storageUnit, quantity, value])).toEqual([
      ['Bar Storage', '9.82', '176.76'],
      ['Main Kitchen', '5', '100'],
    ]);
    expect(await stockOnHand(engine.scope, { storageUnitId: bar.id })).toHaveLength(1);
    const issue = await listLedgerEntries(engine.scope, { type: 'WASTE' });
    expect(issue.map(({ quantity, unitCost, value, businessLocationId }) => ({ quantity, unitCost, value, businessLocationId }))).toEqual([
      { quantity: '-0.18', unitCost: '18', value: '-3.24', businessLocationId: '45454565682155' },
    ]);
  });

  it('stays exact over many small movements', async () => {
    const { kitchen } = await kitchenWithBeans();
    const salt = await saveIngredient(engine.scope, { name: 'Salt', unit: 'kg' });
    await engine.db.write(async () => {
      for (let day = 0; day < 1000; day++) {
        await postEntry(engine.scope, {
          type: 'ADJUSTMENT',
          date: '2026-02-01',
          ingredientId: salt.id,
          storageUnitId: kitchen.id,
          quantity: new Decimal('0.1'),
          unitCost: new Decimal('0.3'),
          value: new Decimal('0.03'),
        });
      }
    });
    const line = (await stockOnHand(engine.scope)).find((row) => row.ingredient === 'Salt');
    expect([line?.quantity, line?.value]).toEqual(['100', '30']);
  });
});

describe('ledger', () => {
  it('filters by type, date range and location', async () => {
    await kitchenWithBeans();
    expect((await listLedgerEntries(engine.scope, { type: 'RECEIPT' })).map((entry) => entry.date)).toEqual(['2026-01-05', '2026-01-06']);
    expect(await listLedgerEntries(engine.scope, { from: '2026-01-06', to: '2026-01-06' })).toHaveLength(1);
    expect(await listLedgerEntries(engine.scope, { businessLocationId: '1' })).toHaveLength(0);
    expect((await listLedgerEntries(engine.scope, { limit: 1 }))[0]?.date).toBe('2026-01-06');
  });

  it('keeps day totals for receipts created, changed (to another date) and deleted', async () => {
    const { kitchen, bar, beans } = await kitchenWithBeans();
    const changed = await upsertReceiptByReference(engine.scope, { ingredientId: beans.id, storageUnitId: bar.id, quantity: '2.5', value: '45', date: '2026-01-09', reference: 'INV-7' });
    const extra = await createReceipt(engine.scope, { ingredientId: beans.id, storageUnitId: kitchen.id, quantity: '0.001', value: '0.02', date: '2026-01-07' });
    await deleteReceipt(engine.scope, extra);
    const { kept, recounted } = await dayTotalsBothWays(engine.db);
    expect(kept).toEqual(recounted);
    expect(changed).toBeGreaterThan(0);
    expect(await ledgerTotals(engine.scope, {})).toEqual({ entries: 2, value: '225', quantity: { amount: '12.5', unit: 'kg' } });
    expect(await ledgerTotals(engine.scope, { storageUnitId: kitchen.id })).toEqual({ entries: 0, value: '0', quantity: null });
  });

  it('refuses duplicate receipt references in the database itself', async () => {
    const { kitchen, beans } = await kitchenWithBeans();
    expect((await refusal(() => createReceipt(engine.scope, { ingredientId: beans.id, storageUnitId: kitchen.id, quantity: '1', value: '1', date: '2026-01-08', reference: 'INV-7' }))).code).toBe(
      'receipt_reference_taken',
    );
    // Even a write that skips the service's check cannot post the same reference twice.
    await expect(
      engine.db
        .statement(`INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, reference) VALUES (?, 'RECEIPT', '2026-01-08', ?, ?, 1, 1, 1, 'INV-7')`)
        .run(engine.scope.companyId, beans.id, kitchen.id),
    ).rejects.toThrow(/UNIQUE|unique/);
  });

  it('refuses bad receipt input with clear codes', async () => {
    const { kitchen, beans } = await kitchenWithBeans();
    const base = { ingredientId: beans.id, storageUnitId: kitchen.id, quantity: '1', value: '1', date: '2026-01-08' };
    expect((await refusal(() => createReceipt(engine.scope, { ...base, quantity: '0' }))).code).toBe('invalid_quantity');
    expect((await refusal(() => createReceipt(engine.scope, { ...base, value: '-1' }))).code).toBe('invalid_value');
    expect((await refusal(() => createReceipt(engine.scope, { ...base, value: '1.00001' }))).code).toBe('invalid_value');
    expect((await refusal(() => createReceipt(engine.scope, { ...base, date: '2026-02-30' }))).code).toBe('invalid_date_format');
    expect((await refusal(() => createReceipt(engine.scope, { ...base, date: ' ' }))).code).toBe('date_required');
    expect((await refusal(() => createReceipt(engine.scope, { ...base, storageUnitId: 999 }))).code).toBe('storage_unit_not_found');
  });
});

describe('ledger by day', () => {
  async function issueAndWaste() {
    const beansAt = await kitchenWithBeans();
    const { bar, beans } = beansAt;
    const scaled = (value: Decimal, scale: number) => Number(toScaled(value, scale, 'invalid_value', 'Test'));
    // An issue comes from a transfer's day: one entry per day and ingredient; a second run of the day adds to it.
    const post = async (type: 'ISSUE' | 'WASTE', date: string, quantity: string) =>
      type === 'WASTE'
        ? await postEntry(engine.scope, {
            type,
            date,
            ingredientId: beans.id,
            storageUnitId: bar.id,
            quantity: new Decimal(quantity).negated(),
            unitCost: new Decimal(18),
            value: new Decimal(quantity).negated().times(18),
            businessLocationId: '45454565682155',
          })
        : await postDayIssues(
            engine.scope,
            { businessLocationId: '45454565682155', date, storageUnitId: bar.id, source: 'lightspeed', transferLogId: 0 },
            new Map([[beans.id, { quantity: scaled(new Decimal(quantity).negated(), QUANTITY_SCALE), value: scaled(new Decimal(quantity).times(-18), MONEY_SCALE), unitCost: scaled(new Decimal(18), UNIT_COST_SCALE), lines: 1 }]]),
            [],
          );
    await post('ISSUE', '2026-01-07', '0.18');
    await post('ISSUE', '2026-01-07', '0.009');
    await post('WASTE', '2026-01-07', '0.5');
    await post('ISSUE', '2026-01-09', '1.2');
    return beansAt;
  }

  it('adds up each day of an ingredient in a storage unit, newest first, with what came in, was used and was wasted', async () => {
    const { bar, beans } = await issueAndWaste();
    const days = await ledgerDays(engine.scope, { limit: 10 });
    expect(days.map(({ date, storageUnit, received, issued, wasted, counted, net, value, entries }) => ({ date, storageUnit, received, issued, wasted, counted, net, value, entries }))).toEqual([
      { date: '2026-01-09', storageUnit: 'Bar Storage', received: '0', issued: '1.2', wasted: '0', counted: '0', net: '-1.2', value: '-21.6', entries: 1 },
      { date: '2026-01-07', storageUnit: 'Bar Storage', received: '0', issued: '0.189', wasted: '0.5', counted: '0', net: '-0.689', value: '-12.402', entries: 2 },
      { date: '2026-01-06', storageUnit: 'Main Kitchen', received: '5', issued: '0', wasted: '0', counted: '0', net: '5', value: '100', entries: 1 },
      { date: '2026-01-05', storageUnit: 'Bar Storage', received: '10', issued: '0', wasted: '0', counted: '0', net: '10', value: '180', entries: 1 },
    ]);
    expect((await ledgerDays(engine.scope, { limit: 1, storageUnitId: bar.id, ingredientId: beans.id })).map((day) => day.date)).toEqual(['2026-01-09']);
    expect((await ledgerDays(engine.scope, { limit: 10, type: 'WASTE' })).map((day) => [day.date, day.wasted, day.issued])).toEqual([['2026-01-07', '0.5', '0']]);
  });

  it('shows the newest days whole, whatever the page size, also where a day’s types merge into one row', async () => {
    await issueAndWaste();
    const all = await ledgerDays(engine.scope, { limit: 10 });
    // limit 2 is found among the newest days alone; limit 3 is not (01-07's issue and waste are one row), and reads them all.
    for (let limit = 1; limit <= all.length; limit++) expect(await ledgerDays(engine.scope, { limit })).toEqual(all.slice(0, limit));
  });

  it('puts a move under Moved, in and out, never under Counts', async () => {
    await kitchenWithBeans();
    await moveStock(engine.scope, { from: 'Bar Storage', to: 'Main Kitchen', ingredient: 'Coffee beans', quantity: '2', at: '2026-01-10T12:00:00Z' });
    expect((await ledgerDays(engine.scope, { limit: 10, from: '2026-01-10' })).map(({ storageUnit, counted, moved, net }) => ({ storageUnit, counted, moved, net }))).toEqual([
      { storageUnit: 'Bar Storage', counted: '0', moved: '-2', net: '-2' },
      { storageUnit: 'Main Kitchen', counted: '0', moved: '2', net: '2' },
    ]);
  });

  it('charts an ingredient’s use on every day of the range, quiet days as 0, and up to its last movement by default', async () => {
    const { beans } = await issueAndWaste();
    expect(await ingredientUsage(engine.scope, { ingredientId: beans.id, from: '2026-01-06', to: '2026-01-09' })).toEqual({
      ingredient: 'Coffee beans',
      unit: 'kg',
      days: [
        { date: '2026-01-06', issued: '0', wasted: '0' },
        { date: '2026-01-07', issued: '0.189', wasted: '0.5' },
        { date: '2026-01-08', issued: '0', wasted: '0' },
        { date: '2026-01-09', issued: '1.2', wasted: '0' },
      ],
    });
    const byDefault = await ingredientUsage(engine.scope, { ingredientId: beans.id });
    expect(byDefault.days).toHaveLength(USAGE_DAYS);
    expect(byDefault.days.at(-1)).toEqual({ date: '2026-01-09', issued: '1.2', wasted: '0' });
    expect((await ingredientUsage(engine.scope, { ingredientId: beans.id, from: '2027-01-01', to: '2027-01-02' })).days.every((day) => day.issued === '0')).toBe(true);
    expect(await refusal(() => ingredientUsage(engine.scope, { ingredientId: 999 }))).toMatchObject({ code: 'ingredient_not_found' });
  });
});
