// The inventory ledger: one row per stock movement (a transfer's ISSUE: per day, ingredient and
// storage unit, with the trace of its sales lines). Stock on hand is the sum of signed quantities,
// its value the sum of signed values; the unit cost of an ingredient on a date is the weighted
// average of the company's receipts dated on or before it (the seed's rule, 0 without receipts).
import type { CompanyScope } from '../db/company';
import { DomainError } from '../domain-error';
import { OptionalFilter } from '../db/optional-filter';
import {
  Decimal,
  formatScaled,
  fromScaled,
  MONEY_SCALE,
  QUANTITY_SCALE,
  roundToScale,
  toScaled,
  UNIT_COST_SCALE,
} from '../decimal/decimal';
import { type EntryLine, type LedgerDay, type LedgerEntryType, type LedgerEntryView, type LedgerTotals } from '../../../shared/model/ledger';
import type { StockLine } from '../../../shared/model/inventory';

export type { LedgerEntryView };

/** total receipt value ÷ total receipt quantity, over receipts dated on or before `date`; 0 without any. */
export async function weightedAverageUnitCost(scope: CompanyScope, ingredientId: number, date: string): Promise<Decimal> {
  return await receiptUnitCost(scope, ingredientId, date) ?? new Decimal(0);
}

/** The weighted average unit cost of the receipts up to `date`, or null when the ingredient was never received (it has no cost yet). */
export async function receiptUnitCost(scope: CompanyScope, ingredientId: number, date: string): Promise<Decimal | null> {
  const totals = await scope.db
    .statement(
      `SELECT sum(quantity) AS quantity, sum(value) AS value FROM ledger_entries
       WHERE company_id = ? AND ingredient_id = ? AND type = 'RECEIPT' AND date <= ?`,
    )
    .safeIntegers()
    .get(scope.companyId, ingredientId, date) as { quantity: bigint | null; value: bigint | null };
  return averageOf(totals);
}

function averageOf(totals: { quantity: bigint | null; value: bigint | null }): Decimal | null {
  if (totals.quantity === null || totals.quantity === 0n || totals.value === null) return null;
  return roundToScale(fromScaled(totals.value, MONEY_SCALE).dividedBy(fromScaled(totals.quantity, QUANTITY_SCALE)), UNIT_COST_SCALE);
}

/**
 * The unit cost (its scale) of each ingredient's ISSUE on a day with none posted yet: the weighted
 * average of that date's receipts (0 for an ingredient never received), all in one query: a
 * transfer's day prices its lines from it without a query per ingredient.
 */
export async function freshUnitCosts(scope: CompanyScope, date: string): Promise<Map<number, number>> {
  const costs = await receiptUnitCosts(scope, date);
  return new Map([...costs].map(([ingredientId, cost]) => [ingredientId, toScaled(cost, UNIT_COST_SCALE, 'invalid_value', 'Unit cost')]));
}

/** receiptUnitCost of every ingredient received up to `date`, in one query. */
export async function receiptUnitCosts(scope: CompanyScope, date: string): Promise<Map<number, Decimal>> {
  const rows = (await scope.db
    .statement(
      // The date is in the sums, not the WHERE: a date range there made SQLite read the company's
      // entries by date (a group's year, 46 ms a day posted) instead of its receipts (ledger_receipts, 1 ms).
      `SELECT ingredient_id AS ingredientId, sum(CASE WHEN date <= @date THEN quantity END) AS quantity, sum(CASE WHEN date <= @date THEN value END) AS value
       FROM ledger_entries WHERE company_id = @companyId AND type = 'RECEIPT' GROUP BY ingredient_id`,
    )
    .safeIntegers()
    .all({ companyId: scope.companyId, date })) as { ingredientId: bigint; quantity: bigint | null; value: bigint | null }[];
  const costs = new Map<number, Decimal>();
  for (const row of rows) {
    const cost = averageOf(row);
    if (cost !== null) costs.set(Number(row.ingredientId), cost);
  }
  return costs;
}

