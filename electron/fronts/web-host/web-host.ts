// The renderer in a browser: the built renderer is served and the IPC contract is answered over HTTP
// by the very handlers Electron registers. Who may call is the gate's business: on this PC one
// person holding the run's ticket (ticket-gate.ts), on a Larder server signed-in people, each with
// their role (people-gate.ts). What the host itself guarantees for both:
// - the Host header names one of our own addresses, so a DNS-rebinding site cannot reach us;
// - every POST carries an Origin, and it is one of ours: a page elsewhere cannot make a signed-in
//   browser call a contract (SameSite=Strict cookies say the same; this does not depend on them);
// - nothing is served to a request the gate does not know (401), whatever the path.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { EVENT_CHANNEL } from '../../../shared/ipc/channels';
import type { Dispatch } from '../ipc/dispatch';
import type { EventBus } from '../../core/event-bus';
import type { LarderEvent } from '../../../shared/model/events';
import { decodedPath, HttpError, readBody, send, sendJson } from './http-parts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const HEARTBEAT_MS = 25_000;

/** Who may use the host, and how they sign in. */
export interface Gate {
  /** Told the host's address once it listens. */
  opened(origin: string): void;
  /** Answers the gate's own addresses (signing in and out); false when the path is not one of them. */
  answer(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean>;
  /** What this request may call and which events it is told, or null when it comes from nobody signed in (401). */
  doorOf(request: IncomingMessage): Promise<Door | null>;
}

export interface Door {
  dispatch: Dispatch;
  /** Whether this person is told of an event (a venue's transfers are its people's business). */
  sees(event: LarderEvent): boolean;
}

export interface WebHostOptions {
  gate: Gate;
  events: EventBus;
  rendererFolder: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The address to listen on: 127.0.0.1 unless a server names another. */
  address?: string;
  /** HTTPS with this certificate and key; plain HTTP without. */
  tls?: { cert: Buffer; key: Buffer };
  /** Addresses browsers use beside the one listened on: a reverse proxy's `https://larder.example`. */
  origins?: readonly string[];
}

export interface WebHost {
  /** Where browsers open Larder: the first of `origins`, else the address listened on. */
  readonly origin: string;
  /** The port listened on (behind a proxy, not the one in `origin`). */
  readonly port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const root = normalize(options.rendererFolder + sep);
  let allowedOrigins = new Set<string>();
  let allowedHosts = new Set<string>();

  async function serveFile(pathname: string, response: ServerResponse): Promise<void> {
    const wanted = normalize(join(root, decodedPath(pathname)));
    if (!wanted.startsWith(root)) throw new HttpError(404, 'Not found.');
    const file = (await stat(wanted).catch(() => null))?.isFile() ? wanted : join(root, 'index.html');
    send(response, 200, MIME[extname(file)] ?? 'application/octet-stream', await readFile(file));
  }

  function openEvents(request: IncomingMessage, response: ServerResponse, door: Door): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    const unsubscribe = options.events.subscribe((event) => door.sees(event) && response.write(`event: ${EVENT_CHANNEL}\ndata: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.once('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  function checkAddresses(request: IncomingMessage): void {
    if (!allowedHosts.has(request.headers.host ?? '')) throw new HttpError(403, 'Unexpected Host header.');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) throw new HttpError(403, 'Unexpected Origin.', 'forbidden');
    if (request.method !== 'GET' && request.method !== 'HEAD' && origin === undefined) {
      throw new HttpError(403, 'A change must say where it comes from (an Origin header).', 'forbidden');
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    checkAddresses(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (await options.gate.answer(request, response, url)) return;
    if (url.pathname.startsWith('/ipc/')) {
      if (request.method !== 'POST') throw new HttpError(405, 'Use POST.');
      const door = await options.gate.doorOf(request);
      if (!door) throw new HttpError(401, 'Not signed in to this Larder.', 'not_signed_in');
      const channel = decodedPath(url.pathname.slice('/ipc/'.length));
      sendJson(response, 200, await door.dispatch(channel, await readBody(request)));
      return;
    }
    if (url.pathname === '/events') {
      const door = await options.gate.doorOf(request);
      if (!door) throw new HttpError(401, 'Not signed in to this Larder.', 'not_signed_in');
      openEvents(request, response, door);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Use GET.');
    await serveFile(url.pathname, response);
  }

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error('[larder] web host request failed', error);
      if (response.headersSent) response.end();
      else if (error instanceof HttpError && error.code) sendJson(response, status, { ok: false, error: { code: error.code, message: error.message } });
      else send(response, status, 'text/plain; charset=utf-8', error instanceof HttpError ? error.message : 'Internal error.');
    });
  };
  const server: Server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : createServer(onRequest);

  const address = options.address ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, address, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  const listened = LOOPBACK.has(address) ? [`${scheme}://127.0.0.1:${port}`, `${scheme}://localhost:${port}`] : [`${scheme}://${address}:${port}`];
  const origins = [...(options.origins ?? []).map((origin) => new URL(origin).origin), ...listened];
  allowedOrigins = new Set(origins);
  allowedHosts = new Set(origins.map((origin) => new URL(origin).host));
  const origin = origins[0] as string;
  options.gate.opened(origin);
  return {
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
