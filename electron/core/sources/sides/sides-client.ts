// THE Sides adapter: every assumption about Sides POS's wire format lives in this one file.
//
// There is no public Sides API documentation. What is here is the contract written down in
// ../shared/reference/sales-sources.md ("The Sides wire format Larder assumes"), which our fake Sides
// server implements too. When a Sides partner account shows the real format, this file changes and
// nothing above it: stores, products and days leave it in Larder's own shapes (SidesStore,
// SidesProduct, FetchedDay), and its failures as SidesError with Larder's codes.
//
// Assumed: JSON everywhere, decimal strings; `POST /api/v1/auth/login` gives a bearer token with an
// expiry; stores; products and orders paged from page 1 until `meta.total` items (the server may cap
// `per_page`); an order belongs to the business date it is listed under; only `closed` orders deduct;
// a position's quantity is absolute, a negative one a storno; a 401 means log in again once and retry
// once; 404 `store_not_found`; 429 with Retry-After; every 5xx and a body that is not JSON are temporary.
import { z } from 'zod';
import { PosCallError, quoted } from '../../domain-error';
import type { ErrorCode } from '../../../../shared/errors';
import type { FetchedDay, FetchedSale } from '../../../../shared/model/sales-day';
import { exchange, type ExchangeLimits, parseRetryAfter, PosExchangeError } from '../pos-exchange';

const MAX_PAGES = 5_000;
const PRODUCTS_PER_PAGE = 200;
const ORDERS_PER_PAGE = 100;

/** A failed call to Sides: temporary for 429, 5xx, bodies that are not JSON and network failures. */
export class SidesError extends PosCallError {}

export interface SidesCredentials {
  /** The origin, such as https://pos.example.com (every path starts with /api/v1). */
  apiUrl: string;
  username: string;
  password: string;
}

export interface SidesSession {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Where the session token is kept between calls (and processes): sealed by the caller. */
export interface SidesSessionStore {
  get(): Promise<SidesSession | null>;
  set(session: SidesSession): Promise<void>;
}

export interface SidesStore {
  id: string;
  name: string;
  /** Null when Sides gives none. */
  timezone: string | null;
  currency: string | null;
  active: boolean;
}

export interface SidesProduct {
  id: string;
  /** The article number, Larder's SKU. */
  number: string | null;
  name: string;
  category: string | null;
  /** Decimal text, or null. */
  price: string | null;
  active: boolean;
}

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string');
const loginAnswer = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number().positive() });
const meta = z.object({ page: z.number().int(), per_page: z.number().int().positive(), total: z.number().int().nonnegative() });
const storesAnswer = z.object({
  data: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), timezone: z.string().nullish(), currency: z.string().nullish(), active: z.boolean() })),
});
const productsAnswer = z.object({
  data: z.array(
    z.object({
      id: z.string().min(1),
      number: z.string().nullish(),
      name: z.string(),
      category: z.string().nullish(),
      price: decimal.nullish(),
      active: z.boolean(),
    }),
  ),
  meta,
});
const position = z.object({
  id: z.string().min(1),
  product_id: z.string().nullish(),
  product_number: z.string().nullish(),
  name: z.string().nullish(),
  quantity: decimal.nullish(),
  unit_price: decimal.nullish(),
  total: decimal.nullish(),
  parent_id: z.string().nullish(),
});
const order = z.object({
  id: z.string().min(1),
  number: z.union([z.string(), z.number()]).nullish(),
  created_at: z.string(),
  status: z.enum(['closed', 'cancelled', 'open']),
  channel: z.string().nullish(),
  positions: z.array(position),
});
const ordersAnswer = z.object({ business_date: z.string(), day_closed: z.boolean(), data: z.array(order), meta });

interface SidesAnswer {
  status: number;
  text: string;
  headers: Headers;
}

export class SidesClient {
  constructor(
    private readonly credentials: () => Promise<SidesCredentials>,
    private readonly sessions: SidesSessionStore,
    private readonly now: () => number = Date.now,
    /** Read at each call, so a changed environment holds at once. */
    private readonly limits: () => ExchangeLimits = () => ({}),
  ) {}

