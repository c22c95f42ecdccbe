// The fake's API: businesses, sales (by range and by business day) and items, with the parameter
// checks and error bodies of the reference page. Wrong parameter names fail loudly here, because
// against the real API they fail silently.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { addDays, isoWithOffset } from '../../core/time/zoned-time';
import { closedAt, type FakeData, type FakeItem, type FakeLocation, type WireSale } from './fake-data';

export type ItemsShape = 'array' | 'wrapped' | 'single';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`fake API ${status}`);
  }
}

const MAX_RANGE_DAYS = 365;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function onlyParams(url: URL, allowed: string[]): void {
  for (const name of url.searchParams.keys()) {
    if (!allowed.includes(name)) throw new ApiError(400, { error: `Unknown request parameter '${name}'` });
  }
}

function itemsError(status: number, message: string): ApiError {
  return new ApiError(status, { status: String(status), timestamp: new Date().toISOString(), message, apiSubExceptions: [] });
}

/** The item as the items API shows it; the price sits wherever this item's form puts it. */
function itemView(item: FakeItem) {
  const price = item.priceCents / 100;
  const prices =
    item.priceForm === 'amount' ? [{ amount: price, name: 'Default' }]
    : item.priceForm === 'value' ? [{ value: price, name: 'Default' }]
    : item.priceForm === 'price-in-prices' ? [{ price, name: 'Default' }]
    : [];
  return {
    id: item.id,
    name: item.name,
    docketName: item.name.slice(0, 16),
    sku: item.sku,
    active: item.active,
    ...(item.priceForm === 'price' ? { price } : {}),
    ...(item.priceForm === 'costPrice' ? { costPrice: Math.round(price * 30) / 100 } : {}),
    prices,
    accountingGroup: { id: 40570261078058, name: item.modifier ? 'Modifiers' : 'Food' },
    itemType: 'ITEM',
    disabled: item.disabled,
  };
}

export class FakeApi {
  constructor(
    private readonly data: FakeData,
    private readonly now: () => number,
    readonly options: { itemsShape: ItemsShape; ignoreOffset?: boolean },
  ) {}

  private requireLocation(blId: string): FakeLocation {
    const location = this.data.location(Number(blId));
    if (!location || !this.data.visibleBusinesses().some((business) => business.locations.some((candidate) => candidate.blId === location.blId))) {
      throw new ApiError(404, { timestamp: new Date(this.now()).toISOString(), status: 404, error: 'Not Found', message: `Business location ${blId} not found`, path: '' });
    }
    return location;
  }

  businesses(url: URL, response: ServerResponse): void {
    onlyParams(url, ['page', 'size']);
    json(response, 200, {
      _embedded: {
        businessList: this.data.visibleBusinesses().map((business) => ({
          businessName: business.businessName,
          businessId: business.businessId,
          currencyCode: business.currencyCode,
          businessLocations: business.locations.map((location) => ({
            blName: location.blName,
            blID: location.blId,
            // The contract requires neither: a location may come without them.
            ...(this.data.namesNoZone(location.blId) ? {} : { country: location.country, timezone: location.timezone }),
          })),
        })),
      },
      _links: { self: { href: `${url.origin}/f/data/businesses` } },
    });
  }

  items(url: URL, response: ServerResponse): void {
    onlyParams(url, ['businessLocationId', 'offset', 'amount', 'sku', 'name', 'itemIds']);
    const blId = url.searchParams.get('businessLocationId');
    if (!blId) throw itemsError(400, 'businessLocationId is required');
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const amount = Number(url.searchParams.get('amount') ?? 50);
    if (!Number.isInteger(offset) || offset < 0) throw itemsError(400, 'offset must be a non-negative integer');
    if (!Number.isInteger(amount) || amount < 1 || amount > 100) throw itemsError(400, 'amount must be between 1 and 100');
    let items = this.data.itemsOf(Number(blId));
    if (items.length === 0 && !this.data.location(Number(blId))) throw itemsError(404, `Business location ${blId} not found`);
    const sku = url.searchParams.get('sku');
    if (sku) items = items.filter((item) => item.sku === sku);
    // ignoreOffset imitates the broken mocks that loop clients forever.
    const start = this.options.ignoreOffset ? 0 : offset;
    const page = items.slice(start, start + amount).map(itemView);
    const shape = this.options.itemsShape;
    json(response, 200, shape === 'wrapped' ? { items: page } : shape === 'single' && page.length === 1 ? page[0] : page);
  }

  salesDaily(blId: string, url: URL, response: ServerResponse): void {
    onlyParams(url, ['date', 'include']);
    const location = this.requireLocation(blId);
    const date = url.searchParams.get('date');
    if (!date) throw new ApiError(400, { error: "Required request parameter 'date' for method parameter type LocalDate is not present" });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new ApiError(400, { error: `Invalid date format: ${date}` });
    const { end } = this.data.businessDayWindow(location, date);
    const now = this.now();
    json(response, 200, {
      sales: this.closedSales(location, date, now).filter((sale) => !this.data.isMissingFromSalesDaily(sale)),
      nextStartOfDayAsIso8601: isoWithOffset(end, location.timezone),
      dataComplete: now >= end.getTime(),
    });
  }

