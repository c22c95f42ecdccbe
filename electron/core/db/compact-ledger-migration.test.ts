// Migration 0009 on a database made by Larder before day entries (test/fixtures/larder-d4f7a09.db, made
// at commit d4f7a09: a week of one location's transfers, one of another's, a forced re-run and a
// relinked location re-run without force, so some lines were posted to two storage units).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scaledValueAt } from '../decimal/decimal';
import { dayTotalsBothWays } from '../../../test/support/day-totals';
import { ledgerEntryLines } from '../ledger/ledger';
import { defaultMigrationsFolder, openDatabase, type LarderDb } from './open-database';
import { sqliteConnection } from '../../../test/support/test-engine';

const fixture = new URL('../../../test/fixtures/larder-d4f7a09.db', import.meta.url).pathname;

let folder: string;
let file: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'larder-0009-'));
  file = join(folder, 'larder.db');
  copyFileSync(fixture, file);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const groupSums = `SELECT business_location_id AS bl, date, ingredient_id AS ingredient, storage_unit_id AS unit, sum(quantity) AS quantity, sum(value) AS value
  FROM ledger_entries WHERE type = 'ISSUE' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
const stock = `SELECT storage_unit_id AS unit, ingredient_id AS ingredient, sum(quantity) AS quantity, sum(value) AS value FROM ledger_entries GROUP BY 1, 2 ORDER BY 1, 2`;

function migrate(): LarderDb {
  return openDatabase({ file, migrationsFolder: defaultMigrationsFolder });
}

describe('migration 0009: per-line ISSUE entries become day entries and a trace', () => {
  it('keeps stock, values and every day sum to the last digit, and each line’s own deduction in the trace', async () => {
    const old = new Database(file);
    // A line valued at another cost than the rest of its day (a receipt entered between two runs).
    const repriced = old
      .prepare(
        `SELECT id, quantity FROM ledger_entries e WHERE type = 'ISSUE' AND unit_cost > 0 AND EXISTS (SELECT 1 FROM ledger_entries o WHERE o.type = 'ISSUE' AND o.id < e.id
           AND o.business_location_id = e.business_location_id AND o.date = e.date AND o.ingredient_id = e.ingredient_id AND o.storage_unit_id = e.storage_unit_id)
           AND NOT EXISTS (SELECT 1 FROM ledger_entries t WHERE t.sales_line_id = e.sales_line_id AND t.ingredient_id = e.ingredient_id AND t.id <> e.id)
         ORDER BY id DESC LIMIT 1`,
      )
      .get() as { id: number; quantity: number };
    old.prepare('UPDATE ledger_entries SET unit_cost = 3000000, value = ? WHERE id = ?').run(scaledValueAt(repriced.quantity, 3_000_000), repriced.id);
    old.exec(`DELETE FROM ledger_day_totals;
      INSERT INTO ledger_day_totals SELECT company_id, date, coalesce(business_location_id, ''), storage_unit_id, ingredient_id, type, count(*), sum(quantity), sum(value)
      FROM ledger_entries GROUP BY 1, 2, 3, 4, 5, 6`);
    const before = {
      groups: old.prepare(groupSums).all(),
      stock: old.prepare(stock).all(),
      lines: old
        .prepare(
          `SELECT e.sales_line_id AS line, e.ingredient_id AS ingredient, e.storage_unit_id AS unit, e.quantity, e.value FROM ledger_entries e
           WHERE e.type = 'ISSUE' ORDER BY e.id`,
        )
        .all() as { line: number; ingredient: number; unit: number; quantity: number; value: number }[],
      logs: old.prepare(`SELECT id, ledger_ids AS ids, replaced_by_log_id AS replacedBy, ledger_entries_created AS created FROM transfer_logs WHERE status = 'success'`).all() as {
        id: number;
        ids: string;
        replacedBy: number | null;
        created: number;
      }[],
    };
    old.close();
    const postedTwice = before.lines.filter((line, n) => before.lines.findIndex((other) => other.line === line.line && other.ingredient === line.ingredient) !== n);
    expect(postedTwice.length).toBeGreaterThan(0);
    expect(before.lines.length).toBeGreaterThan(150);

    const db = migrate();
    try {
      expect(sqliteConnection(db).prepare(groupSums).all()).toEqual(before.groups);
      expect(sqliteConnection(db).prepare(stock).all()).toEqual(before.stock);
      // One ISSUE per location, day, ingredient and storage unit.
      const entries = sqliteConnection(db).prepare(`SELECT id, unit_cost AS unitCost, storage_unit_id AS unit, sales_lines AS lines, source FROM ledger_entries WHERE type = 'ISSUE'`).all() as {
        id: number;
        unitCost: number;
        unit: number;
        lines: number;
        source: string;
      }[];
      expect(entries).toHaveLength(before.groups.length);
      expect(entries.every((entry) => entry.source === 'lightspeed')).toBe(true);

      // Every line's first posting is in the trace with its own quantity and value; the value is
      // stored only where it is not the quantity at the day entry's cost.
      const trace = sqliteConnection(db).prepare('SELECT sales_line_id AS line, ingredient_id AS ingredient, entry_id AS entryId, quantity, value FROM ledger_issue_lines').all() as {
        line: number;
        ingredient: number;
        entryId: number;
        quantity: number;
        value: number | null;
      }[];
      const entryOf = new Map(entries.map((entry) => [entry.id, entry]));
      const traced = new Map(trace.map((row) => [`${row.line}|${row.ingredient}`, row]));
      expect(trace).toHaveLength(before.lines.length - postedTwice.length);
      for (const line of before.lines.filter((candidate) => !postedTwice.includes(candidate))) {
        const row = traced.get(`${line.line}|${line.ingredient}`)!;
        const entry = entryOf.get(row.entryId)!;
        expect([row.quantity, row.value ?? scaledValueAt(row.quantity, entry.unitCost), entry.unit]).toEqual([line.quantity, line.value, line.unit]);
      }
      expect(trace.filter((row) => row.value !== null)).toHaveLength(1);
      expect(entries.reduce((sum, entry) => sum + entry.lines, 0)).toBe(trace.length);

      // The logs list the day entries their lines went into; every one of them exists.
      const logs = sqliteConnection(db).prepare(`SELECT id, ledger_ids AS ids, ledger_entries_created AS created, replaced_by_log_id AS replacedBy FROM transfer_logs WHERE status = 'success'`).all() as {
        id: number;
        ids: string;
        created: number;
        replacedBy: number | null;
      }[];
      for (const log of logs) {
        const ids = JSON.parse(log.ids) as number[];
        expect(ids.every((id) => entryOf.has(id))).toBe(true);
        const was = before.logs.find((candidate) => candidate.id === log.id)!;
        expect(log.created).toBe(log.replacedBy === null ? ids.length : was.created);
      }
      // The replaced log's entries were deleted before: it lists none, and keeps its old count.
      expect(logs.some((log) => log.replacedBy !== null && log.ids === '[]' && log.created > 0)).toBe(true);

      // The day totals still add up from the entries, and the CLI's drill-down reads the trace.
      const totals = await dayTotalsBothWays(db);
      expect(totals.kept).toEqual(totals.recounted);
      const shown = (await ledgerEntryLines({ db, companyId: 1 }, trace[0]!.entryId))!;
      expect(shown.lines.length).toBe(entryOf.get(trace[0]!.entryId)!.lines);
      expect(sqliteConnection(db).pragma('foreign_key_check')).toEqual([]);
      expect(sqliteConnection(db).prepare(`SELECT count(*) AS n FROM pragma_table_info('sales') WHERE name = 'raw'`).get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
