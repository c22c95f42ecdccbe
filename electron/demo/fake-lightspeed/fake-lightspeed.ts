// Our own Lightspeed K-Series, over real HTTP on 127.0.0.1, for every test and the demo. It follows
// ../shared/reference/lightspeed-k-series-api.md; tests steer it with fault switches and read its
// request log.
import { roundTrip, throttle, type NetworkShape } from './network';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { trickle } from '../trickle';
import { ApiError, FakeApi, type ItemsShape } from './fake-api';
import { FakeData, type FakeDataOptions } from './fake-data';
import { FakeOAuth, type FakeClient } from './fake-oauth';

export const KEYCLOAK_AUTH_PATH = '/realms/k-series/protocol/openid-connect/auth';
export const KEYCLOAK_TOKEN_PATH = '/realms/k-series/protocol/openid-connect/token';
export const KEYCLOAK_REALM_PATH = '/realms/k-series';
export const V1_AUTH_PATH = '/oauth/authorize';
export const V1_TOKEN_PATH = '/oauth/token';

export const DEMO_CLIENT: FakeClient = {
  clientId: 'larder-demo',
  clientSecret: 'larder-demo-secret',
  redirectUris: ['http://127.0.0.1/callback', 'https://localhost/'],
};

/** 'slow' waits `delayMs` before answering; 'trickle' sends headers, then a byte every `delayMs` without end. */
/** 403 and 404: a client or location without access to an endpoint (aggregatedSales for one). */
export type FaultKind = 401 | 403 | 404 | 429 | 500 | 502 | 503 | 504 | 'reset' | 'malformed' | 'slow' | 'trickle';

export interface Fault {
  kind: FaultKind;
  /** How many of the next matching requests it hits. */
  times?: number;
  /** Which requests: the API, the token endpoint, or any. */
  on?: 'api' | 'token' | 'any';
  /** For 429: seconds or an HTTP date. */
  retryAfter?: string;
  /** For 'slow' and 'trickle' (2000). */
  delayMs?: number;
  /** Only requests whose path and query contain this (such as "date=2026-02-07"). */
  match?: string;
}

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** For token requests, the grant and the PKCE verifier sent (never a token). */
  grantType?: string;
  codeVerifier?: string;
  fault?: FaultKind;
}

export interface FakeLightspeedOptions extends FakeDataOptions {
  port?: number;
  clients?: FakeClient[];
  /** Seconds; Lightspeed's V2 issues about 25 minutes. */
  accessTokenLifetime?: number;
  /** Seconds; 0 means no fixed expiry (offline_access). */
  refreshTokenLifetime?: number;
  autoApprove?: boolean;
  itemsShape?: ItemsShape;
  /** The fake's clock (which business days are closed); default: the real one. */
  now?: string;
  /** An office line instead of loopback: latency per call, bandwidth per answer. */
  network?: NetworkShape;
}

export interface FakeLightspeed {
  readonly url: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly apiUrl: string;
  readonly client: FakeClient;
  readonly data: FakeData;
  readonly oauth: FakeOAuth;
  readonly api: FakeApi;
  readonly requests: LoggedRequest[];
  fail(fault: Fault): void;
  clearFaults(): void;
  setNow(iso: string): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

export async function startFakeLightspeed(options: FakeLightspeedOptions = {}): Promise<FakeLightspeed> {
  let now = options.now ? Date.parse(options.now) : null;
  const clock = () => now ?? Date.now();
  const data = new FakeData({ ...options, today: options.today ?? new Date(clock()).toISOString().slice(0, 10) });
  const oauth = new FakeOAuth({
    clients: options.clients ?? [DEMO_CLIENT],
    accessTokenLifetime: options.accessTokenLifetime ?? 1500,
    refreshTokenLifetime: options.refreshTokenLifetime ?? 3_456_000,
    autoApprove: options.autoApprove ?? false,
    now: clock,
  });
  const api = new FakeApi(data, clock, { itemsShape: options.itemsShape ?? 'array' });
  const faults: (Fault & Required<Pick<Fault, 'times' | 'on'>>)[] = [];
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();

  function takeFault(kind: 'api' | 'token', target: string): Fault | undefined {
    const index = faults.findIndex((fault) => (fault.on === 'any' || fault.on === kind) && (fault.match === undefined || target.includes(fault.match)));
    const fault = faults[index];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) faults.splice(index, 1);
    return fault;
  }