  /**
   * V1 aggregatedSales of a business day, grouped by accounting group: every line of every account of
   * the day not cancelled, signed — the assumption Larder's reconciliation makes, kept here alike.
   */
  aggregatedSales(blId: string, url: URL, response: ServerResponse): void {
    onlyParams(url, ['date', 'groupBy', 'from', 'to']);
    const location = this.requireLocation(blId);
    const date = url.searchParams.get('date');
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ApiError(400, { error: `Invalid date format: ${date ?? ''}` });
    if (url.searchParams.get('groupBy') !== 'accountingGroup') throw new ApiError(400, { error: 'groupBy must be one of staff, device, deviceId, tag, accountingGroup, statisticGroup' });
    const groups = new Map<string, { cents: number; lines: number }>();
    for (const sale of this.closedSales(location, date, this.now())) {
      if (sale.cancelled) continue;
      for (const line of sale.salesLines ?? []) {
        const name = line.accountingGroup?.name ?? '';
        const group = groups.get(name) ?? { cents: 0, lines: 0 };
        group.cents += Math.round(Number(line.totalNetAmountWithoutTax ?? line.totalNetAmountWithTax ?? '0') * 100);
        group.lines += 1;
        groups.set(name, group);
      }
    }
    const { end } = this.data.businessDayWindow(location, date);
    json(response, 200, {
      aggregatedSales: [...groups].map(([name, group]) => ({
        accountingGroup: { name },
        totalAmount: (group.cents / 100).toFixed(2),
        serviceCharge: '0.00',
        totalDiscountedAmount: '0.00',
        totalTaxAmount: '0.00',
        numberOfSales: group.lines,
        children: [],
      })),
      dataComplete: this.now() >= end.getTime(),
    });
  }

  sales(blId: string, url: URL, response: ServerResponse): void {
    onlyParams(url, ['from', 'to', 'pageSize', 'nextPageToken', 'include']);
    const location = this.requireLocation(blId);
    const fromText = url.searchParams.get('from');
    if (!fromText) throw new ApiError(400, { error: "Required request parameter 'from' for method parameter type String is not present" });
    const toText = url.searchParams.get('to');
    for (const text of [fromText, toText]) {
      if (text !== null && (!ISO_INSTANT.test(text) || Number.isNaN(Date.parse(text)))) throw new ApiError(400, { error: `Invalid date format: ${text}` });
    }
    const from = Date.parse(fromText);
    const to = toText === null ? this.now() : Math.min(Date.parse(toText), this.now());
    if (from > to) throw new ApiError(400, { error: "'from' must be before 'to'" });
    if (to - from > MAX_RANGE_DAYS * 86_400_000) throw new ApiError(400, { error: `The range may be at most ${MAX_RANGE_DAYS} days` });
    const opened = this.data.businessDayWindow(location, location.firstTradingDay).start.getTime();
    if (from < opened) throw new ApiError(400, { error: `'from' is before the business location opened; the earliest date is ${new Date(opened).toISOString()}` });
    const pageSize = Number(url.searchParams.get('pageSize') ?? 50);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new ApiError(400, { error: 'pageSize must be between 1 and 100' });

    const query = createHash('sha256').update(`${blId}|${fromText}|${toText}|${pageSize}`).digest('base64url').slice(0, 12);
    const offset = this.readPageToken(url.searchParams.get('nextPageToken'), query);
    const all = this.salesBetween(location, from, to);
    const page = all.slice(offset, offset + pageSize);
    const more = offset + pageSize < all.length;
    json(response, 200, { sales: page, ...(more ? { nextPageToken: Buffer.from(JSON.stringify({ o: offset + pageSize, q: query })).toString('base64url') } : {}) });
  }

  /** A page token is bound to its query, so a client that loops on a stale token gets an error. */
  private readPageToken(token: string | null, query: string): number {
    if (token === null || token === '') return 0;
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: number; q: string };
      if (parsed.q === query && Number.isInteger(parsed.o)) return parsed.o;
    } catch {
      // Falls through to the error below.
    }
    throw new ApiError(400, { error: 'Invalid nextPageToken' });
  }

  private closedSales(location: FakeLocation, date: string, now: number): WireSale[] {
    return this.data.salesOf(location, date).filter((sale) => Date.parse(closedAt(sale)) <= now);
  }

  private salesBetween(location: FakeLocation, from: number, to: number): WireSale[] {
    const first = addDays(new Date(from).toISOString().slice(0, 10), -1);
    const last = addDays(new Date(to).toISOString().slice(0, 10), 1);
    const sales: WireSale[] = [];
    for (let date = first; date <= last; date = addDays(date, 1)) {
      for (const sale of this.closedSales(location, date, this.now())) {
        const closed = Date.parse(closedAt(sale));
        if (closed >= from && closed <= to) sales.push(sale);
      }
    }
    return sales.sort((a, b) => closedAt(a).localeCompare(closedAt(b)));
  }
}
