// Migration 0012 on a database made by Larder's main before sales sources (test/fixtures/
// larder-2324115.db, made at commit 2324115: four days of the Harbour Restaurant's transfers, one
// re-run without force, a forced re-run and a day of Tongatapu). Nothing may be lost: the ledger, the
// trace, the logs and the mappings read the same, and every location and item belongs to the
// company's Lightspeed source.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSalesSources } from '../sources/sales-sources';
import { mappingLookup } from '../items/mapping-lookup';
import { defaultMigrationsFolder, openDatabase } from './open-database';
import { sqliteConnection } from '../../../test/support/test-engine';

const fixture = new URL('../../../test/fixtures/larder-2324115.db', import.meta.url).pathname;

let folder: string;
let file: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'larder-0012-'));
  file = join(folder, 'larder.db');
  copyFileSync(fixture, file);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const snapshots = {
  ledger: 'SELECT * FROM ledger_entries ORDER BY id',
  trace: 'SELECT * FROM ledger_issue_lines ORDER BY sales_line_id, ingredient_id',
  totals: 'SELECT * FROM ledger_day_totals ORDER BY 1, 2, 3, 4, 5, 6',
  logs: 'SELECT * FROM transfer_logs ORDER BY id',
  items: 'SELECT id, company_id, item_id, name, sku, active, price, last_synced_at FROM pos_items ORDER BY id',
  locations: 'SELECT id, business_location_id, name, timezone, storage_unit_id, activated_at, auto_issue FROM locations ORDER BY id',
  itemLocations: 'SELECT * FROM pos_item_locations ORDER BY 1, 2',
  sales: 'SELECT id, location_id, business_date, account_reference, receipt_id FROM sales ORDER BY id',
  lines: 'SELECT * FROM sales_lines ORDER BY id',
};

/** What each item deducts: before 0015 its own mapping, after it its group's (no group here was mapped two ways). */
const mappingTargets = {
  before: 'SELECT i.item_id, i.sku, i.name, m.mapped_object_type, m.ingredient_id, m.recipe_id, m.quantity, m.is_subtraction FROM pos_mappings m JOIN pos_items i ON i.id = m.pos_item_id ORDER BY i.id',
  after: `SELECT i.item_id, i.sku, i.name, m.mapped_object_type, m.ingredient_id, m.recipe_id, m.quantity, m.is_subtraction FROM pos_mappings m
          JOIN pos_items i ON i.company_id = m.company_id AND i.group_key = m.group_key WHERE m.location_id IS NULL
          AND i.id IN (SELECT pos_item_id FROM pos_item_locations) ORDER BY i.id`,
};

function read(db: Database.Database, mappings: string): Record<keyof typeof snapshots | 'mappings', unknown[]> {
  const tables = Object.fromEntries(Object.entries(snapshots).map(([name, sql]) => [name, db.prepare(sql).all()])) as Record<keyof typeof snapshots, unknown[]>;
  return { ...tables, mappings: db.prepare(mappings).all() };
}

describe('migration 0012: sales sources', () => {
  it('keeps the ledger, trace, logs, mappings, items and locations, and gives them the Lightspeed source', async () => {
    const old = new Database(file, { readonly: true });
    const before = read(old, mappingTargets.before);
    old.close();
    expect((before.ledger as unknown[]).length).toBeGreaterThan(10);
    expect((before.mappings as unknown[]).length).toBeGreaterThan(0);

    const db = openDatabase({ file, migrationsFolder: defaultMigrationsFolder });
    try {
      const after = read(sqliteConnection(db), mappingTargets.after);
      // Migration 0027 adds what a person typed (a pack unit): nothing for old entries, whose quantities stay as they were.
      expect((after.ledger as Record<string, unknown>[]).map(({ typed_quantity, ...entry }) => [typed_quantity, entry])).toEqual(
        (before.ledger as Record<string, unknown>[]).map((entry) => [null, entry]),
      );
      expect(after.trace).toEqual(before.trace);
      expect(after.totals).toEqual(before.totals);
      expect(after.mappings).toEqual(before.mappings);
      expect(after.items).toEqual(before.items);
      expect(after.locations).toEqual(before.locations);
      expect(after.itemLocations).toEqual(before.itemLocations);
      expect(after.sales).toEqual(before.sales);
      // Migration 0023 adds what later contracts read (void reasons, accounting groups): empty for old lines.
      expect((after.lines as Record<string, unknown>[]).map(({ void_reason, accounting_group, ...line }) => [void_reason, accounting_group, line])).toEqual(
        (before.lines as Record<string, unknown>[]).map((line) => [null, null, line]),
      );
      expect((after.logs as Record<string, unknown>[]).map(({ csv_upload_id, reverted_at, reconciliation, started_by, ...log }) => [csv_upload_id, reverted_at, reconciliation, started_by, log])).toEqual(
        (before.logs as Record<string, unknown>[]).map((log) => [null, null, null, null, log]),
      );

      const scope = { db, companyId: 1 };
      const sources = await listSalesSources(scope);
      expect(sources.map(({ kind, name }) => ({ kind, name }))).toEqual([{ kind: 'lightspeed', name: 'Lightspeed K-Series' }]);
      const owners = sqliteConnection(db).prepare('SELECT DISTINCT source_id AS id FROM locations UNION SELECT DISTINCT source_id FROM pos_items').all();
      expect(owners).toEqual([{ id: sources[0]?.id }]);
      // The mappings still find their lines.
      const harbour = sqliteConnection(db).prepare(`SELECT id FROM locations WHERE business_location_id = '45454565682155'`).get() as { id: number };
      expect((await mappingLookup(scope, sources[0]?.id ?? 0, harbour.id))({ sku: null, name: 'Espresso' })).toMatchObject({ targetName: 'Coffee beans', quantity: expect.anything() });
      expect(sqliteConnection(db).pragma('foreign_key_check')).toEqual([]);
    } finally {
      sqliteConnection(db).close();
    }
  });
});
