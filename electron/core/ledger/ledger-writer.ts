// The only code that writes ledger_entries, ledger_issue_lines and ledger_day_totals. Every change to
// the entries adds up the days it touched again in the same transaction, so the Ledger screen's totals
// (which read the day totals) can never drift from the entries, whoever posts: a transfer, a receipt,
// and the counts, waste and uploads to come. Every change also restates the finished counts after it
// (count-restatement.ts says which and how), so stock at a count's moment stays what was counted. Callers run these
// inside their own write transaction where they say so; each function is also safe alone (SQLite
// nests it as a savepoint).
import { and, eq } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { inOrder } from '../in-order';
import type { LedgerEntryType } from '../../../shared/model/ledger';
import type { SalesSourceKind } from '../../../shared/model/transfers';
import { ledgerEntries } from '../db/schema';
import { type Decimal, fromScaled, MONEY_SCALE, QUANTITY_SCALE, roundToScale, scaledValueAt, toScaled, UNIT_COST_SCALE } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { countedLinesAfter, countEntryFor, type Movement, movementOf } from './count-restatement';

export interface NewLedgerEntry {
  /** An ISSUE comes only from a sales source's day, through postDayIssues. */
  type: Exclude<LedgerEntryType, 'ISSUE'>;
  date: string;
  ingredientId: number;
  storageUnitId: number;
  /** Signed change to stock, already at the quantity scale. */
  quantity: Decimal;
  /** Rounded to the unit-cost scale here. */
  unitCost: Decimal;
  /** Signed; rounded to the money scale here. */
  value: Decimal;
  reference?: string | null;
  businessLocationId?: string | null;
  /**
   * What a person typed, when not a bare base quantity ("3 case"): `quantity` is then its exact base
   * equivalent, rounded half to even at the quantity scale here, as it is posted.
   */
  typedQuantity?: string | null;
}

/** The stored form of an entry: scaled integers, checked on the way (a value too large is refused, never wrapped). */
export function ledgerRow(scope: CompanyScope, entry: NewLedgerEntry) {
  return {
    companyId: scope.companyId,
    type: entry.type,
    date: entry.date,
    ingredientId: entry.ingredientId,
    storageUnitId: entry.storageUnitId,
    // A typed quantity is refused with more decimals than the scale, never rounded; a converted one is rounded once, here.
    quantity: toScaled(entry.typedQuantity ? roundToScale(entry.quantity, QUANTITY_SCALE) : entry.quantity, QUANTITY_SCALE, 'invalid_quantity', 'Quantity'),
    unitCost: toScaled(roundToScale(entry.unitCost, UNIT_COST_SCALE), UNIT_COST_SCALE, 'invalid_value', 'Unit cost'),
    value: toScaled(roundToScale(entry.value, MONEY_SCALE), MONEY_SCALE, 'invalid_value', 'Value'),
    reference: entry.reference ?? null,
    businessLocationId: entry.businessLocationId ?? null,
    typedQuantity: entry.typedQuantity ?? null,
  };
}

type LedgerRow = ReturnType<typeof ledgerRow>;

/** One entry, with its day added up again. */
export async function postEntry(scope: CompanyScope, entry: NewLedgerEntry): Promise<number> {
  return await scope.db.write(async () => {
    const id = (await scope.db.one(scope.db.orm.insert(ledgerEntries).values(ledgerRow(scope, entry)).returning({ id: ledgerEntries.id }))).id;
    await addUpDay(scope, entry.businessLocationId ?? null, entry.date);
    await restateCounts(scope, [await movementOf(scope, entry)]);
    return id;
  });
}

/** The location, business day, storage unit and source a transfer posts its ISSUE entries to. */
export interface IssueDay {
  businessLocationId: string;
  date: string;
  storageUnitId: number;
  source: SalesSourceKind;
}

/** An ingredient's ISSUE of the day, as scaled integers: the sums of its lines' deductions and values. */
export interface DayIssue {
  quantity: number;
  value: number;
  unitCost: number;
  /** How many sales lines it adds up. */
  lines: number;
}

