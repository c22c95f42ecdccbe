// Where the browser comes back after the Lightspeed sign-in (RFC 8252): a listener on 127.0.0.1 only,
// answering only the callback path, closing after the first callback or after 5 minutes. The same
// checks serve the "paste the address you were sent to" fallback. Nothing here ever asks for a
// token: a callback that fails the checks ends the flow before any token request can be made.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '../domain-error';

export const CALLBACK_PATH = '/callback';
export const CALLBACK_TIMEOUT_MS = 5 * 60_000;

/** Checks a callback's query against the flow's `state` and returns its code. */
export function codeFromCallback(params: URLSearchParams, expectedState: string): string {
  const state = params.get('state');
  const same = state !== null && state.length === expectedState.length && timingSafeEqual(Buffer.from(state), Buffer.from(expectedState));
  if (!same) {
    throw new DomainError('oauth_state_mismatch', state === null ? 'The callback carried no state.' : 'The callback’s state does not match this sign-in.');
  }
  const error = params.get('error');
  if (error === 'access_denied') throw new DomainError('oauth_denied', 'Access was denied on the Lightspeed page.');
  if (error) {
    throw new DomainError('lightspeed_oauth_exchange_failed', `Lightspeed answered ${error}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}.`);
  }
  const code = params.get('code');
  if (!code) throw new DomainError('lightspeed_oauth_exchange_failed', 'The callback carried no authorization code.');
  return code;
}

/** The address a manager pasted (or just its query); anything unparseable is refused plainly. */
export function paramsFromPastedAddress(pasted: string): URLSearchParams {
  const text = pasted.trim();
  try {
    return new URL(text).searchParams;
  } catch {
    if (text.includes('code=') || text.includes('error=')) return new URLSearchParams(text.replace(/^[^?]*\?/, ''));
    throw new DomainError('invalid_input', 'Paste the whole address from the browser’s address bar, starting with https:// or http://.');
  }
}

export interface LoopbackCallback {
  readonly redirectUri: string;
  /** Resolves with the code of the first callback, or rejects; the listener is closed either way. */
  readonly code: Promise<string>;
  close(): void;
}

const PAGE = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${body}</p></body></html>`;

export async function listenForCallback(options: { state: string; port?: number | null; timeoutMs?: number }): Promise<LoopbackCallback> {
  let settle: { resolve(code: string): void; reject(error: unknown): void } | undefined;
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // A caller that gives up (closes) before anyone awaits must not leave an unhandled rejection behind.
  code.catch(() => undefined);

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    try {
      const value = codeFromCallback(url.searchParams, options.state);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE('Larder is connected', 'You can close this window and go back to Larder.'));
      settle?.resolve(value);
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE('Larder did not connect', 'This sign-in could not be used. Go back to Larder and start Connect again.'));
      settle?.reject(error);
    }
    close();
  });

  function close(): void {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
    settle?.reject(new DomainError('oauth_timeout', 'The sign-in was closed before Lightspeed answered.'));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  // Requests can only arrive after listen(), so close() never sees `timer` before this line.
  const timer = setTimeout(() => {
    settle?.reject(new DomainError('oauth_timeout', 'Nobody finished the Lightspeed sign-in within 5 minutes.'));
    close();
  }, options.timeoutMs ?? CALLBACK_TIMEOUT_MS);
  timer.unref();
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, code, close };
}
