// A CSV file's readable rows as an upload holds them between reading and posting: column by column in
// typed arrays of fixed-size chunks (about 40 bytes a row, never copied to grow), codes and names
// interned, and the rows' external ids in a temporary table of the database connection, whose primary
// key finds the rows a file repeats. A 200 MB export's three million rows fit in about 120 MB, where
// one object per row took over 3 GB.
import type { LarderDb } from '../../db/open-database';
import type { CsvRow } from './csv-reader';

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

/** Texts numbered in the order first seen: a file's codes and names repeat on every row. */
class Interned {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }
}

const NO_NAME = -1;
/** How many external ids wait in memory before they go into the temporary table together. */
const ID_BATCH = 4096;

let tables = 0;

export class FileRows {
  /** Readable rows, in file order. */
  count = 0;
  readonly days: FileDay[] = [];
  readonly codes = new Interned();
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
  /** 1 for a row whose external id came earlier in the file or was posted before. */
  private readonly duplicate = new Column((length) => new Uint8Array(length));
  private pendingIds: (string | number)[] = [];
  private readonly table = `csv_external_ids_${++tables}`;
  private insertId: ReturnType<LarderDb['sqlite']['prepare']> | null = null;

  constructor(private readonly db: LarderDb) {
    db.sqlite.exec(`CREATE TEMP TABLE ${this.table} (external_id TEXT PRIMARY KEY, row INTEGER NOT NULL, day INTEGER NOT NULL) WITHOUT ROWID`);
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
    this.codeStart.set(index + 1, this.codeCount);
    if (row.externalId !== null) {
      this.pendingIds.push(row.externalId, index, day);
      if (this.pendingIds.length >= ID_BATCH * 3) this.flushIds();
    }
  }

  /** The external ids read so far into the table; a repeated one marks its row a duplicate. */
  flushIds(): void {
    if (this.pendingIds.length === 0) return;
    const insert = (this.insertId ??= this.db.sqlite.prepare(`INSERT OR IGNORE INTO ${this.table} (external_id, row, day) VALUES (?, ?, ?)`));
    const pending = this.pendingIds;
    this.pendingIds = [];
    // Only the temporary table is written: a deferred transaction, which leaves larder.db to others.
    this.db.sqlite.transaction(() => {
      for (let n = 0; n < pending.length; n += 3) {
        if (insert.run(pending[n], pending[n + 1], pending[n + 2]).changes === 0) this.duplicate.set(pending[n + 1] as number, 1);
      }
    })();
  }

  /** Rows whose external id a source's earlier uploads posted become duplicates, and leave the table. */
  markPostedBefore(sourceId: number): void {
    this.flushIds();
    const known = this.db.sqlite
      .prepare(`SELECT t.row FROM ${this.table} t JOIN csv_upload_keys k ON k.source_id = ? AND k.external_id = t.external_id`)
      .pluck()
      .all(sourceId) as number[];
    for (const row of known) this.duplicate.set(row, 1);
    this.db.sqlite.prepare(`DELETE FROM ${this.table} WHERE external_id IN (SELECT external_id FROM csv_upload_keys WHERE source_id = ?)`).run(sourceId);
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

  codesOf(index: number): string[] {
    const codes: string[] = [];
    for (let n = this.codeStart.get(index); n < this.codeStart.get(index + 1); n++) codes.push(this.codes.texts[this.codeIds.get(n)] as string);
    return codes;
  }

  /** The external ids of one day's rows that are not duplicates, by row. */
  externalIdsOf(day: number): Map<number, string> {
    this.flushIds();
    const rows = this.db.sqlite.prepare(`SELECT row, external_id AS id FROM ${this.table} WHERE day = ?`).all(day) as { row: number; id: string }[];
    return new Map(rows.map((row) => [row.row, row.id]));
  }

  /** Every external id of a row that posts, into csv_upload_keys for this upload (whose primary key keeps each once per source). */
  recordKeys(sourceId: number, uploadId: number): void {
    this.flushIds();
    this.db.sqlite.prepare(`INSERT INTO csv_upload_keys (source_id, external_id, upload_id) SELECT ?, external_id, ? FROM ${this.table}`).run(sourceId, uploadId);
  }

  /** The temporary table goes; call once the rows are posted or shown. */
  dispose(): void {
    this.db.sqlite.exec(`DROP TABLE IF EXISTS temp.${this.table}`);
  }
}