/** Added up from the day totals: the same sums as over every entry, without reading millions of rows. */
export async function stockOnHand(scope: CompanyScope, filter: { storageUnitId?: number | undefined } = {}): Promise<StockLine[]> {
  const rows = await scope.db.statement(
      `SELECT s.id AS storageUnitId, s.name AS storageUnit, i.id AS ingredientId, i.name AS ingredient, i.unit AS unit,
              t.quantity AS quantity, t.value AS value
       FROM (SELECT storage_unit_id, ingredient_id, sum(quantity) AS quantity, sum(value) AS value
             FROM ledger_day_totals WHERE company_id = ? ${filter.storageUnitId === undefined ? '' : 'AND storage_unit_id = ?'}
             GROUP BY storage_unit_id, ingredient_id HAVING sum(entries) > 0) t
       JOIN storage_units s ON s.id = t.storage_unit_id
       JOIN ingredients i ON i.id = t.ingredient_id
       ORDER BY s.name, i.name`,
    )
    .safeIntegers()
    .all(...[scope.companyId, filter.storageUnitId].filter((value) => value !== undefined)) as {
    storageUnitId: bigint;
    storageUnit: string;
    ingredientId: bigint;
    ingredient: string;
    unit: string;
    quantity: bigint;
    value: bigint;
  }[];
  return rows.map((row) => ({
    storageUnitId: Number(row.storageUnitId),
    storageUnit: row.storageUnit,
    ingredientId: Number(row.ingredientId),
    ingredient: row.ingredient,
    unit: row.unit,
    quantity: formatScaled(row.quantity, QUANTITY_SCALE),
    value: formatScaled(row.value, MONEY_SCALE),
  }));
}

export interface LedgerFilter {
  type?: LedgerEntryType | undefined;
  from?: string | undefined;
  to?: string | undefined;
  businessLocationId?: string | undefined;
  storageUnitId?: number | undefined;
  ingredientId?: number | undefined;
  id?: number | undefined;
  /** Newest first when limited, so a screen shows the latest movements. */
  limit?: number | undefined;
}

function ledgerWhere(scope: CompanyScope, filter: LedgerFilter): OptionalFilter {
  return new OptionalFilter('e.company_id = @companyId', scope.companyId)
    .add('e.type = @type', 'type', filter.type)
    .add('e.date >= @from', 'from', filter.from)
    .add('e.date <= @to', 'to', filter.to)
    .add('e.business_location_id = @businessLocationId', 'businessLocationId', filter.businessLocationId)
    .add('e.storage_unit_id = @storageUnitId', 'storageUnitId', filter.storageUnitId)
    .add('e.ingredient_id = @ingredientId', 'ingredientId', filter.ingredientId)
    .add('e.id = @id', 'id', filter.id);
}

/**
 * What a hand-kept entry came from, so the Ledger names it in words ("Count of 28 Nov", "Move to Bar",
 * "Waste: spoiled") instead of its reference; a reversal (`<reference>:undo`) names what it undid.
 * The record is found by the id in the reference ("12" of "12:undo": rtrim takes off the characters of
 * ':undo', never a digit), a primary-key lookup per entry, not a scan of the record's table.
 */
const ORIGIN_SQL = `CASE
  WHEN e.reference LIKE 'count:%' THEN (SELECT json_object('kind', 'count', 'at', c.counted_at) FROM stock_counts c WHERE c.id = CAST(rtrim(substr(e.reference, 7), ':undo') AS BIGINT))
  WHEN e.reference LIKE 'waste:%' THEN (SELECT json_object('kind', 'waste', 'reason', w.reason) FROM waste_records w WHERE w.id = CAST(rtrim(substr(e.reference, 7), ':undo') AS BIGINT))
  WHEN e.reference LIKE 'void:%' THEN json_object('kind', 'waste', 'reason', 'void: ' || substr(e.reference, length('void:' || e.business_location_id || ':' || e.date || ':') + 1))
  WHEN e.reference LIKE 'move:%' THEN (SELECT json_object('kind', 'move', 'direction', CASE WHEN e.storage_unit_id = m.from_storage_unit_id THEN 'to' ELSE 'from' END,
      'storageUnit', (SELECT name FROM storage_units WHERE id = CASE WHEN e.storage_unit_id = m.from_storage_unit_id THEN m.to_storage_unit_id ELSE m.from_storage_unit_id END))
    FROM stock_moves m WHERE m.id = CAST(rtrim(substr(e.reference, 6), ':undo') AS BIGINT))
END`;

export async function listLedgerEntries(scope: CompanyScope, filter: LedgerFilter = {}): Promise<LedgerEntryView[]> {
  const where = ledgerWhere(scope, filter);
  const params = filter.limit === undefined ? where.params : { ...where.params, limit: filter.limit };
  const order = filter.limit === undefined ? 'e.date, e.id' : 'e.date DESC, e.id DESC';
  const rows = await scope.db.statement(
      `SELECT e.id, e.type, e.date, e.ingredient_id AS ingredientId, i.name AS ingredient, i.unit,
              e.storage_unit_id AS storageUnitId, s.name AS storageUnit, e.quantity, e.unit_cost AS unitCost, e.value,
              e.reference, e.business_location_id AS businessLocationId, e.sales_lines AS salesLines, e.transfer_log_id AS transferLogId,
              ${ORIGIN_SQL} AS origin
       FROM ledger_entries e
       JOIN ingredients i ON i.id = e.ingredient_id
       JOIN storage_units s ON s.id = e.storage_unit_id
       WHERE ${where.sql}
       ORDER BY ${order} ${filter.limit === undefined ? '' : 'LIMIT @limit'}`,
    )
    .all(params) as (Omit<LedgerEntryView, 'quantity' | 'unitCost' | 'value' | 'origin'> & {
    quantity: number;
    unitCost: number;
    value: number;
    origin: string | null;
  })[];
  return rows.map((row) => ({
    ...row,
    origin: row.origin === null ? null : ({ ...(JSON.parse(row.origin) as object), undo: row.reference?.endsWith(':undo') ?? false } as LedgerEntryView['origin']),
    quantity: formatScaled(row.quantity, QUANTITY_SCALE),
    unitCost: formatScaled(row.unitCost, UNIT_COST_SCALE),
    value: formatScaled(row.value, MONEY_SCALE),
  }));
}

