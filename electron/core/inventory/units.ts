// Units as kitchens use them. An ingredient keeps one base unit — the ledger's, exact — and any
// quantity may be typed in another: a unit of the base's family (mass `mg g kg oz lb`, volume
// `ml cl dl l fl oz gal` (US), `piece`), or a pack unit of the ingredient's own (`case` = 24 bottle,
// `bottle` = 0.7 l). A pack unit named like a unit of another family bridges the two: a piece-based
// ingredient with `kg` = 8 piece is weighed in grams too. Conversions are exact decimals (the
// imperial units are defined exactly in grams and millilitres); they are rounded at the ledger's
// quantity scale only when an entry is posted. The only module that writes ingredient_units.
import type { CompanyScope } from '../db/company';
import { Decimal, parseDecimal } from '../decimal/decimal';
import { DomainError, quoted } from '../domain-error';
import { requireIngredient } from './ingredients';
import { noteUnitWrite } from './unit-version';
import { splitQuantity } from '../../../shared/decimal-text';
import type { IngredientUnit } from '../../../shared/model/inventory';

/** Each family's units by their size in the family's smallest common measure (g, ml, piece). */
const FAMILIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  mass: { mg: '0.001', g: '1', kg: '1000', oz: '28.349523125', lb: '453.59237' },
  volume: { ml: '1', cl: '10', dl: '100', l: '1000', 'fl oz': '29.5735295625', gal: '3785.411784' },
  count: { piece: '1' },
};

/** Other spellings people type for the same unit. */
const ALIASES: Readonly<Record<string, string>> = {
  pc: 'piece',
  pcs: 'piece',
  pieces: 'piece',
  stk: 'piece',
  floz: 'fl oz',
  'fl. oz': 'fl oz',
  'fl oz.': 'fl oz',
  lbs: 'lb',
  ltr: 'l',
  litre: 'l',
  liter: 'l',
};

/** A unit as typed, compared: case and spaces aside, an alias as its unit (`L` is `l`, `pcs` is `piece`). */
export function unitKey(unit: string): string {
  const key = unit.trim().replace(/\s+/g, ' ').toLowerCase();
  return ALIASES[key] ?? key;
}

function familyOf(unit: string): { family: string; size: Decimal } | null {
  for (const [family, units] of Object.entries(FAMILIES)) {
    const size = units[unit];
    if (size !== undefined) return { family, size: new Decimal(size) };
  }
  return null;
}

/** A pack unit: how many of the ingredient's base unit one of it is. */
export interface PackUnit {
  name: string;
  factor: Decimal;
}

/** What converts for one ingredient: its base unit and its pack units. */
export interface UnitBook {
  ingredient: string;
  base: string;
  packs: readonly PackUnit[];
}

/** How many base units one `unit` is for this ingredient, exactly; null when it does not convert. */
export function perBase(book: UnitBook, unit: string): Decimal | null {
  const typed = unitKey(unit);
  const base = unitKey(book.base);
  if (typed === base) return new Decimal(1);
  const pack = book.packs.find((each) => unitKey(each.name) === typed);
  if (pack) return pack.factor;
  const from = familyOf(typed);
  if (!from) return null;
  const to = familyOf(base);
  if (to && to.family === from.family) return from.size.dividedBy(to.size);
  // Another family, through a pack unit of that family (a piece-based ingredient's `kg`).
  for (const bridge of book.packs) {
    const via = familyOf(unitKey(bridge.name));
    if (via && via.family === from.family) return from.size.dividedBy(via.size).times(bridge.factor);
  }
  return null;
}

/** `perBase`, or unit_not_convertible naming both units. */
export function requirePerBase(book: UnitBook, unit: string): Decimal {
  const factor = perBase(book, unit);
  if (factor === null) {
    const packs = book.packs.length > 0 ? ` or its units ${book.packs.map((pack) => pack.name).join(', ')}` : '';
    throw new DomainError(
      'unit_not_convertible',
      `${quoted(unit.trim())} does not convert to ${quoted(book.base)}, the unit of ${book.ingredient}: use ${book.base}${packs}, or add a unit to ${book.ingredient} (ingredient unit add).`,
      [unit.trim(), book.base],
    );
  }
  return factor;
}

export { splitQuantity };