  /** Logs in with these credentials (not the saved ones): wrong ones are sides_auth_failed. */
  async login(given?: SidesCredentials): Promise<SidesSession> {
    const credentials = given ?? (await this.credentials());
    return await this.guarded(async () => {
      const answer = await this.send(credentials.apiUrl, '/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ username: credentials.username, password: credentials.password }),
      });
      if (answer.status === 401 || answer.status === 403) throw new SidesError('sides_auth_failed', `Sides refused the user name or password (${errorWord(answer.text) ?? answer.status}).`, answer.status, false);
      this.check(answer, '/api/v1/auth/login');
      const body = this.parse(loginAnswer, answer, 'the login');
      return { token: body.access_token, expiresAt: this.now() + body.expires_in * 1000 };
    }, credentials.password);
  }

  async stores(): Promise<SidesStore[]> {
    return await this.guarded(async () => {
      const body = this.parse(storesAnswer, await this.get('/api/v1/stores'), 'the store list');
      return body.data.map((store) => ({ id: store.id, name: store.name, timezone: store.timezone ?? null, currency: store.currency ?? null, active: store.active }));
    });
  }

  /** Every product of a store, every page. */
  async products(storeId: string): Promise<SidesProduct[]> {
    return await this.guarded(async () => {
      const path = `/api/v1/stores/${encodeURIComponent(storeId)}/products`;
      const rows = await this.allPages(path, {}, PRODUCTS_PER_PAGE, productsAnswer, `the products of store ${storeId}`);
      return rows.map((product) => ({
        id: product.id,
        number: product.number ?? null,
        name: product.name,
        category: product.category ?? null,
        price: product.price ?? null,
        active: product.active,
      }));
    });
  }

  /** A store's business day: every page of its orders, as the sales a transfer stores. */
  async day(storeId: string, date: string): Promise<FetchedDay> {
    return await this.guarded(async () => {
      const path = `/api/v1/stores/${encodeURIComponent(storeId)}/orders`;
      let dayClosed = true;
      const orders = await this.allPages(path, { date }, ORDERS_PER_PAGE, ordersAnswer, `the orders of store ${storeId} on ${date}`, (page) => {
        if (page.business_date !== date) throw new SidesError('sides_api_error', `Sides answered the orders of ${quoted(page.business_date)} when asked for ${date}.`, 200, false);
        dayClosed &&= page.day_closed;
      });
      return { sales: orders.map(toSale), dataComplete: dayClosed, nextStartOfDay: null };
    });
  }

  /**
   * The work, with the password and the session token cut out of any error it ends in: a hostile or
   * careless server may echo them in an error, and these words reach the log, the transfer log and the screen.
   */
  private async guarded<T>(work: () => Promise<T>, password: string | null = null): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SidesError) throw error.withoutSecrets([password, await this.savedPassword(), (await this.sessions.get())?.token]);
      throw error;
    }
  }

  private async savedPassword(): Promise<string | null> {
    try {
      return (await this.credentials()).password;
    } catch {
      // Not connected yet (a first login): only the password being tried is known.
      return null;
    }
  }

  private async allPages<P extends { data: unknown[]; meta: z.output<typeof meta> }>(
    path: string,
    query: Record<string, string>,
    perPage: number,
    schema: z.ZodType<P>,
    what: string,
    onPage?: (page: P) => void,
  ): Promise<P['data']> {
    const rows: P['data'] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = this.parse(schema, await this.get(path, { ...query, page: String(page), per_page: String(perPage) }), what);
      onPage?.(body);
      rows.push(...body.data);
      if (rows.length >= body.meta.total) return rows;
      // A page short of the total that brings nothing would be asked for forever.
      if (body.data.length === 0) throw new SidesError('sides_api_error', `Sides stopped sending ${what} after ${rows.length} of ${body.meta.total}.`, 200, true);
    }
    throw new SidesError('sides_api_error', `More than ${MAX_PAGES} pages of ${what}; nothing was saved.`, 200, false);
  }

  /** A GET with the session: a 401 logs in again once and retries once. */
  private async get(path: string, query: Record<string, string> = {}): Promise<SidesAnswer> {
    const credentials = await this.credentials();
    const search = new URLSearchParams(query).toString();
    const target = `${path}${search ? `?${search}` : ''}`;
    let session = await this.sessions.get();
    if (!session || session.expiresAt <= this.now()) await this.sessions.set((session = await this.login(credentials)));
    let answer = await this.send(credentials.apiUrl, target, { headers: { authorization: `Bearer ${session.token}`, accept: 'application/json' } });
    if (answer.status === 401) {
      await this.sessions.set((session = await this.login(credentials)));
      answer = await this.send(credentials.apiUrl, target, { headers: { authorization: `Bearer ${session.token}`, accept: 'application/json' } });
      if (answer.status === 401) throw new SidesError('sides_auth_failed', `Sides refused a fresh session for ${path} (${errorWord(answer.text) ?? 401}).`, 401, false);
    }
    this.check(answer, path);
    return answer;
  }

  private check(answer: SidesAnswer, path: string): void {
    if (answer.status >= 200 && answer.status < 300) return;
    const word = errorWord(answer.text);
    if (answer.status === 404 && word === 'store_not_found') throw new SidesError('sides_store_not_found', `Sides does not know this store (${path}).`, 404, false);
    if (answer.status === 429) {
      throw new SidesError('sides_rate_limited', 'Sides asked Larder to slow down (429).', 429, true, parseRetryAfter(answer.headers.get('retry-after'), this.now()));
    }
    const code: ErrorCode = 'sides_api_error';
    throw new SidesError(code, `Sides answered ${answer.status} for ${path}${word ? ` (${word})` : ''}.`, answer.status, answer.status >= 500);
  }

  private parse<T>(schema: z.ZodType<T>, answer: { status: number; text: string }, what: string): T {
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw new SidesError('sides_api_error', `Sides sent ${what} as something other than JSON (${answer.text.length} bytes).`, answer.status, true);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SidesError('sides_api_error', `Sides sent ${what} in an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message}).`, answer.status, false);
    }
    return parsed.data;
  }

  private async send(apiUrl: string, target: string, init: RequestInit, again = true): Promise<SidesAnswer> {
    const address = new URL(target, apiUrl);
    try {
      const answer = await exchange(address, init, this.limits());
      return { status: answer.status, text: answer.body.toString('utf8'), headers: answer.headers };
    } catch (error) {
      if (!(error instanceof PosExchangeError)) throw error;
      switch (error.fault) {
        case 'redirect':
          throw new SidesError('sides_api_error', `Sides answered ${address.pathname} with a redirect to ${error.detail}; Larder follows no redirect, so the password was not sent there.`, error.status, false);
        case 'too_large':
          throw new SidesError('sides_api_error', `Sides sent more than ${error.detail} for ${address.pathname}; the answer was refused.`, error.status, false);
        case 'too_slow':
          throw new SidesError('sides_unreachable', `Sides did not finish answering ${address.pathname} within ${error.detail}; the answer was cut off and will be asked for again.`, error.status, true);
        case 'unreachable':
          // A kept-alive connection the server closed meanwhile fails at once: one fresh connection decides.
          if (again && (error.detail === 'UND_ERR_SOCKET' || error.detail === 'ECONNRESET')) return this.send(apiUrl, target, init, false);
          throw new SidesError('sides_unreachable', `Sides could not be reached at ${address.host} (${error.detail}).`, null, true);
      }
    }
  }
}

/** An order as the sale a transfer stores: only closed orders deduct; positions are lines, a modifier's parent kept. */
function toSale(source: z.output<typeof order>): FetchedSale {
  return {
    saleId: source.id,
    receiptId: source.number === null || source.number === undefined ? null : String(source.number),
    type: source.status.toUpperCase(),
    cancelled: source.status !== 'closed',
    closedAt: source.created_at,
    chainId: null,
    lines: source.positions.map((line) => ({
      lineId: line.id,
      parentLineId: line.parent_id ?? null,
      posItemId: line.product_id ?? null,
      sku: line.product_number ?? null,
      name: line.name ?? null,
      quantity: line.quantity ?? null,
      netAmount: line.total ?? null,
      accountingGroup: null,
      voidReason: null,
    })),
  };
}

/** The `error` word of an error body ({"error":"token_expired"}), if there is one. */
function errorWord(text: string): string | null {
  try {
    const word = (JSON.parse(text) as { error?: unknown }).error;
    return typeof word === 'string' ? word : null;
  } catch {
    return null;
  }
}