export async function ledgerTotals(scope: CompanyScope, filter: Omit<LedgerFilter, 'limit' | 'id'>): Promise<LedgerTotals> {
  // The same filter, on the day totals (their columns carry the ledger's names): thousands of rows, not millions.
  const where = ledgerWhere(scope, filter);
  // Summed per storage unit and ingredient first, in the stock index's own order, then per unit of
  // measure: a join per day total and a sort of them all took twice as long (a group's year: 370 → 165 ms).
  const byUnit = await scope.db.statement(
      `SELECT i.unit AS unit, sum(t.entries) AS entries, sum(t.value) AS value, sum(t.quantity) AS quantity
       FROM (SELECT e.ingredient_id, sum(e.entries) AS entries, sum(e.value) AS value, sum(e.quantity) AS quantity
             FROM ledger_day_totals e WHERE ${where.sql} GROUP BY e.storage_unit_id, e.ingredient_id) t
       JOIN ingredients i ON i.id = t.ingredient_id
       GROUP BY i.unit`,
    )
    .safeIntegers()
    .all(where.params) as { unit: string; entries: bigint; value: bigint; quantity: bigint }[];
  const [only] = byUnit;
  return {
    entries: Number(byUnit.reduce((sum, row) => sum + row.entries, 0n)),
    value: formatScaled(byUnit.reduce((sum, row) => sum + row.value, 0n), MONEY_SCALE),
    quantity: byUnit.length === 1 && only ? { amount: formatScaled(only.quantity, QUANTITY_SCALE), unit: only.unit } : null,
  };
}


/** Day totals on their own: a day's movements of one ingredient in one storage unit. */
const DAY_SUMS = `sum(CASE WHEN e.type = 'RECEIPT' THEN e.quantity ELSE 0 END) AS received,
  -sum(CASE WHEN e.type = 'ISSUE' THEN e.quantity ELSE 0 END) AS issued,
  -sum(CASE WHEN e.type = 'WASTE' THEN e.quantity ELSE 0 END) AS wasted,
  sum(CASE WHEN e.type = 'COUNT' THEN e.quantity ELSE 0 END) AS counted,
  sum(CASE WHEN e.type = 'ADJUSTMENT' THEN e.quantity ELSE 0 END) AS moved,
  sum(e.quantity) AS net, sum(e.value) AS value, sum(e.entries) AS entries`;

type DaySums = { received: number; issued: number; wasted: number; counted: number; moved: number; net: number; value: number; entries: number };
const daySums = (row: DaySums) => ({
  received: formatScaled(row.received, QUANTITY_SCALE),
  issued: formatScaled(row.issued, QUANTITY_SCALE),
  wasted: formatScaled(row.wasted, QUANTITY_SCALE),
  counted: formatScaled(row.counted, QUANTITY_SCALE),
  moved: formatScaled(row.moved, QUANTITY_SCALE),
  net: formatScaled(row.net, QUANTITY_SCALE),
  value: formatScaled(row.value, MONEY_SCALE),
  entries: row.entries,
});

/**
 * The ledger as a manager reads it first: per day, ingredient and storage unit, what came in, what
 * the sales and the waste took, what counts corrected, what moves brought in or took out, newest day first; read from the day totals,
 * so a year of a busy venue is a few thousand rows, not millions.
 */
