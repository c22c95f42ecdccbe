// An ingredient's use per day — what the sales issued and what was wasted — for the Ledger's chart.
import { addDays } from '../../../shared/dates';
import { USAGE_DAYS, type IngredientUsage } from '../../../shared/model/ledger';
import type { CompanyScope } from '../db/company';
import { formatScaled, QUANTITY_SCALE } from '../decimal/decimal';
import { requireIngredient } from '../inventory/ingredients';
import { issuedAndWastedByDate, lastMovementDate, type LedgerFilter } from '../ledger/ledger';
import { datesBetween } from '../time/zoned-time';

/** A chart of more days than this is unreadable; a longer range shows its first year. */
const MAX_USAGE_DAYS = 366;

/**
 * One ingredient's use per day (positive) over the filter's days, or over the USAGE_DAYS up to its
 * last movement; every day of that range, quiet days as 0.
 */
export async function ingredientUsage(scope: CompanyScope, filter: Omit<LedgerFilter, 'id' | 'limit' | 'type'> & { ingredientId: number }): Promise<IngredientUsage> {
  const ingredient = await requireIngredient(scope, filter.ingredientId);
  const last = filter.to ?? await lastMovementDate(scope, filter);
  if (!last) return { ingredient: ingredient.name, unit: ingredient.unit, days: [] };
  const first = filter.from ?? addDays(last, 1 - USAGE_DAYS);
  const byDate = await issuedAndWastedByDate(scope, { ...filter, from: first, to: last });
  const days = datesBetween(first, last)
    .slice(0, MAX_USAGE_DAYS)
    .map((date) => {
      const day = byDate.get(date);
      return { date, issued: day ? formatScaled(day.issued, QUANTITY_SCALE) : '0', wasted: day ? formatScaled(day.wasted, QUANTITY_SCALE) : '0' };
    });
  return { ingredient: ingredient.name, unit: ingredient.unit, days };
}
