// Our own Sides POS, over real HTTP on 127.0.0.1, for the tests and the demo. It implements the wire
// format Larder assumes (../shared/reference/sales-sources.md, "The Sides wire format Larder
// assumes") and nothing else; tests steer it with switches (a wrong password, a token that expires
// after N calls, 429 with Retry-After, 500, malformed JSON, a small page size) and shape its data
// (an empty day, cancelled orders, storno and modifier positions, a product renamed after a sync).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { trickle } from '../trickle';

export interface WireStore {
  id: string;
  name: string;
  timezone: string | null;
  currency: string;
  active: boolean;
}

export interface WireProduct {
  id: string;
  number: string | null;
  name: string;
  category: string | null;
  price: string | null;
  active: boolean;
}

export interface WirePosition {
  id: string;
  product_id: string | null;
  product_number: string | null;
  name: string;
  quantity: string;
  unit_price: string | null;
  total: string | null;
  parent_id: string | null;
}

export interface WireOrder {
  id: string;
  number: string;
  created_at: string;
  status: 'closed' | 'cancelled' | 'open';
  channel: 'pos' | 'webshop' | 'portal' | 'callcenter';
  positions: WirePosition[];
}

export interface SidesFault {
  /** 'trickle': headers, then a byte every `delayMs` (2000) without end. */
  kind: 429 | 500 | 'malformed' | 'trickle';
  /** How many of the next matching requests it hits (1). */
  times?: number;
  /** Only requests whose path and query contain this. */
  match?: string;
  /** For 429, in seconds. */
  retryAfter?: string;
  /** For 'trickle'. */
  delayMs?: number;
  /** For 500: the answer's `error` (internal); a hostile server's can echo what it was sent. */
  error?: string;
}

export interface FakeSidesOptions {
  port?: number;
  username?: string;
  password?: string;
  /** Seconds a session lives (3600). */
  tokenLifetime?: number;
  /** The fake's today: earlier business days are closed, this one and later ones are open. */
  today?: string;
  /** Days of generated sales before today for the demo stores (0: none; tests set their own days). */
  demoDays?: number;
}

/** The two demo stores, their menu, and generated days of orders. */
function demoData(today: string, days: number) {
  const stores: WireStore[] = [
    { id: 'st_1', name: 'Kreuzberg Kitchen', timezone: 'Europe/Berlin', currency: 'EUR', active: true },
    { id: 'st_2', name: 'Wien Mitte', timezone: null, currency: 'EUR', active: true },
  ];
  const menu: [string, string, string][] = [
    ['p_pizza', '1001', 'Pizza Margherita'],
    ['p_pasta', '1002', 'Spaghetti Carbonara'],
    ['p_salad', '1003', 'Gemischter Salat'],
    ['p_cola', '2001', 'Cola 0,33 l'],
    ['p_beer', '2002', 'Helles 0,5 l'],
    ['p_extra', '3001', 'Extra Käse'],
    ['p_tiramisu', '4001', 'Tiramisu'],
  ];
  const products: WireProduct[] = menu.map(([id, number, name], index) => ({ id, number, name, category: null, price: `${(6 + index * 1.5).toFixed(2)}`, active: true }));
  const orders = new Map<string, WireOrder[]>();
  for (const store of stores) {
    for (let back = 1; back <= days; back++) {
      const date = shiftDate(today, -back);
      const list: WireOrder[] = [];
      for (let n = 0; n < 6; n++) {
        const [productId, number, name] = menu[(back * 3 + n + store.id.length) % menu.length] as [string, string, string];
        const id = `o_${store.id}_${date}_${n}`;
        list.push({
          id,
          number: String(1000 + n),
          created_at: `${date}T${String(11 + n).padStart(2, '0')}:15:00+02:00`,
          status: 'closed',
          channel: n % 3 === 0 ? 'webshop' : 'pos',
          positions: [{ id: `${id}_1`, product_id: productId, product_number: number, name, quantity: String(1 + (n % 3)), unit_price: null, total: null, parent_id: null }],
        });
      }
      orders.set(`${store.id}|${date}`, list);
    }
  }
  return { stores, products: new Map(stores.map((store) => [store.id, products.map((product) => ({ ...product }))])), orders };
}

