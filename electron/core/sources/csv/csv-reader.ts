// Reading a till's CSV export with a profile: the bytes decoded a slice at a time (UTF-8 with or
// without BOM, or Windows-1252 through iconv-lite: Node's TextDecoder reads Windows-1252 as Latin-1
// and gets € and „ wrong), streamed through csv-parse (a well-kept parser, quotes and embedded line
// breaks included) so no copy of the whole file's text or records is ever held, and each row read by
// the profile's rules into codes, a quantity, a business date and a storage unit. A row that does not
// read is reported with its line number, column, value and why, never guessed at.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { MONEY_SCALE, QUANTITY_SCALE, scaledFromPosText, scaledFromText } from '../../decimal/decimal';
import { DomainError, quoted } from '../../domain-error';
import type { CsvColumn, CsvProfile } from './csv-profile';
import { MAX_CSV_BYTES } from '../../../../shared/model/csv';
import { addDays } from '../../../../shared/dates';

// Date formats are tokens (shared/model/csv.ts' isDateFormat), read strictly.
dayjs.extend(customParseFormat);

export { MAX_CSV_BYTES };

/** One data row as the profile reads it. */
export interface CsvRow {
  /** The row's line number in the file, the header being line 1. */
  line: number;
  /** The POS codes of the row (a cell may hold several), the variant appended; each counts the row's full quantity. */
  codes: string[];
  /** The row's modifiers (modifier_column): each a line of its own, with the row's quantity, under the row's first line. */
  modifiers: string[];
  /** Quantity scale; negative for a refund row. */
  quantity: number;
  /** A refund row (refund_rows): it follows the setting "Refunds put stock back". */
  refund: boolean;
  /** The business date, YYYY-MM-DD. */
  date: string;
  /** The location column's value, or "default". */
  location: string;
  storageUnit: string;
  name: string | null;
  /** Money scale; null without an amount column or value. */
  netAmount: number | null;
  /** The external id column's value, or the values of its list of columns joined by " | ". */
  externalId: string | null;
}

export interface InvalidRow {
  line: number;
  column: string;
  /** At most 80 characters of the raw value. */
  value: string;
  reason: string;
}

/** What reading a whole file found, besides its readable rows. */
export interface CsvSummary {
  header: string[] | null;
  /** The first MAX_INVALID_ROWS invalid rows, in file order. */
  invalid: InvalidRow[];
  /** Every invalid row, listed or not. */
  invalidCount: number;
  /** Rows with a quantity of 0 (or less, unless a refund or negative_rows counts them), and rows exclude_rows leaves out: skipped and counted, as POS lines are. */
  skipped: number;
  /** Data rows in the file. */
  dataRows: number;
  /** SHA-256 of the file's bytes. */
  hash: string;
}

export interface CsvReading extends CsvSummary {
  rows: CsvRow[];
}

/**
 * How many invalid rows are listed (all are counted): a file of the wrong kind can have millions,
 * and a manager fixes the export after the first few, not row by row.
 */
export const MAX_INVALID_ROWS = 1000;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** What a file's encoding and delimiter are told from. */
const HEAD_BYTES = 64 * 1024;

/**
 * UTF-16 (what Excel's "Unicode Text" and some tills write), by its byte order mark, or without one
 * by its text: every other byte of plain-letter text is a NUL. Null for any other file.
 */
function utf16Of(bytes: Buffer): { encoding: 'utf-16le' | 'utf-16be'; bom: number } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const head = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (head.length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < head.length; index += 2) {
    if (head[index] === 0) evenNuls++;
    if (head[index + 1] === 0) oddNuls++;
  }
  const pairs = head.length / 2;
  if (oddNuls > pairs * 0.9 && evenNuls === 0) return { encoding: 'utf-16le', bom: 0 };
  if (evenNuls > pairs * 0.9 && oddNuls === 0) return { encoding: 'utf-16be', bom: 0 };
  return null;
}
const SLICE = 1024 * 1024;

/** How a file's bytes become text: which decoder, after how many bytes of byte order mark. */
interface TextEncoding {
  decoder: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  skip: number;
}

