// Counts, waste, moves and the variance between two counts, checked by hand to the last digit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEngine, refusal, type TestEngine } from '../../../test/support/test-engine';
import { importSetupFile } from '../setup/setup-import';
import { findIngredientByName } from '../inventory/ingredients';
import { findStorageUnitByName } from '../inventory/storage-units';
import { listLedgerEntries, stockOnHand } from '../ledger/ledger';
import { postDayIssues } from '../ledger/ledger-writer';
import { settingsSchema } from '../../../shared/settings';
import { createReceipt, deleteReceipt } from '../ledger/receipts';
import { stockAfterCount } from '../../../test/support/counts';
import { countSheet, finishCount, listCounts, reopenCount, saveCountDraft, setCountLine, startCount } from './stock-control';
import { listWasteAndMoves, moveStock, recordWaste, undoStockChange } from './waste-and-moves';
import { varianceReport } from '../reports/variance';

let engine: TestEngine;
beforeEach(async () => {
  engine = await createTestEngine({ now: '2026-05-08T10:00:00Z' });
  await importSetupFile(
    engine.scope,
    JSON.stringify({
      storageUnits: [{ name: 'Main Kitchen' }, { name: 'Bar Storage' }],
      ingredients: [
        { name: 'Mozzarella', unit: 'kg' },
        { name: 'Basil', unit: 'kg' },
      ],
      recipes: [{ name: 'Caprese', yield: '1', lines: [{ ingredient: 'Mozzarella', quantity: '0.125' }, { ingredient: 'Basil', quantity: '0.01' }] }],
      receipts: [
        { ingredient: 'Mozzarella', storageUnit: 'Main Kitchen', quantity: '10', value: '120', date: '2026-04-01', reference: 'R1' },
        { ingredient: 'Mozzarella', storageUnit: 'Main Kitchen', quantity: '5', value: '60', date: '2026-04-03', reference: 'R2' },
      ],
    }),
  );
});
afterEach(() => engine.dispose());

const AT = '2026-05-08T10:00:00.000Z';
const REASONS = settingsSchema.parse({}).wasteReasons;
const mozzarellaId = async () => (await findIngredientByName(engine.scope, 'Mozzarella'))!.id;
const kitchenId = async () => (await findStorageUnitByName(engine.scope, 'Main Kitchen'))!.id;

/** The POS's usage of a day: an ISSUE as a transfer posts it (the trace is not needed here). */
async function sold(date: string, quantity: number) {
  // Quantity scale 6, money scale 4: at 12 a kg, the value is the quantity × 12 ÷ 100.
  const issue = { quantity: -quantity, value: (-quantity * 12) / 100, unitCost: 12_000_000, lines: 1 };
  await postDayIssues(engine.scope, { businessLocationId: 'bl-1', date, storageUnitId: await kitchenId(), source: 'csv', transferLogId: 0 }, new Map([[await mozzarellaId(), issue]]), []);
}

async function counted(at: string, quantity: string) {
  const count = await startCount(engine.scope, 'Main Kitchen', at);
  await setCountLine(engine.scope, count.id, 'Mozzarella', quantity);
  await finishCount(engine.scope, count.id, AT);
  return count.id;
}

describe('stock counts', () => {
  it('post the difference to what the ledger expects, so stock on hand is what was counted; reopened and finished again, one set of entries', async () => {
    const id = await counted('2026-04-02T06:00:00Z', '9,5');
    expect((await listLedgerEntries(engine.scope, { type: 'COUNT' })).map((entry) => [entry.date, entry.quantity, entry.value, entry.reference])).toEqual([['2026-04-02', '-0.5', '-6', `count:${id}`]]);
    await reopenCount(engine.scope, id);
    await setCountLine(engine.scope, id, 'Mozzarella', '9.75');
    await finishCount(engine.scope, id, AT);
    expect((await listLedgerEntries(engine.scope, { type: 'COUNT' })).map((entry) => [entry.quantity, entry.value])).toEqual([['-0.25', '-3']]);
    expect((await stockOnHand(engine.scope)).find((line) => line.ingredient === 'Mozzarella')?.quantity).toBe('14.75');
    // The sheet gives each counted line its difference, value and share of what was expected, before and after finishing.
    expect((await countSheet(engine.scope, id)).rows.find((row) => row.ingredient === 'Mozzarella')).toMatchObject({ expected: '10', counted: '9.75', difference: '-0.25', difference_value: '-3', difference_pct: '-2.5' });
    expect((await countSheet(engine.scope, id)).rows.find((row) => row.ingredient === 'Basil')).toMatchObject({ counted: null, difference: null, difference_value: null });
    expect((await refusal(() => startCount(engine.scope, 'Main Kitchen', '2026-04-02T06:00:00Z'))).code).toBe('count_exists');
    expect((await refusal(() => setCountLine(engine.scope, id, 'Mozzarella', '1'))).code).toBe('count_finished');
  });
});

