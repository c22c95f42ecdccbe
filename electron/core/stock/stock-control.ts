// Stock counts (the variance between two of them is reports/variance.ts). A count posts its ledger entries through the
// ledger writer under its own reference (`count:<id>`), so finishing it again replaces and never adds.
// The only module that writes stock_counts and stock_count_lines (waste and moves: waste-and-moves.ts).
// What a count sees, and how it stays what was counted when the past changes, is in
// ledger/count-restatement.ts.
import { actorName } from '../acting';
import type { CompanyScope } from '../db/company';
import { Decimal, formatScaled, fromScaled, MONEY_SCALE, QUANTITY_SCALE, roundToScale, toScaled } from '../decimal/decimal';
import { isUniqueViolation } from '../db/open-database';
import { DomainError } from '../domain-error';
import { weightedAverageUnitCost } from '../ledger/ledger';
import { replaceReferencedEntries, type NewLedgerEntry } from '../ledger/ledger-writer';
import { ingredientId, moment, storageUnitId, typedQuantity } from './stock-inputs';
import { splitQuantity, sumToBase, unitBook } from '../inventory/units';
import { countEntryFor, positionAt } from '../ledger/count-restatement';
import type { CountSheet, CountView } from '../../../shared/model/stock';
import { inOrder } from '../in-order';

// ---- Counts -------------------------------------------------------------------------------------

interface CountRow {
  id: number;
  storageUnitId: number;
  countedAt: string;
  date: string;
  status: 'draft' | 'finished';
  version: number;
  savedAt: string | null;
}

export async function requireCount(scope: CompanyScope, id: number): Promise<CountRow> {
  const row = await scope.db
    .statement('SELECT id, storage_unit_id AS storageUnitId, counted_at AS countedAt, date, status, version, saved_at AS savedAt FROM stock_counts WHERE company_id = ? AND id = ?')
    .get(scope.companyId, id) as CountRow | undefined;
  if (!row) throw new DomainError('count_not_found', `There is no count with id ${id}.`);
  return row;
}

/** A new count (a draft) of a storage unit at a moment; a second one at the same moment is count_exists. */
export async function startCount(scope: CompanyScope, storageUnit: string, at: string): Promise<CountView> {
  const unitId = await storageUnitId(scope, storageUnit);
  const when = moment(at);
  try {
    const { id } = await scope.db
      .statement(`INSERT INTO stock_counts (company_id, storage_unit_id, counted_at, date, status) VALUES (?, ?, ?, ?, 'draft') RETURNING id`)
      .get(scope.companyId, unitId, when.at, when.date) as { id: number };
    return { id, storage_unit: storageUnit.trim(), counted_at: when.at, date: when.date, status: 'draft', lines: 0, ingredients: [], version: 0, saved_at: null, finished_by: null };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('count_exists', `${storageUnit} already has a count at ${when.at}; open that one instead.`);
    }
    throw error;
  }
}

/** A quantity counted, as stored (quantity scale), read as people type it; a count cannot be negative. */
/**
 * What was counted, in the base unit: a bare number ("0,5") as it is, or quantities in any unit the
 * ingredient converts, added up ("2 case + 5 bottle + 0,4 bottle"), kept as typed beside the sum.
 */
async function countedQuantity(scope: CompanyScope, ingredient: string, quantity: string): Promise<{ counted: number; typed: string | null }> {
  const field = `Counted ${ingredient}`;
  const bare = !quantity.includes('+') && splitQuantity(quantity).unit === null;
  const counted = bare ? typedQuantity(quantity, field) : roundToScale(sumToBase(await unitBook(scope, await ingredientId(scope, ingredient)), quantity, field), QUANTITY_SCALE);
  if (counted.isNegative()) throw new DomainError('invalid_quantity', `${field}: a counted quantity cannot be negative.`);
  return { counted: toScaled(counted, QUANTITY_SCALE, 'invalid_quantity', field), typed: bare ? null : quantity.trim().replace(/\s+/g, ' ') };
}

/** One line of a draft written (null: taken off the count); the caller moves the draft's version on once per save. */
async function writeLine(scope: CompanyScope, countId: number, ingredient: string, line: { counted: number; typed: string | null } | null): Promise<void> {
  const id = await ingredientId(scope, ingredient);
  if (line === null) await scope.db.statement('DELETE FROM stock_count_lines WHERE count_id = ? AND ingredient_id = ?').run(countId, id);
  else
    await scope.db
      .statement(
        `INSERT INTO stock_count_lines (count_id, ingredient_id, counted, typed) VALUES (?, ?, ?, ?)
         ON CONFLICT (count_id, ingredient_id) DO UPDATE SET counted = excluded.counted, typed = excluded.typed`,
      )
      .run(countId, id, line.counted, line.typed);
}

async function requireDraft(scope: CompanyScope, countId: number, version?: number): Promise<CountRow> {
  const count = await requireCount(scope, countId);
  if (count.status !== 'draft') throw new DomainError('count_finished', `Count ${countId} is finished; reopen it to change it.`);
  if (version !== undefined && version !== count.version) {
    throw new DomainError('count_changed', `This count was saved elsewhere${count.savedAt ? ` at ${count.savedAt}` : ''} after this sheet was opened; it has been reloaded with what it holds now.`);
  }
  return count;
}

