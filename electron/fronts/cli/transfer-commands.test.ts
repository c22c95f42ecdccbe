import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeSale } from '../../demo/fake-lightspeed/fake-data';
import { startFakeLightspeed, type FakeLightspeed } from '../../demo/fake-lightspeed/fake-lightspeed';
import { fakeEnv } from '../../../test/support/lightspeed';
import { HARBOUR, NOW, SETUP } from '../../../test/support/restaurant';
import { runCli } from './cli';
import { Decimal } from '../../core/decimal/decimal';

let home: string;
let fake: FakeLightspeed;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'larder-cli-transfer-'));
  fake = await startFakeLightspeed({ autoApprove: true, now: NOW, today: '2026-05-08', salesPerDay: 4 });
});
afterEach(async () => {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

const cli = (...argv: string[]) => cliWith({}, ...argv);

async function cliWith(env: Record<string, string>, ...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, {
    env: { LARDER_HOME: home, LARDER_NOW: NOW, LARDER_RETRY_DELAYS_MS: '5,5,5', ...fakeEnv(fake), ...env },
    write: (line) => {
      lines.push(line);
      const { authorizeUrl } = JSON.parse(line) as { authorizeUrl?: string };
      if (authorizeUrl) void fetch(authorizeUrl);
    },
  });
  return { code, json: JSON.parse(lines.at(-1) ?? 'null') as Record<string, unknown> };
}

/** Connected, locations synced, the seed's inventory imported and Harbour linked to Main Kitchen. */
async function harbourLinked() {
  await cli('connect', '--no-browser');
  await cli('locations', 'sync');
  const setupFile = join(home, 'setup.json');
  writeFileSync(setupFile, JSON.stringify(SETUP));
  await cli('import', setupFile);
  await cli('locations', 'link', HARBOUR, 'Main', 'Kitchen');
}

describe('the transfer CLI commands', () => {
  it('maps, links, transfers, migrates, catches up and lists logs', async () => {
    expect((await cli('connect', '--no-browser')).code).toBe(0);
    await cli('locations', 'sync');
    await cli('items', 'sync');
    const setupFile = join(home, 'setup.json');
    writeFileSync(setupFile, JSON.stringify(SETUP));
    expect((await cli('import', setupFile)).code).toBe(0);

    expect((await cli('map', '1008', '--ingredient', 'Coffee beans', '--quantity', '0.009')).json).toMatchObject({ mapping: { itemName: 'Espresso', quantity: '0.009' } });
    // The burger is one dish in the three businesses (one SKU): mapped once, by its name.
    expect((await cli('map', 'Classic Burger', '--recipe', 'Classic Burger recipe')).json).toMatchObject({ mapping: { groupKey: 'sku:1:1020', location: null } });
    expect((await cli('map', '1234000020', '--recipe', 'Classic Burger recipe')).json).toMatchObject({ mapping: { mappedObjectType: 'recipe' } });
    expect((await cli('map', '1008', '--ingredient', 'Unobtainium')).json).toMatchObject({ error: { code: 'ingredient_not_found' } });
    expect((await cli('map', '1008', '--ingredient', 'Coffee beans', '--quantity', '0')).json).toMatchObject({ error: { code: 'invalid_quantity' } });
    const unmapped = (await cli('items', 'list', '--unmapped')).json as { items: { itemId: string }[] };
    expect(unmapped.items.map((item) => item.itemId)).not.toContain('1234000008');

    expect((await cli('transfer', HARBOUR, '2026-05-06')).json).toMatchObject({ error: { code: 'location_has_no_storage_unit' } });
    expect((await cli('locations', 'activate', HARBOUR)).json).toMatchObject({ error: { code: 'storage_unit_required' } });
    expect((await cli('locations', 'link', HARBOUR, 'Main', 'Kitchen')).json).toMatchObject({ location: { storageUnitId: 1 } });
    const transfer = await cli('transfer', HARBOUR, '06.05.2026');
    expect(transfer.json).toMatchObject({ date: '2026-05-06', success: true, error: null });
    // The day held against Lightspeed's own totals, on the result and on its log (issue 27).
    const { reconciliation, log_id: logId } = transfer.json as { reconciliation: { status: string; groups: Record<string, unknown>[] }; log_id: number };
    expect(reconciliation.status).toBe('match');
    expect(Object.keys(reconciliation.groups[0]!)).toEqual(['group', 'lightspeed_amount', 'larder_amount', 'lightspeed_lines', 'larder_lines']);
    expect((await cli('logs', 'show', String(logId))).json).toMatchObject({ log: { id: logId, reconciliation } });
    expect((await cli('logs', 'show', '999999')).json).toMatchObject({ error: { code: 'invalid_input' } });
    // A pilot's proof: Back Office's Transactions export of the day against what Larder counted, per SKU.
    // Lightspeed lists every row; Larder counts a standalone refund and a cancelled sale as nothing.
    const harbour = fake.data.location(Number(HARBOUR))!;
    const sold = fake.data.salesOf(harbour, '2026-05-06') as FakeSale[];
    const exported = join(home, 'transactions.csv');
    writeFileSync(
      exported,
      ['Type;Date;Account;Item;SKU;Quantity;Amount']
        .concat(sold.flatMap((sale) => sale.salesLines.map((line) => [sale.type, '06/05/2026 12:00', sale.accountFiscId, line.name, line.sku, line.quantity.replace('.', ','), line.totalNetAmountWithTax].join(';'))))
        // A refund Larder never received, and a sale after midnight that belongs to the 6th (the day starts at 05:00).
        .concat(['Refund;06/05/2026 22:30;A-x;Lemonade;99999;-1,000;-2.00', 'Sale;07/05/2026 01:10;A-y;Lemonade;99999;3,000;6.00'])
        .join('\r\n'),
    );
    const compared = (await cli('lightspeed', 'compare', HARBOUR, exported, '--day-starts', '05:00')).json as { compare: { days: string[]; rows: { sku: string; difference: string }[]; differences: number } };
    expect(Object.keys(compared.compare)).toEqual(['days', 'rows', 'differences']);
    expect(compared.compare.days).toEqual(['2026-05-06']);
    const notCounted = new Map<string, Decimal>();
    for (const sale of sold.filter((each) => each.type !== 'SALE' || each.cancelled)) {
      for (const line of sale.salesLines) notCounted.set(line.sku, (notCounted.get(line.sku) ?? new Decimal(0)).plus(line.quantity));
    }
    // Lemonade: -1 + 3, none of it in Larder.
    notCounted.set('99999', new Decimal(2));
    for (const row of compared.compare.rows) expect(row.difference).toBe((notCounted.get(row.sku) ?? new Decimal(0)).toFixed());
    expect(compared.compare.rows.find((row) => row.sku === '99999')).toMatchObject({ lightspeed_quantity: '2', larder_quantity: '0', difference: '2' });
    expect(compared.compare.differences).toBe([...notCounted.values()].filter((quantity) => !quantity.isZero()).length);
    expect(Object.keys(compared.compare.rows[0]!)).toEqual(['date', 'sku', 'name', 'lightspeed_quantity', 'larder_quantity', 'difference']);
    expect((await cli('transfer', HARBOUR, '2026-05-06', '--no-force')).json).toMatchObject({ stats: { idempotent: true } });
    expect((await cli('transfer', HARBOUR, '2026-05-08')).json).toMatchObject({ error: { code: 'date_not_closed' } });
    // Today's mappings over past days: a preview that writes nothing, then exactly its days rebuilt.
    const preview = (await cli('reprocess', HARBOUR, '--from', '2026-05-06', '--to', '2026-05-06', '--preview')).json as { preview: { days: string[] } };
    expect(preview).toMatchObject({ preview: { days: [], ingredients: expect.any(Array) } });
    expect((await cli('reprocess', HARBOUR, '--from', '2026-05-06', '--to', '2026-05-06')).json).toEqual({ results: [] });
    expect((await cli('reprocess', HARBOUR, '--from', '2026-05-06')).json).toMatchObject({ error: { code: 'invalid_input' } });
    const suggested = (await cli('suggest', '1234000020')).json as { suggestions: unknown[] };
    expect(suggested.suggestions[0]).toMatchObject({ kind: 'recipe', name: 'Classic Burger recipe', score: expect.any(Number) });

    expect((await cli('locations', 'activate', HARBOUR)).json).toMatchObject({ migration: { status: 'pending', days_skipped: 1, total_days: 90 } });
    expect((await cli('migrate', 'start', HARBOUR)).json).toMatchObject({ error: { code: 'migration_already_in_progress' } });
    expect((await cli('migrate', 'status', HARBOUR, '--wait')).json).toMatchObject({ migration: { status: 'completed', days_processed: 89 } });
    // One ISSUE per ingredient of the day, and `ledger show` lists the lines behind it with their own deductions.
    const issues = (await cli('ledger', '--type', 'ISSUE', '--location', HARBOUR)).json as { entries: { id: number; ingredient: string; quantity: string; salesLines: number }[] };
    const beans = issues.entries.filter((entry) => entry.ingredient === 'Coffee beans').reduce((most, entry) => (entry.salesLines > most.salesLines ? entry : most));
    expect(beans.salesLines).toBeGreaterThan(1);
    const shown = (await cli('ledger', 'show', String(beans.id))).json as { entry: unknown; lines: { pos_line_id: string; receipt: string; item: string; quantity: string; deduction: string }[] };
    expect(shown.entry).toEqual(beans);
    expect(shown.lines).toHaveLength(beans.salesLines);
    expect(shown.lines.every((line) => line.item === 'Espresso' && line.deduction === new Decimal(line.quantity).times('-0.009').toFixed() && line.receipt.length > 0)).toBe(true);
    expect(shown.lines.reduce((sum, line) => sum.plus(line.deduction), new Decimal(0)).toFixed()).toBe(beans.quantity);
    expect(Object.keys(shown.lines[0]!)).toEqual(['pos_line_id', 'receipt', 'item', 'quantity', 'deduction']);
    expect((await cli('ledger', 'show', '999999')).json).toMatchObject({ error: { code: 'ledger_entry_not_found' } });
    expect((await cli('ledger', 'show', 'x')).json).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await cli('run-due')).json).toEqual({ migrations: [], locations: [{ businessLocationId: HARBOUR, posted: [], failed: [], waitingFor: null }] });
    expect((await cli('locations', 'auto', HARBOUR, 'off')).json).toMatchObject({ location: { autoIssue: false } });
    expect((await cli('locations', 'show', HARBOUR)).json).toMatchObject({ overview: { health: { migrationInProgress: false }, stats: { catalog: { mapped: 2 } } } });

    const logs = (await cli('logs', '--location', HARBOUR, '--from', '2026-05-01', '--to', '2026-05-06', '--status', 'success')).json as { logs: { reportDate: string }[] };
    expect(new Set(logs.logs.map((log) => log.reportDate))).toEqual(new Set(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06']));
    expect((await cli('logs', '--status', 'exploded')).json).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await cli('unmap', '1008')).json).toEqual({ unmapped: { itemId: '1234000008', name: 'Espresso' } });
    expect((await cli('locations', 'unlink', HARBOUR)).json).toMatchObject({ location: { storageUnitId: null } });
  });

  it('exits 1 when a transfer fails, with its JSON as it is', async () => {
    await harbourLinked();
    fake.fail({ kind: 500, times: 1 });
    const failed = await cli('transfer', HARBOUR, '2026-05-06');
    expect(failed).toMatchObject({ code: 1, json: { success: false, error: { code: 'lightspeed_api_error' } } });
    expect(await cli('transfer', HARBOUR, '2026-05-06')).toMatchObject({ code: 0, json: { success: true } });

    // The nightly run: a location that has posted before, and a day that fails.
    await cli('locations', 'activate', HARBOUR);
    await cli('migrate', 'status', HARBOUR, '--wait');
    await cli('locations', 'link', HARBOUR, 'Main', 'Kitchen');
    const now = new Date(Date.parse(NOW) + 86_400_000).toISOString();
    fake.setNow(now);
    fake.fail({ kind: 500, times: 1 });
    expect(await cliWith({ LARDER_NOW: now }, 'run-due')).toMatchObject({
      code: 1,
      json: { locations: [{ businessLocationId: HARBOUR, failed: [{ date: '2026-05-08', code: 'lightspeed_api_error' }] }] },
    });
  });

  it('migrate start --wait resumes a job whose runner died, and closes the runner’s open log as interrupted', async () => {
    await harbourLinked();
    await cli('locations', 'activate', HARBOUR);
    // What a runner killed in the middle of a day leaves behind: its job running, its day's log open.
    const db = new Database(join(home, 'larder.db'));
    const deadPid = 2 ** 30;
    db.prepare(`UPDATE migration_jobs SET status = 'running', runner_pid = ?, heartbeat_at = ?`).run(deadPid, NOW);
    db.prepare(`UPDATE migration_days SET status = 'processing' WHERE date = '2026-02-07'`).run();
    db.prepare(
      `INSERT INTO transfer_logs (company_id, location_id, report_date, request_uuid, attempt, status, trigger, force_refresh, storage_unit_id, started_at)
       VALUES (1, 1, '2026-02-07', 'dead-runner', 1, 'processing', 'migration', 0, 1, ?)`,
    ).run(NOW);
    db.close();

    expect((await cli('migrate', 'start', HARBOUR, '--wait')).json).toMatchObject({ migration: { status: 'completed', days_processed: 90, days_failed: 0 } });
    const interrupted = (await cli('logs', '--date', '2026-02-07', '--status', 'failed')).json as { logs: { requestUuid: string; errorMessage: string }[] };
    expect(interrupted.logs).toEqual([expect.objectContaining({ requestUuid: 'dead-runner', errorMessage: expect.stringContaining('Interrupted') })]);
  });

  it('maps several items at once, overrides one location, and lists renames for review', async () => {
    await harbourLinked();
    await cli('items', 'sync');
    const many = await cli('map', 'Cola 0.33 l', '1008', '--ingredient', 'Tomato', '--quantity', '0,5');
    expect(many.json).toMatchObject({ mappings: [{ itemName: 'Cola 0.33 l', quantity: '0.5' }, { itemName: 'Espresso', quantity: '0.5' }] });
    // All or none: one unknown item maps nothing.
    expect((await cli('map', '1008', 'Unobtainium soup', '--ingredient', 'Coffee beans')).json).toMatchObject({ error: { code: 'item_not_found' } });
    expect(((await cli('items', 'list')).json as { items: { itemId: string; mapping: { name: string } | null }[] }).items.find((item) => item.itemId === '1234000008')?.mapping?.name).toBe('Tomato');

    expect((await cli('map', '1008', '--ingredient', 'Coffee beans', '--quantity', '0.018', '--location', HARBOUR)).json).toMatchObject({ mapping: { location: HARBOUR, quantity: '0.018' } });
    const espresso = ((await cli('items', 'list')).json as { items: { itemId: string; overrides: unknown[] }[] }).items.find((item) => item.itemId === '1234000008');
    expect(espresso?.overrides).toEqual([{ location: HARBOUR, type: 'ingredient', name: 'Coffee beans', quantity: '0.018', unit: null, isSubtraction: false }]);
    expect((await cli('unmap', '1008', '--location', HARBOUR)).code).toBe(0);
    expect(((await cli('items', 'list')).json as { items: { itemId: string; overrides: unknown[] }[] }).items.find((item) => item.itemId === '1234000008')?.overrides).toEqual([]);

    fake.data.renameItem(1234000008, 'Espresso (oat)');
    await cli('items', 'sync');
    const renames = (await cli('items', 'renames')).json as { renames: { id: number; oldName: string; newName: string }[] };
    expect(renames.renames).toEqual([expect.objectContaining({ oldName: 'Espresso', newName: 'Espresso (oat)', mapping: expect.objectContaining({ name: 'Tomato' }) })]);
    expect((await cli('items', 'renames', 'confirm', String(renames.renames[0]?.id))).json).toEqual({ confirmed: renames.renames[0]?.id });
    expect((await cli('items', 'renames')).json).toEqual({ renames: [] });
    expect((await cli('items', 'renames', 'confirm', String(renames.renames[0]?.id))).json).toMatchObject({ error: { code: 'rename_not_found' } });
  });
});
