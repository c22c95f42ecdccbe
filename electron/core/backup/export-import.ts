// Everything Larder keeps, in an open format a restaurant can leave with: larder-export-<date>.zip
// holds one CSV per table (quantities and money as decimals, not Larder's scaled integers; the ledger
// by day) and manifest.json (the schema version, each file's columns, rows and SHA-256). Importing it
// into an empty Larder brings every row back as it was, all or nothing.
//
// CSV follows PostgreSQL's convention for what CSV cannot say by itself: an empty field is NULL, a
// quoted empty field ("") an empty text. fflate writes and reads the zip (small, no dependencies, well
// kept); csv-stringify and csv-parse, already Larder's CSV tools, write and read the files.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import { z } from 'zod';
import type { LarderDb } from '../db/open-database';
import { knownSchemaVersion, schemaVersionOf, sqliteOf } from '../db/open-database';
import { openReadOnly } from './backups';
import { formatScaled, MONEY_SCALE, QUANTITY_SCALE, scaledFromText, UNIT_COST_SCALE } from '../decimal/decimal';
import { DomainError } from '../domain-error';

export const EXPORT_FORMAT = 'larder-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * What never leaves in an export: sealed secrets (they open only on this PC, and a POS sign-in is
 * asked again), the locks and leases of running processes, a server's sessions and failed sign-ins
 * (people sign in again), the migrator's own bookkeeping, and the
 * versions the database keeps for caches (its triggers keep them, from the migration's seed row).
 */
const LEFT_OUT = new Set(['sealed_secrets', 'token_refresh_leases', 'sessions', 'sign_in_failures', 'day_locks', 'data_versions', '__drizzle_migrations', 'sqlite_sequence']);

/** The scaled integer columns, written as decimals: "-0.18" rather than -180000. */
const SCALES: Record<string, number> = {
  'recipes.yield_qty': QUANTITY_SCALE,
  'recipe_lines.quantity': QUANTITY_SCALE,
  'recipe_lines.trim_pct': QUANTITY_SCALE,
  'ledger_entries.quantity': QUANTITY_SCALE,
  'ledger_entries.unit_cost': UNIT_COST_SCALE,
  'ledger_entries.value': MONEY_SCALE,
  'ledger_issue_lines.quantity': QUANTITY_SCALE,
  'ledger_issue_lines.value': MONEY_SCALE,
  'ledger_day_totals.quantity': QUANTITY_SCALE,
  'ledger_day_totals.value': MONEY_SCALE,
  'stock_count_lines.counted': QUANTITY_SCALE,
  'waste_records.quantity': QUANTITY_SCALE,
  'stock_moves.quantity': QUANTITY_SCALE,
  'pos_items.price': MONEY_SCALE,
  'pos_mappings.quantity': QUANTITY_SCALE,
  'sales_lines.quantity': QUANTITY_SCALE,
  'sales_lines.net_amount': MONEY_SCALE,
  'sold_item_days.units': QUANTITY_SCALE,
  'sold_item_days.value': MONEY_SCALE,
  'transfer_logs.sales_value': MONEY_SCALE,
  'transfer_logs.unmapped_value': MONEY_SCALE,
};

/** How a person reads the file in order: the ledger by day, everything else by its key. */
const ORDER: Record<string, string> = { ledger_entries: 'date, id', ledger_day_totals: 'date, business_location_id, storage_unit_id, ingredient_id, type' };

const columnSchema = z.object({ name: z.string(), type: z.enum(['integer', 'text', 'decimal']), scale: z.number().int().optional() });
const manifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  format_version: z.literal(EXPORT_FORMAT_VERSION),
  schema_version: z.number().int().positive(),
  created_at: z.string(),
  tables: z.array(z.object({ name: z.string(), file: z.string(), rows: z.number().int().min(0), sha256: z.string(), columns: z.array(columnSchema) })),
});
export type ExportManifest = z.infer<typeof manifestSchema>;
type Column = z.infer<typeof columnSchema>;

const CHUNK_ROWS = 5000;

function exportedTables(sqlite: Database.Database): string[] {
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return names.filter((name) => !LEFT_OUT.has(name) && !name.startsWith('sqlite_'));
}

function columnsOf(sqlite: Database.Database, table: string): Column[] {
  // Generated columns (pos_items.group_key) are worked out from the others: neither written nor read back.
  const info = sqlite.prepare(`SELECT name, type FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid`).all(table) as { name: string; type: string }[];
  return info.map(({ name, type }) => {
    const scale = SCALES[`${table}.${name}`];
    if (scale !== undefined) return { name, type: 'decimal', scale };
    return { name, type: /INT/i.test(type) ? 'integer' : 'text' };
  });
}