/** A quantity typed in any unit the ingredient converts, in its base unit (exact), with what was typed. */
export interface Converted {
  base: Decimal;
  /** The typed number, as a plain decimal. */
  quantity: Decimal;
  /** The typed unit as the book spells it (a pack unit's own name, a family unit's key); the base when none was typed. */
  unit: string;
}

/** A typed unit as the book spells it: a pack unit's own name, else its key (`L` is `l`). */
const spelled = (book: UnitBook, unit: string) => book.packs.find((pack) => unitKey(pack.name) === unitKey(unit))?.name ?? unitKey(unit);

/**
 * The unit a recipe line or a mapping keeps beside its quantity, checked to convert: null for the
 * base unit (the quantity is then the base's), else the unit as the book spells it.
 */
export function keptUnit(book: UnitBook, typed: string): string | null {
  requirePerBase(book, typed);
  return unitKey(typed) === unitKey(book.base) ? null : spelled(book, typed);
}

export function toBase(book: UnitBook, text: string, field: string): Converted {
  const typed = splitQuantity(text);
  const quantity = parseDecimal(typed.number, 'invalid_quantity', field);
  const unit = typed.unit === null ? book.base : spelled(book, typed.unit);
  return { base: quantity.times(requirePerBase(book, unit)), quantity, unit };
}

/**
 * A typed quantity as an entry takes it: its exact base quantity, and what was typed when it was not a
 * bare base quantity ("3 case"), for the entry to remember.
 */
export function typedIn(book: UnitBook, text: string, field: string): { quantity: Decimal; typedQuantity: string | null } {
  const converted = toBase(book, text, field);
  const typedQuantity = unitKey(converted.unit) === unitKey(book.base) ? null : `${converted.quantity.toFixed()} ${converted.unit}`;
  return { quantity: converted.base, typedQuantity };
}

/** Several quantities added up, as a count sheet takes them: "2 case + 5 bottle + 0,4 bottle". */
export function sumToBase(book: UnitBook, text: string, field: string): Decimal {
  const parts = text.split('+').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw new DomainError('invalid_quantity', `${field}: ${quoted(text)} has an empty part; write it as 2 case + 5 bottle.`);
  return parts.reduce((sum, part) => sum.plus(toBase(book, part, field).base), new Decimal(0));
}

const MAX_UNIT_NAME = 20;

/** Every ingredient's pack units, by ingredient and name. */
export async function listIngredientUnits(scope: CompanyScope): Promise<IngredientUnit[]> {
  return (
    await scope.db
      .statement(
        'SELECT u.ingredient_id AS ingredientId, u.name, u.factor, u.count_unit AS countUnit FROM ingredient_units u JOIN ingredients i ON i.id = u.ingredient_id WHERE i.company_id = ? ORDER BY i.name, u.name',
      )
      .all(scope.companyId) as (Omit<IngredientUnit, 'countUnit'> & { countUnit: number })[]
  ).map((unit) => ({ ...unit, factor: new Decimal(unit.factor).toFixed(), countUnit: unit.countUnit === 1 }));
}

/**
 * The pack unit stock and count sheets show an ingredient in, from it down ("bottle": 17 bottle
 * 0.28 l), or none (null: its largest packs first). One per ingredient, held by a unique index.
 */
export async function setCountUnit(scope: CompanyScope, ingredientId: number, name: string | null): Promise<void> {
  await scope.db.write(async () => {
    await requireIngredient(scope, ingredientId);
    await scope.db.statement('UPDATE ingredient_units SET count_unit = FALSE WHERE ingredient_id = ?').run(ingredientId);
    if (name === null) return;
    const { changes } = await scope.db.statement('UPDATE ingredient_units SET count_unit = TRUE WHERE ingredient_id = ? AND name = ?').run(ingredientId, name.trim().replace(/\s+/g, ' ').toLowerCase());
    if (changes === 0) throw new DomainError('invalid_input', `The ingredient has no unit named ${quoted(name)}.`);
  });
}

