import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatScaled, MONEY_SCALE, QUANTITY_SCALE } from '../../decimal/decimal';
import { refusal, refusalOf } from '../../../../test/support/test-engine';
import { parseCsvProfile, type CsvProfile } from './csv-profile';
import { decodeCsv, detectDelimiter, MAX_CSV_BYTES, MAX_INVALID_ROWS, peekCsv, readCsv, readCsvDate, readLocaleDecimal, readMoney, type CsvReading } from './csv-reader';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/csv/${name}`, import.meta.url));
const profileOf = (name: string): CsvProfile => parseCsvProfile(JSON.parse(fixture(`${name}.profile.json`).toString('utf8')));

/** The rows as text: quantities and amounts as decimal strings, so the test reads like the file. */
const plain = (reading: CsvReading) =>
  reading.rows.map((row) => ({
    line: row.line,
    codes: row.codes,
    quantity: formatScaled(row.quantity, QUANTITY_SCALE),
    date: row.date,
    storageUnit: row.storageUnit,
    name: row.name,
    amount: row.netAmount === null ? null : formatScaled(row.netAmount, MONEY_SCALE),
    externalId: row.externalId,
  }));

describe('a CSV profile', () => {
  it('reads the profile file of the README, with defaults for what it leaves out', () => {
    const profile = profileOf('kassenexport');
    expect(profile).toMatchObject({ name: 'Kassenexport', encoding: 'windows-1252', delimiter: ';', decimal_separator: ',', thousands_separator: '.' });
    expect(profileOf('three-locations')).toMatchObject({ encoding: 'auto', quote: '"', header: true, decimal_separator: '.', date_format: 'YYYY-MM-DD' });
  });

  it('refuses unknown settings, names without a header, a missing default location and clashing separators, naming the setting', async () => {
    const base = JSON.parse(fixture('no-header.profile.json').toString('utf8')) as Record<string, unknown>;
    const refused = (changes: Record<string, unknown>) => refusal(() => parseCsvProfile({ ...base, ...changes }));
    expect(await refused({ colour: 'red' })).toMatchObject({ code: 'csv_profile_invalid', message: expect.stringContaining('"colour"') });
    expect((await refused({ name_column: 'Artikel' })).message).toContain('Item name column (name_column): without a header row, columns are 1-based positions');
    expect((await refused({ locations: { Mitte: 'Main Kitchen' } })).message).toContain('"default"');
    expect((await refused({ thousands_separator: ',' })).message).toContain('thousands_separator');
    const empty = (() => {
      try {
        return parseCsvProfile({ ...base, rules: [{ type: 'column_values_to_pos_codes', source_column: '' }] });
      } catch (error) {
        return error as { message: string; details: string[] };
      }
    })();
    expect(empty).toMatchObject({ details: ['source_column'] });
    expect((empty as { message: string }).message).toMatch(/^POS code column \(source_column\): /);
    // Any token format reads (D.M.YY, M/D/YY h:mm A: issue 28); one without a year does not.
    expect((await refused({ date_format: 'D.M' })).message).toContain('date_format');
    expect((await refused({ date_format: 'YYYY-QQ-DD' })).message).toContain('date_format');
    expect((await refused({ rules: [] })).code).toBe('csv_profile_invalid');
  });
});

describe('reading a till export', () => {
  it('reads a German export: Windows-1252 with umlauts, € and „“, semicolons, decimal commas, thousands dots, several codes in a cell', async () => {
    const reading = await readCsv(fixture('kassenexport-1252.csv'), profileOf('kassenexport'));
    expect(reading.header).toEqual(['Bon', 'Datum', 'Filiale', 'Artikelnr', 'Artikel', 'Menge', 'Umsatz']);
    expect(plain(reading)).toEqual([
      { line: 2, codes: ['1001'], quantity: '2', date: '2026-05-06', storageUnit: 'Main Kitchen', name: 'Käsespätzle', amount: '25.8', externalId: 'B1-1' },
      { line: 3, codes: ['1002'], quantity: '1250.5', date: '2026-05-06', storageUnit: 'Main Kitchen', name: 'Apfelschorle „groß“', amount: '2876.15', externalId: 'B1-2' },
      { line: 4, codes: ['2001', '2002'], quantity: '3', date: '2026-05-06', storageUnit: 'Bar Storage', name: 'Grüner Tee & Keks', amount: '13.5', externalId: 'B2-1' },
      { line: 5, codes: ['1001'], quantity: '0.5', date: '2026-05-07', storageUnit: 'Main Kitchen', name: 'Käsespätzle', amount: '6.45', externalId: 'B3-1' },
      { line: 7, codes: ['3002'], quantity: '1', date: '2026-05-07', storageUnit: 'Bar Storage', name: 'Gutschein 10 €', amount: '10', externalId: 'B3-3' },
    ]);
    // The storno (quantity −1) is skipped and counted, as POS refund lines are.
    expect([reading.skipped, reading.invalid, reading.dataRows]).toEqual([1, [], 6]);
  });

  it('reads the same German file right with "auto" (not UTF-8, so Windows-1252), where Latin-1 would get € and „ wrong', async () => {
    const bytes = fixture('kassenexport-1252.csv');
    expect([...decodeCsv(bytes, 'auto')].join('')).toContain('Gutschein 10 €');
    expect([...decodeCsv(bytes, 'auto')].join('')).toContain('„groß“');
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('€');
    expect((await refusal(() => [...decodeCsv(bytes, 'utf-8')])).code).toBe('csv_unreadable');
  });

  it('drops a UTF-8 BOM, finds the delimiter itself, keeps a quoted comma, and reads a date with a time as the date written', async () => {
    const reading = await readCsv(fixture('bom-utf8.csv'), profileOf('bom-utf8'));
    expect(reading.header).toEqual(['code', 'name', 'qty', 'date']);
    expect(plain(reading)).toEqual([
      { line: 2, codes: ['C-10'], quantity: '2', date: '2026-05-06', storageUnit: 'Bar Storage', name: 'Flat white', amount: null, externalId: null },
      { line: 3, codes: ['C-11'], quantity: '1', date: '2026-05-06', storageUnit: 'Bar Storage', name: 'Croissant, butter', amount: null, externalId: null },
    ]);
  });

  it('reads a file without a header by column positions, line numbers counting from the first row', async () => {
    const reading = await readCsv(fixture('no-header.csv'), profileOf('no-header'));
    expect(reading.header).toBeNull();
    expect(plain(reading).map(({ line, codes, quantity, date, name }) => [line, codes[0], quantity, date, name])).toEqual([
      [1, '4711', '3', '2026-05-06', 'Pils 0,5'],
      [2, '4712', '1', '2026-05-06', 'Radler'],
      [3, '4711', '2', '2026-05-07', 'Pils 0,5'],
    ]);
  });

  it('sends each location’s rows to its storage unit, and takes the business date chosen at upload when there is no date column', async () => {
    const reading = await readCsv(fixture('three-locations.csv'), profileOf('three-locations'), { date: '2026-05-06' });
    expect(plain(reading).map(({ codes, quantity, storageUnit, date }) => [codes[0], quantity, storageUnit, date])).toEqual([
      ['A1', '1', 'Main Kitchen', '2026-05-06'],
      ['A1', '2', 'Bar Storage', '2026-05-06'],
      ['B2', '4', 'Island Store', '2026-05-06'],
      ['B2', '1', 'Main Kitchen', '2026-05-06'],
    ]);
    expect((await refusalOf(readCsv(fixture('three-locations.csv'), profileOf('three-locations')))).code).toBe('date_required');
  });

  it('reports every invalid row with its line, column, value and why, and reads the rest', async () => {
    const reading = await readCsv(fixture('invalid-rows.csv'), profileOf('invalid-rows'));
    expect(reading.invalid).toEqual([
      { line: 3, column: 'code', value: '', reason: 'no POS code' },
      { line: 4, column: 'quantity', value: 'two', reason: 'not a number' },
      { line: 5, column: 'date', value: '06/05/2026', reason: 'not a date as YYYY-MM-DD' },
      { line: 6, column: 'store', value: 'Moon', reason: 'unknown_location: not among the profile’s locations' },
    ]);
    expect(plain(reading).map(({ line, externalId, quantity }) => [line, externalId, quantity])).toEqual([
      [2, 'r1', '1'],
      [7, 'r6', '1.5'],
    ]);
  });

  it('says plainly when the profile does not fit the file: a named column missing, or dates that do not read in most rows', async () => {
    const profile = profileOf('invalid-rows');
    const missing = await refusalOf(readCsv(fixture('three-locations.csv'), { ...profile, location_column: 'Store' }));
    expect(missing).toMatchObject({ code: 'csv_column_missing', message: expect.stringContaining('"code"') });
    expect(missing.message).toContain('"Store", "Code", "Qty"');
    const dated = await refusalOf(readCsv(fixture('invalid-rows.csv'), { ...profile, date_format: 'DD.MM.YYYY' }));
    expect(dated).toMatchObject({ code: 'csv_row_invalid', message: expect.stringContaining('check the profile') });
  });

  it('reads a Square-style money column exactly: "$1,020.00", -$9.00 and ($9.00) (issue 28)', async () => {
    const profile = { ...profileOf('invalid-rows'), amount_column: 'net', thousands_separator: ',' as const };
    const text = 'id,code,quantity,date,store,net\nr1,A1,1,2026-05-06,North,"$1,020.00"\nr2,A2,1,2026-05-06,North,-$9.00\nr3,A3,2,2026-05-06,North,($9.00)\nr4,A4,1,2026-05-06,North,9 dollars';
    const reading = await readCsv(Buffer.from(text), profile);
    expect(plain(reading).map(({ codes, amount }) => [codes[0], amount])).toEqual([
      ['A1', '1020'],
      ['A2', '-9'],
      ['A3', '-9'],
    ]);
    expect(reading.invalid).toEqual([expect.objectContaining({ line: 5, column: 'net', reason: 'not an amount' })]);
  });

  it('ends a row at any line ending outside quotes, whichever the file starts with (issue 25, item 6)', async () => {
    const profile = { ...profileOf('invalid-rows'), name_column: 'name' };
    const text = 'id,code,quantity,date,store,name\r\nr1,A1,1,2026-05-06,North,Dish 1\nr2,R2,1,2026-05-06,North,Dish 2\nr3,R3,1,2026-05-06,North,"Dish\r\n3"\r\nr4,R4,1,2026-05-06,North,Dish 4\rr5,R5,1,2026-05-06,North,Dish 5\nr6,R6,1,2026-05-06,North,Dish 6';
    const reading = await readCsv(Buffer.from(text), profile);
    expect(reading.dataRows).toBe(6);
    expect(plain(reading).map(({ externalId, codes, name }) => [externalId, codes[0], name])).toEqual([
      ['r1', 'A1', 'Dish 1'],
      ['r2', 'R2', 'Dish 2'],
      ['r3', 'R3', 'Dish\r\n3'],
      ['r4', 'R4', 'Dish 4'],
      ['r5', 'R5', 'Dish 5'],
      ['r6', 'R6', 'Dish 6'],
    ]);
    expect(reading.invalid).toEqual([]);
  });

  it('takes a code, name, id or location longer than 200 characters as an invalid row, not an item (issue 25, item 9)', async () => {
    const profile = { ...profileOf('invalid-rows'), name_column: 'name' };
    const long = 'x'.repeat(5_000_000);
    const text = `id,code,quantity,date,store,name\nr1,A1,1,2026-05-06,North,${long}\nr2,${long},1,2026-05-06,North,Dish\n${long},A3,1,2026-05-06,North,Dish\nr4,A4,1,2026-05-06,North,${'y'.repeat(200)}\n`;
    const reading = await readCsv(Buffer.from(text), profile);
    expect(reading.invalid).toEqual([
      { line: 2, column: 'name', value: `${'x'.repeat(79)}…`, reason: 'longer than 200 characters (5000000)' },
      { line: 3, column: 'code', value: `${'x'.repeat(79)}…`, reason: 'longer than 200 characters (5000000)' },
      { line: 4, column: 'id', value: `${'x'.repeat(79)}…`, reason: 'longer than 200 characters (5000000)' },
    ]);
    expect(plain(reading).map(({ externalId }) => externalId)).toEqual(['r4']);
  });

  it('reads UTF-16 files, with or without their byte order mark, little- or big-endian (issue 25, item 10)', async () => {
    const text = 'Store;Code;Qty\r\nNorth;Käse-1;1\r\nSouth;A1;2\r\n';
    const little = Buffer.from(text, 'utf16le');
    const big = Buffer.from(little).swap16();
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), little]), little, Buffer.concat([Buffer.from([0xfe, 0xff]), big]), big]) {
      const reading = await readCsv(bytes, { ...profileOf('three-locations'), encoding: 'utf-8' }, { date: '2026-05-06' });
      expect(reading.header).toEqual(['Store', 'Code', 'Qty']);
      expect(plain(reading).map(({ codes, quantity }) => [codes[0], quantity])).toEqual([
        ['Käse-1', '1'],
        ['A1', '2'],
      ]);
    }
  });

  it('streams a file from disk the same as one in memory, deciding "auto" over the whole file, and hashes its bytes (issue 25, item 7)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'larder-csv-path-'));
    try {
      const german = join(folder, 'kassenexport-1252.csv');
      writeFileSync(german, fixture('kassenexport-1252.csv'));
      const fromDisk = await readCsv({ path: german }, { ...profileOf('kassenexport'), encoding: 'auto' });
      const inMemory = await readCsv(fixture('kassenexport-1252.csv'), { ...profileOf('kassenexport'), encoding: 'auto' });
      expect(plain(fromDisk)).toEqual(plain(inMemory));
      expect(fromDisk.hash).toBe(inMemory.hash);
      expect(fromDisk.hash).toBe(createHash('sha256').update(fixture('kassenexport-1252.csv')).digest('hex'));
      // UTF-8 for its first two megabytes, then one Windows-1252 € (0x80): the whole file is Windows-1252.
      const late = join(folder, 'late.csv');
      const rows = Array.from({ length: 60_000 }, (_, index) => `North;A${index % 7};1`).join('\n');
      writeFileSync(late, Buffer.concat([Buffer.from(`Store;Code;Qty\n${rows}\nNorth;`), Buffer.from([0x80]), Buffer.from(';1\n')]));
      const reading = await readCsv({ path: late }, profileOf('three-locations'), { date: '2026-05-06' });
      expect(reading.rows.at(-1)?.codes).toEqual(['€']);
      expect(reading.rows).toHaveLength(60_001);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lists the first 1,000 invalid rows and counts them all', async () => {
    const text = `Store;Code;Qty\n${Array.from({ length: 1_500 }, () => 'Moon;A1;1').join('\n')}\nNorth;A1;1\n`;
    const reading = await readCsv(Buffer.from(text), profileOf('three-locations'), { date: '2026-05-06' });
    expect([reading.invalid.length, reading.invalidCount, reading.rows.length, reading.dataRows]).toEqual([MAX_INVALID_ROWS, 1_500, 1, 1_501]);
    expect(reading.invalid[0]).toMatchObject({ line: 2, column: 'Store', value: 'Moon' });
  });

  it('refuses a file over 200 MB before reading it', async () => {
    const huge = Buffer.alloc(MAX_CSV_BYTES + 1);
    expect((await refusalOf(readCsv(huge, profileOf('three-locations'), { date: '2026-05-06' }))).code).toBe('csv_file_too_large');
  });
});

describe('the pieces', () => {
  it('reads numbers, dates and delimiters as the profile writes them', () => {
    expect(readLocaleDecimal('1.234,56', ',', '.')).toBe('1234.56');
    expect(readLocaleDecimal('1 234.5', '.', ' ')).toBe('1234.5');
    expect(readLocaleDecimal('-0,25', ',', null)).toBe('-0.25');
    expect(readLocaleDecimal('1,2,3', ',', null)).toBeNull();
    expect(readLocaleDecimal('12 kg', '.', null)).toBeNull();
  });

  it('reads dates by tokens as real tills write them, strictly (issue 28)', () => {
    expect(readCsvDate('10/8/26 5:18 PM', 'M/D/YY h:mm A')).toBe('2026-10-08');
    expect(readCsvDate('17.04.2023, 12:32', 'DD.MM.YYYY, HH:mm')).toBe('2023-04-17');
    expect(readCsvDate('2026-05-06', 'YYYY-MM-DD HH:mm')).toBe('2026-05-06');
    expect(readCsvDate('01/10/2026 23:50', 'DD/MM/YYYY HH:mm')).toBe('2026-10-01');
    for (const [text, format] of [['6/5/2026', 'DD/MM/YYYY'], ['31.02.2026', 'DD.MM.YYYY'], ['2026-05-06 12:00', 'YYYY-MM-DD'], ['10/8/26 17:18 PM', 'M/D/YY h:mm A']]) {
      expect(readCsvDate(text as string, format as string)).toBeNull();
    }
  });

  it('puts a sale before business_day_starts_at on the day before, the time in the date or in its own column (issue 28)', async () => {
    const profile = { ...profileOf('invalid-rows'), date_format: 'YYYY-MM-DD', business_day_starts_at: '04:00' };
    const withTime = {
      ...profile,
      rules: [{ ...(profile.rules[0] as CsvProfile['rules'][number]), time_source_column: 'time' }],
    };
    const text = 'id,code,quantity,date,time,store\nr1,A1,1,2026-05-06,00:30:00,North\nr2,A2,1,2026-05-06,04:00:00,North\nr3,A3,1,2026-05-06,11:15 PM,North\nr4,A4,1,2026-05-06,noon,North';
    const reading = await readCsv(Buffer.from(text), withTime);
    expect(plain(reading).map(({ codes, date }) => [codes[0], date])).toEqual([
      ['A1', '2026-05-05'],
      ['A2', '2026-05-06'],
      ['A3', '2026-05-06'],
    ]);
    expect(reading.invalid).toEqual([expect.objectContaining({ line: 5, column: 'time', reason: 'not a time of day' })]);
    const inOne = await readCsv(Buffer.from('id,code,quantity,date,store\nr1,A1,1,10/8/26 12:30 AM,North\nr2,A2,1,10/8/26 5:18 PM,North'), {
      ...profile,
      date_format: 'M/D/YY h:mm A',
    });
    expect(plain(inOne).map(({ date }) => date)).toEqual(['2026-10-07', '2026-10-08']);
  });

  it('reads money as tills write it: symbols and codes before or after, a minus or parentheses, thousands (issue 28)', () => {
    expect(readMoney('$8.00', '.', ',')).toBe('8.00');
    expect(readMoney('-$9.00', '.', ',')).toBe('-9.00');
    expect(readMoney('$-9.00', '.', ',')).toBe('-9.00');
    expect(readMoney('($9.00)', '.', ',')).toBe('-9.00');
    expect(readMoney('$1,020.00', '.', ',')).toBe('1020.00');
    expect(readMoney('9,00 €', ',', '.')).toBe('9.00');
    expect(readMoney('1.234,56\u00a0€', ',', '.')).toBe('1234.56');
    expect(readMoney('CHF 12.50', '.', null)).toBe('12.50');
    expect(readMoney('12.50 EUR', '.', null)).toBe('12.50');
    expect(readMoney('-€3,50', ',', null)).toBe('-3.50');
    expect(readMoney('$0.00', '.', ',')).toBe('0.00');
    expect(readMoney('-$0.00', '.', ',')).toBe('0.00');
    expect(readMoney('7', '.', null)).toBe('7');
    for (const bad of ['', '$', 'abc', '$ 8.00 €', '--8', '8.00.00', '(-$9.00)', '12 kg extra', '1,020.00']) expect(readMoney(bad, '.', null)).toBeNull();
    expect(readCsvDate('31.01.2026', 'DD.MM.YYYY')).toBe('2026-01-31');
    expect(readCsvDate('02/03/2026', 'MM/DD/YYYY')).toBe('2026-02-03');
    expect(readCsvDate('02/03/2026', 'DD/MM/YYYY')).toBe('2026-03-02');
    expect(readCsvDate('30.02.2026', 'DD.MM.YYYY')).toBeNull();
    expect(readCsvDate('2026-05-06 23:59:59', 'YYYY-MM-DD HH:mm:ss')).toBe('2026-05-06');
    expect(readCsvDate('2026-05-06 23:59', 'YYYY-MM-DD')).toBeNull();
    expect(detectDelimiter('a;b;c\n1;2;3\n', '"')).toBe(';');
    expect(detectDelimiter('a\tb\n"x;y"\t2\n', '"')).toBe('\t');
    expect(detectDelimiter('"a,b";c;d\n1;2;3\n', '"')).toBe(';');
    expect(iconv.encode('€', 'win1252')).toEqual(Buffer.from([0x80]));
  });
});

describe('a file that is not what the profile expects', () => {
  it('says a binary file is not a text file, without its bytes, and names the delimiter the file seems to use', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const binary = await refusalOf(readCsv(png, profileOf('kassenexport')));
    expect(binary.code).toBe('csv_unreadable');
    expect(binary.message).toMatch(/^This is not a text file/);
    expect(binary.message).not.toContain('PNG');
    const commas = Buffer.from('Bon,Datum,Filiale,Artikelnr,Artikel,Menge,Umsatz\nB1-1,06.05.2026,Mitte,1001,Käsespätzle,2,"25,80"\n');
    expect(await refusalOf(readCsv(commas, profileOf('kassenexport')))).toMatchObject({
      code: 'csv_unreadable',
      message: expect.stringContaining('This file seems to use commas (,) between its columns, the profile semicolons (;)'),
    });
  });

  it('shows the first rows of a file before any profile exists, split as detected', () => {
    const peek = peekCsv(fixture('kassenexport-1252.csv'), { encoding: 'auto', delimiter: 'auto', quote: '"' }, 3);
    expect(peek.delimiter).toBe(';');
    expect(peek.rows[0]).toEqual(['Bon', 'Datum', 'Filiale', 'Artikelnr', 'Artikel', 'Menge', 'Umsatz']);
    expect(peek.rows).toHaveLength(3);
    expect(peek.rows[1]?.[4]).toBe('Käsespätzle');
  });
});

describe('a header with a name twice', () => {
  it('refuses a profile column the file names twice, naming both, and reads a file whose twice-named column it does not use', async () => {
    const profile = parseCsvProfile({ name: 'Twice', rules: [{ type: 'column_values_to_pos_codes', source_column: 'Code', quantity_source_column: 'Qty' }], locations: { default: 'Main Kitchen' } });
    const twice = Buffer.from('Code,Name,Code,Qty\n1001,Soup,2002,1\n');
    expect(await refusalOf(readCsv(twice, profile, { date: '2026-05-07' }))).toMatchObject({
      code: 'csv_column_ambiguous',
      message: expect.stringContaining('The file has 2 columns named "Code" (columns 1 and 3)'),
    });
    const unused = Buffer.from('Code,Note,Note,Qty\n1001,a,b,1\n');
    expect((await readCsv(unused, profile, { date: '2026-05-07' })).rows.map((row) => row.codes)).toEqual([['1001']]);
  });
});

describe('rules for real exports (issue 28)', () => {
  const profile = (changes: Record<string, unknown>) =>
    parseCsvProfile({
      name: 'Till',
      rules: [{ type: 'column_values_to_pos_codes', source_column: 'Item', quantity_source_column: 'Qty', date_source_column: 'Date' }],
      locations: { default: 'Main Kitchen' },
      ...changes,
    });
  const file = (lines: string[]) => Buffer.from(`${['Id,Date,Item,Size,Extras,Qty,Kind', ...lines].join('\n')}\n`);
  const rows = [
    '1,2026-10-08,Lemonade,Regular,"Ice,  Mint ",1,Sale',
    '1,2026-10-08,Lemonade,Regular,"Ice,  Mint ",1,Sale',
    '2,2026-10-08,Lemonade,,,-1,Sale',
    '3,2026-10-08,Lemonade,,,1,REFUND',
    '4,2026-10-08,Lemonade,,,0,refund',
    '5,2026-10-08,Lemonade,,,2, test ',
  ];

  it('leaves out, refunds, appends the variant, splits modifiers, and numbers a repeated id of several columns', async () => {
    const reading = await readCsv(
      file(rows),
      profile({
        variant_column: 'Size',
        modifier_column: 'Extras',
        external_id_column: ['Id', 'Item'],
        exclude_rows: [{ column: 'Kind', equals: ['Test'] }],
        refund_rows: { column: 'Kind', equals: ['Refund'] },
      }),
    );
    expect(reading.rows.map((row) => [row.line, row.codes, row.modifiers, formatScaled(row.quantity, QUANTITY_SCALE), row.refund, row.name, row.externalId])).toEqual([
      [2, ['Lemonade (Regular)'], ['Ice', 'Mint'], '1', false, null, '1 | Lemonade'],
      [3, ['Lemonade (Regular)'], ['Ice', 'Mint'], '1', false, null, '1 | Lemonade'],
      [5, ['Lemonade'], [], '-1', true, null, '3 | Lemonade'],
    ]);
    // The negative sale, the refund of nothing and the test row: skipped and counted.
    expect(reading.skipped).toBe(3);
  });

  it('counts a negative row with negative_rows "count", and refuses a modifier file the profile does not read', async () => {
    const reading = await readCsv(file(rows), profile({ negative_rows: 'count' }));
    expect(reading.rows.map((row) => formatScaled(row.quantity, QUANTITY_SCALE))).toEqual(['1', '1', '-1', '1', '2']);
    expect(await refusalOf(readCsv(file(rows), profile({}), { modifiers: file(rows) }))).toMatchObject({ code: 'invalid_input' });
  });

  it('names a rule’s column the file lacks, and a modifier file without its link column', async () => {
    expect(await refusalOf(readCsv(file(rows), profile({ exclude_rows: [{ column: 'Void?', equals: ['true'] }] })))).toMatchObject({ code: 'csv_column_missing', message: expect.stringContaining('exclude_rows') });
    const withFile = profile({ modifier_file: { link_columns: ['Id'], source_column: 'Modifier' } });
    expect(await refusalOf(readCsv(file(rows), withFile, { modifiers: Buffer.from('Order,Modifier\n1,Ice\n') }))).toMatchObject({ code: 'csv_column_missing', message: expect.stringContaining('"Id"') });
  });
});

