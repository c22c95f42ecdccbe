import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSides } from '../../demo/fake-sides/fake-sides';
import { saveDiagnostics } from '../../core/diagnostics/diagnostics';
import { createEngine } from '../../core/engine';
import { createNodePlatform } from '../../core/platform/node-platform';
import { runCli } from './cli';
import { runCliIn } from '../../../test/support/run-cli';

const setupFile = new URL('../../../test/fixtures/setup-three-levels.json', import.meta.url).pathname;
let home: string;

beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'larder-cli-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** Runs a command in-process the way `npm run cli` does and returns its exit code and last JSON line. */
async function cli(...argv: string[]) {
  const { code, json } = await runCliIn({ LARDER_HOME: home }, argv);
  return { code, json };
}

describe('the CLI', () => {
  it('imports a setup file and prints exact stock and receipt figures', async () => {
    expect((await cli('import', setupFile)).code).toBe(0);
    expect(await cli('stock')).toEqual({
      code: 0,
      json: {
        stock: [
          { storageUnit: 'Bar Storage', ingredient: 'Coffee beans', unit: 'kg', quantity: '15', value: '280' },
          { storageUnit: 'Main Kitchen', ingredient: 'Tomato', unit: 'kg', quantity: '3.5', value: '10.15' },
        ],
      },
    });
    expect((await cli('stock', '--storage-unit', 'Main Kitchen')).json).toEqual({
      stock: [{ storageUnit: 'Main Kitchen', ingredient: 'Tomato', unit: 'kg', quantity: '3.5', value: '10.15' }],
    });
    const ledger = await cli('ledger', '--type', 'RECEIPT', '--from', '05.01.2026', '--to', '2026-01-05');
    expect(ledger.json).toEqual({
      entries: [
        { id: 1, type: 'RECEIPT', date: '2026-01-05', ingredient: 'Coffee beans', storageUnit: 'Bar Storage', quantity: '10', unitCost: '18', value: '180', businessLocationId: null, salesLines: null, transferLogId: null },
        { id: 3, type: 'RECEIPT', date: '2026-01-05', ingredient: 'Tomato', storageUnit: 'Main Kitchen', quantity: '3.5', unitCost: '2.9', value: '10.15', businessLocationId: null, salesLines: null, transferLogId: null },
      ],
    });
  });

  it('exits 1 with an error document, and a broken file changes nothing', async () => {
    const broken = join(home, 'broken.json');
    writeFileSync(broken, JSON.stringify({ storageUnits: [{ name: 'Cellar' }], receipts: [{ ingredient: 'Nope', storageUnit: 'Cellar', quantity: '1', value: '1', date: '2026-01-01' }] }));
    expect(await cli('import', broken)).toEqual({
      code: 1,
      json: { error: { code: 'ingredient_not_found', message: 'receipts[0]: ingredient: no ingredient named "Nope" in the file or in Larder' } },
    });
    expect((await cli('stock')).json).toEqual({ stock: [] });
    expect((await cli('import', join(home, 'missing.json'))).json).toMatchObject({ error: { code: 'file_unreadable' } });
    expect((await cli('ledger', '--from', '31/01/2026')).json).toMatchObject({ error: { code: 'invalid_date_format' } });
    expect((await cli('ledger', '--type', 'GIFT')).json).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await cli('stock', '--color')).json).toMatchObject({ error: { code: 'invalid_input' } });
    expect(await cli('frobnicate')).toMatchObject({ code: 1, json: { error: { code: 'unknown_command' } } });
    expect((await cli('stock', '--storage-unit', 'Nowhere')).json).toMatchObject({ error: { code: 'storage_unit_not_found' } });
  });

  it('prints a readable usage for help, -h and a command’s -h, and reads a negative number as a value, not an option', async () => {
    const said: string[] = [];
    const lines: string[] = [];
    const io = { env: { LARDER_HOME: home }, write: (line: string) => lines.push(line), warn: (line: string) => said.push(line) };
    expect(await runCli(['-h'], io)).toBe(0);
    expect(said[0]).toMatch(/^Larder on the command line: npm run cli -- <command>/);
    expect(said[0]).toContain('  count list');
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ commands: expect.arrayContaining([expect.stringMatching(/^count list/)]) });
    expect(await runCli(['waste', '-h'], io)).toBe(0);
    expect(JSON.parse(lines.at(-1) as string)).toEqual({ usage: expect.stringMatching(/^waste <storage unit>/) });
    expect((await cli('constructor')).json).toMatchObject({ error: { code: 'unknown_command' } });
    await cli('import', setupFile);
    // "-0,5" is a quantity the person typed: refused as a quantity, not as an unknown option.
    expect((await cli('waste', 'Main Kitchen', '--ingredient', 'Tomato', '-0,5', '--reason', 'spoiled')).json).toMatchObject({
      error: { code: 'invalid_quantity', message: expect.stringContaining('Wasted quantity: type an amount above 0') },
    });
    // Every field at fault is named at once, not one per attempt.
    const faults = (await cli('move', 'Main Kichten', 'Bar Storage', 'Tomatoe', 'abc')).json as { error: { code: string; details: string[] } };
    expect(faults.error.code).toBe('storage_unit_not_found');
    expect(faults.error.details).toEqual([expect.stringContaining('Main Kichten'), expect.stringContaining('Tomatoe'), expect.stringContaining('Moved quantity')]);
  });

  it('refuses an invalid LARDER_NOW rather than guessing a date', async () => {
    const lines: string[] = [];
    const code = await runCli(['stock'], { env: { LARDER_HOME: home, LARDER_NOW: 'tomorrow' }, write: (line) => lines.push(line) });
    expect(code).toBe(1);
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ error: { code: 'invalid_larder_now' } });
  });

  it('runs as a process: the JSON document is the last stdout line', () => {
    const run = (...args: string[]) => {
      try {
        return { code: 0, stdout: execFileSync(process.execPath, ['--import', 'tsx', 'electron/fronts/cli/main.ts', ...args], { env: { ...process.env, LARDER_HOME: home }, encoding: 'utf8' }) };
      } catch (error) {
        const failed = error as { status: number; stdout: string };
        return { code: failed.status, stdout: failed.stdout };
      }
    };
    const ok = run('import', setupFile);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split('\n').at(-1) ?? '')).toMatchObject({ imported: { recipes: { created: 3 } } });
    const failed = run('import');
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout.trim().split('\n').at(-1) ?? '')).toMatchObject({ error: { code: 'invalid_input' } });
  });
});

