// The fake K-Series' data: businesses, locations, items and sales, generated from a seed. A business
// day's sales are generated when asked for, the same every time, so 120 days of a busy venue cost
// no memory until fetched. Everything the real API makes hard is in here on purpose: time zones far
// east and west, sales closed after midnight, modifiers, refunds and voids, decimal quantities,
// renamed items, items shared by locations.
import { addDays, instantAt } from '../../core/time/zoned-time';

export interface FakeLocation {
  blId: number;
  blName: string;
  country: string;
  timezone: string;
  /** The business day ends (and the next begins) at this local time. */
  startOfDay: string;
  firstTradingDay: string;
}

export interface FakeBusiness {
  businessId: number;
  businessName: string;
  currencyCode: string;
  locations: FakeLocation[];
}

/** Where an item's price sits in the items API; clients in the wild have met each form. */
export type PriceForm = 'amount' | 'value' | 'price-in-prices' | 'price' | 'costPrice' | 'none';

export interface FakeItem {
  id: number;
  name: string;
  sku: string;
  /** false: archived from the menu. */
  active: boolean;
  /** Lightspeed's `disabled`: stock management is off for the item there (it still sells). */
  disabled: boolean;
  /** Cents. */
  priceCents: number;
  priceForm: PriceForm;
  /** Items a modifier line can be (oat milk under a flat white). */
  modifier: boolean;
  /** Sold by weight: quantities like "0.500". */
  weighed: boolean;
  businessId: number;
  blIds: number[];
  /** Before `until`, tills sold it under `name`. */
  formerName?: { name: string; until: string };
}

export interface FakeSalesLine {
  id: string;
  parentLineId: string | null;
  sku: string;
  name: string;
  nameOverride: string | null;
  quantity: string;
  totalNetAmountWithTax: string;
  totalNetAmountWithoutTax: string;
  menuListPrice: string;
  unitCostPrice: string;
  taxCode: string;
  taxRatePercentage: string;
  accountingGroup: { accountingGroupId: number; name: string };
  currency: string;
  timeOfSale: string;
  voidReason: string | null;
}

/**
 * A sale as the wire may carry it: Lightspeed's contract requires no property of a sale or a line,
 * so a day set by hand may leave any of them out (fake-chains.ts' `sparse`).
 */
export type WireSale = Partial<Omit<FakeSale, 'salesLines'>> & { salesLines?: Partial<FakeSalesLine>[] };

/** When a sale closed as the fake files it: its closing time, else its first line's time of sale, else its opening. */
export function closedAt(sale: WireSale): string {
  return sale.timeClosed ?? sale.salesLines?.find((line) => line.timeOfSale)?.timeOfSale ?? sale.timeOfOpening ?? '';
}

export interface FakeSale {
  accountReference: string;
  receiptId: string;
  accountFiscId: string;
  /** One of the eleven of Financial V2 (fake-chains.ts builds each), or anything for the unknown-type switch. */
  type: string;
  cancelled: boolean;
  timeOfOpening: string;
  timeClosed: string;
  source: { initialAccountId: string; previousAccountId: string | null };
  salesLines: FakeSalesLine[];
  payments: unknown[];
}

export interface FakeDataOptions {
  seed?: number;
  /** Average sales per location and business day. */
  salesPerDay?: number;
  /** Average main lines per sale (modifiers come on top). */
  linesPerSale?: number;
  itemsPerBusiness?: number;
  /** Trading starts this many days before `today`. */
  historyDays?: number;
  /** The day the data is built around (the fake's clock decides which days are closed). */
  today?: string;
  /** More Harbour Group kiosks beside its restaurant and terrace, for runs over many locations. */
  extraLocations?: number;
}