function cellOut(value: unknown, column: Column): string | null {
  if (value === null || value === undefined) return null;
  if (column.type === 'decimal') return formatScaled(value as number, column.scale as number);
  return String(value);
}

/**
 * Writes the export of everything in the database file `source` to `file`; answers its manifest.
 * It reads through a connection of its own, in one read transaction (every file is the same moment of
 * the database, whoever writes meanwhile), and gives the event loop a turn after each chunk of rows:
 * a year's export takes about two minutes, during which the app's screens and the nightly run go on.
 */
export async function exportEverything(source: { file: string; nativeBinding?: string }, file: string, now: Date): Promise<ExportManifest> {
  const reader = openReadOnly(source.file, source.nativeBinding);
  const handle = openSync(file, 'w', 0o600);
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else writeSync(handle, chunk);
  });
  try {
    reader.exec('BEGIN');
    const manifest: ExportManifest = { format: EXPORT_FORMAT, format_version: EXPORT_FORMAT_VERSION, schema_version: schemaVersionOf(reader), created_at: now.toISOString(), tables: [] };
    for (const table of exportedTables(reader)) {
      const columns = columnsOf(reader, table);
      const entry = new ZipDeflate(`${table}.csv`, { level: 6 });
      zip.add(entry);
      const hash = createHash('sha256');
      const push = (text: string, last: boolean) => {
        hash.update(text);
        entry.push(Buffer.from(text), last);
      };
      push(stringify([columns.map((column) => column.name)]), false);
      let rows = 0;
      let chunk: (string | null)[][] = [];
      const order = ORDER[table] ?? 'rowid';
      const sqlOrder = order === 'rowid' && isWithoutRowid(reader, table) ? '1' : order;
      const select = `SELECT ${columns.map((column) => `"${column.name}"`).join(', ')} FROM "${table}" ORDER BY ${sqlOrder}`;
      for (const row of reader.prepare(select).raw().iterate() as Iterable<unknown[]>) {
        chunk.push(row.map((value, index) => cellOut(value, columns[index] as Column)));
        rows++;
        if (chunk.length === CHUNK_ROWS) {
          push(stringify(chunk, { quoted_match: /^$/ }), false);
          chunk = [];
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      push(chunk.length > 0 ? stringify(chunk, { quoted_match: /^$/ }) : '', true);
      manifest.tables.push({ name: table, file: `${table}.csv`, rows, sha256: hash.digest('hex'), columns });
    }
    const manifestEntry = new ZipDeflate('manifest.json', { level: 6 });
    zip.add(manifestEntry);
    manifestEntry.push(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), true);
    zip.end();
    if (failure) throw failure;
    return manifest;
  } finally {
    closeSync(handle);
    reader.close();
  }
}

function isWithoutRowid(sqlite: Database.Database, table: string): boolean {
  const definition = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  return /WITHOUT\s+ROWID/i.test(definition);
}

function invalid(message: string): DomainError {
  return new DomainError('export_invalid', message);
}

/** The export's zip and its manifest; the CSV files are inflated one at a time, when imported. */
function readExport(file: string): { manifest: ExportManifest; zip: Uint8Array } {
  let zip: Uint8Array;
  let manifestBytes: Uint8Array | undefined;
  try {
    zip = readFileSync(file);
    manifestBytes = unzipSync(zip, { filter: (entry) => entry.name === 'manifest.json' })['manifest.json'];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DomainError('file_unreadable', `There is no file at ${file}.`);
    throw invalid(`${file} is not a zip file Larder can read (${(error as Error).message}).`);
  }
  if (!manifestBytes) throw invalid(`${file} has no manifest.json: it is not a Larder export.`);
  try {
    return { manifest: manifestSchema.parse(JSON.parse(Buffer.from(manifestBytes).toString('utf8'))), zip };
  } catch (error) {
    throw invalid(`The manifest of ${file} is not a Larder export's (${(error as Error).message.slice(0, 200)}).`);
  }
}

