// A CSV file's readable rows as an upload holds them between reading and posting: column by column in
// typed arrays of fixed-size chunks (about 40 bytes a row, never copied to grow), codes and names
// interned, and the rows' external ids in a table of a private scratch database (LarderDb.scratch),
// whose primary key finds the rows a file repeats. A 200 MB export's three million rows fit in about 120 MB, where
// one object per row took over 3 GB.
import type Database from 'better-sqlite3';
import type { LarderDb } from '../../db/open-database';
import { matchKey, type CsvRow } from './csv-reader';

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/** A growable column of numbers in chunks of 65,536: growing never copies what is there. */
class Column<T extends Int32Array | Float64Array | Uint8Array> {
  private readonly chunks: T[] = [];

  constructor(private readonly make: (length: number) => T) {}

  /** 0 where nothing was set. */
  get(index: number): number {
    return this.chunks[index >>> CHUNK_BITS]?.[index & (CHUNK - 1)] ?? 0;
  }

  set(index: number, value: number): void {
    const chunk = index >>> CHUNK_BITS;
    while (this.chunks.length <= chunk) this.chunks.push(this.make(CHUNK));
    (this.chunks[chunk] as T)[index & (CHUNK - 1)] = value;
  }
}

/** A location and business day of the file, the rows of which post as one transfer. */
export interface FileDay {
  location: string;
  storageUnit: string;
  date: string;
}

/** Texts numbered in the order first seen, alike by `keyOf`: a file's codes and names repeat on every row. */
class Interned {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(private readonly keyOf: (text: string) => string = (text) => text) {}

  id(text: string): number {
    const key = this.keyOf(text);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(key, id);
      this.texts.push(text);
    }
    return id;
  }

  /** Each text alike to one of `known` (by `keyOf`) becomes that one: the spelling an item already has. */
  adopt(known: Iterable<string>): void {
    for (const text of known) {
      const id = this.ids.get(this.keyOf(text));
      if (id !== undefined) this.texts[id] = text;
    }
  }
}

const NO_NAME = -1;
/** How many external ids wait in memory before they go into the scratch table together. */
const ID_BATCH = 4096;
/** How many external ids one question to the ledger's database carries (posted before? recorded). */
const KEY_BATCH = 5000;
const KEY_COLUMNS = ['source_id', 'external_id', 'upload_id'];

export class FileRows {
  /** Readable rows, in file order. */
  count = 0;
  readonly days: FileDay[] = [];
  /** Codes and modifiers alike, matched ignoring case and repeated spaces: `matcha latte` is `Matcha Latte`. */
  readonly codes = new Interned(matchKey);
  private readonly names = new Interned();
  private readonly dayIds = new Map<string, number>();
  private readonly line = new Column((length) => new Int32Array(length));
  private readonly quantity = new Column((length) => new Float64Array(length));
  /** NaN for a row without an amount. */
  private readonly amount = new Column((length) => new Float64Array(length));
  private readonly day = new Column((length) => new Int32Array(length));
  private readonly name = new Column((length) => new Int32Array(length));
  /** A row's codes are codeIds[codeStart(row) … codeStart(row + 1)). */
  private readonly codeStart = new Column((length) => new Int32Array(length));
  private readonly codeIds = new Column((length) => new Int32Array(length));
  private codeCount = 0;
  /** How many of a row's codes are its items; the rest are its modifiers. */
  private readonly itemCodes = new Column((length) => new Int32Array(length));
  /** How often each external id that repeats within the file has come, for numbering the next (`…#2`). */
  private readonly repeats = new Map<string, number>();
  /** 1 for a refund row (refund_rows). */
  private readonly refund = new Column((length) => new Uint8Array(length));
  /** 1 for a row whose external id came earlier in the file or was posted before. */
  private readonly duplicate = new Column((length) => new Uint8Array(length));
  private pendingIds: (string | number)[] = [];
  private readonly ids: Database.Database;
  private readonly insertId: Database.Statement;

  /** `numberRepeats`: an external id repeating within the file is numbered (`…#2`) instead of a duplicate (a list of id columns). */
  constructor(
    private readonly db: LarderDb,
    private readonly numberRepeats = false,
  ) {
    this.ids = db.scratch();
    this.ids.exec('CREATE TABLE external_ids (external_id TEXT PRIMARY KEY, row INTEGER NOT NULL, day INTEGER NOT NULL) WITHOUT ROWID');
    this.insertId = this.ids.prepare('INSERT OR IGNORE INTO external_ids (external_id, row, day) VALUES (?, ?, ?)');
    this.codeStart.set(0, 0);
  }