const MENU = [
  ['Espresso', 280], ['Flat white', 380], ['Cappuccino', 360], ['Latte macchiato', 390], ['Tea', 300],
  ['Cola 0.33 l', 320], ['Sparkling water 0.5 l', 350], ['Orange juice', 420], ['House lager 0.5 l', 620], ['Red wine glass', 650],
  ['Espresso Martini', 1150], ['Gin tonic', 1050], ['Classic Burger', 1450], ['Veggie Burger', 1350], ['Pizza Margherita', 1250],
  ['Pizza Funghi', 1390], ['Caesar salad', 1290], ['Fries', 450], ['Sweet potato fries', 550], ['Soup of the day', 790],
  ['Club sandwich', 1190], ['Fish and chips', 1690], ['Steak frites', 2490], ['Cheesecake', 690], ['Chocolate brownie', 650],
  ['Apple pie', 620], ['Croissant', 290], ['Pain au chocolat', 320], ['Olives', 490], ['Bread and butter', 450],
] as const;
const MODIFIERS = [['Oat milk', 50], ['Extra shot', 70], ['No bun', 0], ['Extra cheese', 150], ['Bacon', 200]] as const;
const WEIGHED = [['Cheese by weight (kg)', 2900], ['Olives by weight (kg)', 1800]] as const;

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same sales on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hash(...parts: (string | number)[]): number {
  let value = 0x811c9dc5;
  for (const char of parts.join('|')) {
    value ^= char.charCodeAt(0);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

const cents = (value: number) => `${value < 0 ? '-' : ''}${Math.floor(Math.abs(value) / 100)}.${String(Math.abs(value) % 100).padStart(2, '0')}`;
/** Thousandths as Lightspeed's three-decimal text. */
const thousandths = (value: number) => `${value < 0 ? '-' : ''}${Math.floor(Math.abs(value) / 1000)}.${String(Math.abs(value) % 1000).padStart(3, '0')}`;

export class FakeData {
  readonly businesses: FakeBusiness[];
  readonly items: FakeItem[] = [];
  private readonly hidden = new Set<number>();
  private readonly quantityOverrides = new Map<string, string>();
  private readonly dayOverrides = new Map<string, WireSale[]>();
  private readonly lostFromDaily = new Set<string>();
  private readonly zoneless = new Set<number>();
  private readonly options: Required<FakeDataOptions>;

  constructor(options: FakeDataOptions = {}) {
    this.options = {
      seed: 42,
      salesPerDay: 40,
      linesPerSale: 2,
      itemsPerBusiness: 36,
      historyDays: 120,
      today: '2026-05-08',
      extraLocations: 0,
      ...options,
    };
    const opened = addDays(this.options.today, -this.options.historyDays);
    this.businesses = [
      {
        businessId: 1234,
        businessName: 'Harbour Group',
        currencyCode: 'EUR',
        locations: [
          { blId: 45454565682155, blName: 'Harbour Restaurant', country: 'NL', timezone: 'Europe/Amsterdam', startOfDay: '05:30', firstTradingDay: opened },
          { blId: 45454565682156, blName: 'Harbour Terrace', country: 'NL', timezone: 'Europe/Amsterdam', startOfDay: '05:30', firstTradingDay: opened },
          ...Array.from({ length: this.options.extraLocations }, (_, n) => ({
            blId: 45454565683001 + n,
            blName: `Harbour Kiosk ${n + 1}`,
            country: 'NL',
            timezone: 'Europe/Amsterdam',
            startOfDay: '05:30',
            firstTradingDay: opened,
          })),
        ],
      },
      {
        businessId: 2345,
        businessName: 'Island Café',
        currencyCode: 'TOP',
        locations: [{ blId: 56565676793266, blName: 'Nukuʻalofa Café', country: 'TO', timezone: 'Pacific/Tongatapu', startOfDay: '04:00', firstTradingDay: opened }],
      },
      {
        businessId: 3456,
        businessName: 'Aloha Diner',
        currencyCode: 'USD',
        locations: [{ blId: 67676787804377, blName: 'Aloha Diner Waikiki', country: 'US', timezone: 'Pacific/Honolulu', startOfDay: '04:00', firstTradingDay: opened }],
      },
    ];
    for (const business of this.businesses) this.createItems(business);
  }

  private createItems(business: FakeBusiness): void {
    const next = random(hash(this.options.seed, 'items', business.businessId));
    const forms: PriceForm[] = ['amount', 'amount', 'amount', 'amount', 'value', 'price-in-prices', 'price', 'costPrice', 'none'];
    const blIds = business.locations.map((location) => location.blId);
    const add = (name: string, priceCents: number, kind: { modifier?: boolean; weighed?: boolean }, index: number) => {
      // The first location carries everything; the others carry most items too, so items are shared.
      const carriedBy = blIds.filter((_, position) => position === 0 || (index + position) % 5 !== 0);
      this.items.push({
        id: business.businessId * 1_000_000 + index + 1,
        name,
        // The group keeps one menu: a dish has the same SKU (its PLU) in every business, so it is mapped once.
        sku: String(1000 + index + 1),
        active: index % 17 !== 16,
        disabled: index % 13 === 5,
        priceCents,
        priceForm: forms[Math.floor(next() * forms.length)] ?? 'amount',
        modifier: kind.modifier ?? false,
        weighed: kind.weighed ?? false,
        businessId: business.businessId,
        blIds: carriedBy,
      });
    };
    let index = 0;
    for (const [name, price] of MODIFIERS) add(name, price, { modifier: true }, index++);
    for (const [name, price] of WEIGHED) add(name, price, { weighed: true }, index++);
    for (let n = 0; index < this.options.itemsPerBusiness; n++) {
      const [name, price] = MENU[n % MENU.length] ?? MENU[0];
      const round = Math.floor(n / MENU.length);
      add(round === 0 ? name : `${name} ${['large', 'small', 'to go', 'special'][(round - 1) % 4]}${round > 4 ? ` ${round}` : ''}`, price + round * 50, {}, index++);
    }
    // One renamed till button per business: same SKU, new name, from 30 days ago.
    const renamed = this.items.find((item) => item.businessId === business.businessId && item.name === 'Flat white');
    if (renamed) {
      renamed.formerName = { name: 'Flat White (regular)', until: addDays(this.options.today, -30) };
    }
  }

  get today(): string {
    return this.options.today;
  }

  location(blId: number): FakeLocation | undefined {
    return this.businesses.flatMap((business) => business.locations).find((location) => location.blId === blId);
  }

  business(blId: number): FakeBusiness | undefined {
    return this.businesses.find((business) => business.locations.some((location) => location.blId === blId));
  }

  visibleBusinesses(): FakeBusiness[] {
    return this.businesses
      .map((business) => ({ ...business, locations: business.locations.filter((location) => !this.hidden.has(location.blId)) }))
      .filter((business) => business.locations.length > 0);
  }

  /** Makes a location vanish from /f/data/businesses (Lightspeed closed it), as a sync must survive. */
  removeLocation(blId: number): void {
    this.hidden.add(blId);
  }

  renameLocation(blId: number, name: string): void {
    const location = this.location(blId);
    if (location) location.blName = name;
  }

  renameItem(id: number, name: string): void {
    const item = this.items.find((candidate) => candidate.id === id);
    if (!item) throw new Error(`no fake item ${id}`);
    item.formerName = { name: item.name, until: '9999-12-31' };
    item.name = name;
  }

  /** A back-office correction: the next fetch of this line returns the new quantity. */
  setLineQuantity(lineId: string, quantity: string): void {
    this.quantityOverrides.set(lineId, quantity);
  }

  /** Serves exactly these sales for the location's business day, for worked examples. */
  /** The business list names no country or time zone for the location (its days still follow its own). */
  leaveOutZone(blId: number): void {
    this.zoneless.add(blId);
  }

  namesNoZone(blId: number): boolean {
    return this.zoneless.has(blId);
  }

  /** A sale sales-daily leaves out while aggregatedSales still counts it: a page lost on the way, for the reconciliation to catch. */
  loseFromSalesDaily(accountReference: string): void {
    this.lostFromDaily.add(accountReference);
  }

  isMissingFromSalesDaily(sale: WireSale): boolean {
    return sale.accountReference !== undefined && this.lostFromDaily.has(sale.accountReference);
  }

  setDaySales(blId: number, date: string, sales: WireSale[]): void {
    this.dayOverrides.set(`${blId}|${date}`, sales);
  }

  itemsOf(blId: number): FakeItem[] {
    return this.items.filter((item) => item.blIds.includes(blId));
  }

  /** The business day's window [start, end) in UTC: from its start-of-day to the next one. */
  businessDayWindow(location: FakeLocation, date: string): { start: Date; end: Date } {
    return { start: instantAt(date, location.startOfDay, location.timezone), end: instantAt(addDays(date, 1), location.startOfDay, location.timezone) };
  }

  /** Every sale closed in business day `date` of the location, sorted by timeClosed. */
  salesOf(location: FakeLocation, date: string): WireSale[] {
    const override = this.dayOverrides.get(`${location.blId}|${date}`);
    if (override) {
      return override.map((sale) =>
        sale.salesLines ? { ...sale, salesLines: sale.salesLines.map((line) => ({ ...line, quantity: (line.id && this.quantityOverrides.get(line.id)) ?? line.quantity })) } : sale,
      );
    }
    if (date < location.firstTradingDay || date > this.options.today) return [];
    const next = random(hash(this.options.seed, location.blId, date));
    const business = this.business(location.blId) as FakeBusiness;
    const { start, end } = this.businessDayWindow(location, date);
    const menu = this.itemsOf(location.blId).filter((item) => !item.modifier && item.active);
    const modifiers = this.itemsOf(location.blId).filter((item) => item.modifier);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    const count = Math.max(1, Math.round(this.options.salesPerDay * (weekday === 5 || weekday === 6 ? 1.3 : 0.9) * (0.85 + next() * 0.3)));
    const tag = `${String(location.blId).slice(-5)}.${date.replaceAll('-', '')}`;
    const span = end.getTime() - start.getTime();
    const sales: FakeSale[] = [];
    for (let n = 0; n < count; n++) {
      // Closing times from half an hour after the day starts to ten minutes before it ends: the
      // last hours fall after local midnight and still belong to this business day.
      const closed = start.getTime() + 1_800_000 + Math.floor(((n + next()) / count) * (span - 2_400_000));
      const opened = closed - 300_000 - Math.floor(next() * 3_000_000);
      const roll = next();
      const type: FakeSale['type'] = roll < 0.03 ? 'REFUND' : roll < 0.05 ? 'VOID' : 'SALE';
      const sign = type === 'REFUND' ? -1 : 1;
      const lines: FakeSalesLine[] = [];
      const mainLines = 1 + Math.floor(next() * this.options.linesPerSale * 2 - 0.5);
      for (let l = 0; l < Math.max(1, mainLines); l++) {
        const item = menu[Math.floor(next() * menu.length)] as FakeItem;
        const quantity = sign * (item.weighed ? [250, 500, 750][Math.floor(next() * 3)]! : next() < 0.85 ? 1000 : 2000);
        const line = this.line(item, `S${tag}.${n}.${l}`, null, quantity, new Date(opened + 60_000), date, business, type === 'VOID');
        lines.push(line);
        if (modifiers.length > 0 && next() < 0.2) {
          const modifier = modifiers[Math.floor(next() * modifiers.length)] as FakeItem;
          lines.push(this.line(modifier, `S${tag}.${n}.${l}m`, line.id, quantity, new Date(opened + 90_000), date, business, type === 'VOID'));
        }
      }
      const account = `A${tag}.${n}`;
      sales.push({
        accountReference: Buffer.from(account).toString('base64'),
        receiptId: `R${tag}.${n}`,
        accountFiscId: account,
        type,
        cancelled: type === 'VOID',
        timeOfOpening: new Date(opened).toISOString(),
        timeClosed: new Date(closed).toISOString(),
        source: { initialAccountId: account, previousAccountId: type === 'REFUND' ? `A${tag}.${Math.max(0, n - 1)}` : null },
        salesLines: lines,
        payments: [],
      });
    }
    return sales;
  }

  private line(item: FakeItem, id: string, parentLineId: string | null, quantity: number, at: Date, date: string, business: FakeBusiness, voided: boolean): FakeSalesLine {
    const overridden = this.quantityOverrides.get(id);
    const text = overridden ?? thousandths(quantity);
    const total = Math.round((item.priceCents * Number(text.replace('.', ''))) / 1000);
    const name = item.formerName && date < item.formerName.until ? item.formerName.name : item.name;
    return {
      id,
      parentLineId,
      sku: item.sku,
      name,
      nameOverride: null,
      quantity: text,
      totalNetAmountWithTax: cents(total),
      totalNetAmountWithoutTax: cents(Math.round(total / 1.09)),
      menuListPrice: cents(item.priceCents),
      unitCostPrice: cents(Math.round(item.priceCents * 0.3)),
      taxCode: 'VAT9',
      taxRatePercentage: '9.00',
      accountingGroup: { accountingGroupId: 141948669132845, name: item.modifier ? 'Modifiers' : 'Food' },
      currency: business.currencyCode,
      timeOfSale: at.toISOString(),
      voidReason: voided ? 'Voided at the till' : null,
    };
  }
}

/** A hand-built sale for setDaySales: lines by name, SKU, quantity text and, optionally, net amount text. */
export function handMadeSale(
  reference: string,
  timeClosed: string,
  lines: { id: string; name: string; sku: string; quantity: string; parentLineId?: string; amount?: string }[],
  type: FakeSale['type'] = 'SALE',
): FakeSale {
  return {
    accountReference: reference,
    receiptId: `R-${reference}`,
    accountFiscId: `A-${reference}`,
    type,
    cancelled: type === 'VOID',
    timeOfOpening: timeClosed,
    timeClosed,
    source: { initialAccountId: `A-${reference}`, previousAccountId: null },
    salesLines: lines.map((line) => ({
      id: line.id,
      parentLineId: line.parentLineId ?? null,
      sku: line.sku,
      name: line.name,
      nameOverride: null,
      quantity: line.quantity,
      totalNetAmountWithTax: line.amount ?? '0.00',
      totalNetAmountWithoutTax: line.amount ?? '0.00',
      menuListPrice: '0.00',
      unitCostPrice: '0.00',
      taxCode: 'VAT9',
      taxRatePercentage: '9.00',
      accountingGroup: { accountingGroupId: 1, name: 'Food' },
      currency: 'EUR',
      timeOfSale: timeClosed,
      voidReason: null,
    })),
    payments: [],
  };
}
