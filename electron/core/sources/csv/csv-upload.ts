// CSV sales uploads: a till's export, read with a profile (a CSV sales source), previewed without
// posting anything, then posted as one transfer per (location, business date) of the file — the same
// deduction, recipe explosion, weighted average cost, trace and unique constraints as a Lightspeed
// day (postLocationDay in transfer/transfer-day.ts) — and reverted when it was the wrong file. The only module that writes
// csv_uploads and csv_upload_keys.
//
// No double counting, by constraint and not only by code: a file (by content hash) is posted once
// until reverted (csv_uploads_file_once); an external row id once per source (csv_upload_keys' primary
// key); a location-day an earlier upload posted needs an explicit replace or add; and the trace's
// primary key keeps any line from deducting twice. The whole upload is one transaction.
import { randomUUID } from 'node:crypto';
import { openSync, closeSync, fstatSync } from 'node:fs';
import { basename } from 'node:path';
import { normalizeDate } from '../../../../shared/dates';
import type { CsvDay, CsvInvalidRow, CsvPreview, CsvUploadMode, CsvUploadView } from '../../../../shared/model/csv';
import type { CompanyScope } from '../../db/company';
import { formatScaled, MONEY_SCALE, QUANTITY_SCALE } from '../../decimal/decimal';
import { DomainError, quoted } from '../../domain-error';
import { listIngredients } from '../../inventory/ingredients';
import { currentRecipeBook } from '../../inventory/recipes';
import { findStorageUnitByName } from '../../inventory/storage-units';
import { recordSourceCodes, sourceItemIds } from '../../items/item-sync';
import { withdrawSalesLines } from '../../ledger/ledger-writer';
import { ensureSourceLocations } from '../../locations/location-sync';
import { findSalesSource, type SalesSource } from '../sales-sources';
import { dayDeductions } from '../../transfer/line-deduction';
import { mappingLookup, type LineMapping } from '../../items/mapping-lookup';
import { deleteUploadedSales, storeUploadedDay, uploadedSalesLineIds, type DayLine } from '../../sales/sales-cache';
import { DEFAULT_SALES_RULES, dayPolicy, type SalesRules } from '../../transfer/sale-types';
import { emptyStats, postLocationDay } from '../../transfer/transfer-day';
import { markUploadReverted, startLog } from '../../transfer/transfer-log';
import { parseCsvProfile, type CsvProfile } from './csv-profile';
import { MAX_CSV_BYTES, readCsvRows, type CsvRow, type CsvSource, type CsvSummary, type InvalidRow } from './csv-reader';
import { FileRows, type FileDay } from './csv-rows';

/** A file as an upload reads it: its name, and its bytes in memory or its place on disk. */
export interface CsvFile {
  name: string;
  content: CsvSource;
}