/**
 * The unit costs of the day's ISSUE entries already in this storage unit, by ingredient: a later run
 * of the same day (lines the till added) adds to them at that cost, so an entry's value is always its
 * lines' quantities at its one unit cost.
 */
export async function dayIssueUnitCosts(scope: CompanyScope, day: IssueDay): Promise<Map<number, number>> {
  const rows = await scope.db
    .statement(
      `SELECT ingredient_id AS ingredientId, unit_cost AS unitCost FROM ledger_entries
       WHERE business_location_id = ? AND date = ? AND company_id = ? AND type = 'ISSUE' AND storage_unit_id = ? AND source = ?`,
    )
    .all(day.businessLocationId, day.date, scope.companyId, day.storageUnitId, day.source) as { ingredientId: number; unitCost: number }[];
  return new Map(rows.map((row) => [row.ingredientId, row.unitCost]));
}

/**
 * A transfer's day: one ISSUE entry per ingredient (created, or added to when the day already has
 * one), and the trace of what each sales line took, `trace` holding rows of (sales line row id,
 * ingredient id, 0, quantity): the 0 becomes the entry's id here. The day is added up again even when
 * there is nothing to post (a forced run may have emptied it). Runs inside the transfer's
 * transaction; answers the entries it touched.
 */
export async function postDayIssues(scope: CompanyScope, day: IssueDay & { transferLogId: number }, issues: Map<number, DayIssue>, trace: number[]): Promise<number[]> {
  const { db } = scope;
  const upsert = db.statement(
    `INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, business_location_id, source, sales_lines, transfer_log_id)
     VALUES (?, 'ISSUE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (company_id, business_location_id, date, ingredient_id, storage_unit_id, source) WHERE type = 'ISSUE'
     DO UPDATE SET quantity = ledger_entries.quantity + excluded.quantity, value = ledger_entries.value + excluded.value,
       sales_lines = ledger_entries.sales_lines + excluded.sales_lines
     RETURNING id`,
  );
  const entryIds = new Map<number, number>();
  for (const [ingredientId, issue] of issues) {
    checkScaled(issue.quantity, 'Quantity');
    checkScaled(issue.value, 'Value');
    const { id } = await upsert.get(
      scope.companyId,
      day.date,
      ingredientId,
      day.storageUnitId,
      issue.quantity,
      issue.unitCost,
      issue.value,
      day.businessLocationId,
      day.source,
      issue.lines,
      day.transferLogId,
    ) as { id: number };
    entryIds.set(ingredientId, id);
  }
  // The entry ids go into the rows in place: a busy day's trace is over a hundred thousand values.
  for (let n = 0; n < trace.length; n += 4) trace[n + 2] = entryIds.get(trace[n + 1] as number) as number;
  await db.insertMany('ledger_issue_lines', TRACE_COLUMNS, trace);
  await addUpDay(scope, day.businessLocationId, day.date);
  await restateCounts(scope, await inOrder([...entryIds.keys()], (ingredientId) => movementOf(scope, { type: 'ISSUE', date: day.date, storageUnitId: day.storageUnitId, ingredientId })));
  return [...entryIds.values()];
}

const TRACE_COLUMNS = ['sales_line_id', 'ingredient_id', 'entry_id', 'quantity'] as const;

/** The reference of a location-day's WASTE entries for lines voided for `reason`: one set per day and reason (ledger_reference_once). */
export const voidWasteReference = (day: { businessLocationId: string; date: string }, reason: string) => `void:${day.businessLocationId}:${day.date}:${reason}`;

/**
 * A location-day's waste from voided lines, by reason and ingredient, replacing what an earlier run
 * posted for the day (so a re-run never adds a second set: the unique reference index sees to it).
 * Each entry is a WASTE of the voided quantity (negative, quantity scale) at the day's unit cost.
 */
