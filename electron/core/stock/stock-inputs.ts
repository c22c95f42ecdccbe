// What a person types when they move stock by hand (a count, waste, a move), read one way for all of
// them: quantities as people write them, instants, and storage units and ingredients by name.
import type { CompanyScope } from '../db/company';
import { type Decimal, MONEY_SCALE, parseDecimal, roundToScale } from '../decimal/decimal';
import { DomainError, quoted } from '../domain-error';
import { findIngredientByName } from '../inventory/ingredients';
import { findStorageUnitByName } from '../inventory/storage-units';
import { dateInZone } from '../time/zoned-time';

/** A quantity as people type it: "0,5" or "0.5" (parseDecimal reads both). */
export const typedQuantity = (text: string, field: string): Decimal => parseDecimal(text, 'invalid_quantity', field);

/**
 * An instant (ISO 8601) and its local date on this computer: a storage unit belongs to no location,
 * so stock kept by hand is dated where the person recording it is.
 */
export function moment(at: string): { at: string; date: string } {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(at)) throw new DomainError('invalid_date_format', `${quoted(at)} is not an instant such as 2026-05-01T06:00:00Z.`);
  return { at: instant.toISOString(), date: dateInZone(instant, Intl.DateTimeFormat().resolvedOptions().timeZone) };
}

export async function storageUnitId(scope: CompanyScope, name: string): Promise<number> {
  const unit = await findStorageUnitByName(scope, name.trim());
  if (!unit) throw new DomainError('storage_unit_not_found', `No storage unit named ${quoted(name)}.`);
  return unit.id;
}

export async function ingredientId(scope: CompanyScope, name: string): Promise<number> {
  const ingredient = await findIngredientByName(scope, name.trim());
  if (!ingredient) throw new DomainError('ingredient_not_found', `No ingredient named ${quoted(name)}.`);
  return ingredient.id;
}

/** An entry's value: its quantity at its unit cost, at the money scale. */
export const entryValue = (quantity: Decimal, unitCost: Decimal) => roundToScale(quantity.times(unitCost), MONEY_SCALE);

/**
 * Reads every field of a form before refusing any, so a person sees every field at fault at once
 * (the code is the first fault's, each fault is one of `details`), not one per attempt.
 */
export async function readFields<T extends Record<string, () => unknown>>(fields: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const values: Record<string, unknown> = {};
  const faults: DomainError[] = [];
  for (const [name, read] of Object.entries(fields)) {
    try {
      values[name] = await read();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      faults.push(error);
    }
  }
  const [first] = faults;
  if (first) throw faults.length === 1 ? first : new DomainError(first.code, faults.map((fault) => fault.message).join(' '), faults.map((fault) => fault.message));
  return values as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