/** A file on disk, checked to open and to be at most 200 MB; it is streamed when read, never held whole. */
export function readCsvFile(path: string): CsvFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new DomainError('file_unreadable', `Cannot open ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_CSV_BYTES) throw new DomainError('csv_file_too_large', `${basename(path)} has ${size} bytes; at most ${MAX_CSV_BYTES} (200 MB) are read.`);
    return { name: basename(path), content: { path } };
  } finally {
    closeSync(fd);
  }
}

/** The rows of one location and business day. */
interface DayGroup {
  /** The day's number in the file's rows. */
  day: number;
  /** The location column's value, or "default". */
  location: string;
  businessLocationId: string;
  locationName: string;
  storageUnit: string;
  storageUnitId: number;
  date: string;
  /** The day's rows that post, as indexes into the file's rows. */
  rows: number[];
  alreadyPosted: boolean;
}

/** A file read with its profile: its readable rows held compactly, what the reading found, its first rows as read. */
interface ReadFile {
  source: SalesSource;
  profile: CsvProfile;
  summary: CsvSummary;
  rows: FileRows;
  first: CsvRow[];
}

/** A file read, and held against what the source posted before. */
interface Prepared extends ReadFile {
  /** Rows to post: readable, and not a duplicate external id. */
  posting: number;
  duplicates: number;
  days: DayGroup[];
  /** Each code (items and modifiers) with the name the file first gave it. */
  codes: Map<string, string | null>;
}

/** One sales line of a row: its item codes, then its modifiers, each under the row's first line. */
interface RowLine {
  code: string;
  /** What the line is matched by after its code: the row's name for an item, the modifier's text for a modifier. */
  name: string;
  modifier: boolean;
}

function rowLines(rows: FileRows, index: number): RowLine[] {
  const name = rows.nameOf(index);
  return [...rows.codesOf(index).map((code) => ({ code, name: name ?? code, modifier: false })), ...rows.modifiersOf(index).map((code) => ({ code, name: code, modifier: true }))];
}

async function requireCsvSource(scope: CompanyScope, profileName: string): Promise<{ source: SalesSource; profile: CsvProfile }> {
  const source = await findSalesSource(scope, profileName.trim());
  if (!source || source.kind !== 'csv') throw new DomainError('csv_profile_not_found', `There is no CSV profile named ${quoted(profileName)}.`);
  return { source, profile: parseCsvProfile(source.settings) };
}

/** The business date chosen at upload, checked; undefined when none was. */
function chosenDate(date: string | undefined): string | undefined {
  if (date === undefined || date.trim() === '') return undefined;
  const businessDate = normalizeDate(date);
  if (!businessDate) throw new DomainError('invalid_date_format', `"${date}" is not a date as YYYY-MM-DD or DD.MM.YYYY.`);
  return businessDate;
}

const PREVIEW_ROWS = 20;

/** Reads the file a row at a time into its compact rows; the caller disposes of them (dropping their temporary table). */
async function readFile(scope: CompanyScope, profileName: string, content: CsvSource, options: { date?: string | undefined; modifiers?: CsvFile | undefined }): Promise<ReadFile> {
  const { source, profile } = await requireCsvSource(scope, profileName);
  const rows = new FileRows(scope.db, Array.isArray(profile.external_id_column));
  const first: CsvRow[] = [];
  try {
    const summary = await readCsvRows(content, profile, { date: chosenDate(options.date), modifiers: options.modifiers?.content }, (row) => {
      if (first.length < PREVIEW_ROWS) first.push(row);
      rows.add(row);
    });
    rows.flushIds();
    return { source, profile, summary, rows, first };
  } catch (error) {
    rows.dispose();
    throw error;
  }
}

/** Held against the database: duplicates, days posted before, the storage units; inside the upload's transaction when it posts. */
async function prepare(scope: CompanyScope, read: ReadFile): Promise<Prepared> {
  const { source, profile, rows } = read;
  await rows.markPostedBefore(source.id);
  // A code written in another case or spacing than before is the item it was: `matcha latte` is `Matcha Latte`.
  rows.codes.adopt(await sourceItemIds(scope, source.id));

  const storageUnitIds = new Map<string, number>();
  const storageUnitId = async (name: string) => {
    let id = storageUnitIds.get(name);
    if (id === undefined) {
      id = (await findStorageUnitByName(scope, name))?.id;
      if (id === undefined) throw new DomainError('storage_unit_not_found', `The profile sends sales to ${quoted(name)}, which is not a storage unit (any more).`);
      storageUnitIds.set(name, id);
    }
    return id;
  };
  const posted = scope.db.statement(`SELECT 1 FROM ledger_entries WHERE business_location_id = ? AND date = ? AND company_id = ? AND type = 'ISSUE' AND source = 'csv' LIMIT 1`).pluck();
  const groups: DayGroup[] = [];
  const codes = new Map<string, string | null>();
  let duplicates = 0;
  for (let index = 0; index < rows.count; index++) {
    if (rows.isDuplicate(index)) {
      duplicates++;
      continue;
    }
    const day = rows.dayOf(index);
    let group = groups[day];
    if (!group) {
      const { location, storageUnit, date } = rows.days[day] as FileDay;
      const whole = profile.location_column == null;
      const businessLocationId = whole ? source.name : `${source.name}/${location}`;
      group = groups[day] = {
        day,
        location,
        businessLocationId,
        locationName: whole ? source.name : location,
        storageUnit,
        storageUnitId: await storageUnitId(storageUnit),
        date,
        rows: [],
        alreadyPosted: await posted.get(businessLocationId, date, scope.companyId) !== undefined,
      };
    }
    group.rows.push(index);
    const name = rows.nameOf(index);
    for (const code of rows.codesOf(index)) if (!codes.has(code) || codes.get(code) === null) codes.set(code, name);
    for (const modifier of rows.modifiersOf(index)) if (!codes.has(modifier)) codes.set(modifier, modifier);
  }
  const days = groups.filter((group) => group !== undefined).sort((a, b) => a.locationName.localeCompare(b.locationName) || a.date.localeCompare(b.date));
  return { ...read, posting: rows.count - duplicates, duplicates, days, codes };
}

/** How a row's line is matched: by code (the item's SKU), then by its name. */
const lineOf = (line: RowLine) => ({ sku: line.code, name: line.name });

const toInvalid = (row: InvalidRow): CsvInvalidRow => ({ row: row.line, column: row.column, value: row.value, reason: row.reason });

const dayView = (day: DayGroup, logId: number | null): CsvDay => ({
  location: day.locationName,
  storage_unit: day.storageUnit,
  date: day.date,
  rows: day.rows.length,
  already_posted: day.alreadyPosted,
  log_id: logId,
});

async function postedUploadOf(scope: CompanyScope, hash: string): Promise<number | null> {
  const id = await scope.db.statement(`SELECT id FROM csv_uploads WHERE company_id = ? AND content_hash = ? AND status = 'posted'`).pluck().get(scope.companyId, hash);
  return (id as number | undefined) ?? null;
}

function countUnmapped(prepared: Prepared, mappingFor: (line: { sku: string; name: string }) => LineMapping | null): number {
  const { rows } = prepared;
  let unmapped = 0;
  for (const day of prepared.days) {
    for (const index of day.rows) {
      // A row deducts nothing when none of its lines, item or modifier, is mapped.
      if (rowLines(rows, index).every((line) => mappingFor(lineOf(line)) === null)) unmapped++;
    }
  }
  return unmapped;
}

/** The rows a preview shows first, as text. */
function firstRows(first: CsvRow[]): CsvPreview['first_rows'] {
  return first.map((row) => ({
    row: row.line,
    codes: row.codes,
    modifiers: row.modifiers,
    quantity: formatScaled(row.quantity, QUANTITY_SCALE),
    refund: row.refund,
    date: row.date,
    location: row.location,
    storage_unit: row.storageUnit,
    name: row.name,
    net_amount: row.netAmount === null ? null : formatScaled(row.netAmount, MONEY_SCALE),
    external_id: row.externalId,
  }));
}

/** How a profile not saved yet reads a sample file (the profile editor's live preview); touches nothing. */
export async function sampleCsv(profileJson: unknown, content: CsvSource, date: string | undefined) {
  const profile = parseCsvProfile(profileJson);
  const first: CsvRow[] = [];
  let valid = 0;
  const summary = await readCsvRows(content, profile, { date: chosenDate(date) }, (row) => {
    if (valid++ < PREVIEW_ROWS) first.push(row);
  });
  return {
    header: summary.header,
    rows: summary.dataRows,
    rows_valid: valid,
    rows_invalid: summary.invalidCount,
    rows_skipped: summary.skipped,
    first_rows: firstRows(first),
    invalid_rows: summary.invalid.map(toInvalid),
  };
}

/**
 * What the file would post, posting nothing: its first rows as the profile reads them, every invalid
 * row, rows per location and date, each code mapped or not, and the deduction per ingredient. The
 * file's codes become the source's POS items, so they can be mapped before the upload.
 */
export async function previewCsv(
  scope: CompanyScope,
  profileName: string,
  file: CsvFile,
  options: { date?: string | undefined; rules?: SalesRules | undefined; modifiers?: CsvFile | undefined },
  at: string,
): Promise<CsvPreview> {
  const read = await readFile(scope, profileName, file.content, options);
  try {
    return await previewOf(scope, await prepare(scope, read), file.name, options.rules ?? DEFAULT_SALES_RULES, at);
  } finally {
    read.rows.dispose();
  }
}

/** Whether a row takes from stock (or gives back): by the sale-type policy, as posting counts it. */
function rowCounts(rules: SalesRules): (rows: FileRows, index: number) => boolean {
  const policy = dayPolicy([], rules, '');
  const line: DayLine = { rowId: 0, lineId: '', itemId: null, parentLineId: null, sku: null, name: 'row', quantity: 0, netAmount: null, saleType: 'CSV', saleCancelled: false, chainId: null, voidReason: null, accountingGroup: null };
  return (rows, index) => policy.counts({ ...line, quantity: rows.quantityOf(index), saleType: saleTypeOf(rows, index) });
}

/**
 * A row is a sale (its positive lines count); a refund row a refund (the setting decides); another
 * negative row, read because negative_rows counts it, a void: signed, it nets against the day's sales.
 */
function saleTypeOf(rows: FileRows, index: number): 'CSV' | 'REFUND' | 'VOID' {
  if (rows.isRefund(index)) return 'REFUND';
  return rows.quantityOf(index) < 0 ? 'VOID' : 'CSV';
}

async function previewOf(scope: CompanyScope, prepared: Prepared, fileName: string, rules: SalesRules, at: string): Promise<CsvPreview> {
  const { source, summary, rows } = prepared;
  await recordSourceCodes(scope, source.id, new Map([...prepared.codes].map(([code, name]) => [code, { name, locationIds: [] }])), at);
  const mappingFor = await mappingLookup(scope, source.id, 0);
  const counts = rowCounts(rules);

  const codes = new Map<string, { code: string; name: string; parent: boolean; rows: number; quantity: number; mapping: LineMapping | null }>();
  const deductions = dayDeductions(await currentRecipeBook(scope), () => 0);
  const taken = new Map<string, { ingredientId: number; storageUnit: string; quantity: number }>();
  for (const day of prepared.days) {
    for (const index of day.rows) {
      const quantity = rows.quantityOf(index);
      for (const line of rowLines(rows, index)) {
        const mapping = mappingFor(lineOf(line));
        const key = `${line.modifier}\u0000${line.code}`;
        const entry = codes.get(key) ?? { code: line.code, name: prepared.codes.get(line.code) ?? line.code, parent: line.modifier, rows: 0, quantity: 0, mapping };
        entry.rows++;
        entry.quantity += quantity;
        codes.set(key, entry);
        if (!mapping || !counts(rows, index)) continue;
        const { changes } = deductions.take(quantity, mapping);
        for (let n = 0; n < changes.length; n += 3) {
          const place = `${changes[n]}\u0000${day.storageUnit}`;
          const sum = taken.get(place) ?? { ingredientId: changes[n] as number, storageUnit: day.storageUnit, quantity: 0 };
          sum.quantity += changes[n + 1] as number;
          taken.set(place, sum);
        }
      }
    }
  }
  const ingredients = new Map((await listIngredients(scope)).map((ingredient) => [ingredient.id, ingredient]));
  return {
    profile: source.name,
    file_name: fileName,
    header: summary.header,
    rows: summary.dataRows,
    rows_valid: rows.count,
    rows_invalid: summary.invalidCount,
    rows_skipped: summary.skipped,
    rows_duplicate: prepared.duplicates,
    rows_unmapped: countUnmapped(prepared, mappingFor),
    first_rows: firstRows(prepared.first),
    invalid_rows: summary.invalid.map(toInvalid),
    days: prepared.days.map((day) => dayView(day, null)),
    codes: [...codes.values()]
      .map((entry) => ({
        code: entry.code,
        name: entry.name,
        parent: entry.parent,
        rows: entry.rows,
        quantity: formatScaled(entry.quantity, QUANTITY_SCALE),
        mapped: entry.mapping !== null,
        mapping: entry.mapping?.targetName ?? null,
      }))
      .sort((a, b) => Number(a.mapped) - Number(b.mapped) || Number(a.parent) - Number(b.parent) || a.code.localeCompare(b.code)),
    deductions: [...taken.values()]
      .map((sum) => {
        const ingredient = ingredients.get(sum.ingredientId);
        return { ingredient: ingredient?.name ?? String(sum.ingredientId), unit: ingredient?.unit ?? '', storage_unit: sum.storageUnit, quantity: formatScaled(sum.quantity, QUANTITY_SCALE) };
      })
      .sort((a, b) => a.storage_unit.localeCompare(b.storage_unit) || a.ingredient.localeCompare(b.ingredient)),
    already_uploaded: await postedUploadOf(scope, summary.hash),
  };
}

export interface CsvPostOptions {
  date?: string | undefined;
  /** The settings refund rows follow (Settings → Sales); the defaults when not given. */
  rules?: SalesRules | undefined;
  /** The modifier export read beside the file (the profile's modifier_file). */
  modifiers?: CsvFile | undefined;
  mode?: CsvUploadMode | undefined;
  skipInvalid?: boolean | undefined;
}

/**
 * Posts the file: each (location, business date) one transfer with its log (trigger csv_upload),
 * its rows stored as sales so every ISSUE is traced to them. All of it commits, or none.
 */
export async function uploadCsv(scope: CompanyScope, profileName: string, file: CsvFile, options: CsvPostOptions, at: string): Promise<CsvUploadView> {
  const read = await readFile(scope, profileName, file.content, options);
  try {
    return await scope.db.write(async () => post(scope, await prepare(scope, read), file.name, options, at));
  } finally {
    read.rows.dispose();
  }
}

async function post(scope: CompanyScope, prepared: Prepared, fileName: string, options: CsvPostOptions, at: string): Promise<CsvUploadView> {
  const { db } = scope;
  const { source, summary, days, rows } = prepared;
  if (summary.dataRows === 0) throw new DomainError('csv_unreadable', `${fileName} has no data rows: nothing to post. Is it the right export?`);
  if (summary.invalidCount > 0 && !options.skipInvalid) {
    throw new DomainError(
      'csv_row_invalid',
      `${summary.invalidCount} of ${summary.dataRows} rows cannot be read (first: row ${summary.invalid[0]?.line}, ${summary.invalid[0]?.column}: ${summary.invalid[0]?.reason}). Nothing was posted; correct them, or post with “skip invalid rows”.`,
      undefined,
      summary.invalid.map(toInvalid),
    );
  }
  const earlier = await postedUploadOf(scope, summary.hash);
  if (earlier !== null) throw new DomainError('csv_file_already_uploaded', `This file was posted before (upload ${earlier}); revert that upload first to post it again.`);
  const postedDays = days.filter((day) => day.alreadyPosted);
  if (postedDays.length > 0 && !options.mode) {
    throw new DomainError(
      'csv_days_already_posted',
      `An earlier upload already posted ${postedDays.map((day) => `${day.locationName} ${day.date}`).join(', ')}. Choose replace or add.`,
      postedDays.map((day) => `${day.locationName} ${day.date}`),
    );
  }

  const { id: uploadId } = await db
    .statement(
      `INSERT INTO csv_uploads (company_id, source_id, file_name, content_hash, status, mode, skip_invalid, rows, rows_posted, rows_invalid, rows_unmapped,
         rows_duplicate, rows_skipped, days, invalid_rows, uploaded_at)
       VALUES (?, ?, ?, ?, 'posted', ?, ?, ?, 0, ?, 0, ?, ?, '[]', ?, ?) RETURNING id`,
    )
    .get(
      scope.companyId,
      source.id,
      fileName,
      summary.hash,
      postedDays.length > 0 ? (options.mode ?? null) : null,
      options.skipInvalid ? 1 : 0,
      summary.dataRows,
      summary.invalidCount,
      prepared.duplicates,
      summary.skipped,
      JSON.stringify(summary.invalid.map(toInvalid)),
      at,
    ) as { id: number };
  await rows.recordKeys(source.id, uploadId);

  const locationIds = await ensureSourceLocations(
    scope,
    source,
    [...new Map(days.map((day) => [day.location, day])).values()].map((day) => ({
      key: day.location,
      businessLocationId: day.businessLocationId,
      name: day.locationName,
      storageUnitId: day.storageUnitId,
    })),
    at,
    prepared.profile.currency,
  );
  const carriers = new Map<string, { name: string | null; locationIds: number[] }>();
  for (const day of days) {
    const locationId = locationIds.get(day.location) as number;
    for (const index of day.rows) {
      for (const { code } of rowLines(rows, index)) {
        const entry = carriers.get(code) ?? { name: prepared.codes.get(code) ?? null, locationIds: [] };
        if (!entry.locationIds.includes(locationId)) entry.locationIds.push(locationId);
        carriers.set(code, entry);
      }
    }
  }
  await recordSourceCodes(scope, source.id, carriers, at);
  const mappingFor = await mappingLookup(scope, source.id, 0);
  const rowsUnmapped = countUnmapped(prepared, mappingFor);

  const posted: CsvDay[] = [];
  for (const day of days) {
    const locationId = locationIds.get(day.location) as number;
    const replace = day.alreadyPosted && options.mode === 'replace';
    const logId = await startLog(
      db,
      scope,
      {
        locationId,
        reportDate: day.date,
        requestUuid: randomUUID(),
        attempt: 1,
        trigger: 'csv_upload',
        forceRefresh: replace,
        storageUnitId: day.storageUnitId,
        csvUploadId: uploadId,
      },
      at,
    );
    const stats = emptyStats();
    stats.sales_count = day.rows.length;
    const externalIds = rows.externalIdsOf(day.day);
    await postLocationDay(scope, {
      day: { businessLocationId: day.businessLocationId, date: day.date, storageUnitId: day.storageUnitId, source: 'csv', locationRowId: locationId, sourceId: source.id },
      logId,
      // Exactly this location-day of earlier uploads goes; their logs say they were replaced.
      replace,
      // A row is a sale; a refund row follows "Refunds put stock back".
      rules: options.rules ?? DEFAULT_SALES_RULES,
      lines: () =>
        storeUploadedDay(
          db,
          locationId,
          day.date,
          uploadId,
          day.rows.map((index) => {
            const row = rows.lineOf(index);
            const quantity = rows.quantityOf(index);
            const items = rows.codesOf(index).length;
            const lineId = (position: number) => (position >= items ? `row ${row} modifier ${position - items + 1}` : items > 1 ? `row ${row}.${position + 1}` : `row ${row}`);
            return {
              saleId: `upload ${uploadId} row ${row}`,
              receiptId: externalIds.get(index) ?? null,
              type: saleTypeOf(rows, index),
              lines: rowLines(rows, index).map((line, position) => ({
                lineId: lineId(position),
                // A modifier hangs under the row's first item, as Lightspeed's modifier lines do.
                parentLineId: line.modifier ? lineId(0) : null,
                sku: line.code,
                name: line.name,
                quantity,
                // The row's amount once, on its first code, so the day's sales value is the file's.
                netAmount: position === 0 ? rows.amountOf(index) : null,
              })),
            };
          }),
          at,
        ),
      dataComplete: true,
      stats,
      at,
    });
    posted.push(dayView(day, logId));
  }
  await db.statement('UPDATE csv_uploads SET rows_posted = ?, rows_unmapped = ?, days = ? WHERE id = ?').run(prepared.posting - rowsUnmapped, rowsUnmapped, JSON.stringify(posted), uploadId);
  return await requireUpload(scope, uploadId);
}

const UPLOAD_SELECT = `SELECT u.id, u.status, s.name AS profile, u.file_name, u.mode, u.skip_invalid, u.rows, u.rows_posted, u.rows_invalid, u.rows_unmapped,
    u.rows_duplicate, u.rows_skipped, u.days, u.invalid_rows, u.uploaded_at, u.reverted_at,
    (SELECT json_group_array(id) FROM (SELECT id FROM transfer_logs WHERE csv_upload_id = u.id ORDER BY id) AS logs) AS log_ids,
    (SELECT count(*) FROM transfer_logs WHERE csv_upload_id = u.id AND replaced_by_log_id IS NOT NULL) AS days_replaced
  FROM csv_uploads u JOIN sales_sources s ON s.id = u.source_id`;

type UploadRow = Omit<CsvUploadView, 'skip_invalid' | 'days' | 'invalid_rows' | 'log_ids'> & { skip_invalid: number; days: string; invalid_rows: string; log_ids: string };

const toUploadView = (row: UploadRow): CsvUploadView => ({
  ...row,
  skip_invalid: row.skip_invalid === 1,
  days: JSON.parse(row.days) as CsvDay[],
  invalid_rows: JSON.parse(row.invalid_rows) as CsvInvalidRow[],
  log_ids: JSON.parse(row.log_ids) as number[],
});

export async function requireUpload(scope: CompanyScope, id: number): Promise<CsvUploadView> {
  const row = await scope.db.statement(`${UPLOAD_SELECT} WHERE u.company_id = ? AND u.id = ?`).get(scope.companyId, id) as UploadRow | undefined;
  if (!row) throw new DomainError('csv_upload_not_found', `There is no upload with id ${id}.`);
  return toUploadView(row);
}

/** Newest first. */
export async function listUploads(scope: CompanyScope): Promise<CsvUploadView[]> {
  return (await scope.db.statement(`${UPLOAD_SELECT} WHERE u.company_id = ? ORDER BY u.id DESC`).all(scope.companyId) as UploadRow[]).map(toUploadView);
}

/**
 * Takes an upload back: its lines leave the ledger's entries (an entry other uploads added to keeps
 * theirs), its sales and external ids go — so the same file or rows may be posted again — and its logs
 * stay, marked reverted. Reverting a reverted upload changes nothing.
 */
export async function revertUpload(scope: CompanyScope, id: number, at: string): Promise<CsvUploadView> {
  const { db } = scope;
  return await db.write(async () => {
    const upload = await requireUpload(scope, id);
    if (upload.status === 'reverted') return upload;
    await withdrawSalesLines(scope, await uploadedSalesLineIds(db, id));
    await deleteUploadedSales(db, id);
    await db.statement('DELETE FROM csv_upload_keys WHERE upload_id = ?').run(id);
    await db.statement(`UPDATE csv_uploads SET status = 'reverted', reverted_at = ? WHERE id = ?`).run(at, id);
    await markUploadReverted(db, id, at);
    return await requireUpload(scope, id);
  });
}
