// CSV uploads end to end on the engine: each fixture file previewed, mapped, posted, and its ledger
// checked to the last digit (decimals as strings); then the rules against double counting, replace
// and add, skipping invalid rows, and revert.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEngine, refusal, refusalOf, type TestEngine } from '../../../../test/support/test-engine';
import { findIngredientByName } from '../../inventory/ingredients';
import { findRecipeByName } from '../../inventory/recipes';
import { importSetupFile } from '../../setup/setup-import';
import { listItems } from '../../items/item-sync';
import { linkItems, resolveItem, saveMapping, unlinkItem } from '../../items/mappings';
import { ledgerEntryLines, listLedgerEntries, stockOnHand } from '../../ledger/ledger';
import { listLogs } from '../../transfer/transfer-log';
import { saveCsvProfile } from './csv-profiles';
import { soldItemDays } from '../../../../test/support/sold-item-days';
import { finishCount, setCountLine, startCount } from '../../stock/stock-control';
import { stockAfterCount } from '../../../../test/support/counts';
import { listUploads, previewCsv, revertUpload, uploadCsv, type CsvPostOptions } from './csv-upload';

const AT = '2026-05-08T10:00:00.000Z';
const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/csv/${name}`, import.meta.url));
const file = (name: string) => ({ name, content: fixture(name) });

const SETUP = {
  storageUnits: [{ name: 'Main Kitchen' }, { name: 'Bar Storage' }, { name: 'Island Store' }],
  ingredients: [
    { name: 'Spätzle', unit: 'kg' },
    { name: 'Bergkäse', unit: 'kg' },
    { name: 'Apfelsaft', unit: 'l' },
    { name: 'Grüner Tee', unit: 'g' },
    { name: 'Keks', unit: 'piece' },
    { name: 'Milk', unit: 'l' },
    { name: 'Croissant', unit: 'piece' },
    { name: 'Pils', unit: 'l' },
    { name: 'Lemon', unit: 'piece' },
    { name: 'Lime', unit: 'piece' },
  ],
  recipes: [
    {
      name: 'Käsespätzle',
      yield: '1',
      lines: [
        { ingredient: 'Spätzle', quantity: '0.25' },
        { ingredient: 'Bergkäse', quantity: '0.08' },
      ],
    },
  ],
  receipts: [
    { ingredient: 'Spätzle', storageUnit: 'Main Kitchen', quantity: '10', value: '40', date: '2026-05-01' },
    { ingredient: 'Bergkäse', storageUnit: 'Main Kitchen', quantity: '5', value: '90', date: '2026-05-01' },
    { ingredient: 'Apfelsaft', storageUnit: 'Main Kitchen', quantity: '1000', value: '1500', date: '2026-05-01' },
    { ingredient: 'Grüner Tee', storageUnit: 'Bar Storage', quantity: '1000', value: '50', date: '2026-05-01' },
    { ingredient: 'Keks', storageUnit: 'Bar Storage', quantity: '100', value: '20', date: '2026-05-01' },
    { ingredient: 'Milk', storageUnit: 'Bar Storage', quantity: '10', value: '11', date: '2026-05-01' },
    { ingredient: 'Pils', storageUnit: 'Bar Storage', quantity: '50', value: '90', date: '2026-05-01' },
  ],
};

let engine: TestEngine;
beforeEach(async () => {
  engine = await createTestEngine({ now: AT });
  await importSetupFile(engine.scope, JSON.stringify(SETUP));
});
afterEach(() => engine.dispose());

const saveProfile = (name: string, changes: Record<string, unknown> = {}) =>
  saveCsvProfile(engine.scope, { ...(JSON.parse(fixture(`${name}.profile.json`).toString('utf8')) as object), ...changes }, AT);

async function map(code: string, target: { ingredient: string } | { recipe: string }, quantity: string, source?: string) {
  const { scope } = engine;
  await saveMapping(
    scope,
    {
      posItemId: (await resolveItem(scope, code, source)).id,
      target: 'ingredient' in target ? { ingredientId: (await findIngredientByName(scope, target.ingredient))!.id } : { recipeId: (await findRecipeByName(scope, target.recipe))!.id },
      quantity,
      isSubtraction: false,
    },
    AT,
  );
}

const upload = (profile: string, name: string, options: CsvPostOptions = {}, bytes?: Buffer) =>
  uploadCsv(engine.scope, profile, bytes ? { name, content: bytes } : file(name), options, AT);

/** The ISSUE entries as [location, date, storage unit, ingredient, quantity, value] rows. */
const issues = async () =>
  (await listLedgerEntries(engine.scope, { type: 'ISSUE' })).map((entry) => [entry.businessLocationId, entry.date, entry.storageUnit, entry.ingredient, entry.quantity, entry.value]);

/** Maps the Kassenexport's codes: 1001 the Käsespätzle recipe, 1002 apple juice by the litre, the tea and biscuit of 2001+2002. */
async function kassenexport() {
  await saveProfile('kassenexport');
  await previewCsv(engine.scope, 'Kassenexport', file('kassenexport-1252.csv'), {}, AT);
  await map('1001', { recipe: 'Käsespätzle' }, '1');
  await map('1002', { ingredient: 'Apfelsaft' }, '0.3');
  await map('2001', { ingredient: 'Grüner Tee' }, '2');
  await map('2002', { ingredient: 'Keks' }, '1');
}

describe('a CSV upload', () => {
  it('previews a German Windows-1252 export without posting: rows, days, codes mapped or not, the deduction per ingredient', async () => {
    await kassenexport();
    const preview = await previewCsv(engine.scope, 'Kassenexport', file('kassenexport-1252.csv'), {}, AT);
    expect(preview).toMatchObject({ profile: 'Kassenexport', rows: 6, rows_valid: 5, rows_invalid: 0, rows_skipped: 1, rows_duplicate: 0, rows_unmapped: 1, already_uploaded: null });
    expect(preview.first_rows[1]).toEqual({
      row: 3,
      codes: ['1002'],
      modifiers: [],
      quantity: '1250.5',
      refund: false,
      date: '2026-05-06',
      location: 'Mitte',
      storage_unit: 'Main Kitchen',
      name: 'Apfelschorle „groß“',
      net_amount: '2876.15',
      external_id: 'B1-2',
    });
    expect(preview.days.map(({ location, date, rows }) => [location, date, rows])).toEqual([
      ['Bar', '2026-05-06', 1],
      ['Bar', '2026-05-07', 1],
      ['Mitte', '2026-05-06', 2],
      ['Mitte', '2026-05-07', 1],
    ]);
    expect(preview.codes.map(({ code, name, quantity, mapped, mapping }) => [code, name, quantity, mapped, mapping])).toEqual([
      ['3002', 'Gutschein 10 €', '1', false, null],
      ['1001', 'Käsespätzle', '2.5', true, 'Käsespätzle'],
      ['1002', 'Apfelschorle „groß“', '1250.5', true, 'Apfelsaft'],
      ['2001', 'Grüner Tee & Keks', '3', true, 'Grüner Tee'],
      ['2002', 'Grüner Tee & Keks', '3', true, 'Keks'],
    ]);
    expect(preview.deductions).toEqual([
      { ingredient: 'Grüner Tee', unit: 'g', storage_unit: 'Bar Storage', quantity: '-6' },
      { ingredient: 'Keks', unit: 'piece', storage_unit: 'Bar Storage', quantity: '-3' },
      { ingredient: 'Apfelsaft', unit: 'l', storage_unit: 'Main Kitchen', quantity: '-375.15' },
      { ingredient: 'Bergkäse', unit: 'kg', storage_unit: 'Main Kitchen', quantity: '-0.2' },
      { ingredient: 'Spätzle', unit: 'kg', storage_unit: 'Main Kitchen', quantity: '-0.625' },
    ]);
    expect(await issues()).toEqual([]);
    expect(await listLogs(engine.scope)).toEqual([]);
    // The file's codes are the source's POS items, named as the file names them.
    expect((await listItems(engine.scope, { source: 'Kassenexport' })).map((item) => [item.itemId, item.name, item.sourceKind, item.mapping?.name ?? null])).toEqual([
      ['1002', 'Apfelschorle „groß“', 'csv', 'Apfelsaft'],
      ['2001', 'Grüner Tee & Keks', 'csv', 'Grüner Tee'],
      ['2002', 'Grüner Tee & Keks', 'csv', 'Keks'],
      ['3002', 'Gutschein 10 €', 'csv', null],
      ['1001', 'Käsespätzle', 'csv', 'Käsespätzle'],
    ]);
  });

  it('posts each location and day as a transfer with its log, entries traced to the rows, exactly', async () => {
    await kassenexport();
    const posted = await upload('Kassenexport', 'kassenexport-1252.csv');
    expect(posted).toMatchObject({ status: 'posted', rows: 6, rows_posted: 4, rows_invalid: 0, rows_unmapped: 1, rows_duplicate: 0, rows_skipped: 1, mode: null });
    expect(posted.log_ids).toHaveLength(4);
    expect(posted.days.map((day) => [day.location, day.date, day.log_id])).toEqual([
      ['Bar', '2026-05-06', posted.log_ids[0]],
      ['Bar', '2026-05-07', posted.log_ids[1]],
      ['Mitte', '2026-05-06', posted.log_ids[2]],
      ['Mitte', '2026-05-07', posted.log_ids[3]],
    ]);
    expect(await issues()).toEqual([
      ['Kassenexport/Bar', '2026-05-06', 'Bar Storage', 'Grüner Tee', '-6', '-0.3'],
      ['Kassenexport/Bar', '2026-05-06', 'Bar Storage', 'Keks', '-3', '-0.6'],
      ['Kassenexport/Mitte', '2026-05-06', 'Main Kitchen', 'Spätzle', '-0.5', '-2'],
      ['Kassenexport/Mitte', '2026-05-06', 'Main Kitchen', 'Bergkäse', '-0.16', '-2.88'],
      ['Kassenexport/Mitte', '2026-05-06', 'Main Kitchen', 'Apfelsaft', '-375.15', '-562.725'],
      ['Kassenexport/Mitte', '2026-05-07', 'Main Kitchen', 'Spätzle', '-0.125', '-0.5'],
      ['Kassenexport/Mitte', '2026-05-07', 'Main Kitchen', 'Bergkäse', '-0.04', '-0.72'],
    ]);
    // Each code of "2001+2002" counted the row's full quantity, and the trace leads back to the row.
    const tea = (await listLedgerEntries(engine.scope, { type: 'ISSUE' })).find((entry) => entry.ingredient === 'Grüner Tee')!;
    expect((await ledgerEntryLines(engine.scope, tea.id)).lines).toEqual([{ posLineId: 'row 4.1', receipt: 'B2-1', item: 'Grüner Tee & Keks', quantity: '3', deduction: '-6' }]);
    const logs = await listLogs(engine.scope);
    expect(logs.map((log) => [log.locationName, log.reportDate, log.trigger, log.source, log.csvFileName, log.status, log.linesSold, log.linesUnmapped, log.unmappedNames])).toEqual([
      ['Mitte', '2026-05-07', 'csv_upload', 'csv', 'kassenexport-1252.csv', 'success', 1, 0, []],
      ['Mitte', '2026-05-06', 'csv_upload', 'csv', 'kassenexport-1252.csv', 'success', 2, 0, []],
      ['Bar', '2026-05-07', 'csv_upload', 'csv', 'kassenexport-1252.csv', 'success', 1, 1, ['Gutschein 10 €']],
      ['Bar', '2026-05-06', 'csv_upload', 'csv', 'kassenexport-1252.csv', 'success', 2, 0, []],
    ]);
    expect(logs[1]?.salesValue).toBe('2901.95');
    expect((await stockOnHand(engine.scope)).find((row) => row.ingredient === 'Apfelsaft')).toMatchObject({ quantity: '624.85', value: '937.275' });
  });

  it('refuses the same file twice, and rows whose external id was posted before are duplicates', async () => {
    await kassenexport();
    await upload('Kassenexport', 'kassenexport-1252.csv');
    expect(await refusalOf(upload('Kassenexport', 'kassenexport-1252.csv'))).toMatchObject({ code: 'csv_file_already_uploaded' });
    // Another export of the same till with one receipt line again and one new day.
    const again = iconvLatin('Bon;Datum;Filiale;Artikelnr;Artikel;Menge;Umsatz\r\nB1-1;06.05.2026;Mitte;1001;Käsespätzle;2;25,80\r\nB9-1;08.05.2026;Mitte;1001;Käsespätzle;1;12,90\r\n');
    const second = await upload('Kassenexport', 'kasse-2.csv', {}, again);
    expect(second).toMatchObject({ rows: 2, rows_duplicate: 1, rows_posted: 1 });
    expect(second.days.map((day) => [day.location, day.date])).toEqual([['Mitte', '2026-05-08']]);
  });

  it('refuses location-days an earlier upload posted unless replace or add is chosen', async () => {
    await kassenexport();
    await upload('Kassenexport', 'kassenexport-1252.csv');
    const corrected = iconvLatin('Bon;Datum;Filiale;Artikelnr;Artikel;Menge;Umsatz\r\nK1;06.05.2026;Mitte;1001;Käsespätzle;4;51,60\r\n');
    const refused = await refusalOf(upload('Kassenexport', 'korrektur.csv', {}, corrected));
    expect(refused).toMatchObject({ code: 'csv_days_already_posted', message: expect.stringContaining('Mitte 2026-05-06') });

    const replaced = await upload('Kassenexport', 'korrektur.csv', { mode: 'replace' }, corrected);
    expect(replaced).toMatchObject({ mode: 'replace', rows_posted: 1 });
    const mitte6 = (await issues()).filter(([location, date]) => location === 'Kassenexport/Mitte' && date === '2026-05-06');
    // Only the correction's Käsespätzle (4 portions); the first file's apple juice of that day is gone.
    expect(mitte6).toEqual([
      ['Kassenexport/Mitte', '2026-05-06', 'Main Kitchen', 'Spätzle', '-1', '-4'],
      ['Kassenexport/Mitte', '2026-05-06', 'Main Kitchen', 'Bergkäse', '-0.32', '-5.76'],
    ]);
    const earlierLog = (await listLogs(engine.scope)).find((log) => log.csvFileName === 'kassenexport-1252.csv' && log.locationName === 'Mitte' && log.reportDate === '2026-05-06');
    expect(earlierLog?.replacedByLogId).toBe(replaced.log_ids[0]);
    expect((await listUploads(engine.scope)).map((entry) => [entry.file_name, entry.days_replaced])).toEqual([
      ['korrektur.csv', 0],
      ['kassenexport-1252.csv', 1],
    ]);
    // The other days of the first file stay as they were.
    expect((await issues()).filter(([location]) => location === 'Kassenexport/Bar')).toHaveLength(2);

    const extra = iconvLatin('Bon;Datum;Filiale;Artikelnr;Artikel;Menge;Umsatz\r\nK2;06.05.2026;Mitte;1001;Käsespätzle;1;12,90\r\n');
    await upload('Kassenexport', 'nachtrag.csv', { mode: 'add' }, extra);
    expect((await issues()).filter(([location, date]) => location === 'Kassenexport/Mitte' && date === '2026-05-06')).toEqual([
      ['Kassenexport/Mitte', '2026-05-06', 'Main Kitchen', 'Spätzle', '-1.25', '-5'],
      ['Kassenexport/Mitte', '2026-05-06', 'Main Kitchen', 'Bergkäse', '-0.4', '-7.2'],
    ]);
  });

  it('reverts an upload: its lines leave the entries, its logs say so, and the file may be posted again', async () => {
    await kassenexport();
    const first = await upload('Kassenexport', 'kassenexport-1252.csv');
    const extra = iconvLatin('Bon;Datum;Filiale;Artikelnr;Artikel;Menge;Umsatz\r\nK2;06.05.2026;Mitte;1001;Käsespätzle;1;12,90\r\n');
    const added = await upload('Kassenexport', 'nachtrag.csv', { mode: 'add' }, extra);
    const reverted = await revertUpload(engine.scope, first.id, '2026-05-08T11:00:00.000Z');
    expect(reverted).toMatchObject({ status: 'reverted', reverted_at: '2026-05-08T11:00:00.000Z' });
    // The day sums the work list reads follow the sales left.
    const sums = await soldItemDays(engine.db);
    expect(sums.stored).toEqual(sums.summed);
    expect(sums.stored.length).toBeGreaterThan(0);
    // What the added file posted stays, alone.
    expect(await issues()).toEqual([
      ['Kassenexport/Mitte', '2026-05-06', 'Main Kitchen', 'Spätzle', '-0.25', '-1'],
      ['Kassenexport/Mitte', '2026-05-06', 'Main Kitchen', 'Bergkäse', '-0.08', '-1.44'],
    ]);
    expect((await listLogs(engine.scope)).filter((log) => log.csvUploadId === first.id).every((log) => log.revertedAt === '2026-05-08T11:00:00.000Z')).toBe(true);
    expect((await listLogs(engine.scope)).filter((log) => log.csvUploadId === added.id).every((log) => log.revertedAt === null)).toBe(true);
    expect((await revertUpload(engine.scope, first.id, AT)).reverted_at).toBe('2026-05-08T11:00:00.000Z');
    expect((await refusal(() => revertUpload(engine.scope, 999, AT))).code).toBe('csv_upload_not_found');
    const headerOnly = iconvLatin('Bon;Datum;Filiale;Artikelnr;Artikel;Menge;Umsatz\r\n');
    expect(await refusalOf(upload('Kassenexport', 'leer.csv', {}, headerOnly))).toMatchObject({ code: 'csv_unreadable', message: expect.stringContaining('no data rows') });

    const again = await upload('Kassenexport', 'kassenexport-1252.csv', { mode: 'add' });
    expect(again).toMatchObject({ rows_posted: 4, rows_duplicate: 0 });
    expect((await listUploads(engine.scope)).map((entry) => [entry.id, entry.status])).toEqual([
      [again.id, 'posted'],
      [added.id, 'posted'],
      [first.id, 'reverted'],
    ]);
  });

  it('reads a UTF-8 file with a BOM and a date with a time into its one storage unit', async () => {
    await saveProfile('bom-utf8');
    await previewCsv(engine.scope, 'Café till', file('bom-utf8.csv'), {}, AT);
    await map('C-10', { ingredient: 'Milk' }, '0.2');
    await map('C-11', { ingredient: 'Croissant' }, '1');
    const posted = await upload('Café till', 'bom-utf8.csv');
    expect(posted).toMatchObject({ rows: 2, rows_posted: 2, days: [{ location: 'Café till', storage_unit: 'Bar Storage', date: '2026-05-06' }] });
    expect(await issues()).toEqual([
      ['Café till', '2026-05-06', 'Bar Storage', 'Milk', '-0.4', '-0.44'],
      ['Café till', '2026-05-06', 'Bar Storage', 'Croissant', '-1', '0'],
    ]);
    expect((await listItems(engine.scope, { source: 'Café till' })).map((item) => item.name)).toEqual(['Croissant, butter', 'Flat white']);
  });

  it('reads a file without a header by column positions', async () => {
    await saveProfile('no-header');
    await previewCsv(engine.scope, 'Bar without header', file('no-header.csv'), {}, AT);
    await map('4711', { ingredient: 'Pils' }, '0.5');
    const posted = await upload('Bar without header', 'no-header.csv');
    expect(posted).toMatchObject({ rows: 3, rows_posted: 2, rows_unmapped: 1 });
    expect(await issues()).toEqual([
      ['Bar without header', '2026-05-06', 'Bar Storage', 'Pils', '-1.5', '-2.7'],
      ['Bar without header', '2026-05-07', 'Bar Storage', 'Pils', '-1', '-1.8'],
    ]);
  });

  it('sends each location of a file to its storage unit, on the business date chosen at upload', async () => {
    await saveProfile('three-locations');
    expect((await refusalOf(upload('Three stores', 'three-locations.csv'))).code).toBe('date_required');
    await previewCsv(engine.scope, 'Three stores', file('three-locations.csv'), { date: '06.05.2026' }, AT);
    await map('A1', { ingredient: 'Lemon' }, '1');
    await map('B2', { ingredient: 'Lime' }, '2');
    const posted = await upload('Three stores', 'three-locations.csv', { date: '06.05.2026' });
    expect(posted.days.map((day) => [day.location, day.storage_unit, day.date, day.rows])).toEqual([
      ['East', 'Island Store', '2026-05-06', 1],
      ['North', 'Main Kitchen', '2026-05-06', 2],
      ['South', 'Bar Storage', '2026-05-06', 1],
    ]);
    expect(await issues()).toEqual([
      ['Three stores/East', '2026-05-06', 'Island Store', 'Lime', '-8', '0'],
      ['Three stores/North', '2026-05-06', 'Main Kitchen', 'Lemon', '-1', '0'],
      ['Three stores/North', '2026-05-06', 'Main Kitchen', 'Lime', '-2', '0'],
      ['Three stores/South', '2026-05-06', 'Bar Storage', 'Lemon', '-2', '0'],
    ]);
  });

  it('refuses a file with invalid rows, naming each, unless they are skipped; then the log lists them', async () => {
    await saveProfile('invalid-rows');
    await previewCsv(engine.scope, 'Strict store', file('invalid-rows.csv'), {}, AT);
    await map('100', { ingredient: 'Lemon' }, '1');
    await map('104', { ingredient: 'Lime' }, '1');
    let rows: unknown;
    try {
      await upload('Strict store', 'invalid-rows.csv');
    } catch (error) {
      expect(error).toMatchObject({ code: 'csv_row_invalid' });
      rows = (error as { rows: unknown }).rows;
    }
    expect(rows).toEqual([
      { row: 3, column: 'code', value: '', reason: 'no POS code' },
      { row: 4, column: 'quantity', value: 'two', reason: 'not a number' },
      { row: 5, column: 'date', value: '06/05/2026', reason: 'not a date as YYYY-MM-DD' },
      { row: 6, column: 'store', value: 'Moon', reason: 'unknown_location: not among the profile’s locations' },
    ]);
    expect(await issues()).toEqual([]);
    const posted = await upload('Strict store', 'invalid-rows.csv', { skipInvalid: true });
    expect(posted).toMatchObject({ rows: 6, rows_invalid: 4, rows_posted: 2, skip_invalid: true });
    expect(await issues()).toEqual([
      ['Strict store/North', '2026-05-06', 'Main Kitchen', 'Lemon', '-1', '0'],
      ['Strict store/North', '2026-05-06', 'Main Kitchen', 'Lime', '-1.5', '0'],
    ]);
    expect((await listLogs(engine.scope))[0]?.csvInvalidRows.map((row) => row.row)).toEqual([3, 4, 5, 6]);
  });

  it('takes the same code of two tills as two dishes until a person links them', async () => {
    await kassenexport();
    await saveProfile('kassenexport', { name: 'Zweite Kasse' });
    await previewCsv(engine.scope, 'Zweite Kasse', file('kassenexport-1252.csv'), {}, AT);
    const sameCode = async () => (await listItems(engine.scope)).filter((item) => item.itemId === '1001');
    const [first, second] = await sameCode();
    expect(first!.groupKey).not.toBe(second!.groupKey);
    expect((await sameCode()).map((item) => [item.source, item.mapping?.name ?? null])).toEqual([
      ['Kassenexport', 'Käsespätzle'],
      ['Zweite Kasse', null],
    ]);
    await map('1001', { ingredient: 'Spätzle' }, '0.3', 'Zweite Kasse');
    expect((await sameCode()).map((item) => item.mapping?.name)).toEqual(['Käsespätzle', 'Spätzle']);
    // A person says they are one dish: the second till's code joins the first's and deducts what it deducts.
    await linkItems(engine.scope, first!.id, [second!.id]);
    expect((await sameCode()).map((item) => [item.groupKey, item.mapping?.name])).toEqual([
      [first!.groupKey, 'Käsespätzle'],
      [first!.groupKey, 'Käsespätzle'],
    ]);
    await map('1001', { ingredient: 'Spätzle' }, '0.3', 'Zweite Kasse');
    expect((await sameCode()).map((item) => item.mapping?.name)).toEqual(['Spätzle', 'Spätzle']);
    // Unlinked, it is a dish of its own again and keeps deducting what it did.
    await unlinkItem(engine.scope, second!.id);
    await map('1001', { recipe: 'Käsespätzle' }, '1', 'Kassenexport');
    expect((await sameCode()).map((item) => item.mapping?.name)).toEqual(['Käsespätzle', 'Spätzle']);
    expect((await refusal(() => unlinkItem(engine.scope, second!.id))).code).toBe('invalid_input');
  });
});

/** A Windows-1252 file from text (the test's own exports of the same till). */
function iconvLatin(text: string): Buffer {
  return Buffer.from([...text].map((char) => ({ ä: 0xe4, ö: 0xf6, ü: 0xfc, ß: 0xdf, '€': 0x80 })[char] ?? char.charCodeAt(0)));
}

describe('a late CSV upload before a finished count', () => {
  it('leaves stock at the count’s moment what was counted, uploaded and reverted', async () => {
    await kassenexport();
    const count = await startCount(engine.scope, 'Main Kitchen', '2026-05-07T12:00:00Z');
    await setCountLine(engine.scope, count.id, 'Spätzle', '9');
    await finishCount(engine.scope, count.id, AT);
    await upload('Kassenexport', 'kassenexport-1252.csv');
    // Mitte's 6 May took 0.5 kg of Spätzle before the count; its 7 May comes after it.
    expect((await listLedgerEntries(engine.scope, { type: 'COUNT' })).map((entry) => entry.quantity)).toEqual(['-0.5']);
    expect(await stockAfterCount(engine.scope, count.id, 'Spätzle')).toBe('9');
    await revertUpload(engine.scope, (await listUploads(engine.scope))[0]!.id, AT);
    expect((await listLedgerEntries(engine.scope, { type: 'COUNT' })).map((entry) => entry.quantity)).toEqual(['-1']);
    expect(await stockAfterCount(engine.scope, count.id, 'Spätzle')).toBe('9');
  });
});
