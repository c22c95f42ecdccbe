// Display formatting of the decimal strings main sends. Pure string work: a quantity is never turned
// into a binary float on its way to the screen.

const symbols = new Map<string, string>();
/** "€", "$", "NZ$", or the code itself ("TOP") where the locale has no symbol for it. */
function currencySymbol(locale: string | undefined, code: string): { symbol: string; after: boolean } {
  const key = `${locale ?? ''}|${code}`;
  let found = symbols.get(key);
  if (found === undefined) {
    try {
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: code }).formatToParts(1);
      const at = parts.findIndex((part) => part.type === 'currency');
      found = `${at > parts.findIndex((part) => part.type === 'integer') ? 'after' : 'before'}|${parts[at]?.value ?? code}`;
    } catch {
      found = `before|${code}`;
    }
    symbols.set(key, found);
  }
  const [place, symbol] = found.split('|') as [string, string];
  return { symbol, after: place === 'after' };
}

/**
 * Numbers as the OS locale writes them ("1,234.50" in the US, "1.234,50" in Germany), from the decimal
 * strings main sends: pure string work, never a binary float. `locale` undefined is the OS's (Electron)
 * or the browser's; a named one serves the tests.
 */
export function numberFormatting(locale: string | undefined) {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';

  /** At least `decimals` decimals, more when the value has them (money: 180 → "180.00", 2.9125 stays). */
  const padDecimals = (text: string, decimals: number): string => {
    const negative = text.startsWith('-');
    const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    const padded = fraction.length >= decimals ? fraction : fraction.padEnd(decimals, '0');
    return `${negative ? '−' : ''}${grouped}${padded ? `${decimal}${padded}` : ''}`;
  };

  /** The symbol where the locale puts it, after the amount's sign; without a currency (no location yet) the amount alone. */
  const withCurrency = (amount: string, currency: string | null): string => {
    if (!currency) return amount;
    const { symbol, after } = currencySymbol(locale, currency);
    const sign = amount.startsWith('−') ? '−' : '';
    const digits = sign ? amount.slice(1) : amount;
    if (after) return `${sign}${digits}\u00a0${symbol}`;
    return `${sign}${symbol}${/[A-Za-z]$/.test(symbol) ? '\u00a0' : ''}${digits}`;
  };

  return {
    padDecimals,
    /** Money with its currency's symbol, thousands separators and 2 decimals ("€1,234.50", "1.234,50 €"). */
    formatMoney: (text: string, currency: string | null) => withCurrency(padDecimals(roundText(text, 2), 2), currency),
    /** A unit cost: at least 2 decimals, and the further ones it has (a kilogram at €18.666667). */
    formatUnitCost: (text: string, currency: string | null) => withCurrency(padDecimals(text, 2), currency),
    formatQuantity: (text: string) => padDecimals(text, 0),
    /** A quantity at its unit's precision, with the unit ("14.750 kg", "12 bottle"); the ledger keeps the exact value. */
    formatAtUnit: (text: string, unit: string) => {
      const decimals = UNIT_DECIMALS[unit.trim().toLowerCase()] ?? 3;
      return `${padDecimals(roundText(text, decimals), decimals)} ${unit}`;
    },
    /** A share in one format everywhere: one decimal and a spaced sign ("13.1 %", "−92.0 %"). */
    formatPct: (text: string) => `${padDecimals(roundText(text, 1), 1)} %`,
  };
}

/** Decimals a unit is shown with: weights and volumes to the gram and millilitre, countable things whole. */
const UNIT_DECIMALS: Record<string, number> = { kg: 3, l: 3, g: 0, ml: 0, piece: 0, pieces: 0, pcs: 0, each: 0, bottle: 0, bottles: 0, can: 0, portion: 0 };

export const { padDecimals, formatMoney, formatUnitCost, formatQuantity, formatAtUnit, formatPct } = numberFormatting(undefined);

/** The PC's own time zone: a time in any other zone says which it is. */
export const PC_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

// One date format in the whole app: the OS locale's numeric date, which is also how Chromium's date
// pickers show a date, so a table, a picker and a message never disagree ("05/08/2026" in the US,
// "08/05/2026" in the UK, "08.05.2026" in Germany). Undefined locale = the OS's (Electron) or the browser's.
const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });

/** A business date ("2026-05-08", a date without a zone) in the OS locale's date format. */
export function formatDay(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return dayFormat.format(new Date(`${date}T12:00:00Z`));
}

const shortDayFormat = new Intl.DateTimeFormat(undefined, { month: '2-digit', day: '2-digit', timeZone: 'UTC' });
/** Day and month alone, in the same order as formatDay: a chart's axis. */
export const formatDayShort = (date: string) => shortDayFormat.format(new Date(`${date}T12:00:00Z`));

/** Main's messages write dates as ISO business dates; on screen they read like every other date. */
export const localizeDates = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b(?!T)/g, (date) => formatDay(date));

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the wall clock where it matters: the location's ("05/08/2026 06:12 Pacific/Tongatapu",
 * the zone named because it is not the PC's), or the PC's when no zone applies.
 */
export function formatInstant(iso: string | null, timeZone?: string): string {
  if (!iso) return '—';
  const zone = timeZone ?? PC_ZONE;
  let format = instantFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    instantFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  const wallClock = `${formatDay(`${parts.year}-${parts.month}-${parts.day}`)} ${parts.hour}:${parts.minute}`;
  return zone === PC_ZONE ? wallClock : `${wallClock} ${zone}`;
}

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
