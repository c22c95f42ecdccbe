// Display formatting of the decimal strings main sends. Pure string work: a quantity is never turned
// into a binary float on its way to the screen.

/** At least `decimals` decimals, more when the value has them (money: 180 → "180.00", 2.9125 stays). */
export function padDecimals(text: string, decimals: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const padded = fraction.length >= decimals ? fraction : fraction.padEnd(decimals, '0');
  return `${negative ? '−' : ''}${grouped}${padded ? `.${padded}` : ''}`;
}

export const formatMoney = (text: string) => padDecimals(text, 2);
export const formatQuantity = (text: string) => padDecimals(text, 0);

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as the location's wall clock ("2026-05-08 14:05"), or the PC's when no zone applies. */
export function formatInstant(iso: string | null, timeZone?: string): string {
  if (!iso) return '—';
  const key = timeZone ?? '';
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    instantFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** Decimals a unit is shown with: weights and volumes to the gram and millilitre, countable things whole. */
const UNIT_DECIMALS: Record<string, number> = { kg: 3, l: 3, g: 0, ml: 0, piece: 0, pieces: 0, pcs: 0, each: 0, bottle: 0, bottles: 0, can: 0, portion: 0 };

/** Decimal text rounded half away from zero to `decimals`, as text (BigInt digits, never a float). */
export function roundText(text: string, decimals: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const kept = BigInt(whole + fraction.padEnd(decimals, '0').slice(0, decimals));
  const rounded = kept + ((fraction[decimals] ?? '0') >= '5' ? 1n : 0n);
  const digits = rounded.toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative && rounded !== 0n ? `-${body}` : body;
}

/** A quantity at its unit's precision, with the unit ("14.750 kg", "12 bottle"); the ledger keeps the exact value. */
export function formatAtUnit(text: string, unit: string): string {
  const decimals = UNIT_DECIMALS[unit.trim().toLowerCase()] ?? 3;
  return `${padDecimals(roundText(text, decimals), decimals)} ${unit}`;
}