const csvFixture = (name: string) => new URL(`../../../test/fixtures/csv/${name}`, import.meta.url).pathname;

describe('csv profile', () => {
  it('saves a profile file under its name, lists it, replaces it, and refuses what it cannot use', async () => {
    // The profile sends sales to storage units that must exist first.
    expect(await cli('csv', 'profile', 'save', csvFixture('kassenexport.profile.json'))).toMatchObject({
      code: 1,
      json: { error: { code: 'storage_unit_not_found', message: 'locations.Mitte: there is no storage unit named "Main Kitchen".' } },
    });
    const units = join(home, 'units.json');
    writeFileSync(units, JSON.stringify({ storageUnits: [{ name: 'Main Kitchen' }, { name: 'Bar Storage' }] }));
    expect((await cli('import', units)).code).toBe(0);

    const saved = await cli('csv', 'profile', 'save', csvFixture('kassenexport.profile.json'));
    expect(saved).toMatchObject({ code: 0, json: { profile: { name: 'Kassenexport', encoding: 'windows-1252', locations: { Mitte: 'Main Kitchen', Bar: 'Bar Storage' } } } });
    const changed = join(home, 'changed.json');
    writeFileSync(changed, JSON.stringify({ ...JSON.parse(readFileSync(csvFixture('kassenexport.profile.json'), 'utf8')), delimiter: 'auto' }));
    expect((await cli('csv', 'profile', 'save', changed)).json).toMatchObject({ profile: { id: (saved.json.profile as { id: number }).id, delimiter: 'auto' } });
    expect((await cli('csv', 'profile', 'list')).json).toMatchObject({ profiles: [{ name: 'Kassenexport', delimiter: 'auto' }] });

    writeFileSync(changed, JSON.stringify({ name: 'x', rules: [], locations: {}, colour: 'red' }));
    expect(await cli('csv', 'profile', 'save', changed)).toMatchObject({ code: 1, json: { error: { code: 'csv_profile_invalid' } } });
    writeFileSync(changed, '{"name": ');
    expect((await cli('csv', 'profile', 'save', changed)).json).toMatchObject({ error: { code: 'csv_profile_invalid' } });
    expect((await cli('csv', 'profile', 'save', join(home, 'missing.json'))).json).toMatchObject({ error: { code: 'file_unreadable' } });
    expect((await cli('csv', 'profiles')).json).toMatchObject({ error: { code: 'invalid_input' } });
  });
});