export async function ledgerDays(scope: CompanyScope, filter: Omit<LedgerFilter, 'id'> & { limit: number }): Promise<LedgerDay[]> {
  const where = ledgerWhere(scope, filter);
  const grouped = async (since: string | null) =>
    (await scope.db
      .statement(
        `SELECT e.date, i.id AS ingredientId, i.name AS ingredient, i.unit, s.id AS storageUnitId, s.name AS storageUnit, ${DAY_SUMS}
         FROM ledger_day_totals e
         JOIN ingredients i ON i.id = e.ingredient_id
         JOIN storage_units s ON s.id = e.storage_unit_id
         WHERE ${where.sql} AND e.entries <> 0 ${since === null ? '' : 'AND e.date >= @since'}
         -- By the joined tables' keys: their names and units then depend on the group (PostgreSQL asks that).
         GROUP BY e.date, i.id, s.id
         ORDER BY e.date DESC, i.name, s.name
         LIMIT @limit`,
      )
      .all({ ...where.params, limit: filter.limit, ...(since === null ? {} : { since }) })) as (Omit<LedgerDay, keyof ReturnType<typeof daySums>> & DaySums)[];
  // Only the newest days are shown: grouping a group's whole year to keep its first thousand rows took
  // a second. The date of the limit-th newest day total bounds them; all of its days are whole, so
  // when they make the page it is the page (only totals of several locations or types merging into
  // one row can leave it short: then the whole ledger is grouped, as before).
  const since = (await scope.db
    .statement(`SELECT e.date FROM ledger_day_totals e WHERE ${where.sql} AND e.entries <> 0 ORDER BY e.date DESC LIMIT 1 OFFSET @skip`)
    .pluck()
    .get({ ...where.params, skip: filter.limit - 1 })) as string | undefined;
  let rows = await grouped(since ?? null);
  if (since !== undefined && rows.length < filter.limit) rows = await grouped(null);
  return rows.map((row) => ({
    date: row.date,
    ingredientId: row.ingredientId,
    ingredient: row.ingredient,
    unit: row.unit,
    storageUnitId: row.storageUnitId,
    storageUnit: row.storageUnit,
    ...daySums(row),
  }));
}

/** The last day the filter's entries moved stock, or null when they never did. */
export async function lastMovementDate(scope: CompanyScope, filter: Omit<LedgerFilter, 'id' | 'limit' | 'type'>): Promise<string | null> {
  const where = ledgerWhere(scope, filter);
  return (await scope.db.statement(`SELECT max(e.date) AS date FROM ledger_day_totals e WHERE ${where.sql} AND e.entries <> 0`).get(where.params) as { date: string | null }).date;
}

/** What the filter's entries issued and wasted (positive, quantity scale) on each day they moved, by date. */
export async function issuedAndWastedByDate(scope: CompanyScope, filter: Omit<LedgerFilter, 'id' | 'limit' | 'type'>): Promise<Map<string, { issued: number; wasted: number }>> {
  const where = ledgerWhere(scope, filter);
  const rows = await scope.db.statement(`SELECT e.date, ${DAY_SUMS} FROM ledger_day_totals e WHERE ${where.sql} GROUP BY e.date`).all(where.params) as ({ date: string } & DaySums)[];
  return new Map(rows.map((row) => [row.date, { issued: row.issued, wasted: row.wasted }]));
}

/**
 * An entry with the sales lines it adds up: each line's POS id, receipt, item, sold quantity and its
 * own deduction of the entry's ingredient (signed, negative for an issue). Read from the trace by
 * the day's lines of the entry's location, so the trace's primary key does the work.
 */
export async function ledgerEntryLines(scope: CompanyScope, entryId: number): Promise<{ entry: LedgerEntryView; lines: EntryLine[] }> {
  const [entry] = await listLedgerEntries(scope, { id: entryId });
  if (!entry) throw new DomainError('ledger_entry_not_found', `No ledger entry with id ${entryId}.`);
  const rows = await scope.db.statement(
      `SELECT l.line_id AS posLineId, coalesce(s.receipt_id, s.account_reference) AS receipt, nullif(i.name, '') AS item, l.quantity AS quantity, t.quantity AS deduction
       FROM ledger_entries e
       JOIN locations loc ON loc.company_id = e.company_id AND loc.business_location_id = e.business_location_id
       JOIN sales s ON s.location_id = loc.id AND s.business_date = e.date
       JOIN sales_lines l ON l.sale_id = s.id
       JOIN ledger_issue_lines t ON t.sales_line_id = l.id AND t.ingredient_id = e.ingredient_id AND t.entry_id = e.id
       JOIN sold_items i ON i.id = l.sold_item_id
       WHERE e.id = ? AND e.company_id = ?
       ORDER BY s.time_closed, l.id`,
    )
    .all(entryId, scope.companyId) as { posLineId: string; receipt: string; item: string | null; quantity: number | null; deduction: number }[];
  return {
    entry,
    lines: rows.map((row) => ({
      posLineId: row.posLineId,
      receipt: row.receipt,
      item: row.item,
      quantity: row.quantity === null ? null : formatScaled(row.quantity, QUANTITY_SCALE),
      deduction: formatScaled(row.deduction, QUANTITY_SCALE),
    })),
  };
}