describe('the variance between two counts', () => {
  it('checks every column of a small case by hand: opening 10, receipt 5, theoretical 8, waste 0.5, counted 5.9 → −0.6 kg', async () => {
    const from = await counted('2026-04-02T06:00:00Z', '10');
    await sold('2026-04-02', 5_000_000);
    await sold('2026-04-05', 3_000_000);
    await recordWaste(engine.scope, { storageUnit: 'Main Kitchen', ingredient: 'Mozzarella', quantity: '0,5', reason: 'spoiled', at: '2026-04-04T15:00:00Z' }, REASONS);
    await moveStock(engine.scope, { from: 'Main Kitchen', to: 'Bar Storage', ingredient: 'Basil', quantity: '1', at: '2026-04-04T15:00:00Z' });
    const to = await counted('2026-04-06T06:00:00Z', '5.9');
    const report = await varianceReport(engine.scope, 'Main Kitchen', from, to);
    expect(report.rows).toEqual([
      {
        ingredient: 'Mozzarella',
        unit: 'kg',
        opening: '10',
        receipts: '5',
        theoretical: '8',
        waste: '0.5',
        moves: '0',
        expected: '6.5',
        counted: '5.9',
        variance_quantity: '-0.6',
        variance_value: '-7.2',
        variance_pct: '-7.5',
        no_cost: false,
      },
    ]);
    expect(report.total_value).toBe('-7.2');
  });

  it('waste of a recipe is exploded like a sale, and a move is a paired out and in at one cost', async () => {
    await recordWaste(engine.scope, { storageUnit: 'Main Kitchen', recipe: 'Caprese', quantity: '4', reason: 'overproduced', at: '2026-04-04T15:00:00Z' }, REASONS);
    expect((await listLedgerEntries(engine.scope, { type: 'WASTE' })).map((entry) => [entry.ingredient, entry.quantity, entry.value])).toEqual([
      ['Mozzarella', '-0.5', '-6'],
      ['Basil', '-0.04', '0'],
    ]);
    await moveStock(engine.scope, { from: 'Main Kitchen', to: 'Bar Storage', ingredient: 'Mozzarella', quantity: '2', at: '2026-04-04T16:00:00Z' });
    expect((await listLedgerEntries(engine.scope, { type: 'ADJUSTMENT' })).map((entry) => [entry.storageUnit, entry.quantity, entry.value])).toEqual([
      ['Main Kitchen', '-2', '-24'],
      ['Bar Storage', '2', '24'],
    ]);
    expect((await refusal(() => recordWaste(engine.scope, { storageUnit: 'Main Kitchen', ingredient: 'Basil', quantity: '1', reason: 'stolen', at: AT }, REASONS))).code).toBe('invalid_input');
  });
});