function shiftDate(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export interface FakeSides {
  /** The origin to configure (SIDES_API_URL). */
  readonly url: string;
  readonly stores: WireStore[];
  /** Products by store id. */
  readonly products: Map<string, WireProduct[]>;
  /** A store's orders of a business date. */
  setDay(storeId: string, date: string, orders: WireOrder[]): void;
  /** Renames a product in every store (after a sync: the cache keeps the old name). */
  renameProduct(productId: string, name: string): void;
  /** Switches. */
  wrongPassword: boolean;
  /** A session stops working after this many API calls (null: never), as an expired token would. */
  tokenExpiresAfterCalls: number | null;
  /** The largest page the server gives, whatever is asked (products 200, orders 100). */
  perPageCap: number | null;
  faults: SidesFault[];
  /** How many logins succeeded: a test sees a renewal. */
  logins: number;
  /** The session tokens handed out, oldest first: a test checks none leaks. */
  sessionTokens(): string[];
  readonly requests: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

export async function startFakeSides(options: FakeSidesOptions = {}): Promise<FakeSides> {
  const username = options.username ?? 'demo@larder.test';
  const password = options.password ?? 'demo-password';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const data = demoData(today, options.demoDays ?? 0);
  const sessions = new Map<string, { expiresAt: number; calls: number }>();
  const sockets = new Set<Socket>();

  const fake: FakeSides = {
    url: '',
    stores: data.stores,
    products: data.products,
    setDay: (storeId, date, orders) => void data.orders.set(`${storeId}|${date}`, orders),
    renameProduct(productId, name) {
      for (const list of data.products.values()) for (const product of list) if (product.id === productId) product.name = name;
    },
    wrongPassword: false,
    tokenExpiresAfterCalls: null,
    perPageCap: null,
    faults: [],
    logins: 0,
    sessionTokens: () => [...sessions.keys()],
    requests: [],
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  /** Answers, and says with what status (for the request log). */
  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
    return status;
  };

  const paged = <T>(rows: T[], url: URL, limit: number) => {
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const asked = Number(url.searchParams.get('per_page') ?? limit);
    const perPage = Math.max(1, Math.min(asked, limit, fake.perPageCap ?? limit));
    return { data: rows.slice((page - 1) * perPage, page * perPage), meta: { page, per_page: perPage, total: rows.length } };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<number> => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const fault = fake.faults.find((each) => !each.match || `${url.pathname}${url.search}`.includes(each.match));
    if (fault && url.pathname !== '/api/v1/auth/login') {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) fake.faults.splice(fake.faults.indexOf(fault), 1);
      if (fault.kind === 429) return send(response, 429, { error: 'rate_limited' }, { 'retry-after': fault.retryAfter ?? '1' });
      if (fault.kind === 500) return send(response, 500, { error: fault.error ?? 'internal' });
      if (fault.kind === 'trickle') {
        trickle(response, fault.delayMs ?? 2000);
        return 200;
      }
      return send(response, 200, '{"data": [ {"id": ');
    }
    if (request.method === 'POST' && url.pathname === '/api/v1/auth/login') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { username?: string; password?: string };
      if (fake.wrongPassword || body.username !== username || body.password !== password) return send(response, 401, { error: 'invalid_credentials' });
      const token = randomBytes(16).toString('hex');
      const lifetime = options.tokenLifetime ?? 3600;
      sessions.set(token, { expiresAt: Date.now() + lifetime * 1000, calls: 0 });
      fake.logins++;
      return send(response, 200, { access_token: token, token_type: 'Bearer', expires_in: lifetime });
    }
    const session = sessions.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!session || session.expiresAt < Date.now() || (fake.tokenExpiresAfterCalls !== null && session.calls >= fake.tokenExpiresAfterCalls)) {
      return send(response, 401, { error: 'token_expired' });
    }
    session.calls++;
    if (request.method !== 'GET') return send(response, 405, { error: 'method_not_allowed' });
    if (url.pathname === '/api/v1/stores') return send(response, 200, { data: data.stores });
    const match = /^\/api\/v1\/stores\/([^/]+)\/(products|orders)$/.exec(url.pathname);
    const storeId = match ? decodeURIComponent(match[1] as string) : null;
    if (!match || !data.stores.some((store) => store.id === storeId)) return send(response, 404, { error: match ? 'store_not_found' : 'not_found' });
    if (match[2] === 'products') return send(response, 200, paged(data.products.get(storeId as string) ?? [], url, 200));
    const date = url.searchParams.get('date') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return send(response, 400, { error: 'invalid_date' });
    const orders = data.orders.get(`${storeId}|${date}`) ?? [];
    return send(response, 200, { business_date: date, day_closed: date < today, ...paged(orders, url, 100) });
  };

  const server = createServer((request, response) => {
    handle(request, response).then(
      (status) => fake.requests.push({ method: request.method ?? 'GET', path: request.url ?? '', status }),
      () => void send(response, 500, { error: 'fake_failed' }),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  (fake as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
