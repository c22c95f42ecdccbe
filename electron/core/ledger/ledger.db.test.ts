import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEngine, refusal, type TestEngine } from '../../../test/support/test-engine';
import { Decimal, formatDecimal } from '../decimal/decimal';
import { saveIngredient } from '../inventory/ingredients';
import { createReceipt, deleteReceipt, upsertReceiptByReference } from '../inventory/receipts';
import { saveStorageUnit } from '../inventory/storage-units';
import { dayTotalsBothWays } from '../../../test/support/day-totals';
import { ledgerTotals, listLedgerEntries, stockOnHand, weightedAverageUnitCost } from './ledger';
import { postEntry } from './ledger-writer';

let engine: TestEngine;
beforeEach(() => (engine = createTestEngine()));
afterEach(() => engine.dispose());

function kitchenWithBeans() {
  const { scope } = engine;
  const kitchen = saveStorageUnit(scope, { name: 'Main Kitchen' });
  const bar = saveStorageUnit(scope, { name: 'Bar Storage' });
  const beans = saveIngredient(scope, { name: 'Coffee beans', unit: 'kg' });
  createReceipt(scope, { ingredientId: beans.id, storageUnitId: bar.id, quantity: '10', value: '180.00', date: '2026-01-05' });
  createReceipt(scope, { ingredientId: beans.id, storageUnitId: kitchen.id, quantity: '5', value: '100', date: '06.01.2026', reference: 'INV-7' });
  return { kitchen, bar, beans };
}

describe('weighted average unit cost', () => {
  it('is total receipt value ÷ quantity on or before the date, company-wide, and 0 before any receipt', () => {
    const { beans } = kitchenWithBeans();
    const cost = (date: string) => formatDecimal(weightedAverageUnitCost(engine.scope, beans.id, date));
    expect(cost('2026-01-04')).toBe('0');
    expect(cost('2026-01-05')).toBe('18');
    expect(cost('2026-01-06')).toBe('18.666667');
    expect(cost('2027-01-01')).toBe('18.666667');
  });
});

describe('stock on hand', () => {
  it('sums signed quantities and values exactly, per storage unit and ingredient', () => {
    const { bar, beans } = kitchenWithBeans();
    const espresso = new Decimal('0.009').times(20);
    postEntry(engine.scope, {
      type: 'WASTE',
      date: '2026-01-07',
      ingredientId: beans.id,
      storageUnitId: bar.id,
      quantity: espresso.negated(),
      unitCost: new Decimal(18),
      value: espresso.negated().times(18),
      businessLocationId: '45454565682155',
    });
    expect(stockOnHand(engine.scope).map(({ storageUnit, quantity, value }) => [storageUnit, quantity, value])).toEqual([
      ['Bar Storage', '9.82', '176.76'],
      ['Main Kitchen', '5', '100'],
    ]);
    expect(stockOnHand(engine.scope, { storageUnitId: bar.id })).toHaveLength(1);
    const issue = listLedgerEntries(engine.scope, { type: 'WASTE' });
    expect(issue.map(({ quantity, unitCost, value, businessLocationId }) => ({ quantity, unitCost, value, businessLocationId }))).toEqual([
      { quantity: '-0.18', unitCost: '18', value: '-3.24', businessLocationId: '45454565682155' },
    ]);
  });

  it('stays exact over many small movements', () => {
    const { kitchen } = kitchenWithBeans();
    const salt = saveIngredient(engine.scope, { name: 'Salt', unit: 'kg' });
    engine.db.write(() => {
      for (let day = 0; day < 1000; day++) {
        postEntry(engine.scope, {
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
    const line = stockOnHand(engine.scope).find((row) => row.ingredient === 'Salt');
    expect([line?.quantity, line?.value]).toEqual(['100', '30']);
  });
});

describe('ledger', () => {
  it('filters by type, date range and location', () => {
    kitchenWithBeans();
    expect(listLedgerEntries(engine.scope, { type: 'RECEIPT' }).map((entry) => entry.date)).toEqual(['2026-01-05', '2026-01-06']);
    expect(listLedgerEntries(engine.scope, { from: '2026-01-06', to: '2026-01-06' })).toHaveLength(1);
    expect(listLedgerEntries(engine.scope, { businessLocationId: '1' })).toHaveLength(0);
    expect(listLedgerEntries(engine.scope, { limit: 1 })[0]?.date).toBe('2026-01-06');
  });

  it('keeps day totals for receipts created, changed (to another date) and deleted', () => {
    const { kitchen, bar, beans } = kitchenWithBeans();
    const changed = upsertReceiptByReference(engine.scope, { ingredientId: beans.id, storageUnitId: bar.id, quantity: '2.5', value: '45', date: '2026-01-09', reference: 'INV-7' });
    const extra = createReceipt(engine.scope, { ingredientId: beans.id, storageUnitId: kitchen.id, quantity: '0.001', value: '0.02', date: '2026-01-07' });
    deleteReceipt(engine.scope, extra);
    const { kept, recounted } = dayTotalsBothWays(engine.scope);
    expect(kept).toEqual(recounted);
    expect(changed).toBeGreaterThan(0);
    expect(ledgerTotals(engine.scope, {})).toEqual({ entries: 2, value: '225', quantity: { amount: '12.5', unit: 'kg' } });
    expect(ledgerTotals(engine.scope, { storageUnitId: kitchen.id })).toEqual({ entries: 0, value: '0', quantity: null });
  });

  it('refuses duplicate receipt references in the database itself', () => {
    const { kitchen, beans } = kitchenWithBeans();
    expect(refusal(() => createReceipt(engine.scope, { ingredientId: beans.id, storageUnitId: kitchen.id, quantity: '1', value: '1', date: '2026-01-08', reference: 'INV-7' })).code).toBe(
      'receipt_reference_taken',
    );
    // Even a write that skips the service's check cannot post the same reference twice.
    expect(() =>
      engine.db.sqlite
        .prepare(`INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, reference) VALUES (?, 'RECEIPT', '2026-01-08', ?, ?, 1, 1, 1, 'INV-7')`)
        .run(engine.scope.companyId, beans.id, kitchen.id),
    ).toThrow(/UNIQUE/);
  });

  it('refuses bad receipt input with clear codes', () => {
    const { kitchen, beans } = kitchenWithBeans();
    const base = { ingredientId: beans.id, storageUnitId: kitchen.id, quantity: '1', value: '1', date: '2026-01-08' };
    expect(refusal(() => createReceipt(engine.scope, { ...base, quantity: '0' })).code).toBe('invalid_quantity');
    expect(refusal(() => createReceipt(engine.scope, { ...base, value: '-1' })).code).toBe('invalid_value');
    expect(refusal(() => createReceipt(engine.scope, { ...base, value: '1.00001' })).code).toBe('invalid_value');
    expect(refusal(() => createReceipt(engine.scope, { ...base, date: '2026-02-30' })).code).toBe('invalid_date_format');
    expect(refusal(() => createReceipt(engine.scope, { ...base, date: ' ' })).code).toBe('date_required');
    expect(refusal(() => createReceipt(engine.scope, { ...base, storageUnitId: 999 })).code).toBe('storage_unit_not_found');
  });
});