describe('units, recipe cost and the menu (issue 29)', () => {
  it('adds pack units, takes "<number> <unit>" quantities, prints a recipe’s cost and the menu as the issue spells them', async () => {
    const setup = join(home, 'bar.json');
    writeFileSync(
      setup,
      JSON.stringify({
        storageUnits: [{ name: 'Bar' }],
        ingredients: [{ name: 'Gin', unit: 'l' }, { name: 'Tonic', unit: 'l' }, { name: 'Flour', unit: 'kg' }],
        recipes: [{ name: 'G&T', yield: '1', lines: [{ ingredient: 'Gin', quantity: '40', unit: 'ml' }, { ingredient: 'Tonic', quantity: '0.15' }] }],
        receipts: [{ ingredient: 'Tonic', storageUnit: 'Bar', quantity: '10', value: '20', date: '2026-05-01' }],
      }),
    );
    expect((await cli('import', setup)).code).toBe(0);
    expect((await cli('ingredient', 'unit', 'add', 'Gin', 'bottle', '0.7')).json).toEqual({ units: [{ name: 'bottle', factor: '0.7', base_unit: 'l' }] });
    expect((await cli('ingredient', 'unit', 'add', 'Gin', 'case', '6 bottle')).json).toEqual({
      units: [
        { name: 'bottle', factor: '0.7', base_unit: 'l' },
        { name: 'case', factor: '4.2', base_unit: 'l' },
      ],
    });
    expect((await cli('ingredient', 'units', 'Gin')).json).toMatchObject({ units: [{ name: 'bottle' }, { name: 'case' }] });
    // Before any gin was received, its line has no cost yet.
    expect((await cli('recipe', 'cost', 'G&T', '--date', '2026-05-08')).json).toEqual({
      recipe_cost: {
        recipe: 'G&T',
        yield: '1',
        cost: '0.3',
        lines: [
          { ingredient: 'Gin', quantity: '40', unit: 'ml', base_quantity: '0.04', unit_cost: null, cost: null },
          { ingredient: 'Tonic', quantity: '0.15', unit: 'l', base_quantity: '0.15', unit_cost: '2', cost: '0.3' },
        ],
        missing_costs: ['Gin'],
      },
    });
    const count = (await cli('count', 'start', 'Bar', '--at', '2026-05-07T22:00:00Z')).json.count as { id: number };
    expect((await cli('count', 'set', String(count.id), 'Gin', '2 case + 5 bottle + 0,4 bottle')).json).toEqual({ line: { ingredient: 'Gin', counted: '12.18' } });
    expect((await cli('count', 'set', String(count.id), 'Flour', '3 piece')).json).toMatchObject({ error: { code: 'unit_not_convertible', message: expect.stringContaining('"piece" does not convert to "kg"') } });
    expect((await cli('menu', 'Nowhere', '--from', '2026-05-01', '--to', '2026-05-07')).json).toMatchObject({ error: { code: 'location_not_found' } });
  });
});

