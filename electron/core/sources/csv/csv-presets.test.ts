// The presets on a fixture of each system's export (written from ../shared/reference/till-exports.md):
// recognised by the header, proposed as a profile, and posted to the ledger exactly — modifiers
// deducting their own ingredients, refunds deducting nothing by default, voids left out, a sale after
// midnight on the business day before, a payment's repeated id keeping its rows apart.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEngine, refusalOf, type TestEngine } from '../../../../test/support/test-engine';
import { findIngredientByName } from '../../inventory/ingredients';
import { resolveItem, saveMapping } from '../../items/mappings';
import { listLedgerEntries } from '../../ledger/ledger';
import { importSetupFile } from '../../setup/setup-import';
import { foodCost } from '../../reports/food-cost';
import { DEFAULT_SALES_RULES } from '../../transfer/sale-types';
import { detectCsv, listPresets, profileFromPreset } from './csv-preset-proposal';
import { previewCsv, uploadCsv } from './csv-upload';

const AT = '2026-10-10T10:00:00.000Z';
const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/csv/presets/${name}`, import.meta.url));

const INGREDIENTS = ['Espresso beans:kg', 'Milk:l', 'Oat milk:l', 'Cup 12oz:piece', 'Cup 16oz:piece', 'Vanilla syrup:l', 'Croissant:piece', 'Matcha:g', 'Bread:piece', 'Beef patty:piece', 'Potatoes:kg', 'Bagel:piece', 'Cheese slice:piece', 'Bacon:kg', 'Truffle oil:l'];

let engine: TestEngine;
beforeEach(async () => {
  engine = await createTestEngine({ now: AT });
  await importSetupFile(
    engine.scope,
    JSON.stringify({
      storageUnits: [{ name: 'Counter' }],
      ingredients: INGREDIENTS.map((entry) => ({ name: entry.split(':')[0], unit: entry.split(':')[1] })),
      receipts: INGREDIENTS.map((entry) => ({ ingredient: entry.split(':')[0], storageUnit: 'Counter', quantity: '100', value: '100', date: '2026-01-01' })),
    }),
  );
});
afterEach(() => engine.dispose());

/** Profile from the preset, preview (the codes become items), map `mappings` (code → ingredient, quantity), upload. */
async function post(preset: string, file: string, mappings: Record<string, [string, string]>, options: { refundsRestock?: boolean; modifiers?: string } = {}) {
  const saved = await profileFromPreset(engine.scope, preset, fixture(file), { name: preset, storageUnit: 'Counter' }, AT);
  const rules = { ...DEFAULT_SALES_RULES, refundsRestock: options.refundsRestock ?? false };
  const modifiers = options.modifiers === undefined ? undefined : { name: options.modifiers, content: fixture(options.modifiers) };
  const preview = await previewCsv(engine.scope, preset, { name: file, content: fixture(file) }, { rules, modifiers }, AT);
  for (const [code, [ingredient, quantity]] of Object.entries(mappings)) {
    await saveMapping(
      engine.scope,
      { posItemId: (await resolveItem(engine.scope, code, preset)).id, target: { ingredientId: (await findIngredientByName(engine.scope, ingredient))!.id }, quantity, isSubtraction: false },
      AT,
    );
  }
  const upload = await uploadCsv(engine.scope, preset, { name: file, content: fixture(file) }, { rules, modifiers }, AT);
  return { saved, preview, upload };
}

/** The ISSUE entries as [date, ingredient, quantity] rows, in date and ingredient order. */
const issues = async () =>
  (await listLedgerEntries(engine.scope, { type: 'ISSUE' }))
    .map((entry) => [entry.date, entry.ingredient, entry.quantity])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));

describe('CSV presets', () => {
  it('lists each preset with its system and published columns, and recognises each fixture by its header', async () => {
    const presets = listPresets();
    expect(presets.map((preset) => preset.id)).toEqual([
      'square-items-detail',
      'toast-item-selection-details',
      'toast-modifier-selection-details',
      'loyverse-receipts-by-item',
      'sumup-sales-report',
      'lightspeed-k-series-transactions',
    ]);
    expect(presets[0]).toMatchObject({ system: 'Square', columns: expect.arrayContaining(['Modifiers Applied', 'Net Sales', 'Event Type']) });
    expect(await detectCsv(fixture('square-items-detail.csv'))).toEqual({ preset: 'square-items-detail', missing_columns: [] });
    expect(await detectCsv(fixture('toast-item-selection-details.csv'))).toEqual({ preset: 'toast-item-selection-details', missing_columns: [] });
    expect(await detectCsv(fixture('loyverse-receipts-by-item.csv'))).toEqual({ preset: 'loyverse-receipts-by-item', missing_columns: [] });
    expect(await detectCsv(fixture('sumup-sales-report-de.csv'))).toEqual({ preset: 'sumup-sales-report', missing_columns: [] });
    expect(await detectCsv(fixture('sumup-sales-report-en.csv'))).toEqual({ preset: 'sumup-sales-report', missing_columns: [] });
    expect(await detectCsv(fixture('lightspeed-k-series-transactions.csv'))).toEqual({ preset: 'lightspeed-k-series-transactions', missing_columns: [] });
  });

  it('names what a near miss lacks, and recognises nothing in an unrelated file', async () => {
    const text = fixture('square-items-detail.csv').toString('utf8');
    const withoutQty = text.split('\r\n').map((line) => line.replace(/^([^,]*,[^,]*,[^,]*,[^,]*,[^,]*),[^,]*,/, '$1,')).join('\r\n');
    expect(await detectCsv(Buffer.from(withoutQty))).toEqual({ preset: null, missing_columns: ['Qty'] });
    expect(await detectCsv(Buffer.from('Code;Menge;Datum\n1001;2;06.05.2026\n'))).toEqual({ preset: null, missing_columns: [] });
    expect(await refusalOf(profileFromPreset(engine.scope, 'square', fixture('square-items-detail.csv'), { name: 'x', storageUnit: 'Counter' }, AT))).toMatchObject({ code: 'csv_preset_not_found' });
    expect(await refusalOf(profileFromPreset(engine.scope, undefined, Buffer.from(withoutQty), { name: 'x', storageUnit: 'Counter' }, AT))).toMatchObject({ code: 'csv_preset_not_recognised' });
  });

  it('Square: money with $ and thousands, variants, modifiers as lines of their own, a refund deducting nothing, a payment’s repeated rows kept apart', async () => {
    const { saved, preview, upload } = await post('square-items-detail', 'square-items-detail.csv', {
      'Latte (Regular)': ['Espresso beans', '0.018'],
      'Latte (Large)': ['Espresso beans', '0.018'],
      '12oz': ['Cup 12oz', '1'],
      '16oz': ['Cup 16oz', '1'],
      'Oat Milk': ['Oat milk', '0.2'],
      'Whole Milk': ['Milk', '0.25'],
      Vanilla: ['Vanilla syrup', '0.02'],
      'Croissant (Regular)': ['Croissant', '1'],
      'Matcha Latte (Regular)': ['Matcha', '4'],
      'Avocado Toast (Regular)': ['Bread', '1'],
    });
    expect(saved.profile).toMatchObject({ locations: { 'Harbour Cafe': 'Counter' }, currency: 'USD' });
    expect(preview).toMatchObject({ rows: 9, rows_valid: 9, rows_invalid: 0, rows_duplicate: 0, rows_skipped: 0 });
    expect(preview.first_rows.map((row) => [row.codes, row.modifiers, row.quantity, row.net_amount, row.external_id])).toEqual([
      [['Latte (Regular)'], ['12oz', 'Oat Milk'], '1', '5.5', 'tx8Rq1 | Payment | Latte | Regular | 12oz, Oat Milk'],
      [['Latte (Regular)'], ['12oz', 'Oat Milk'], '1', '5.5', 'tx8Rq1 | Payment | Latte | Regular | 12oz, Oat Milk'],
      [['Croissant (Regular)'], [], '1', '4', 'tx8Rq1 | Payment | Croissant | Regular | '],
      [['Latte (Large)'], ['16oz', 'Whole Milk', 'Vanilla'], '1', '6.5', 'tx8Rq2 | Payment | Latte | Large | 16oz, Whole Milk, Vanilla'],
      [['Matcha Latte (Regular)'], ['12oz', 'Oat Milk'], '1', '6', 'tx8Rq3 | Payment | Matcha Latte | Regular | 12oz, Oat Milk'],
      [['Catering Tray (Regular)'], [], '1', '1020', 'tx8Rq4 | Payment | Catering Tray | Regular | '],
      [['Latte (Regular)'], ['12oz', 'Oat Milk'], '1', '5.5', 'tx9Rq5 | Payment | Latte | Regular | 12oz, Oat Milk'],
      [['Avocado Toast (Regular)'], [], '-1', '-9', 'tx9Rq6 | Refund | Avocado Toast | Regular | '],
      [['matcha  latte (Regular)'], ['12oz', 'oat milk'], '1', '6', 'tx9Rq7 | Payment | matcha  latte | Regular | 12oz, oat milk'],
    ]);
    // Codes alike but for case and spaces are one item; modifiers are codes with a parent line.
    expect(preview.codes.filter((code) => code.parent).map(({ code, rows, quantity }) => [code, rows, quantity])).toEqual([
      ['12oz', 5, '5'],
      ['16oz', 1, '1'],
      ['Oat Milk', 5, '5'],
      ['Vanilla', 1, '1'],
      ['Whole Milk', 1, '1'],
    ]);
    expect(preview.codes.find((code) => code.code === 'Matcha Latte (Regular)')).toMatchObject({ parent: false, rows: 2, quantity: '2' });
    expect(preview.codes.find((code) => code.code === 'Avocado Toast (Regular)')).toMatchObject({ parent: false, quantity: '-1' });
    expect(upload).toMatchObject({ rows: 9, rows_posted: 8, rows_unmapped: 1, rows_duplicate: 0 });
    expect(await issues()).toEqual([
      ['2026-10-08', 'Croissant', '-1'],
      ['2026-10-08', 'Cup 12oz', '-3'],
      ['2026-10-08', 'Cup 16oz', '-1'],
      ['2026-10-08', 'Espresso beans', '-0.054'],
      ['2026-10-08', 'Matcha', '-4'],
      ['2026-10-08', 'Milk', '-0.25'],
      ['2026-10-08', 'Oat milk', '-0.6'],
      ['2026-10-08', 'Vanilla syrup', '-0.02'],
      ['2026-10-09', 'Cup 12oz', '-2'],
      ['2026-10-09', 'Espresso beans', '-0.018'],
      ['2026-10-09', 'Matcha', '-4'],
      ['2026-10-09', 'Oat milk', '-0.4'],
    ]);
    // The amounts are the day's net sales, as a POS's lines are: $1,020.00 read exactly, the refund's -$9.00 not a sale.
    const cost = await foodCost(engine.scope, 'square-items-detail/Harbour Cafe', '2026-10-08', '2026-10-09');
    expect(cost.days.filter((day) => day.sales !== '0').map((day) => [day.date, day.sales])).toEqual([
      ['2026-10-08', '1047.5'],
      ['2026-10-09', '11.5'],
    ]);
  });

  it('Square: the same file again posts nothing twice; with “Refunds put stock back” the refund restocks', async () => {
    await post('square-items-detail', 'square-items-detail.csv', { 'Avocado Toast (Regular)': ['Bread', '1'] }, { refundsRestock: true });
    expect(await issues()).toEqual([['2026-10-09', 'Bread', '1']]);
    const again = await previewCsv(engine.scope, 'square-items-detail', { name: 'again.csv', content: Buffer.concat([fixture('square-items-detail.csv'), Buffer.from('\r\n')]) }, {}, AT);
    expect(again).toMatchObject({ rows_valid: 9, rows_duplicate: 9 });
  });

  it('Toast: a void is left out, a 00:30 sale belongs to the business day before, "1,013.00" reads', async () => {
    const { preview } = await post('toast-item-selection-details', 'toast-item-selection-details.csv', { Burger: ['Beef patty', '1'], Fries: ['Potatoes', '0.15'] });
    expect(preview).toMatchObject({ rows: 5, rows_valid: 4, rows_skipped: 1 });
    expect(preview.first_rows.map((row) => [row.codes[0], row.date, row.net_amount])).toEqual([
      ['Burger', '2026-10-08', '14'],
      ['Fries', '2026-10-08', '9'],
      ['Burger', '2026-10-08', '14'],
      ['Banquet Package', '2026-10-09', '1013'],
    ]);
    expect(await issues()).toEqual([
      ['2026-10-08', 'Beef patty', '-2'],
      ['2026-10-08', 'Potatoes', '-0.3'],
    ]);
  });

  it('Toast with its ModifierSelectionDetails beside: each modifier deducts its own ingredient, a voided modifier nothing', async () => {
    expect(await detectCsv(fixture('toast-modifier-selection-details.csv'))).toEqual({ preset: 'toast-modifier-selection-details', missing_columns: [] });
    expect(await refusalOf(profileFromPreset(engine.scope, undefined, fixture('toast-modifier-selection-details.csv'), { name: 'x', storageUnit: 'Counter' }, AT))).toMatchObject({
      code: 'csv_preset_read_beside',
    });
    const { preview } = await post(
      'toast-item-selection-details',
      'toast-item-selection-details.csv',
      { Burger: ['Beef patty', '1'], Fries: ['Potatoes', '0.15'], Cheese: ['Cheese slice', '1'], Bacon: ['Bacon', '0.05'], 'Truffle Oil': ['Truffle oil', '0.005'] },
      { modifiers: 'toast-modifier-selection-details.csv' },
    );
    expect(preview.first_rows.map((row) => [row.codes[0], row.modifiers])).toEqual([
      ['Burger', ['Cheese', 'Bacon']],
      ['Fries', ['Truffle Oil']],
      ['Burger', ['Cheese']],
      ['Banquet Package', []],
    ]);
    expect(await issues()).toEqual([
      ['2026-10-08', 'Bacon', '-0.05'],
      ['2026-10-08', 'Beef patty', '-2'],
      ['2026-10-08', 'Cheese slice', '-2'],
      ['2026-10-08', 'Potatoes', '-0.3'],
      ['2026-10-08', 'Truffle oil', '-0.01'],
    ]);
  });

  it('Loyverse: a variant and its modifiers, two like rows of one receipt both counted, a refund receipt deducting nothing', async () => {
    const { saved, preview } = await post('loyverse-receipts-by-item', 'loyverse-receipts-by-item.csv', {
      'Cappuccino (Large)': ['Espresso beans', '0.018'],
      'Oat milk': ['Oat milk', '0.15'],
      'Extra shot': ['Espresso beans', '0.009'],
      Bagel: ['Bagel', '1'],
    });
    expect(saved.profile).toMatchObject({ date_format: 'DD/MM/YYYY HH:mm', locations: { 'Main St': 'Counter' } });
    expect(preview.first_rows.map((row) => [row.date, row.refund, row.quantity])).toEqual([
      ['2026-10-01', false, '1'],
      ['2026-10-01', false, '1'],
      ['2026-10-01', false, '2'],
      ['2026-10-02', true, '-1'],
    ]);
    expect(await issues()).toEqual([
      ['2026-10-01', 'Bagel', '-2'],
      ['2026-10-01', 'Espresso beans', '-0.054'],
      ['2026-10-01', 'Oat milk', '-0.3'],
    ]);
  });

  it('SumUp: the German report with its decimal comma and "DD.MM.YYYY, HH:mm", the English one with its own time column', async () => {
    const { saved } = await post('sumup-sales-report', 'sumup-sales-report-de.csv', { 'Flat White': ['Milk', '0.18'], Gipfeli: ['Croissant', '1'] });
    expect(saved.profile).toMatchObject({ decimal_separator: ',', date_format: 'DD.MM.YYYY, HH:mm', locations: { default: 'Counter' }, currency: 'CHF' });
    expect(await issues()).toEqual([
      ['2023-04-17', 'Croissant', '-2'],
      ['2023-04-17', 'Milk', '-0.36'],
    ]);
    const english = await profileFromPreset(engine.scope, undefined, fixture('sumup-sales-report-en.csv'), { name: 'SumUp EN', storageUnit: 'Counter' }, AT);
    expect(english.profile).toMatchObject({ decimal_separator: '.', date_format: 'DD.MM.YY', amount_column: 'Price (Net)' });
    const preview = await previewCsv(engine.scope, 'SumUp EN', { name: 'en.csv', content: fixture('sumup-sales-report-en.csv') }, {}, AT);
    expect(preview.first_rows.map((row) => [row.codes[0], row.date, row.quantity, row.refund, row.net_amount])).toEqual([
      ['Flat White', '2023-04-17', '1', false, '5.09'],
      ['Gipfeli', '2023-04-17', '2', false, '6.48'],
      ['Gipfeli', '2023-04-18', '-1', true, '-3.24'],
    ]);
  });

  it('Lightspeed Transactions export: a Void row nets against its sale, a refund deducts nothing, a float sells nothing', async () => {
    const { preview } = await post('lightspeed-k-series-transactions', 'lightspeed-k-series-transactions.csv', { Burger: ['Beef patty', '1'], Fries: ['Potatoes', '0.15'] });
    expect(preview).toMatchObject({ rows: 5, rows_valid: 4, rows_skipped: 1 });
    expect(await issues()).toEqual([
      ['2026-10-08', 'Beef patty', '-1'],
      ['2026-10-08', 'Potatoes', '-0.15'],
    ]);
  });
});
