// A base quantity as a kitchen counts it, in its pack units: 12.18 l of gin (bottle 0.7 l, case
// 4.2 l) is "2 case 5 bottle 0.28 l". Display only: the ledger keeps the base quantity, exact.
import { Decimal } from 'decimal.js';
import { formatAtUnit, formatQuantity } from '../ui/format';

export interface Pack {
  name: string;
  factor: string;
  /** The chosen count unit: packs larger than it are not used. */
  countUnit: boolean;
}

/**
 * The quantity in whole packs, largest first (from the chosen count unit down), and what is left in
 * the base unit; the base quantity alone without packs.
 */
export function inPacks(quantity: string, unit: string, packs: readonly Pack[]): string {
  const total = new Decimal(quantity);
  if (packs.length === 0 || total.isNegative() || total.isZero()) return formatAtUnit(quantity, unit);
  const chosen = packs.find((pack) => pack.countUnit);
  let rest = total;
  const parts: string[] = [];
  const used = chosen ? packs.filter((pack) => new Decimal(pack.factor).lessThanOrEqualTo(chosen.factor)) : packs;
  for (const pack of [...used].sort((a, b) => new Decimal(b.factor).comparedTo(new Decimal(a.factor)))) {
    const whole = rest.dividedToIntegerBy(pack.factor);
    if (whole.greaterThan(0)) {
      parts.push(`${formatQuantity(whole.toFixed())} ${pack.name}`);
      rest = rest.minus(whole.times(pack.factor));
    }
  }
  if (!rest.isZero() || parts.length === 0) parts.push(formatAtUnit(rest.toFixed(), unit));
  return parts.join(' ');
}
