// The renderer in a browser tab: the built renderer is served and the IPC contract is answered over
// HTTP on 127.0.0.1 by the very handlers Electron registers. Every call needs the session cookie
// (HttpOnly, SameSite=Strict, random per run), and the Host header must be our own address, so
// neither another local user's page nor a DNS-rebinding site can drive the engine.
//
// The browser gets the cookie from an address with a ticket, which the host exchanges once and
// forgets: the session itself never appears on a command line (the browser is opened with
// `xdg-open ADDRESS`, which every local user can read in the process list), in the address bar or in
// the browser's history. The address printed on the terminal carries a ticket of its own that may be
// used again during this run, so a closed tab can be reopened from it.
import { MAX_CSV_BYTES } from '../../../shared/model/csv';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { EVENT_CHANNEL } from '../../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';
import type { Dispatch } from '../ipc/dispatch';
import type { EventBus } from '../../core/event-bus';


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

// The largest call is a CSV upload: a file of up to 200 MB, as base64 (four characters per three bytes).
const MAX_BODY_BYTES = Math.ceil((MAX_CSV_BYTES * 4) / 3) + 1024 * 1024;
const HEARTBEAT_MS = 25_000;

export interface WebHostOptions {
  dispatch: Dispatch;
  events: EventBus;
  rendererFolder: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface WebHost {
  readonly origin: string;
  /**
   * An address that signs a browser in: `once` for the browser Larder opens itself (its command
   * line is public), reusable for the one printed on the terminal.
   */
  signInUrl(options: { once: boolean }): string;
  close(): Promise<void>;
}

export const TICKET_PATH = '/open';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function cookieValue(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not JSON.');
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  response.end(body);
}


/** A path's percent-escapes decoded; a broken one ("/%") is the request's fault: 400, never a stack trace. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new HttpError(400, 'The address is not valid.');
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const session = randomBytes(32).toString('hex');
  /** Ticket → whether it may be used again. */
  const tickets = new Map<string, boolean>();
  const root = normalize(options.rendererFolder + sep);
  let allowedHosts = new Set<string>();
  // Cookies are per host, not per port: a name of this port's own keeps two Larders apart.
  let cookieName = 'larder_session';

  async function serveFile(pathname: string, response: ServerResponse): Promise<void> {
    const wanted = normalize(join(root, decodedPath(pathname)));
    if (!wanted.startsWith(root)) throw new HttpError(404, 'Not found.');
    const file = (await stat(wanted).catch(() => null))?.isFile() ? wanted : join(root, 'index.html');
    send(response, 200, MIME[extname(file)] ?? 'application/octet-stream', await readFile(file));
  }

  function openEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    const unsubscribe = options.events.subscribe((event) => response.write(`event: ${EVENT_CHANNEL}\ndata: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.once('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) throw new HttpError(403, 'Unexpected Host header.');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) throw new HttpError(403, 'Unexpected Origin.');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const signedIn = sameToken(cookieValue(request, cookieName), session);
    if (url.pathname === TICKET_PATH) {
      const ticket = url.searchParams.get('ticket') ?? '';
      const reusable = tickets.get(ticket);
      if (reusable === undefined) throw new HttpError(401, 'This sign-in address was already used or is not from this Larder. Open the address `npm run web` printed.');
      if (!reusable) tickets.delete(ticket);
      response.writeHead(303, {
        location: '/',
        'set-cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      response.end();
      return;
    }
    if (url.pathname.startsWith('/ipc/')) {
      if (request.method !== 'POST') throw new HttpError(405, 'Use POST.');
      if (!signedIn) throw new HttpError(401, 'Not signed in to this Larder.');
      const channel = decodedPath(url.pathname.slice('/ipc/'.length));
      const result = await options.dispatch(channel, await readBody(request));
      send(response, 200, 'application/json', JSON.stringify(result));
      return;
    }
    if (url.pathname === '/events') {
      if (!signedIn) throw new HttpError(401, 'Not signed in to this Larder.');
      openEvents(request, response);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Use GET.');
    await serveFile(url.pathname, response);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error('[larder] web host request failed', error);
      if (!response.headersSent) send(response, status, 'text/plain; charset=utf-8', error instanceof HttpError ? error.message : 'Internal error.');
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  cookieName = `larder_session_${port}`;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    signInUrl({ once }) {
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, !once);
      return `${origin}${TICKET_PATH}?ticket=${ticket}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