/** Every ingredient's unit book, for readers that convert many lines (a recipe book, the mappings). */
export async function unitBooks(scope: CompanyScope): Promise<Map<number, UnitBook>> {
  const rows = await scope.db
    .statement(
      `SELECT i.id, i.name, i.unit, u.name AS pack, u.factor FROM ingredients i LEFT JOIN ingredient_units u ON u.ingredient_id = i.id
       WHERE i.company_id = ? ORDER BY i.id, u.id`,
    )
    .all(scope.companyId) as { id: number; name: string; unit: string; pack: string | null; factor: string | null }[];
  const books = new Map<number, UnitBook & { packs: PackUnit[] }>();
  for (const row of rows) {
    let book = books.get(row.id);
    if (!book) books.set(row.id, (book = { ingredient: row.name, base: row.unit, packs: [] }));
    if (row.pack !== null && row.factor !== null) book.packs.push({ name: row.pack, factor: new Decimal(row.factor) });
  }
  return books;
}

export async function unitBook(scope: CompanyScope, ingredientId: number): Promise<UnitBook> {
  const ingredient = await requireIngredient(scope, ingredientId);
  const packs = (await scope.db.statement('SELECT name, factor FROM ingredient_units WHERE ingredient_id = ? ORDER BY id').all(ingredientId) as { name: string; factor: string }[]).map(
    (row) => ({ name: row.name, factor: new Decimal(row.factor) }),
  );
  return { ingredient: ingredient.name, base: ingredient.unit, packs };
}

/**
 * Adds (or changes) a pack unit: `factor` is how much of the ingredient one of it is, in the base unit
 * ("24") or another unit it converts ("6 bottle", "0.7 l"). A name the base's own family already has
 * (`ml` for a litre-based ingredient) is refused: it converts by itself.
 */
export async function saveIngredientUnit(scope: CompanyScope, ingredientId: number, name: string, factor: string): Promise<PackUnit> {
  // Stored as compared (lower case, single spaces), so the table's unique key holds `Case` and `case` to one.
  const unitName = name.trim().replace(/\s+/g, ' ').toLowerCase();
  if (unitName === '' || unitName.length > MAX_UNIT_NAME || /^[\d.,+-]/.test(unitName)) {
    throw new DomainError('invalid_input', `A unit's name is 1 to ${MAX_UNIT_NAME} characters and starts with a letter, such as case or bottle.`);
  }
  return await scope.db.write(async () => {
    const book = await unitBook(scope, ingredientId);
    const own = familyOf(unitKey(unitName));
    const base = familyOf(unitKey(book.base));
    if (unitKey(unitName) === unitKey(book.base) || (own && base && own.family === base.family)) {
      throw new DomainError('invalid_input', `${quoted(unitName)} converts to ${book.base} by itself: no unit needs adding.`);
    }
    // The factor may be typed in a unit of the book without this unit (a unit cannot be defined by itself).
    const others = { ...book, packs: book.packs.filter((pack) => unitKey(pack.name) !== unitKey(unitName)) };
    const perOne = toBase(others, factor, `The size of one ${unitName}`).base;
    if (!perOne.greaterThan(0)) throw new DomainError('invalid_quantity', `The size of one ${unitName} must be above 0.`);
    await scope.db
      .statement(
        `INSERT INTO ingredient_units (ingredient_id, name, factor) VALUES (?, ?, ?)
         ON CONFLICT (ingredient_id, name) DO UPDATE SET factor = excluded.factor`,
      )
      .run(ingredientId, unitName, perOne.toFixed());
    noteUnitWrite(scope.db);
    return { name: unitName, factor: perOne };
  });
}

/** Takes a pack unit away; refused while a recipe line or a mapping is written in it (its quantities would lose their meaning). */
export async function removeIngredientUnit(scope: CompanyScope, ingredientId: number, name: string): Promise<void> {
  await scope.db.write(async () => {
    await requireIngredient(scope, ingredientId);
    const unit = name.trim().replace(/\s+/g, ' ').toLowerCase();
    const used = await scope.db
      .statement('SELECT (SELECT count(*) FROM recipe_lines WHERE ingredient_id = ? AND unit = ?) + (SELECT count(*) FROM pos_mappings WHERE ingredient_id = ? AND unit = ?)')
      .pluck()
      .get(ingredientId, unit, ingredientId, unit) as number;
    if (used > 0) throw new DomainError('unit_in_use', `${used} recipe line(s) or mapping(s) are written in ${quoted(unit)}: change them to another unit first.`);
    const { changes } = await scope.db.statement('DELETE FROM ingredient_units WHERE ingredient_id = ? AND name = ?').run(ingredientId, unit);
    if (changes === 0) throw new DomainError('invalid_input', `The ingredient has no unit named ${quoted(name)}.`);
    noteUnitWrite(scope.db);
  });
}