const bumpVersion = (scope: CompanyScope, countId: number, at: string | null) =>
  scope.db.statement('UPDATE stock_counts SET version = version + 1, saved_at = coalesce(?, saved_at) WHERE id = ?').run(at, countId);

/** Records what was counted of one ingredient (a draft only); "0,5" and "0.5" both read. */
export async function setCountLine(scope: CompanyScope, countId: number, ingredient: string, quantity: string, at: string | null = null): Promise<{ ingredient: string; counted: string }> {
  return await scope.db.write(async () => {
    await requireDraft(scope, countId);
    const line = await countedQuantity(scope, ingredient, quantity);
    await writeLine(scope, countId, ingredient, line);
    await bumpVersion(scope, countId, at);
    return { ingredient: ingredient.trim(), counted: formatScaled(line.counted, QUANTITY_SCALE) };
  });
}

/**
 * Saves a draft's sheet as the person sees it, in one transaction: each line's count, or null to take
 * it off the count. `version` is the draft's version the sheet was opened at: if anyone saved since, the
 * save is refused as count_changed, naming the lines whose figures differ from what this sheet had, so
 * no one overwrites a figure they never saw.
 */
export async function saveCountDraft(
  scope: CompanyScope,
  countId: number,
  input: { version: number; lines: { ingredient: string; counted: string | null; was: string | null }[] },
  at: string,
): Promise<CountView> {
  return await scope.db.write(async () => {
    const count = await requireDraft(scope, countId);
    if (count.version !== input.version) throw await changedSince(scope, count, input.lines);
    const typed = await inOrder(input.lines, async (line) => ({ ingredient: line.ingredient, counted: line.counted === null ? null : await countedQuantity(scope, line.ingredient, line.counted) }));
    for (const line of typed) await writeLine(scope, countId, line.ingredient, line.counted);
    await bumpVersion(scope, countId, at);
    return await countView(scope, countId);
  });
}

async function changedSince(scope: CompanyScope, count: CountRow, lines: { ingredient: string; was: string | null }[]): Promise<DomainError> {
  const stored = new Map(
    (
      await scope.db.statement('SELECT i.name, l.counted, l.typed FROM stock_count_lines l JOIN ingredients i ON i.id = l.ingredient_id WHERE l.count_id = ?').all(count.id) as {
        name: string;
        counted: number;
        typed: string | null;
      }[]
    ).map((row) => [row.name, row.typed ?? formatScaled(row.counted, QUANTITY_SCALE)]),
  );
  const differences = lines
    .filter((line) => (stored.get(line.ingredient.trim()) ?? null) !== line.was)
    .map((line) => `${line.ingredient}: now ${stored.get(line.ingredient.trim()) ?? 'not counted'} (this sheet had ${line.was ?? 'not counted'})`);
  const when = count.savedAt ? ` at ${count.savedAt}` : '';
  return new DomainError(
    'count_changed',
    `This count was saved elsewhere${when} after this sheet was opened${differences.length > 0 ? `: ${differences.join('; ')}` : ''}. Nothing of this save was kept; check the figures and save again.`,
  );
}

/**
 * Posts the count: one COUNT entry per counted ingredient for the difference to the expected
 * quantity, at the weighted average cost of its date, so stock on hand equals what was counted. A
 * count finished again (after a reopen) replaces its entries in the same transaction.
 */
export async function finishCount(scope: CompanyScope, countId: number, at: string, version?: number): Promise<{ id: number; status: 'finished'; entries: number; counted: number }> {
  return await scope.db.write(async () => {
    const count = await requireDraft(scope, countId, version);
    const lines = await scope.db.statement('SELECT ingredient_id AS ingredientId, counted FROM stock_count_lines WHERE count_id = ?').all(countId) as { ingredientId: number; counted: number }[];
    const entries = (await inOrder(lines, async (line): Promise<NewLedgerEntry[]> => {
      const entry = await countEntryFor(scope, { ...count, ...line });
      return entry ? [{ type: 'COUNT', date: count.date, ingredientId: line.ingredientId, storageUnitId: count.storageUnitId, ...entry }] : [];
    })).flat();
    const ids = await replaceReferencedEntries(scope, `count:${countId}`, entries);
    await scope.db.statement(`UPDATE stock_counts SET status = 'finished', finished_at = ?, finished_by = ?, version = version + 1 WHERE id = ?`).run(at, actorName(), countId);
    return { id: countId, status: 'finished' as const, entries: ids.length, counted: lines.length };
  });
}

/** A finished count back to draft: its entries stay until it is finished again, which replaces them. */
export async function reopenCount(scope: CompanyScope, countId: number): Promise<{ id: number; status: 'draft' }> {
  const count = await requireCount(scope, countId);
  if (count.status !== 'finished') throw new DomainError('invalid_input', `Count ${countId} is a draft already.`);
  await scope.db.statement(`UPDATE stock_counts SET status = 'draft', finished_at = NULL, finished_by = NULL, version = version + 1 WHERE id = ?`).run(countId);
  return { id: countId, status: 'draft' };
}