  add(row: CsvRow): void {
    const index = this.count++;
    const dayKey = `${row.location}\u0000${row.date}`;
    let day = this.dayIds.get(dayKey);
    if (day === undefined) {
      day = this.days.length;
      this.dayIds.set(dayKey, day);
      this.days.push({ location: row.location, storageUnit: row.storageUnit, date: row.date });
    }
    this.line.set(index, row.line);
    this.quantity.set(index, row.quantity);
    this.amount.set(index, row.netAmount ?? Number.NaN);
    this.day.set(index, day);
    this.name.set(index, row.name === null ? NO_NAME : this.names.id(row.name));
    for (const code of row.codes) this.codeIds.set(this.codeCount++, this.codes.id(code));
    for (const modifier of row.modifiers) this.codeIds.set(this.codeCount++, this.codes.id(modifier));
    this.itemCodes.set(index, row.codes.length);
    if (row.refund) this.refund.set(index, 1);
    this.codeStart.set(index + 1, this.codeCount);
    if (row.externalId !== null) {
      this.pendingIds.push(row.externalId, index, day);
      if (this.pendingIds.length >= ID_BATCH * 3) this.flushIds();
    }
  }

  /** The external ids read so far into the table; a repeated one is numbered, or marks its row a duplicate. */
  flushIds(): void {
    if (this.pendingIds.length === 0) return;
    const insert = this.insertId;
    const pending = this.pendingIds;
    this.pendingIds = [];
    this.ids.transaction(() => {
      for (let n = 0; n < pending.length; n += 3) {
        const id = pending[n] as string;
        if (insert.run(id, pending[n + 1], pending[n + 2]).changes > 0) continue;
        const count = (this.repeats.get(id) ?? 1) + 1;
        if (this.numberRepeats) this.repeats.set(id, count);
        if (!this.numberRepeats || insert.run(`${id}#${count}`, pending[n + 1], pending[n + 2]).changes === 0) this.duplicate.set(pending[n + 1] as number, 1);
      }
    })();
  }

  /** The scratch table's external ids, KEY_BATCH at a time. */
  private *idBatches(): Generator<string[]> {
    let batch: string[] = [];
    for (const id of this.ids.prepare('SELECT external_id FROM external_ids ORDER BY external_id').pluck().iterate() as Iterable<string>) {
      batch.push(id);
      if (batch.length === KEY_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Rows whose external id a source's earlier uploads posted become duplicates, and leave the table. */
  async markPostedBefore(sourceId: number): Promise<void> {
    this.flushIds();
    if (!(await this.db.statement('SELECT 1 FROM csv_upload_keys WHERE source_id = ? LIMIT 1').get(sourceId))) return;
    const posted = this.db.statement('SELECT external_id FROM csv_upload_keys WHERE source_id = ? AND external_id IN (SELECT value FROM json_each(?))').pluck();
    const known: string[] = [];
    for (const batch of [...this.idBatches()]) known.push(...((await posted.all(sourceId, JSON.stringify(batch))) as string[]));
    const forget = this.ids.prepare('DELETE FROM external_ids WHERE external_id = ? RETURNING row').pluck();
    this.ids.transaction(() => {
      for (const id of known) this.duplicate.set(forget.get(id) as number, 1);
    })();
  }

  isRefund(index: number): boolean {
    return this.refund.get(index) === 1;
  }

  isDuplicate(index: number): boolean {
    return this.duplicate.get(index) === 1;
  }

  lineOf(index: number): number {
    return this.line.get(index);
  }

  quantityOf(index: number): number {
    return this.quantity.get(index);
  }

  amountOf(index: number): number | null {
    const amount = this.amount.get(index);
    return Number.isNaN(amount) ? null : amount;
  }

  dayOf(index: number): number {
    return this.day.get(index);
  }

  nameOf(index: number): string | null {
    const name = this.name.get(index);
    return name === NO_NAME ? null : (this.names.texts[name] as string);
  }

  /** The row's item codes. */
  codesOf(index: number): string[] {
    const start = this.codeStart.get(index);
    return this.textsOf(start, start + this.itemCodes.get(index));
  }

  /** The row's modifiers. */
  modifiersOf(index: number): string[] {
    return this.textsOf(this.codeStart.get(index) + this.itemCodes.get(index), this.codeStart.get(index + 1));
  }

  private textsOf(from: number, to: number): string[] {
    const texts: string[] = [];
    for (let n = from; n < to; n++) texts.push(this.codes.texts[this.codeIds.get(n)] as string);
    return texts;
  }

  /** The external ids of one day's rows that are not duplicates, by row. */
  externalIdsOf(day: number): Map<number, string> {
    this.flushIds();
    const rows = this.ids.prepare('SELECT row, external_id AS id FROM external_ids WHERE day = ?').all(day) as { row: number; id: string }[];
    return new Map(rows.map((row) => [row.row, row.id]));
  }

  /** Every external id of a row that posts, into csv_upload_keys for this upload (whose primary key keeps each once per source). */
  async recordKeys(sourceId: number, uploadId: number): Promise<void> {
    this.flushIds();
    for (const batch of this.idBatches()) await this.db.insertMany('csv_upload_keys', KEY_COLUMNS, batch.flatMap((id) => [sourceId, id, uploadId]));
  }

  /** The scratch database goes; call once the rows are posted or shown. */
  dispose(): void {
    this.ids.close();
  }
}