describe('a finished count stays what was counted', () => {
  it('whatever is posted, changed or removed before it later: a receipt, waste, a move, a day of sales, a later count', async () => {
    const first = await counted('2026-04-02T12:00:00Z', '9.5');
    const second = await counted('2026-04-06T12:00:00Z', '5.9');
    await sold('2026-04-03', 3_000_000);
    const stays = async () => [await stockAfterCount(engine.scope, first, 'Mozzarella'), await stockAfterCount(engine.scope, second, 'Mozzarella')];
    expect(await stays()).toEqual(['9.5', '5.9']);
    const receipt = await createReceipt(engine.scope, { ingredientId: await mozzarellaId(), storageUnitId: await kitchenId(), quantity: '2', value: '30', date: '2026-04-01' });
    expect(await stays()).toEqual(['9.5', '5.9']);
    await recordWaste(engine.scope, { storageUnit: 'Main Kitchen', ingredient: 'Mozzarella', quantity: '0,25', reason: 'spoiled', at: '2026-04-02T08:00:00Z' }, REASONS);
    await moveStock(engine.scope, { from: 'Main Kitchen', to: 'Bar Storage', ingredient: 'Mozzarella', quantity: '1', at: '2026-03-30T08:00:00Z' });
    await sold('2026-03-31', 1_500_000);
    expect(await stays()).toEqual(['9.5', '5.9']);
    // The day's own sales come after a count of the day: they leave it alone and move the next one's difference only.
    await sold('2026-04-02', 500_000);
    expect(await stays()).toEqual(['9.5', '5.9']);
    await deleteReceipt(engine.scope, receipt);
    expect(await stays()).toEqual(['9.5', '5.9']);
    // A count of the same unit taken earlier, finished later, comes first: the one after it stays.
    await counted('2026-04-01T12:00:00Z', '12');
    expect(await stays()).toEqual(['9.5', '5.9']);
    // The variance between the two counts opens on what the first one counted.
    expect((await varianceReport(engine.scope, 'Main Kitchen', first, second)).rows[0]).toMatchObject({ opening: '9.5', counted: '5.9', theoretical: '3.5' });
    // Each count has one entry per ingredient, whatever was restated.
    expect((await listLedgerEntries(engine.scope, { type: 'COUNT' })).map((entry) => entry.reference).sort()).toEqual(['count:1', 'count:2', 'count:3']);
  });

  it('a receipt back-dated before a count restates the count’s value at the new average cost', async () => {
    const id = await counted('2026-04-05T12:00:00Z', '14');
    expect((await listLedgerEntries(engine.scope, { type: 'COUNT' })).map((entry) => [entry.quantity, entry.unitCost, entry.value])).toEqual([['-1', '12', '-12']]);
    await createReceipt(engine.scope, { ingredientId: await mozzarellaId(), storageUnitId: (await findStorageUnitByName(engine.scope, 'Bar Storage'))!.id, quantity: '5', value: '90', date: '2026-04-04' });
    // 20 kg for 270: 13.5 a kg; the Bar's receipt moves the kitchen's count's value, not its quantity.
    expect((await listLedgerEntries(engine.scope, { type: 'COUNT' })).map((entry) => [entry.quantity, entry.unitCost, entry.value])).toEqual([['-1', '13.5', '-13.5']]);
    expect(await stockAfterCount(engine.scope, id, 'Mozzarella')).toBe('14');
  });
});

describe('a count open in two places', () => {
  it('refuses a save made from an older version, naming what changed, and keeps what was saved', async () => {
    const count = await startCount(engine.scope, 'Main Kitchen', '2026-04-02T12:00:00Z');
    // Tab 2 saves 30; tab 1 opened the sheet before that, still shows 25 (its own typing) over nothing.
    const second = await saveCountDraft(engine.scope, count.id, { version: 0, lines: [{ ingredient: 'Mozzarella', counted: '30', was: null }] }, '2026-04-02T12:05:00.000Z');
    expect(second).toMatchObject({ version: 1, saved_at: '2026-04-02T12:05:00.000Z', lines: 1, ingredients: ['Mozzarella'] });
    const stale = await refusal(() => saveCountDraft(engine.scope, count.id, { version: 0, lines: [{ ingredient: 'Mozzarella', counted: '25', was: null }] }, '2026-04-02T12:06:00.000Z'));
    expect(stale.code).toBe('count_changed');
    expect(stale.message).toContain('Mozzarella: now 30 (this sheet had not counted)');
    expect((await refusal(() => finishCount(engine.scope, count.id, AT, 0))).code).toBe('count_changed');
    expect((await listCounts(engine.scope))[0]).toMatchObject({ status: 'draft', version: 1, ingredients: ['Mozzarella'] });
    // Seen and saved again from the version it now holds: taken.
    expect((await saveCountDraft(engine.scope, count.id, { version: 1, lines: [{ ingredient: 'Mozzarella', counted: '25', was: '30' }] }, '2026-04-02T12:07:00.000Z')).version).toBe(2);
    expect(await finishCount(engine.scope, count.id, AT, 2)).toMatchObject({ status: 'finished' });
    expect(await stockAfterCount(engine.scope, count.id, 'Mozzarella')).toBe('25');
    // A save with a line that is not a quantity changes nothing.
    const other = await startCount(engine.scope, 'Main Kitchen', '2026-04-03T12:00:00Z');
    expect((await refusal(() => saveCountDraft(engine.scope, other.id, { version: 0, lines: [{ ingredient: 'Mozzarella', counted: '2', was: null }, { ingredient: 'Basil', counted: 'lots', was: null }] }, AT))).code).toBe('invalid_quantity');
    expect((await listCounts(engine.scope))[0]).toMatchObject({ id: other.id, version: 0, lines: 0 });
  });
});