/**
 * The file's encoding from its head: UTF-16 (with or without its byte order mark) is read as such
 * whatever the profile says; a UTF-8 BOM wins; `auto` takes strict UTF-8 when every byte is
 * (`allUtf8` checks the rest, asked only when it decides) and falls back to Windows-1252.
 */
function encodingOf(head: Buffer, encoding: CsvProfile['encoding'], allUtf8: () => boolean): TextEncoding {
  const utf16 = utf16Of(head);
  if (utf16) return { decoder: utf16.encoding, skip: utf16.bom };
  // No till writes a NUL into a CSV export: a picture, a spreadsheet or an archive does. Its bytes are never shown.
  if (head.subarray(0, 8192).includes(0)) {
    throw new DomainError('csv_unreadable', 'This is not a text file (it may be a spreadsheet, a PDF or a picture). Choose the CSV export of the till; from Excel, save as “CSV UTF-8”.');
  }
  if (head.subarray(0, 3).equals(UTF8_BOM)) return { decoder: 'utf-8', skip: 3 };
  const utf8 = encoding !== 'windows-1252' && allUtf8();
  if (!utf8 && encoding === 'utf-8') {
    throw new DomainError('csv_unreadable', 'The file is not valid UTF-8; if the till exports Windows-1252 (ANSI), set the profile’s encoding to "windows-1252" or "auto".');
  }
  return { decoder: utf8 ? 'utf-8' : 'windows-1252', skip: 0 };
}

const decoderFor = (encoding: TextEncoding) => (encoding.decoder === 'windows-1252' ? iconv.getDecoder('win1252') : new TextDecoder(encoding.decoder));

/** The text of a file in memory, a slice at a time (encodingOf says how it is read). */
export function* decodeCsv(bytes: Buffer, encoding: CsvProfile['encoding']): Generator<string> {
  if (bytes.length > MAX_CSV_BYTES) throw new DomainError('csv_file_too_large', `The file has ${bytes.length} bytes; at most ${MAX_CSV_BYTES} (200 MB) are read.`);
  const chosen = encodingOf(bytes.subarray(0, HEAD_BYTES), encoding, () => isUtf8(bytes));
  yield* decodeSlices(bytes.subarray(chosen.skip), decoderFor(chosen));
}

type Decoder = ReturnType<typeof decoderFor>;

const decodePart = (decoder: Decoder, part: Buffer) => (decoder instanceof TextDecoder ? decoder.decode(part, { stream: true }) : decoder.write(part));
const decodeEnd = (decoder: Decoder) => (decoder instanceof TextDecoder ? decoder.decode() : decoder.end()) ?? '';

function* decodeSlices(body: Buffer, decoder: Decoder): Generator<string> {
  for (let start = 0; start < body.length; start += SLICE) yield decodePart(decoder, body.subarray(start, start + SLICE));
  const rest = decodeEnd(decoder);
  if (rest) yield rest;
}

/** A file to read: in memory (what a window sends), or on disk (what the command line names), streamed. */
export type CsvSource = Buffer | { path: string };

/** A file's text as it streams, and the SHA-256 of its bytes (an upload is posted once per content). */
export interface CsvText {
  hash: string;
  chunks: AsyncIterator<string>;
}

/**
 * A file's text. One on disk is read twice, a slice at a time and never whole: first for its hash,
 * its head and whether it is all UTF-8 (what `auto` decides by), then for its text.
 */