export async function replaceVoidWaste(scope: CompanyScope, day: IssueDay & { transferLogId: number }, wasted: Map<string, Map<number, DayIssue>>): Promise<number[]> {
  const gone = await scope.db
    .statement(
      `DELETE FROM ledger_entries WHERE company_id = ? AND type = 'WASTE' AND business_location_id = ? AND date = ? AND source = ? AND reference LIKE 'void:%'
       RETURNING type, date, storage_unit_id AS storageUnitId, ingredient_id AS ingredientId`,
    )
    .all(scope.companyId, day.businessLocationId, day.date, day.source) as RemovedEntry[];
  const insert = scope.db.statement(
    `INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, reference, business_location_id, source, sales_lines, transfer_log_id)
     VALUES (?, 'WASTE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const ids: number[] = [];
  const posted: RemovedEntry[] = [];
  for (const [reason, byIngredient] of wasted) {
    for (const [ingredientId, waste] of byIngredient) {
      if (waste.quantity === 0) continue;
      checkScaled(waste.quantity, 'Quantity');
      checkScaled(waste.value, 'Value');
      const reference = voidWasteReference(day, reason);
      ids.push(
        (await insert.get(scope.companyId, day.date, ingredientId, day.storageUnitId, waste.quantity, waste.unitCost, waste.value, reference, day.businessLocationId, day.source, waste.lines, day.transferLogId) as { id: number })
          .id,
      );
      posted.push({ type: 'WASTE', date: day.date, storageUnitId: day.storageUnitId, ingredientId });
    }
  }
  if (gone.length === 0 && ids.length === 0) return ids;
  await addUpDay(scope, day.businessLocationId, day.date);
  await restateCounts(scope, await inOrder([...gone, ...posted], (entry) => movementOf(scope, entry)));
  return ids;
}

/** A day's sum past 2^53 would not be exact: refused, never wrapped (no kitchen comes near it). */
function checkScaled(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) throw new DomainError('invalid_value', `${field} of a day's issue is too large to store exactly.`);
}

/** The sales lines of a location's day that already deducted something, into whichever storage unit. */
export async function postedSalesLines(scope: CompanyScope, locationRowId: number, date: string): Promise<Set<number>> {
  const rows = await scope.db
    .statement(
      `SELECT l.id FROM sales s JOIN sales_lines l ON l.sale_id = s.id WHERE s.location_id = ? AND s.business_date = ?
         AND EXISTS (SELECT 1 FROM ledger_issue_lines t WHERE t.sales_line_id = l.id)`,
    )
    .all(locationRowId, date) as { id: number }[];
  return new Set(rows.map((row) => row.id));
}

/**
 * Deletes the day's ISSUE entries of a location and source, in every storage unit, and the trace of
 * the location's sales lines of the day. The trace goes by the day's lines, so its primary key does
 * the work however large it grows. Answers how many entries went.
 */
export async function deleteDayIssues(scope: CompanyScope, day: { locationRowId: number; businessLocationId: string; date: string; source: SalesSourceKind }): Promise<number> {
  const { db } = scope;
  await db
    .statement(
      'DELETE FROM ledger_issue_lines WHERE sales_line_id IN (SELECT l.id FROM sales s JOIN sales_lines l ON l.sale_id = s.id WHERE s.location_id = ? AND s.business_date = ?)',
    )
    .run(day.locationRowId, day.date);
  const gone = await db
    .statement(
      `DELETE FROM ledger_entries WHERE business_location_id = ? AND date = ? AND company_id = ? AND type = 'ISSUE' AND source = ?
       RETURNING type, date, storage_unit_id AS storageUnitId, ingredient_id AS ingredientId`,
    )
    .all(day.businessLocationId, day.date, scope.companyId, day.source) as RemovedEntry[];
  await addUpDay(scope, day.businessLocationId, day.date);
  await restateCounts(scope, await inOrder(gone, (entry) => movementOf(scope, entry)));
  return gone.length;
}

/**
 * Takes sales lines back out of the ISSUE entries they were posted to (a reverted CSV upload): each
 * entry loses their quantities and values, an entry left without lines goes, and the days are added
 * up again. Answers how many entries went.
 */
export async function withdrawSalesLines(scope: CompanyScope, salesLineIds: readonly number[]): Promise<number> {
  const { db } = scope;
  const lines = JSON.stringify(salesLineIds);
  const traced = await db
    .statement(
      `SELECT t.entry_id AS entryId, t.quantity, t.value, e.unit_cost AS unitCost, e.business_location_id AS businessLocationId, e.date,
              e.storage_unit_id AS storageUnitId, e.ingredient_id AS ingredientId
       FROM ledger_issue_lines t JOIN ledger_entries e ON e.id = t.entry_id
       WHERE t.sales_line_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) AND e.company_id = ?`,
    )
    .all(lines, scope.companyId) as ({ entryId: number; quantity: number; value: number | null; unitCost: number; businessLocationId: string } & Omit<RemovedEntry, 'type'>)[];
  const byEntry = new Map<number, { quantity: number; value: number; lines: number }>();
  const days = new Map<string, { businessLocationId: string; date: string }>();
  for (const row of traced) {
    const sums = byEntry.get(row.entryId) ?? { quantity: 0, value: 0, lines: 0 };
    sums.quantity += row.quantity;
    sums.value += row.value ?? scaledValueAt(row.quantity, row.unitCost);
    sums.lines++;
    byEntry.set(row.entryId, sums);
    days.set(`${row.businessLocationId}\u0000${row.date}`, row);
  }
  await db.statement('DELETE FROM ledger_issue_lines WHERE sales_line_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))').run(lines);
  const take = db.statement('UPDATE ledger_entries SET quantity = quantity - ?, value = value - ?, sales_lines = sales_lines - ? WHERE id = ?');
  const dropEmpty = db.statement(`DELETE FROM ledger_entries WHERE id = ? AND type = 'ISSUE' AND sales_lines = 0`);
  let gone = 0;
  for (const [entryId, sums] of byEntry) {
    await take.run(sums.quantity, sums.value, sums.lines, entryId);
    gone += (await dropEmpty.run(entryId)).changes;
  }
  for (const day of days.values()) await addUpDay(scope, day.businessLocationId, day.date);
  await restateCounts(scope, await inOrder(traced, (row) => movementOf(scope, { ...row, type: 'ISSUE' })));
  return gone;
}

/**
 * The entries of one record that moves stock by hand (a count `count:<id>`, waste `waste:<id>`, a move
 * `move:<id>`), replacing whatever that record posted before, in one transaction; the days touched
 * are added up again. A unique index allows one entry per record, ingredient and storage unit.
 */
export async function replaceReferencedEntries(scope: CompanyScope, reference: string, entries: NewLedgerEntry[]): Promise<number[]> {
  return await scope.db.write(async () => {
    const gone = await scope.db
      .statement(
        `DELETE FROM ledger_entries WHERE company_id = ? AND reference = ? AND type IN ('COUNT', 'WASTE', 'ADJUSTMENT')
         RETURNING type, date, storage_unit_id AS storageUnitId, ingredient_id AS ingredientId`,
      )
      .all(scope.companyId, reference) as RemovedEntry[];
    const ids = await inOrder(
      entries,
      async (entry) => (await scope.db.one(scope.db.orm.insert(ledgerEntries).values(ledgerRow(scope, { ...entry, reference })).returning({ id: ledgerEntries.id }))).id,
    );
    for (const date of new Set([...gone.map((row) => row.date), ...entries.map((entry) => entry.date)])) await addUpDay(scope, null, date);
    await restateCounts(scope, await inOrder([...gone, ...entries], (entry) => movementOf(scope, { ...entry, reference })));
    return ids;
  });
}

/**
 * Undoes what a record posted (waste, a move) by entries of the opposite sign under `undoReference`,
 * at the same dates and unit costs: the original entries stay, so the ledger shows what happened and
 * that it was taken back. Answers how many entries it posted.
 */
export async function reverseReferencedEntries(scope: CompanyScope, reference: string, undoReference: string): Promise<number> {
  const original = await scope.db
    .statement(
      `SELECT type, date, ingredient_id AS ingredientId, storage_unit_id AS storageUnitId, quantity, unit_cost AS unitCost, value
       FROM ledger_entries WHERE company_id = ? AND reference = ? AND type IN ('WASTE', 'ADJUSTMENT')`,
    )
    .all(scope.companyId, reference) as { type: 'WASTE' | 'ADJUSTMENT'; date: string; ingredientId: number; storageUnitId: number; quantity: number; unitCost: number; value: number }[];
  const reversed = original.map(
    (entry): NewLedgerEntry => ({
      type: entry.type,
      date: entry.date,
      ingredientId: entry.ingredientId,
      storageUnitId: entry.storageUnitId,
      quantity: fromScaled(-entry.quantity, QUANTITY_SCALE),
      unitCost: fromScaled(entry.unitCost, UNIT_COST_SCALE),
      value: fromScaled(-entry.value, MONEY_SCALE),
    }),
  );
  return (await replaceReferencedEntries(scope, undoReference, reversed)).length;
}

/** A receipt's id and date by its reference (an invoice number), if the company has one. */
export async function findReceiptByReference(scope: CompanyScope, reference: string): Promise<{ id: number; date: string } | undefined> {
  return await scope.db.statement(`SELECT id, date FROM ledger_entries WHERE company_id = ? AND type = 'RECEIPT' AND reference = ?`).get(scope.companyId, reference) as
    | { id: number; date: string }
    | undefined;
}

/** A new receipt entry, or a changed one (its old and new days are both added up again). */
export async function saveReceiptEntry(scope: CompanyScope, row: LedgerRow, existing?: { id: number; date: string }): Promise<number> {
  return (await saveReceiptEntries(scope, [{ row, existing }]))[0] as number;
}

/**
 * Receipt entries, new or changed, in one transaction: each touched day is added up once and the
 * counts after them restated once, so a setup file's 60,000 receipts cost linear time, not a day's
 * sum per receipt. Answers their ids in order.
 */
export async function saveReceiptEntries(scope: CompanyScope, receipts: readonly { row: LedgerRow; existing?: { id: number; date: string } | undefined }[]): Promise<number[]> {
  return await scope.db.write(async () => {
    const update = scope.db.statement(`UPDATE ledger_entries SET ${RECEIPT_COLUMNS.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`);
    const before = scope.db.statement('SELECT type, date, storage_unit_id AS storageUnitId, ingredient_id AS ingredientId FROM ledger_entries WHERE id = ?');
    const days = new Set<string>();
    const movements: Movement[] = [];
    // New receipts go in together, with ids taken up front: one statement for thousands, not one each.
    const newIds = await scope.db.newIds('ledger_entries', receipts.filter(({ existing }) => !existing).length);
    const inserted: unknown[] = [];
    const ids = await inOrder(receipts, async ({ row, existing }) => {
      const values = RECEIPT_COLUMNS.map(([, field]) => row[field] ?? null);
      movements.push(await movementOf(scope, { ...row, type: 'RECEIPT' }));
      days.add(row.date);
      if (!existing) {
        const id = newIds[inserted.length / (RECEIPT_COLUMNS.length + 1)] as number;
        inserted.push(id, ...values);
        return id;
      }
      const was = await before.get(existing.id) as RemovedEntry | undefined;
      if (was) movements.push(await movementOf(scope, was));
      await update.run(...values, existing.id);
      days.add(existing.date);
      return existing.id;
    });
    await scope.db.insertMany('ledger_entries', ['id', ...RECEIPT_COLUMNS.map(([column]) => column)], inserted);
    for (const date of days) await addUpDay(scope, null, date);
    await restateCounts(scope, movements);
    return ids;
  });
}

/** A receipt row's columns as SQL names them, with the LedgerRow field each comes from. */
const RECEIPT_COLUMNS: readonly (readonly [string, keyof LedgerRow])[] = [
  ['company_id', 'companyId'],
  ['type', 'type'],
  ['date', 'date'],
  ['ingredient_id', 'ingredientId'],
  ['storage_unit_id', 'storageUnitId'],
  ['quantity', 'quantity'],
  ['unit_cost', 'unitCost'],
  ['value', 'value'],
  ['reference', 'reference'],
  ['business_location_id', 'businessLocationId'],
  ['typed_quantity', 'typedQuantity'],
];

export async function deleteReceiptEntry(scope: CompanyScope, id: number): Promise<void> {
  await scope.db.write(async () => {
    const deleted = await scope.db.many(scope.db.orm
      .delete(ledgerEntries)
      .where(and(eq(ledgerEntries.id, id), eq(ledgerEntries.companyId, scope.companyId), eq(ledgerEntries.type, 'RECEIPT')))
      .returning({ type: ledgerEntries.type, date: ledgerEntries.date, storageUnitId: ledgerEntries.storageUnitId, ingredientId: ledgerEntries.ingredientId }));
    if (deleted.length === 0) throw new DomainError('receipt_not_found', `No receipt with id ${id}.`);
    for (const { date } of deleted) await addUpDay(scope, null, date);
    await restateCounts(scope, await inOrder(deleted, (entry) => movementOf(scope, entry)));
  });
}

/** An entry a change took away, as much as tells which counts come after it. */
interface RemovedEntry {
  type: LedgerEntryType;
  date: string;
  storageUnitId: number;
  ingredientId: number;
}

/**
 * Brings the finished counts after these movements back to what they counted: each counted line's
 * COUNT entry becomes the difference between the count and the ledger's position at its moment (at
 * the weighted average cost of its date), oldest count first. An entry already right is left alone.
 */
async function restateCounts(scope: CompanyScope, movements: readonly Movement[]): Promise<void> {
  const current = scope.db.statement(
    `SELECT id, quantity, unit_cost AS unitCost, value FROM ledger_entries
     WHERE company_id = ? AND reference = ? AND type = 'COUNT' AND ingredient_id = ? AND storage_unit_id = ?`,
  );
  const remove = scope.db.statement('DELETE FROM ledger_entries WHERE id = ?');
  const days = new Set<string>();
  for (const line of await countedLinesAfter(scope, movements)) {
    const reference = `count:${line.id}`;
    const wanted = await countEntryFor(scope, line);
    const row = wanted && ledgerRow(scope, { type: 'COUNT', date: line.date, ingredientId: line.ingredientId, storageUnitId: line.storageUnitId, reference, ...wanted });
    const existing = await current.get(scope.companyId, reference, line.ingredientId, line.storageUnitId) as { id: number; quantity: number; unitCost: number; value: number } | undefined;
    if (existing && row && existing.quantity === row.quantity && existing.unitCost === row.unitCost && existing.value === row.value) continue;
    if (!existing && !row) continue;
    if (existing) await remove.run(existing.id);
    if (row) await scope.db.exec(scope.db.orm.insert(ledgerEntries).values(row));
    days.add(line.date);
  }
  for (const date of days) await addUpDay(scope, null, date);
}

/** The day totals of one location (or none: '') and date, added up again from the entries. */
async function addUpDay(scope: CompanyScope, businessLocationId: string | null, date: string): Promise<void> {
  const key = { companyId: scope.companyId, businessLocationId: businessLocationId ?? '', date };
  const entries = businessLocationId === null ? 'business_location_id IS NULL' : 'business_location_id = @businessLocationId';
  await scope.db
    .statement('DELETE FROM ledger_day_totals WHERE company_id = @companyId AND business_location_id = @businessLocationId AND date = @date')
    .run(key);
  await scope.db
    .statement(
      `INSERT INTO ledger_day_totals (company_id, date, business_location_id, storage_unit_id, ingredient_id, type, entries, quantity, value)
       SELECT @companyId, @date, @businessLocationId, storage_unit_id, ingredient_id, type, count(*), sum(quantity), sum(value)
       FROM ledger_entries WHERE ${entries} AND date = @date AND company_id = @companyId
       GROUP BY storage_unit_id, ingredient_id, type`,
    )
    .run(key);
}