const COUNT_SELECT = `SELECT c.id, u.name AS storage_unit, c.counted_at, c.date, c.status, c.version, c.saved_at, c.finished_by,
    (SELECT count(*) FROM stock_count_lines l WHERE l.count_id = c.id) AS lines,
    (SELECT json_group_array(name) FROM (SELECT i.name FROM stock_count_lines l JOIN ingredients i ON i.id = l.ingredient_id WHERE l.count_id = c.id ORDER BY i.name) AS counted) AS ingredients
  FROM stock_counts c JOIN storage_units u ON u.id = c.storage_unit_id`;

const asView = (row: Omit<CountView, 'ingredients'> & { ingredients: string }): CountView => ({ ...row, ingredients: JSON.parse(row.ingredients) as string[] });

async function countView(scope: CompanyScope, countId: number): Promise<CountView> {
  return asView(await scope.db.statement(`${COUNT_SELECT} WHERE c.id = ?`).get(countId) as Omit<CountView, 'ingredients'> & { ingredients: string });
}

/** Every (storage unit, ingredient) some finished count has counted, as "unit:ingredient" keys. */
export async function countedEver(scope: CompanyScope): Promise<Set<string>> {
  const rows = await scope.db
    .statement(
      `SELECT DISTINCT c.storage_unit_id AS unit, l.ingredient_id AS ingredient FROM stock_counts c JOIN stock_count_lines l ON l.count_id = c.id
       WHERE c.company_id = ? AND c.status = 'finished'`,
    )
    .all(scope.companyId) as { unit: number; ingredient: number }[];
  return new Set(rows.map((row) => `${row.unit}:${row.ingredient}`));
}

/** Newest first. */
export async function listCounts(scope: CompanyScope): Promise<CountView[]> {
  return (await scope.db.statement(`${COUNT_SELECT} WHERE c.company_id = ? ORDER BY c.counted_at DESC, c.id DESC`).all(scope.companyId) as (Omit<CountView, 'ingredients'> & { ingredients: string })[]).map(asView);
}

/**
 * The count sheet: every ingredient, with what the ledger expects of each at the count's moment (its
 * own entries left out) and what was counted; `held` marks the unit's own (held, or counted), which
 * the sheet lists; the others can be added to it.
 */
export async function countSheet(scope: CompanyScope, countId: number): Promise<CountSheet> {
  const count = await requireCount(scope, countId);
  const view = await countView(scope, countId);
  const rows = await scope.db
    .statement(
      `SELECT i.id, i.name AS ingredient, i.unit, l.counted, l.typed,
              (l.count_id IS NOT NULL OR EXISTS (SELECT 1 FROM ledger_day_totals t WHERE t.storage_unit_id = @unit AND t.ingredient_id = i.id)) AS held
       FROM ingredients i LEFT JOIN stock_count_lines l ON l.ingredient_id = i.id AND l.count_id = @count
       WHERE i.company_id = @company ORDER BY i.name`,
    )
    .all({ count: countId, company: scope.companyId, unit: count.storageUnitId }) as { id: number; ingredient: string; unit: string; counted: number | null; typed: string | null; held: number }[];
  return {
    count: view,
    rows: await inOrder(rows, async (row) => {
      const expected = await positionAt(scope, count.storageUnitId, row.id, count);
      return {
        ingredient: row.ingredient,
        unit: row.unit,
        expected: formatScaled(expected, QUANTITY_SCALE),
        counted: row.counted === null ? null : formatScaled(row.counted, QUANTITY_SCALE),
        typed: row.typed,
        held: row.held === 1,
        ...await lineDifference(scope, row.id, count.date, expected, row.counted),
      };
    }),
  };
}

/**
 * What a counted line changes: counted − expected (what finishing posts, or posted), its value at the
 * weighted average cost of the count's date, and its share of what was expected.
 */
async function lineDifference(scope: CompanyScope, ingredient: number, date: string, expected: number, counted: number | null) {
  if (counted === null) return { difference: null, difference_value: null, difference_pct: null };
  const difference = fromScaled(counted - expected, QUANTITY_SCALE);
  return {
    difference: difference.toFixed(),
    difference_value: roundToScale(difference.times(await weightedAverageUnitCost(scope, ingredient, date)), MONEY_SCALE).toFixed(),
    difference_pct: expected === 0 ? null : roundToScale(new Decimal(counted - expected).dividedBy(expected).times(100), 1).toFixed(),
  };
}

/** An ingredient taken off a draft count again: not counted. */
export async function clearCountLine(scope: CompanyScope, countId: number, ingredient: string, at: string | null = null): Promise<void> {
  await scope.db.write(async () => {
    await requireDraft(scope, countId);
    await writeLine(scope, countId, ingredient, null);
    await bumpVersion(scope, countId, at);
  });
}