export async function csvText(source: CsvSource, encoding: CsvProfile['encoding']): Promise<CsvText> {
  if (Buffer.isBuffer(source)) {
    const slices = decodeCsv(source, encoding);
    return { hash: createHash('sha256').update(source).digest('hex'), chunks: { next: async () => slices.next() } };
  }
  const size = await fileSize(source.path);
  if (size > MAX_CSV_BYTES) throw new DomainError('csv_file_too_large', `${basename(source.path)} has ${size} bytes; at most ${MAX_CSV_BYTES} (200 MB) are read.`);
  const hash = createHash('sha256');
  const strict = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let head = Buffer.alloc(0);
  for await (const part of createReadStream(source.path, { highWaterMark: SLICE }) as AsyncIterable<Buffer>) {
    hash.update(part);
    if (head.length < HEAD_BYTES) head = Buffer.concat([head, part.subarray(0, HEAD_BYTES - head.length)]);
    if (utf8) {
      try {
        strict.decode(part, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      strict.decode();
    } catch {
      utf8 = false;
    }
  }
  const chosen = encodingOf(head, encoding, () => utf8);
  const { path } = source;
  async function* chunks() {
    const decoder = decoderFor(chosen);
    for await (const part of createReadStream(path, { start: chosen.skip, highWaterMark: SLICE }) as AsyncIterable<Buffer>) yield decodePart(decoder, part);
    const rest = decodeEnd(decoder);
    if (rest) yield rest;
  }
  return { hash: hash.digest('hex'), chunks: chunks() };
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    throw new DomainError('file_unreadable', `Cannot open ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Every line ending ends a row outside quotes, whichever the file starts with: csv-parse otherwise
 * takes the first one it meets for the whole file, and a CRLF header with LF rows (a file edited by
 * hand, or two exports pasted together) glues each LF row onto the next without a word.
 */
const LINE_ENDINGS = ['\r\n', '\n', '\r'];

/** How many times `delimiter` stands outside quotes in each of the first lines. */
function delimitersPerLine(text: string, delimiter: string, quote: string): number[] {
  return text
    .split(/\r\n|\n|\r/, 6)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      let count = 0;
      let inQuotes = false;
      for (const char of line) {
        if (char === quote) inQuotes = !inQuotes;
        else if (char === delimiter && !inQuotes) count++;
      }
      return count;
    });
}

/** The delimiter that splits the first lines most evenly, counted outside quotes. */
export function detectDelimiter(text: string, quote: string): string {
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = delimitersPerLine(text, delimiter, quote);
    const first = counts[0] ?? 0;
    // The same count on every line beats a higher count on one.
    const score = counts.every((count) => count === first) ? first * 2 : Math.min(...counts);
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

const DELIMITER_WORDS: Record<string, string> = { ',': 'commas (,)', ';': 'semicolons (;)', '\t': 'tabs', '|': 'pipes (|)' };

/**
 * A profile's delimiter that splits no line of the file, where another one splits them all, is the
 * wrong profile or a changed export: said as such, not as a file of one-column rows that all fail.
 */
function checkDelimiter(head: string, delimiter: string, quote: string): void {
  if (delimitersPerLine(head, delimiter, quote).some((count) => count > 0)) return;
  const seems = detectDelimiter(head, quote);
  if (seems === delimiter || delimitersPerLine(head, seems, quote).every((count) => count === 0)) return;
  throw new DomainError(
    'csv_unreadable',
    `This file seems to use ${DELIMITER_WORDS[seems] ?? seems} between its columns, the profile ${DELIMITER_WORDS[delimiter] ?? delimiter}: change the profile’s delimiter (or set it to “Detect from the file”).`,
  );
}

/**
 * The first rows of a file as they split, before any profile exists: what a person picks the columns
 * from. Encoding and delimiter as given, or detected ("auto").
 */
export function peekCsv(bytes: Buffer, options: { encoding: CsvProfile['encoding']; delimiter: CsvProfile['delimiter']; quote: string }, rows = 8): { delimiter: string; rows: string[][] } {
  const first = decodeCsv(bytes, options.encoding).next();
  const head = first.done ? '' : first.value;
  const delimiter = options.delimiter === 'auto' ? detectDelimiter(head, options.quote) : options.delimiter;
  // The first lines only: cut at the last whole line of a head that may end mid-row.
  const lines = head.split(/\r\n|\n|\r/).slice(0, 200);
  const text = lines.slice(0, lines.length > 1 ? -1 : undefined).join('\n');
  try {
    const records = parseSync(text, { delimiter, quote: options.quote, record_delimiter: LINE_ENDINGS, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: rows }) as string[][];
    return { delimiter, rows: records.map((record) => record.map((cell) => (cell.length > 80 ? `${cell.slice(0, 79)}…` : cell))) };
  } catch (error) {
    throw new DomainError('csv_unreadable', `The file does not split into columns: ${(error as Error).message}`);
  }
}

/** A number as the profile writes it ("1.234,5" with a decimal comma) to plain decimal text, or null. */
export function readLocaleDecimal(text: string, decimalSeparator: '.' | ',', thousandsSeparator: '.' | ',' | ' ' | null | undefined): string | null {
  let value = text.trim();
  if (thousandsSeparator) value = value.split(thousandsSeparator).join('');
  if (decimalSeparator === ',') value = value.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(value) ? value : null;
}

/**
 * Money as tills write it to plain decimal text, or null: a currency symbol or code before or after
 * (`$8.00`, `9,00 €`, `CHF 12.50`), a minus before or after the symbol or parentheses for a negative
 * (`-$9.00`, `$-9.00`, `($9.00)`), and the profile's separators (`"$1,020.00"` with a thousands comma).
 */
export function readMoney(text: string, decimalSeparator: '.' | ',', thousandsSeparator: '.' | ',' | ' ' | null | undefined): string | null {
  let value = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(value);
  if (parenthesised) {
    negative = true;
    value = (parenthesised[1] as string).trim();
  }
  // One currency mark at most, before or after the number: a symbol or a three-letter code.
  const marked = /^(?:([^\d\s.,()+-]{1,3}|[A-Za-z]{3})\s*)?([-+]?)\s*(?:([^\d\s.,()+-]{1,3}|[A-Za-z]{3})\s*)?([\d.,\s]*\d)\s*(?:([^\d\s.,()+-]{1,3}|[A-Za-z]{3}))?$/.exec(value);
  if (!marked) return null;
  const marks = [marked[1], marked[3], marked[5]].filter((mark) => mark !== undefined);
  if (marks.length > 1) return null;
  // A minus inside parentheses says the sign twice: ambiguous, so refused.
  if (marked[2] === '-' && negative) return null;
  if (marked[2] === '-') negative = true;
  const number = readLocaleDecimal(marked[4] as string, decimalSeparator, thousandsSeparator);
  if (number === null || number.startsWith('-')) return null;
  return negative && !/^0+(\.0+)?$/.test(number) ? `-${number}` : number;
}

/** Distinct date texts read per format: a file repeats each day's few thousand times, and parsing costs more than a lookup. */
const readMoments = new Map<string, Map<string, Moment | null>>();
const MAX_REMEMBERED_DATES = 100_000;

/** A date read from a cell, with its time of day (HH:mm) when the format has one. */
interface Moment {
  date: string;
  time: string | null;
}

function readMoment(text: string, format: string): Moment | null {
  let known = readMoments.get(format);
  if (!known || known.size > MAX_REMEMBERED_DATES) readMoments.set(format, (known = new Map()));
  const value = text.trim();
  let moment = known.get(value);
  if (moment === undefined) {
    // A format with a time reads a cell with the date alone too, as tills write both in one column.
    const dateOnly = format.replace(/[\s,T]+[Hh].*$/, '');
    const full = dayjs(value, format, true);
    const parsed = full.isValid() ? full : dayjs(value, dateOnly, true);
    const hasTime = full.isValid() && dateOnly !== format;
    moment = parsed.isValid() ? { date: parsed.format('YYYY-MM-DD'), time: hasTime ? full.format('HH:mm') : null } : null;
    known.set(value, moment);
  }
  return moment;
}

/**
 * A date as the profile's format writes it (tokens, parsed strictly by dayjs: `6/5/2026` is not
 * `DD/MM/YYYY`, `31.02.2026` is no date) to YYYY-MM-DD, or null.
 */
export function readCsvDate(text: string, format: string): string | null {
  return readMoment(text, format)?.date ?? null;
}

/** A time of day in its own column (Square's `Time`): `HH:mm:ss`, `HH:mm`, `h:mm A` and alike, as HH:mm; null when it reads as none. */
const TIME_FORMATS = ['HH:mm:ss', 'HH:mm', 'H:mm', 'H:mm:ss', 'h:mm A', 'h:mm:ss A', 'hh:mm A'];
function readTime(text: string): string | null {
  const value = text.trim();
  for (const format of TIME_FORMATS) {
    const parsed = dayjs(`2000-01-01 ${value}`, `YYYY-MM-DD ${format}`, true);
    if (parsed.isValid()) return parsed.format('HH:mm');
  }
  return null;
}

/**
 * The longest code, name, id or location a row may carry: far above any till's (a long dish name is
 * 60), and short enough that one broken cell cannot become a 52-million-character item name.
 */
export const MAX_CSV_TEXT = 200;

/**
 * How codes, names and values from files are compared: case and repeated or surrounding spaces
 * ignored, accents as written (`matcha  Latte` is `Matcha Latte`; `Café` is not `Cafe`).
 */
export const matchKey = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A quantity of 1 at the quantity scale: a row without a quantity column sold one. */
const ONE = 10 ** QUANTITY_SCALE;

const clip = (value: string) => (value.length > 80 ? `${value.slice(0, 79)}…` : value);

/** A file's records as they stream by, each with the line it ends on, split as the profile says (its delimiter detected for `auto`, and checked). */
async function csvRecords(source: CsvSource, profile: Pick<CsvProfile, 'encoding' | 'delimiter' | 'quote'>): Promise<{ hash: string; records: AsyncIterable<{ record: string[]; info: { lines: number } }> }> {
  const { hash, chunks: text } = await csvText(source, profile.encoding);
  const first = await text.next();
  const head = first.done ? '' : first.value;
  const delimiter = profile.delimiter === 'auto' ? detectDelimiter(head, profile.quote) : profile.delimiter;
  checkDelimiter(head, delimiter, profile.quote);
  const all = async function* () {
    if (head) yield head;
    for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
  };
  const records = Readable.from(all()).pipe(parse({ delimiter, quote: profile.quote, record_delimiter: LINE_ENDINGS, relax_column_count: true, skip_empty_lines: true, info: true }));
  return { hash, records };
}

/** What a file holds before any profile reads it: its header, its first rows, and the distinct values of some columns. */
export interface CsvSurvey {
  header: string[];
  /** The first rows after the header. */
  sample: string[][];
  /** Up to MAX_SURVEYED_VALUES distinct values of each column asked for, in the order first seen. */
  values: Map<number, string[]>;
}

const MAX_SURVEYED_VALUES = 1000;

/**
 * Reads a whole file with a header row (detected delimiter, any encoding) for its header, first rows
 * and the distinct values of the columns `valuesOf` picks from the header: what a preset proposal
 * needs (every location the file names), without keeping the file.
 */
export async function surveyCsv(source: CsvSource, valuesOf: (header: string[]) => number[], sampleRows = 50): Promise<CsvSurvey> {
  const { records } = await csvRecords(source, { encoding: 'auto', delimiter: 'auto', quote: '"' });
  let header: string[] | null = null;
  const sample: string[][] = [];
  const values = new Map<number, Set<string>>();
  try {
    for await (const { record } of records) {
      if (header === null) {
        header = record.map((cell) => cell.trim());
        for (const index of valuesOf(header)) values.set(index, new Set());
        continue;
      }
      if (sample.length < sampleRows) sample.push(record);
      // Nothing more to learn from the rest of the file.
      else if (values.size === 0) break;
      for (const [index, seen] of values) {
        const value = (record[index] ?? '').trim();
        if (value !== '' && seen.size < MAX_SURVEYED_VALUES) seen.add(value);
      }
    }
  } catch (error) {
    throw new DomainError('csv_unreadable', `The file does not read as CSV: ${(error as Error).message}`);
  }
  if (header === null) throw new DomainError('csv_unreadable', 'The file is empty: no header row.');
  return { header, sample, values: new Map([...values].map(([index, seen]) => [index, [...seen]])) };
}

/** How a file is read beside its profile: the business date of a file without a date column, and the modifier file (modifier_file) when given. */
export interface CsvReadOptions {
  date?: string | undefined;
  modifiers?: CsvSource | undefined;
}

/**
 * A modifier file's modifiers by the item they belong to (its link columns' values), in file order;
 * its columns found ignoring case and spaces, its left-out rows (voids) left out.
 */
async function modifiersByItem(source: CsvSource, spec: NonNullable<CsvProfile['modifier_file']>): Promise<Map<string, string[]>> {
  const { records } = await csvRecords(source, { encoding: 'auto', delimiter: 'auto', quote: '"' });
  const found = new Map<string, string[]>();
  let at: { links: number[]; modifier: number; exclude: { index: number; values: Set<string> }[] } | null = null;
  try {
    for await (const { record } of records) {
      const cell = (index: number) => (record[index] ?? '').trim();
      if (at === null) {
        const header = record.map(matchKey);
        const column = (name: string) => {
          const index = header.indexOf(matchKey(name));
          if (index < 0) throw new DomainError('csv_column_missing', `The modifier file has no column ${quoted(name)}: is it the modifier export that goes with this file?`);
          return index;
        };
        at = {
          links: spec.link_columns.map(column),
          modifier: column(spec.source_column),
          exclude: spec.exclude_rows.map((where) => ({ index: column(String(where.column)), values: new Set(where.equals.map(matchKey)) })),
        };
        continue;
      }
      const modifier = cell(at.modifier);
      if (modifier === '' || modifier.length > MAX_CSV_TEXT || at.exclude.some((where) => where.values.has(matchKey(cell(where.index))))) continue;
      const key = at.links.map(cell).join('\u0000');
      const list = found.get(key);
      if (list) list.push(modifier);
      else found.set(key, [modifier]);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('csv_unreadable', `The modifier file does not read as CSV: ${(error as Error).message}`);
  }
  return found;
}

/** Every row of a file, collected in memory: for small files, such as the reader's tests read. */
export async function readCsv(source: CsvSource, profile: CsvProfile, options: CsvReadOptions = {}): Promise<CsvReading> {
  const rows: CsvRow[] = [];
  const summary = await readCsvRows(source, profile, options, (row) => void rows.push(row));
  return { ...summary, rows };
}

/**
 * Reads every row of the file, handing each readable one to `onRow` as it streams by, so no copy of
 * the file's text or rows is held here. Refuses (before reporting any row) a file the profile does
 * not fit: a named column that is not there, or a date column that does not read in most rows.
 */
export async function readCsvRows(source: CsvSource, profile: CsvProfile, options: CsvReadOptions, onRow: (row: CsvRow) => void): Promise<CsvSummary> {
  const rule = profile.rules[0] as CsvProfile['rules'][number];
  if (rule.date_source_column == null && !options.date) throw new DomainError('date_required', 'The profile has no date column: choose the business date of the file.');
  if (options.modifiers !== undefined && !profile.modifier_file) {
    throw new DomainError('invalid_input', `The profile ${quoted(profile.name)} reads no modifier file (its modifier_file is not set): upload the file alone, or use the profile made for this export.`);
  }
  const modifiers = options.modifiers === undefined || !profile.modifier_file ? null : await modifiersByItem(options.modifiers, profile.modifier_file);
  const { hash, records } = await csvRecords(source, profile);

  let header: string[] | null = null;
  let columns: ReturnType<typeof columnsOf> | null = null;
  const invalid: InvalidRow[] = [];
  let invalidCount = 0;
  let skipped = 0;
  let undated = 0;
  let dataRows = 0;
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (columns === null) {
        if (profile.header) header = record.map((cell) => cell.trim());
        columns = columnsOf(profile, header, header?.length ?? record.length, modifiers);
        if (profile.header) continue;
      }
      dataRows++;
      const row = readRow(record, info.lines, columns, profile, options.date as string, header);
      if (row === 'skipped') skipped++;
      else if ('reason' in row) {
        if (invalidCount++ < MAX_INVALID_ROWS) invalid.push(row);
        if (row.column === columns.dateName) undated++;
      } else onRow(row);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('csv_unreadable', `The file does not read as CSV with this profile: ${(error as Error).message}`);
  }
  // A date column that does not read in most rows is the profile's date format, not the rows.
  if (columns?.date != null && dataRows > 0 && undated * 2 > dataRows) {
    throw new DomainError(
      'csv_row_invalid',
      `The dates in column ${quoted(columns.dateName)} do not read as ${profile.date_format} in ${undated} of ${dataRows} rows: check the profile's date_format.`,
    );
  }
  return { header, invalid, invalidCount, skipped, dataRows, hash };
}

/** Each column the profile names, as an index into the rows, or a refusal naming it; null for a column the profile leaves out. */
function columnsOf(profile: CsvProfile, header: string[] | null, width: number, modifiers: Map<string, string[]> | null) {
  const rule = profile.rules[0] as CsvProfile['rules'][number];
  const indexOf = (setting: string, reference: CsvColumn | null | undefined): number | null => {
    if (reference === null || reference === undefined) return null;
    const index = typeof reference === 'number' ? reference - 1 : (header?.indexOf(reference) ?? -1);
    // Two columns of one name: taking the first would read the wrong one without a word.
    if (typeof reference === 'string' && header && header.lastIndexOf(reference) !== index) {
      throw new DomainError(
        'csv_column_ambiguous',
        `The file has ${header.filter((name) => name === reference).length} columns named ${quoted(reference)} (columns ${header.flatMap((name, at) => (name === reference ? [at + 1] : [])).join(' and ')}), so the profile's ${setting} could be either: rename one in the export, or read the file without its header and name the column by position.`,
      );
    }
    if (index < 0 || index >= width) {
      const known = header ? ` The file's columns: ${header.map((name) => `"${name}"`).join(', ')}.` : ` The file has ${width} columns.`;
      throw new DomainError('csv_column_missing', `The profile's ${setting} ${quoted(String(reference))} is not a column of this file.${known}`);
    }
    return index;
  };
  // In the profile file's order, so the first fault named is the first setting.
  const code = indexOf('source_column', rule.source_column) as number;
  const quantity = indexOf('quantity_source_column', rule.quantity_source_column);
  const date = indexOf('date_source_column', rule.date_source_column);
  const time = indexOf('time_source_column', rule.time_source_column);
  const name = indexOf('name_column', profile.name_column);
  const variant = indexOf('variant_column', profile.variant_column);
  const modifier = indexOf('modifier_column', profile.modifier_column);
  const amount = indexOf('amount_column', profile.amount_column);
  const externalIds = profile.external_id_column == null ? null : [profile.external_id_column].flat().map((reference) => indexOf('external_id_column', reference) as number);
  const location = indexOf('location_column', profile.location_column);
  const rowsWhere = (setting: string, where: { column: CsvColumn; equals: string[] }) => ({ index: indexOf(setting, where.column) as number, values: new Set(where.equals.map(matchKey)) });
  return {
    code,
    quantity,
    date,
    time,
    dateName: date === null ? '' : (header?.[date] ?? String(date + 1)),
    name,
    variant,
    modifier,
    amount,
    externalIds,
    location,
    exclude: profile.exclude_rows.map((where) => rowsWhere('exclude_rows', where)),
    /** The modifier file's modifiers, and the columns of this file that find a row's. */
    modifierFile: modifiers && profile.modifier_file ? { links: profile.modifier_file.link_columns.map((name) => indexOf('modifier_file', name) as number), modifiers } : null,
    refund: profile.refund_rows ? rowsWhere('refund_rows', profile.refund_rows) : null,
  };
}

/** One data row by the profile's rules: a row, an invalid row (the first fault), or skipped (quantity 0 or less, or left out by exclude_rows). */
function readRow(record: string[], line: number, columns: ReturnType<typeof columnsOf>, profile: CsvProfile, date: string, header: string[] | null): CsvRow | InvalidRow | 'skipped' {
  const rule = profile.rules[0] as CsvProfile['rules'][number];
  const cell = (index: number | null) => (index === null ? '' : (record[index] ?? '').trim());
  const fault = (index: number, reason: string): InvalidRow => ({ line, column: header?.[index] ?? String(index + 1), value: clip(cell(index)), reason });
  const holds = (where: { index: number; values: Set<string> }) => where.values.has(matchKey(cell(where.index)));

  if (columns.exclude.some(holds)) return 'skipped';
  for (const index of [columns.code, columns.name, columns.variant, ...(columns.externalIds ?? []), columns.location]) {
    if (index !== null && cell(index).length > MAX_CSV_TEXT) return fault(index, `longer than ${MAX_CSV_TEXT} characters (${cell(index).length})`);
  }
  const variant = cell(columns.variant);
  const withVariant = (text: string) => (variant ? `${text} (${variant})` : text);
  const raw = cell(columns.code);
  const codes = (rule.code_separator ? raw.split(rule.code_separator) : [raw]).map((code) => code.trim()).filter((code) => code !== '').map(withVariant);
  if (codes.length === 0) return fault(columns.code, 'no POS code');
  const modifiers = columns.modifier === null ? [] : cell(columns.modifier).split(profile.modifier_separator).map((modifier) => modifier.trim()).filter((modifier) => modifier !== '');
  if (columns.modifierFile) modifiers.push(...(columns.modifierFile.modifiers.get(columns.modifierFile.links.map(cell).join('\u0000')) ?? []));
  const tooLong = modifiers.find((modifier) => modifier.length > MAX_CSV_TEXT);
  if (tooLong !== undefined) return fault(columns.modifier as number, `a modifier longer than ${MAX_CSV_TEXT} characters (${tooLong.length})`);
  let quantity = ONE;
  if (columns.quantity !== null) {
    const text = readLocaleDecimal(cell(columns.quantity), profile.decimal_separator, profile.thousands_separator);
    const scaled = text === null ? null : scaledFromText(text, QUANTITY_SCALE);
    if (scaled === null) return fault(columns.quantity, text === null ? 'not a number' : 'more than 6 decimals, or too large');
    quantity = scaled;
  }
  let business = date;
  if (columns.date !== null) {
    const read = readMoment(cell(columns.date), profile.date_format);
    if (read === null) return fault(columns.date, `not a date as ${profile.date_format}`);
    let time = read.time;
    if (columns.time !== null) {
      time = readTime(cell(columns.time));
      if (time === null) return fault(columns.time, 'not a time of day');
    }
    // Before the business day's start, a sale belongs to the day before (a 00:30 sale with 04:00).
    business = profile.business_day_starts_at && time !== null && time < profile.business_day_starts_at ? addDays(read.date, -1) : read.date;
  }
  const location = columns.location === null ? 'default' : cell(columns.location);
  const storageUnit = profile.locations[location];
  if (storageUnit === undefined) return fault(columns.location as number, 'unknown_location: not among the profile’s locations');
  let netAmount: number | null = null;
  if (columns.amount !== null && cell(columns.amount) !== '') {
    const text = readMoney(cell(columns.amount), profile.decimal_separator, profile.thousands_separator);
    if (text === null) return fault(columns.amount, 'not an amount');
    netAmount = scaledFromPosText(text, MONEY_SCALE, 'csv_row_invalid', 'Amount');
  }
  // A refund takes back what was sold, whichever sign the export writes it with (Square -1.0, Loyverse 1.000).
  const refund = columns.refund !== null && holds(columns.refund);
  if (refund) quantity = -Math.abs(quantity);
  if (quantity === 0 || (quantity < 0 && !refund && profile.negative_rows === 'skip')) return 'skipped';
  const name = cell(columns.name);
  const externalId = columns.externalIds === null || columns.externalIds.every((index) => cell(index) === '') ? null : columns.externalIds.map(cell).join(' | ');
  return { line, codes, modifiers, quantity, refund, date: business, location, storageUnit, name: name ? withVariant(name) : null, netAmount, externalId };
}