describe('waste and moves by hand', () => {
  it('warn, without refusing, when they take more than the storage unit holds, and can be undone once, the ledger keeping both', async () => {
    // The kitchen holds 15 kg of mozzarella (two receipts), the bar none.
    const move = await moveStock(engine.scope, { from: 'Main Kitchen', to: 'Bar Storage', ingredient: 'Mozzarella', quantity: '500', at: '2026-04-04T15:00:00Z' });
    expect(move.warnings).toEqual(['Main Kitchen held 15 kg of Mozzarella then; taking 500 kg leaves -485 kg.']);
    const waste = await recordWaste(engine.scope, { storageUnit: 'Main Kitchen', ingredient: 'Mozzarella', quantity: '0,5', reason: 'spoiled', at: '2026-04-03T12:00:00Z' }, REASONS);
    expect(waste.warnings).toEqual([]);
    expect((await listWasteAndMoves(engine.scope)).map((row) => [row.kind, row.what, row.quantity, row.value, row.undoneAt])).toEqual([
      ['move', 'Mozzarella', '500', '6000', null],
      ['waste', 'Mozzarella', '0.5', '-6', null],
    ]);
    await undoStockChange(engine.scope, 'move', move.id, AT);
    expect((await refusal(() => undoStockChange(engine.scope, 'move', move.id, AT))).message).toBe('That move was undone already.');
    expect((await refusal(() => undoStockChange(engine.scope, 'waste', 999, AT))).code).toBe('invalid_input');
    expect((await stockOnHand(engine.scope)).map((line) => [line.storageUnit, line.quantity])).toEqual([
      ['Bar Storage', '0'],
      ['Main Kitchen', '14.5'],
    ]);
    // The move and its reversal both stay in the ledger.
    expect((await listLedgerEntries(engine.scope, { type: 'ADJUSTMENT' })).map((entry) => [entry.reference, entry.storageUnit, entry.quantity])).toEqual([
      [`move:${move.id}`, 'Main Kitchen', '-500'],
      [`move:${move.id}`, 'Bar Storage', '500'],
      [`move:${move.id}:undo`, 'Main Kitchen', '500'],
      [`move:${move.id}:undo`, 'Bar Storage', '-500'],
    ]);
    expect((await listWasteAndMoves(engine.scope))[0]?.undoneAt).toBe(AT);
    // The Ledger names each hand-kept entry by what it came from, not by its reference.
    expect((await listLedgerEntries(engine.scope, { type: 'ADJUSTMENT' })).map((entry) => entry.origin)).toEqual([
      { kind: 'move', direction: 'to', storageUnit: 'Bar Storage', undo: false },
      { kind: 'move', direction: 'from', storageUnit: 'Main Kitchen', undo: false },
      { kind: 'move', direction: 'to', storageUnit: 'Bar Storage', undo: true },
      { kind: 'move', direction: 'from', storageUnit: 'Main Kitchen', undo: true },
    ]);
    expect((await listLedgerEntries(engine.scope, { type: 'WASTE' })).map((entry) => entry.origin)).toEqual([{ kind: 'waste', reason: 'spoiled', undo: false }]);
    expect((await listLedgerEntries(engine.scope, { type: 'RECEIPT' })).map((entry) => entry.origin)).toEqual([null, null]);
  });
});