/** One CSV file of the export, inflated and checked against the manifest's SHA-256. */
function exportFile(zip: Uint8Array, file: string, table: ExportManifest['tables'][number]): Buffer {
  const bytes = unzipSync(zip, { filter: (entry) => entry.name === table.file })[table.file];
  if (!bytes) throw invalid(`${table.file} is missing from ${file}.`);
  if (createHash('sha256').update(bytes).digest('hex') !== table.sha256) throw invalid(`${table.file} in ${file} was changed or damaged since it was exported (its SHA-256 differs).`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function cellIn(value: string | null, column: Column, where: string): string | number | null {
  if (value === null || column.type === 'text') return value;
  const scaled = column.type === 'decimal' ? scaledFromText(value, column.scale as number) : /^-?\d{1,16}$/.test(value) ? Number(value) : null;
  if (scaled === null || !Number.isSafeInteger(scaled)) throw invalid(`${where}: ${JSON.stringify(value.slice(0, 40))} is not a number of column ${column.name}.`);
  return scaled;
}

/**
 * A record's cells with NULL told from empty text. csv-parse says whether a field was quoted only to a
 * cast function, which costs ten times the parse; so records are read plainly, and only one whose raw
 * text holds `""` (an empty text, or a quote inside one) is read again field by field.
 */
function cellsOf({ record, raw }: { record: string[]; raw: string }): (string | null)[] {
  if (!raw.includes('""')) return record.map((value) => (value === '' ? null : value));
  const [exact] = parseSync(raw, { cast: (value, context) => (value === '' && !context.quoting ? null : value) }) as (string | null)[][];
  return exact as (string | null)[];
}

const PARSE_CHUNK_BYTES = 1024 * 1024;

/** Streams a CSV file's records into `insert` (the header skipped); answers how many there were. */
async function insertCsv(bytes: Buffer, table: ExportManifest['tables'][number], insert: Statement): Promise<number> {
  const parser = parse({ from_line: 2, raw: true });
  let rows = 0;
  parser.on('data', (parsed: { record: string[]; raw: string }) => {
    try {
      const cells = cellsOf(parsed);
      insert.run(cells.map((cell, index) => cellIn(cell, table.columns[index] as Column, `${table.file} row ${rows + 1}`)));
      rows++;
    } catch (error) {
      parser.destroy(error as Error);
    }
  });
  const done = finished(parser);
  for (let offset = 0; offset < bytes.length && !parser.destroyed; offset += PARSE_CHUNK_BYTES) {
    if (!parser.write(bytes.subarray(offset, offset + PARSE_CHUNK_BYTES))) await once(parser, 'drain');
  }
  parser.end();
  try {
    await done;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalid(`${table.file} is not a CSV file Larder wrote (${(error as Error).message}).`);
  }
  return rows;
}

/** Tables a Larder fills on its first start (its company); anything else there means it is in use. */
const SEEDED = new Set(['companies']);

/**
 * Imports an export into `db`, which must hold no data of its own: every table written in one
 * transaction (foreign keys checked at its end), or nothing.
 */
export async function importExport(db: LarderDb, file: string, migrationsFolder: string): Promise<{ tables: number; rows: number }> {
  const { manifest, zip } = readExport(file);
  const known = knownSchemaVersion(migrationsFolder);
  if (manifest.schema_version > known) throw invalid(`${file} was exported by a newer Larder (schema ${manifest.schema_version}; this one knows up to ${known}). Install the newest Larder to import it.`);
  const sqlite = sqliteOf(db, 'Importing an export');
  const present = new Set(exportedTables(sqlite));
  const used = [...present].filter((table) => !SEEDED.has(table) && (sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) > 0);
  if (used.length > 0) throw new DomainError('import_needs_empty_larder', `This Larder already holds data (${used.slice(0, 5).join(', ')}); an export is imported only into an empty one.`);
  let rows = 0;
  // One transaction across the files, held while each streams in (this process alone writes: the CLI
  // on a database nothing else uses yet); keys are checked once every table is in.
  sqlite.pragma('foreign_keys = OFF');
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (const table of manifest.tables) {
      if (!present.has(table.name)) throw invalid(`${file} has a table ${table.name} this Larder does not know.`);
      const targetColumns = new Set(columnsOf(sqlite, table.name).map((column) => column.name));
      const unknown = table.columns.find((column) => !targetColumns.has(column.name));
      if (unknown) throw invalid(`${table.file} has a column ${unknown.name} this Larder does not know.`);
      sqlite.prepare(`DELETE FROM "${table.name}"`).run();
      const insert = sqlite.prepare(`INSERT INTO "${table.name}" (${table.columns.map((column) => `"${column.name}"`).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      const inserted = await insertCsv(exportFile(zip, file, table), table, insert);
      if (inserted !== table.rows) throw invalid(`${table.file} has ${inserted} rows; its manifest says ${table.rows}.`);
      rows += inserted;
    }
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw invalid(`${file} does not hold together: ${broken.length} row(s) point at rows it does not have.`);
    sqlite.exec('COMMIT');
  } catch (error) {
    sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { tables: manifest.tables.length, rows };
}