describe('csv presets, detect and profile from-preset', () => {
  const preset = (name: string) => new URL(`../../../test/fixtures/csv/presets/${name}`, import.meta.url).pathname;

  it('lists the presets, recognises a file, and saves the profile a preset proposes, printing it as the issue spells it', async () => {
    const presets = (await cli('csv', 'presets')).json.presets as Record<string, unknown>[];
    expect(presets.map((entry) => Object.keys(entry))).toEqual(presets.map(() => ['id', 'system', 'name', 'columns']));
    expect(presets.map((entry) => entry.id)).toEqual(expect.arrayContaining(['square-items-detail', 'toast-item-selection-details', 'loyverse-receipts-by-item', 'sumup-sales-report', 'lightspeed-k-series-transactions']));
    expect((await cli('csv', 'detect', preset('square-items-detail.csv'))).json).toEqual({ detect: { preset: 'square-items-detail', missing_columns: [] } });
    expect((await cli('csv', 'detect', csvFixture('kassenexport-1252.csv'))).json).toEqual({ detect: { preset: null, missing_columns: [] } });

    const units = join(home, 'units.json');
    writeFileSync(units, JSON.stringify({ storageUnits: [{ name: 'Counter' }] }));
    expect((await cli('import', units)).code).toBe(0);
    expect((await cli('csv', 'profile', 'from-preset', 'square-items-detail', preset('square-items-detail.csv'), '--name', 'Square')).json).toMatchObject({ error: { code: 'invalid_input' } });
    const saved = await cli('csv', 'profile', 'from-preset', 'square-items-detail', preset('square-items-detail.csv'), '--name', 'Square', '--storage-unit', 'Counter');
    expect(saved).toMatchObject({
      code: 0,
      json: { profile: { name: 'Square', locations: { 'Harbour Cafe': 'Counter' }, modifier_column: 'Modifiers Applied', refund_rows: { column: 'Event Type', equals: ['Refund'] }, currency: 'USD' } },
    });
    expect((await cli('csv', 'preview', 'Square', preset('square-items-detail.csv'))).json).toMatchObject({
      preview: { rows: 9, rows_valid: 9, codes: expect.arrayContaining([expect.objectContaining({ code: 'Oat Milk', parent: true }), expect.objectContaining({ code: 'Latte (Regular)', parent: false })]) },
    });
    expect((await cli('csv', 'profile', 'from-preset', 'square-items-detail', preset('square-items-detail.csv'), '--name', 'X', '--storage-unit', 'Nowhere')).json).toMatchObject({
      error: { code: 'storage_unit_not_found' },
    });
    expect((await cli('csv', 'profile', 'from-preset', 'square-items-detail', csvFixture('kassenexport-1252.csv'), '--name', 'X', '--storage-unit', 'Counter')).json).toMatchObject({
      error: { code: 'csv_column_missing' },
    });
  });
});

