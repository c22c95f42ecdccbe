// A pilot's proof per item: K-Series Back Office's Transactions report (Reports → Account reports →
// Transactions → Export Transactions CSV) held against what Larder counted, per business day and SKU.
// Lightspeed publishes no sample file, so the header is read by name, case-insensitively, with the
// spellings of ../transactions-export.ts (README: "Comparing with Lightspeed").
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { isDecimalText, typedDecimal } from '../../../../shared/decimal-text';
import { addDays, TIME_OF_DAY } from '../../../../shared/dates';
import type { TransactionsComparison } from '../../../../shared/model/transfers';
import type { CompanyScope } from '../../db/company';
import { Decimal, formatDecimal, fromScaled, QUANTITY_SCALE } from '../../decimal/decimal';
import { DomainError } from '../../domain-error';
import { requireLocation } from '../../locations/location-config';
import { dayLines } from '../../sales/sales-cache';
import { dayPolicy, type SalesRules } from '../../transfer/sale-types';
import { decodeCsv, detectDelimiter } from '../csv/csv-reader';
import { TRANSACTIONS_EXPORT_NAMES } from '../transactions-export';

const COLUMNS = TRANSACTIONS_EXPORT_NAMES;
type Column = keyof typeof COLUMNS;


/** "2026-05-06 21:14", "06/05/2026 21:14:03" (day first, as K-Series' European Back Office writes it), "06.05.2026", with an optional separate time. */
function businessDate(text: string, time: string, dayStarts: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?/.exec(text.trim());
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2}))?/.exec(text.trim());
  const parts = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1], dayFirst[4], dayFirst[5]] : null;
  if (!parts) return null;
  const [year, month, day] = parts as [string, string, string];
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return null;
  const clock = parts[3] !== undefined ? `${parts[3].padStart(2, '0')}:${parts[4]}` : /^\d{1,2}:\d{2}/.test(time.trim()) ? time.trim().padStart(5, '0').slice(0, 5) : null;
  // A sale before the business day's start belongs to the day before (Lightspeed's own day boundary).
  return clock !== null && clock < dayStarts ? addDays(date, -1) : date;
}

/** The export's bytes: given (a screen's upload) or read from a path (the CLI). */
function readExport(file: Buffer | { path: string }): { header: string[]; rows: string[][] } {
  let bytes: Buffer;
  if (Buffer.isBuffer(file)) bytes = file;
  else {
    try {
      bytes = readFileSync(file.path);
    } catch (error) {
      throw new DomainError('file_unreadable', `Cannot open ${file.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  }
  // The CSV room's decoding: its size cap, byte order marks, UTF-16 and the Windows-1252 fallback.
  const text = [...decodeCsv(bytes, 'auto')].join('');
  const records = parse(text, { delimiter: detectDelimiter(text, '"'), relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [header = [], ...rows] = records;
  return { header: header.map((name) => name.trim().toLowerCase()), rows };
}

/**
 * Per business day and SKU of the export, Lightspeed's quantity (every row, signed, as the report
 * lists it) against the quantity Larder counted for that day under its sale-type policy. Reads the
 * stored sales only: transfer the days first.
 */
export async function compareTransactions(scope: CompanyScope, businessLocationId: string, file: Buffer | { path: string }, rules: SalesRules, dayStarts = '00:00'): Promise<TransactionsComparison> {
  if (!TIME_OF_DAY.test(dayStarts)) throw new DomainError('invalid_input', `--day-starts is a time such as 05:00, not "${dayStarts}".`);
  const location = await requireLocation(scope, businessLocationId);
  const { header, rows } = readExport(file);
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([column, names]) => [column, header.findIndex((name) => (names as readonly string[]).includes(name))])) as Record<Column, number>;
  const missing = (['date', 'quantity'] as const).filter((column) => index[column] < 0);
  if (index.sku < 0 && index.name < 0) missing.push('sku' as never);
  if (missing.length > 0) {
    throw new DomainError('csv_column_missing', `The Transactions export has no ${missing.join(', ')} column (its header: ${header.join(', ')}).`);
  }
  const cell = (row: string[], column: Column) => (index[column] >= 0 ? (row[index[column]] ?? '').trim() : '');

  const keyOf = (date: string, sku: string) => `${date}\u0000${sku}`;
  const compared = new Map<string, { date: string; sku: string; name: string; lightspeed: Decimal; larder: Decimal }>();
  const at = (date: string, sku: string, name: string) => {
    let entry = compared.get(keyOf(date, sku));
    if (!entry) compared.set(keyOf(date, sku), (entry = { date, sku, name, lightspeed: new Decimal(0), larder: new Decimal(0) }));
    if (!entry.name && name) entry.name = name;
    return entry;
  };
  rows.forEach((row, n) => {
    const date = businessDate(cell(row, 'date'), cell(row, 'time'), dayStarts);
    const quantity = cell(row, 'quantity');
    if (date === null || !isDecimalText(typedDecimal(quantity))) {
      throw new DomainError('csv_row_invalid', `Row ${n + 2} of the Transactions export has no readable date or quantity ("${cell(row, 'date')}", "${quantity}").`);
    }
    const sku = cell(row, 'sku') || cell(row, 'name');
    if (!sku) return;
    const entry = at(date, sku, cell(row, 'name'));
    entry.lightspeed = entry.lightspeed.plus(typedDecimal(quantity));
  });

  const days = [...new Set([...compared.values()].map((entry) => entry.date))].sort();
  for (const date of days) {
    const lines = await dayLines(scope.db, location.id, date);
    // A day the policy holds (an unknown sale type) counted nothing in Larder.
    let counts: (line: (typeof lines)[number]) => boolean;
    try {
      counts = dayPolicy(lines, rules, date).counts;
    } catch {
      counts = () => false;
    }
    for (const line of lines) {
      if (!counts(line)) continue;
      const sku = line.sku ?? line.name ?? '';
      const entry = at(date, sku, line.name ?? '');
      entry.larder = entry.larder.plus(fromScaled(line.quantity as number, QUANTITY_SCALE));
    }
  }
  const result = [...compared.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || a.sku.localeCompare(b.sku))
    .map((entry) => ({
      date: entry.date,
      sku: entry.sku,
      name: entry.name,
      lightspeed_quantity: formatDecimal(entry.lightspeed),
      larder_quantity: formatDecimal(entry.larder),
      difference: formatDecimal(entry.lightspeed.minus(entry.larder)),
    }));
  return { days, rows: result, differences: result.filter((row) => row.difference !== '0').length };
}