  /** True when the fault answered the request itself. */
  async function applyFault(fault: Fault, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    switch (fault.kind) {
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2000));
        return false;
      case 'reset':
        request.socket.destroy();
        return true;
      case 'trickle':
        trickle(response, fault.delayMs ?? 2000);
        return true;
      case 'malformed':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"sales": [{"accountReference": ');
        return true;
      case 401:
        response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' });
        response.end(JSON.stringify({ timestamp: new Date(clock()).toISOString(), status: 401, error: 'Unauthorized', message: 'Token is not active', path: request.url }));
        return true;
      case 429:
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': fault.retryAfter ?? '1' });
        response.end(JSON.stringify({ status: 429, error: 'Too Many Requests' }));
        return true;
      default:
        response.writeHead(fault.kind, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ timestamp: new Date(clock()).toISOString(), path: request.url, status: fault.kind, error: 'Server Error', requestId: 'fake-request' }));
        return true;
    }
  }

  function requireBearer(request: IncomingMessage, path: string): void {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const issued = token ? oauth.inspectAccessToken(token) : undefined;
    if (!issued) {
      throw Object.assign(new ApiError(401, { timestamp: new Date(clock()).toISOString(), status: 401, error: 'Unauthorized', message: 'Full authentication is required', path }), {
        unauthorized: true,
      });
    }
    const needed = path.startsWith('/items/') ? 'items' : 'financial-api';
    if (!issued.scope.split(' ').includes(needed)) {
      throw new ApiError(403, { timestamp: new Date(clock()).toISOString(), status: 403, error: 'Forbidden', message: `Scope ${needed} is required`, path });
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse, url: URL, log: LoggedRequest): Promise<void> {
    const path = url.pathname;
    if (path === KEYCLOAK_AUTH_PATH || path === V1_AUTH_PATH) {
      const form = request.method === 'POST' ? new URLSearchParams(await readBody(request)) : null;
      return oauth.authorize(request, url, form, response);
    }
    if (path === KEYCLOAK_TOKEN_PATH || path === V1_TOKEN_PATH) {
      if (request.method !== 'POST') throw new ApiError(405, { error: 'Method not allowed' });
      const fault = takeFault('token', request.url ?? '');
      if (fault) {
        log.fault = fault.kind;
        if (await applyFault(fault, request, response)) return;
      }
      const body = await readBody(request);
      const form = new URLSearchParams(body);
      log.grantType = form.get('grant_type') ?? '';
      if (form.has('code_verifier')) log.codeVerifier = form.get('code_verifier') ?? '';
      return oauth.token(request, body, response);
    }
    const fault = takeFault('api', request.url ?? '');
    if (fault) {
      log.fault = fault.kind;
      if (await applyFault(fault, request, response)) return;
    }
    if (request.method !== 'GET') throw new ApiError(405, { error: 'Method not allowed' });
    requireBearer(request, path);
    if (path === '/f/data/businesses') return api.businesses(url, response);
    if (path === '/items/v1/items') return api.items(url, response);
    const sales = /^\/f\/v2\/business-location\/([^/]+)\/(sales|sales-daily)$/.exec(path);
    if (sales?.[2] === 'sales') return api.sales(sales[1] as string, url, response);
    if (sales?.[2] === 'sales-daily') return api.salesDaily(sales[1] as string, url, response);
    const aggregated = /^\/f\/finance\/([^/]+)\/aggregatedSales$/.exec(path);
    if (aggregated) return api.aggregatedSales(aggregated[1] as string, url, response);
    throw new ApiError(404, { timestamp: new Date(clock()).toISOString(), status: 404, error: 'Not Found', message: 'No static resource', path });
  }

  const network = options.network ?? {};
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const log: LoggedRequest = { at: new Date(clock()).toISOString(), method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0 };
    requests.push(log);
    response.on('finish', () => (log.status = response.statusCode));
    throttle(response, network);
    roundTrip(network).then(() => route(request, response, url, log)).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof ApiError) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if ((error as ApiError & { unauthorized?: boolean }).unauthorized) headers['www-authenticate'] = 'Bearer error="invalid_token"';
        response.writeHead(error.status, headers);
        response.end(JSON.stringify(error.body));
        return;
      }
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 500, error: String(error) }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Keycloak names itself in every authorization response (RFC 9207) by its realm's address.
  oauth.issuer = `${url}${KEYCLOAK_REALM_PATH}`;
  return {
    url,
    authorizeUrl: `${url}${KEYCLOAK_AUTH_PATH}`,
    tokenUrl: `${url}${KEYCLOAK_TOKEN_PATH}`,
    apiUrl: url,
    client: (options.clients ?? [DEMO_CLIENT])[0] as FakeClient,
    data,
    oauth,
    api,
    requests,
    fail: (fault) => void faults.push({ times: 1, on: 'api', ...fault }),
    clearFaults: () => faults.splice(0),
    setNow: (iso) => (now = Date.parse(iso)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
