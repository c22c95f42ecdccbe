// A count is a fact about the shelf: once finished, stock at its moment is what was counted, whatever
// is posted later before it (a reprocessed day, a back-dated receipt or waste, a late CSV upload). So
// every change to the ledger names the movements it made, and the ledger writer restates the COUNT
// entries of the finished counts that come after them, in the same transaction, oldest count first
// (a restated count moves the position of the counts after it). This module works out what those
// entries must be; the writer, which owns ledger_entries, writes them.
//
// When a count is: a count at an instant belongs to its date D. It sees every movement of the days
// before D, and the receipts, waste and moves of D and the counts of D taken before it, but not D's
// sales: a business day's sales are posted as one entry per day after the day closed, so a count on
// D comes before them.
import type { CompanyScope } from '../db/company';
import { type Decimal, fromScaled, MONEY_SCALE, QUANTITY_SCALE, roundToScale } from '../decimal/decimal';
import type { LedgerEntryType } from '../../../shared/model/ledger';
import { weightedAverageUnitCost } from './ledger';

/** A count's place in time, comparable as text: its date, then its instant. */
const momentKey = (date: string, countedAt: string) => `${date}|${countedAt}`;

/**
 * A change to the ledger: an ingredient in a storage unit (any unit when null: a receipt moves the
 * weighted average cost, and so the value of every count after it), and the moment after which a
 * count sees it, as a moment key (counts whose key is greater see it).
 */
export interface Movement {
  storageUnitId: number | null;
  ingredientId: number;
  after: string;
}

/** What an entry of `type` on `date` moves; a count's own entries move the counts after it. */
export async function movementOf(scope: CompanyScope, entry: { type: LedgerEntryType; date: string; storageUnitId: number; ingredientId: number; reference?: string | null }): Promise<Movement> {
  const count = entry.type === 'COUNT' && entry.reference ? await countByReference(scope, entry.reference) : undefined;
  // '~' sorts after every instant of the day: a day's sales come after all of its counts.
  const after = count ? momentKey(count.date, count.countedAt) : entry.type === 'ISSUE' ? momentKey(entry.date, '~') : momentKey(entry.date, '');
  return { storageUnitId: entry.type === 'RECEIPT' ? null : entry.storageUnitId, ingredientId: entry.ingredientId, after };
}

interface CountMoment {
  id: number;
  storageUnitId: number;
  date: string;
  countedAt: string;
}

async function countByReference(scope: CompanyScope, reference: string): Promise<CountMoment | undefined> {
  const id = /^count:(\d+)$/.exec(reference)?.[1];
  if (id === undefined) return undefined;
  return await scope.db
    .statement('SELECT id, storage_unit_id AS storageUnitId, date, counted_at AS countedAt FROM stock_counts WHERE company_id = ? AND id = ?')
    .get(scope.companyId, Number(id)) as CountMoment | undefined;
}

/**
 * What the ledger says a storage unit holds of an ingredient at a count's moment, the count's own
 * entries and those of later counts of its day left out. Quantity scale.
 */
export async function positionAt(scope: CompanyScope, unitId: number, ingredientId: number, count: { id: number | null; date: string; countedAt: string }): Promise<number> {
  const row = await scope.db
    .statement(
      `SELECT coalesce(sum(quantity), 0) AS quantity FROM ledger_entries
       WHERE storage_unit_id = @unit AND ingredient_id = @ingredient AND company_id = @company
         AND (date < @date OR (date = @date AND type NOT IN ('ISSUE', 'COUNT'))
              OR (date = @date AND type = 'COUNT' AND reference IN (
                   SELECT 'count:' || c.id FROM stock_counts c
                   WHERE c.storage_unit_id = @unit AND c.date = @date AND c.counted_at < @countedAt AND c.id <> coalesce(@count, -1))))`,
    )
    .get({ unit: unitId, ingredient: ingredientId, company: scope.companyId, date: count.date, countedAt: count.countedAt, count: count.id }) as { quantity: number };
  return row.quantity;
}

/** One counted line of a finished count that a movement may have moved. */
export interface CountedLine extends CountMoment {
  ingredientId: number;
  /** Quantity scale. */
  counted: number;
}

/** The finished counts' lines after the movements, oldest count first, each once. */
export async function countedLinesAfter(scope: CompanyScope, movements: readonly Movement[]): Promise<CountedLine[]> {
  const earliest = new Map<string, Movement>();
  for (const movement of movements) {
    const key = `${movement.storageUnitId ?? '*'}:${movement.ingredientId}`;
    const known = earliest.get(key);
    if (!known || movement.after < known.after) earliest.set(key, movement);
  }
  if (earliest.size === 0) return [];
  // The common case, a day posted after every count (the nightly run, a migration before any count):
  // one look, not one per ingredient.
  const first = [...earliest.values()].reduce((min, movement) => (movement.after < min ? movement.after : min), '~');
  const anyAfter = await scope.db
    .statement(`SELECT 1 FROM stock_counts WHERE company_id = ? AND status = 'finished' AND (date || '|' || counted_at) > ? LIMIT 1`)
    .get(scope.companyId, first);
  if (!anyAfter) return [];
  const find = scope.db.statement(
    `SELECT c.id, c.storage_unit_id AS storageUnitId, c.date, c.counted_at AS countedAt, l.ingredient_id AS ingredientId, l.counted
     FROM stock_counts c JOIN stock_count_lines l ON l.count_id = c.id
     WHERE c.company_id = @company AND c.status = 'finished' AND l.ingredient_id = @ingredient
       AND (CAST(@unit AS INTEGER) IS NULL OR c.storage_unit_id = @unit) AND (c.date || '|' || c.counted_at) > @after`,
  );
  const lines = new Map<string, CountedLine>();
  for (const movement of earliest.values()) {
    const rows = await find.all({ company: scope.companyId, ingredient: movement.ingredientId, unit: movement.storageUnitId, after: movement.after }) as CountedLine[];
    for (const row of rows) lines.set(`${row.id}:${row.ingredientId}`, row);
  }
  return [...lines.values()].sort((a, b) => momentKey(a.date, a.countedAt).localeCompare(momentKey(b.date, b.countedAt)) || a.id - b.id);
}

/** The COUNT entry a counted line needs now, or null when the ledger already expects what was counted. */
export async function countEntryFor(scope: CompanyScope, line: CountedLine): Promise<{ quantity: Decimal; unitCost: Decimal; value: Decimal } | null> {
  const difference = line.counted - await positionAt(scope, line.storageUnitId, line.ingredientId, line);
  if (difference === 0) return null;
  const quantity = fromScaled(difference, QUANTITY_SCALE);
  const unitCost = await weightedAverageUnitCost(scope, line.ingredientId, line.date);
  return { quantity, unitCost, value: roundToScale(quantity.times(unitCost), MONEY_SCALE) };
}