describe('csv preview, upload, uploads and revert', () => {
  it('prints the upload as the issue spells it, refuses invalid rows naming them, and reverts', async () => {
    expect((await cli('import', setupFile)).code).toBe(0);
    expect((await cli('csv', 'profile', 'save', csvFixture('kassenexport.profile.json'))).code).toBe(0);
    const preview = await cli('csv', 'preview', 'Kassenexport', csvFixture('kassenexport-1252.csv'));
    expect(preview).toMatchObject({ code: 0, json: { preview: { rows: 6, rows_valid: 5, rows_unmapped: 5, invalid_rows: [] } } });
    expect((await cli('map', '1001', '--ingredient', 'Tomato', '--quantity', '1.000,1')).json).toMatchObject({ error: { code: 'invalid_quantity' } });
    expect((await cli('map', '1001', '--ingredient', 'Tomato', '--quantity', '0,1')).json).toMatchObject({ mapping: { itemId: '1001', itemName: 'Käsespätzle', quantity: '0.1' } });
    expect((await cli('items', 'list', '--source', 'Kassenexport', '--unmapped')).json).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ itemId: '3002', source: 'Kassenexport' })]) });

    const upload = await cli('csv', 'upload', 'Kassenexport', csvFixture('kassenexport-1252.csv'));
    expect(upload.code).toBe(0);
    const posted = upload.json.upload as Record<string, unknown>;
    expect(posted).toMatchObject({ status: 'posted', rows: 6, rows_posted: 2, rows_invalid: 0, rows_unmapped: 3 });
    expect(Object.keys(posted)).toEqual(expect.arrayContaining(['id', 'status', 'rows', 'rows_posted', 'rows_invalid', 'rows_unmapped', 'days', 'log_ids']));
    expect((posted.days as unknown[]).length).toBe(4);
    expect((await cli('ledger', '--type', 'ISSUE')).json).toMatchObject({
      entries: [
        { date: '2026-05-06', ingredient: 'Tomato', storageUnit: 'Main Kitchen', quantity: '-0.2', businessLocationId: 'Kassenexport/Mitte', salesLines: 1 },
        { date: '2026-05-07', ingredient: 'Tomato', storageUnit: 'Main Kitchen', quantity: '-0.05', businessLocationId: 'Kassenexport/Mitte', salesLines: 1 },
      ],
    });
    expect(await cli('csv', 'upload', 'Kassenexport', csvFixture('kassenexport-1252.csv'))).toMatchObject({ code: 1, json: { error: { code: 'csv_file_already_uploaded' } } });
    expect((await cli('csv', 'uploads')).json).toMatchObject({ uploads: [{ id: posted.id, status: 'posted', file_name: 'kassenexport-1252.csv' }] });
    expect((await cli('csv', 'revert', String(posted.id))).json).toMatchObject({ upload: { id: posted.id, status: 'reverted' } });
    expect((await cli('ledger', '--type', 'ISSUE')).json).toEqual({ entries: [] });
    expect((await cli('csv', 'revert', '77')).json).toMatchObject({ error: { code: 'csv_upload_not_found' } });

    const units = join(home, 'strict.json');
    writeFileSync(units, readFileSync(csvFixture('invalid-rows.profile.json')));
    expect((await cli('csv', 'profile', 'save', units)).code).toBe(0);
    const refused = await cli('csv', 'upload', 'Strict store', csvFixture('invalid-rows.csv'));
    expect(refused.code).toBe(1);
    expect(refused.json).toEqual({
      error: {
        code: 'csv_row_invalid',
        message: expect.stringContaining('4 of 6 rows cannot be read') as string,
        rows: [
          { row: 3, column: 'code', value: '', reason: 'no POS code' },
          { row: 4, column: 'quantity', value: 'two', reason: 'not a number' },
          { row: 5, column: 'date', value: '06/05/2026', reason: 'not a date as YYYY-MM-DD' },
          { row: 6, column: 'store', value: 'Moon', reason: 'unknown_location: not among the profile’s locations' },
        ],
      },
    });
    expect((await cli('csv', 'upload', 'Strict store', csvFixture('invalid-rows.csv'), '--skip-invalid')).json).toMatchObject({ upload: { rows_invalid: 4, rows_unmapped: 2 } });
    expect((await cli('csv', 'upload', 'Nobody', csvFixture('invalid-rows.csv'))).json).toMatchObject({ error: { code: 'csv_profile_not_found' } });
  });

  it('refuses a file of 200 MB and one byte before reading it', async () => {
    expect((await cli('import', setupFile)).code).toBe(0);
    expect((await cli('csv', 'profile', 'save', csvFixture('kassenexport.profile.json'))).code).toBe(0);
    const huge = join(home, 'huge.csv');
    // Sparse: the disk holds none of it, and reading it whole would take seconds and 200 MB.
    truncateSync((writeFileSync(huge, ''), huge), 200 * 1024 * 1024 + 1);
    const started = performance.now();
    expect((await cli('csv', 'upload', 'Kassenexport', huge)).json).toMatchObject({ error: { code: 'csv_file_too_large' } });
    expect((await cli('csv', 'preview', 'Kassenexport', huge)).json).toMatchObject({ error: { code: 'csv_file_too_large' } });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('sides', () => {
  it('connects with the password from standard input, syncs, and then uses the Lightspeed commands by store id', async () => {
    const fake = await startFakeSides({ today: '2026-05-08' });
    const run = async (input: string | null, ...argv: string[]) => {
      const { code, json } = await runCliIn({ LARDER_HOME: home, SIDES_API_URL: fake.url, LARDER_NOW: '2026-05-08T10:00:00Z' }, argv, input);
      return { code, json };
    };
    try {
      expect((await run('nope', 'sides', 'connect', '--username', 'demo@larder.test', '--password', '-')).json).toMatchObject({ error: { code: 'sides_auth_failed' } });
      expect((await run('demo-password', 'sides', 'connect', '--username', 'demo@larder.test', '--password', '-')).json).toMatchObject({ sides: { connected: true, apiUrl: fake.url } });
      expect((await run('demo-password', 'sides', 'connect', '--username', 'demo@larder.test', '--password', '-')).json).toMatchObject({ error: { code: 'sides_integration_exists' } });
      expect((await run('demo-password', 'sides', 'connect', '--username', 'demo@larder.test', '--password', '-', '--update')).code).toBe(0);
      expect((await run(null, 'sides', 'test')).json).toMatchObject({ test: { ok: true } });
      expect((await run(null, 'sides', 'stores', 'sync')).json).toEqual({ synced: { stores: 2, added: 2, notSeen: 0 } });
      expect((await run(null, 'sides', 'products', 'sync')).json).toEqual({ synced: { products: 7, stores: 2 } });
      expect(((await run(null, 'sides', 'stores', 'list')).json.stores as { businessLocationId: string }[]).map((store) => store.businessLocationId)).toEqual(['st_1', 'st_2']);
      expect((await run(null, 'import', setupFile)).code).toBe(0);
      expect((await run(null, 'locations', 'link', 'st_1', 'Main Kitchen')).code).toBe(0);
      expect((await run(null, 'map', 'p_cola', '--ingredient', 'Tomato', '--quantity', '0.5')).json).toMatchObject({ mapping: { itemName: 'Cola 0,33 l' } });
      fake.setDay('st_1', '2026-05-06', [
        { id: 'o1', number: '1', created_at: '2026-05-06T12:00:00+02:00', status: 'closed', channel: 'pos', positions: [{ id: 'x', product_id: 'p_cola', product_number: '2001', name: 'Cola 0,33 l', quantity: '3', unit_price: null, total: '7.50', parent_id: null }] },
      ]);
      expect((await run(null, 'transfer', 'st_1', '2026-05-06')).json).toMatchObject({ success: true, stats: { lines_processed: 1 } });
      expect((await run(null, 'ledger', '--type', 'ISSUE')).json).toMatchObject({ entries: [{ ingredient: 'Tomato', quantity: '-1.5', storageUnit: 'Main Kitchen', businessLocationId: 'st_1' }] });
      expect((await run(null, 'logs', '--location', 'st_1')).json).toMatchObject({ logs: [{ source: 'sides', trigger: 'manual' }] });
    } finally {
      await fake.close();
    }
  });
});

describe('a Sides server that echoes the password (issue 25, item 4)', () => {
  it('never gets it into the CLI output, the transfer log, larder.log or the diagnostics file', async () => {
    const fake = await startFakeSides({ today: '2026-05-08' });
    const password = 'demo-password';
    const run = async (input: string | null, ...argv: string[]) => {
      const { code, text } = await runCliIn({ LARDER_HOME: home, SIDES_API_URL: fake.url, LARDER_NOW: '2026-05-08T10:00:00Z', LARDER_RETRY_DELAYS_MS: '1' }, argv, input);
      return { code, text };
    };
    const echo = (session: string) => `login of demo@larder.test with password ${password} (${JSON.stringify(password)}, ${encodeURIComponent(password)}) and session ${session} refused`;
    try {
      expect((await run('wrong-password', 'sides', 'connect', '--username', 'demo@larder.test', '--password', '-')).text).toContain('sides_auth_failed');
      expect((await run(password, 'sides', 'connect', '--username', 'demo@larder.test', '--password', '-')).code).toBe(0);
      expect((await run(null, 'sides', 'stores', 'sync')).code).toBe(0);
      expect((await run(null, 'import', setupFile)).code).toBe(0);
      expect((await run(null, 'locations', 'link', 'st_1', 'Main Kitchen')).code).toBe(0);
      const session = fake.sessionTokens().at(-1) as string;
      fake.faults.push({ kind: 500, error: echo(session), match: '/stores' });
      const test = await run(null, 'sides', 'test');
      expect(test.text).toContain('sides_api_error');
      expect(test.text).toContain('with password [redacted]');
      fake.faults.push({ kind: 500, error: echo(session), times: 10, match: '/orders' });
      const transfer = await run(null, 'transfer', 'st_1', '2026-05-06');
      expect(transfer).toMatchObject({ code: 1, text: expect.stringContaining('max_retries_exhausted') });
      const logs = await run(null, 'logs', '--location', 'st_1');
      expect(logs.text).toContain('[redacted]');
      const engine = await createEngine(createNodePlatform({ env: { LARDER_HOME: home } }), 'cli');
      let diagnostics: string;
      try {
        engine.log.info(`a server said: ${echo(session)}`);
        diagnostics = readFileSync((await saveDiagnostics(engine)).path, 'utf8');
      } finally {
        engine.close();
      }
      for (const [where, text] of [
        ['sides test', test.text],
        ['transfer', transfer.text],
        ['logs', logs.text],
        ['larder.log', readFileSync(join(home, 'larder.log'), 'utf8')],
        ['diagnostics', diagnostics],
      ] as const) {
        expect(text.includes(password) || text.includes(session), where).toBe(false);
      }
    } finally {
      await fake.close();
    }
  });
});

describe('counts, waste, moves, variance and food cost', () => {
  it('prints the variance as the issue spells it, every number a decimal string', async () => {
    expect((await cli('import', setupFile)).code).toBe(0);
    const first = await cli('count', 'start', 'Main Kitchen', '--at', '2026-01-06T06:00:00Z');
    const firstId = String((first.json.count as { id: number }).id);
    expect(first.json).toMatchObject({ count: { id: expect.any(Number), status: 'draft' } });
    expect((await cli('count', 'start', 'Main Kitchen', '--at', '2026-01-06T06:00:00Z')).json).toMatchObject({ error: { code: 'count_exists' } });
    expect((await cli('count', 'set', firstId, 'Tomato', '3,5')).json).toEqual({ line: { ingredient: 'Tomato', counted: '3.5' } });
    expect((await cli('count', 'finish', firstId)).json).toMatchObject({ count: { status: 'finished', entries: 0 } });
    expect((await cli('waste', 'Main Kitchen', '--ingredient', 'Tomato', '0,5', '--reason', 'spoiled', '--at', '2026-01-07T12:00:00Z')).code).toBe(0);
    expect((await cli('move', 'Main Kitchen', 'Bar Storage', 'Tomato', '1', '--at', '2026-01-07T13:00:00Z')).code).toBe(0);
    const second = await cli('count', 'start', 'Main Kitchen', '--at', '2026-01-08T06:00:00Z');
    const secondId = String((second.json.count as { id: number }).id);
    await cli('count', 'set', secondId, 'Tomato', '1.8');
    await cli('count', 'finish', secondId);
    // The ids variance takes: count list, newest first, with what each counted.
    expect((await cli('count', 'list')).json).toMatchObject({
      counts: [
        { id: Number(secondId), storage_unit: 'Main Kitchen', status: 'finished', ingredients: ['Tomato'] },
        { id: Number(firstId), storage_unit: 'Main Kitchen', status: 'finished', ingredients: ['Tomato'] },
      ],
    });
    expect((await cli('variance', 'Main Kitchen', '--from-count', firstId, '--to-count', secondId)).json).toEqual({
      variance: {
        storage_unit: 'Main Kitchen',
        from: '2026-01-06T06:00:00.000Z',
        to: '2026-01-08T06:00:00.000Z',
        rows: [
          {
            ingredient: 'Tomato',
            unit: 'kg',
            opening: '3.5',
            receipts: '0',
            theoretical: '0',
            waste: '0.5',
            moves: '1',
            expected: '2',
            counted: '1.8',
            variance_quantity: '-0.2',
            variance_value: '-0.58',
            variance_pct: null,
          },
        ],
        total_value: '-0.58',
      },
    });
    expect((await cli('food-cost', 'nowhere', '--from', '2026-01-01', '--to', '2026-01-31')).json).toMatchObject({ error: { code: 'location_not_found' } });
  });
});
