// Where the browser comes back after the Lightspeed sign-in (RFC 8252): a listener on 127.0.0.1 only,
// answering only the callback path, closing after the callback of this sign-in or after 5 minutes.
// A stray request (another page probing the port, a stale tab with another sign-in's state) is
// answered and ignored: it never ends the real sign-in. The same checks serve the "paste the address
// you were sent to" fallback. A callback that fails the checks ends nothing and asks for no token; the
// browser page says "connected" only once the code was exchanged and the tokens stored.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { catalogEntry } from '../../../../shared/errors';
import { DomainError } from '../../domain-error';

export const CALLBACK_PATH = '/callback';
export const CALLBACK_TIMEOUT_MS = 5 * 60_000;

/** Byte for byte and in constant time: a state of another length, in bytes or characters, is simply not ours. */
function sameState(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks a callback's query against the flow's `state` (and, when the server names itself with `iss`
 * as RFC 9207 has it, against the issuer Larder expects) and returns its code.
 */
export function codeFromCallback(params: URLSearchParams, expectedState: string, expectedIssuer: string | null): string {
  const state = params.get('state');
  if (!sameState(state, expectedState)) {
    throw new DomainError('oauth_state_mismatch', state === null ? 'The callback carried no state.' : 'The callback’s state does not match this sign-in.');
  }
  const issuer = params.get('iss');
  if (issuer !== null && expectedIssuer !== null && issuer !== expectedIssuer) {
    throw new DomainError('oauth_issuer_mismatch', `The answer came from ${issuer}, not from ${expectedIssuer}, so it was not used.`);
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

export interface LoopbackCallback<T> {
  readonly redirectUri: string;
  /** Settles with what `complete` made of this sign-in's code, or its refusal; the listener is closed either way. */
  readonly result: Promise<T>;
  close(): void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const PAGE = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;margin:3em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;

function failurePage(error: unknown): string {
  const code = (error as { code?: string }).code ?? 'internal_error';
  const entry = catalogEntry(code);
  const said = error instanceof DomainError ? error.message : (entry?.meaning ?? 'Something went wrong inside Larder.');
  return PAGE('Larder did not connect', `${said} ${entry ? `What to do: ${entry.fix}` : 'Go back to Larder and start Connect again.'}`);
}

export async function listenForCallback<T>(options: {
  state: string;
  issuer: string | null;
  /** Exchanges the code and stores the tokens; the browser hears the outcome of this, not of the redirect. */
  complete: (code: string) => Promise<T>;
  port?: number | null;
  timeoutMs?: number;
}): Promise<LoopbackCallback<T>> {
  let settle: { resolve(value: T): void; reject(error: unknown): void } | undefined;
  const result = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  // A caller that gives up (closes) before anyone awaits must not leave an unhandled rejection behind.
  result.catch(() => undefined);
  let answered = false;

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH || answered) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    // Not this sign-in's answer: say so, and keep waiting for the real one.
    if (!sameState(url.searchParams.get('state'), options.state)) {
      response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE('This is not the sign-in Larder is waiting for', 'Use the browser window Larder opened, or start Connect again in Larder.'));
      return;
    }
    answered = true;
    let code: string;
    try {
      code = codeFromCallback(url.searchParams, options.state, options.issuer);
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      response.end(failurePage(error));
      settle?.reject(error);
      close();
      return;
    }
    options.complete(code).then(
      (value) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(PAGE('Larder is connected', 'You can close this window and go back to Larder.'));
        settle?.resolve(value);
        close();
      },
      (error: unknown) => {
        response.writeHead(502, { 'content-type': 'text/html; charset=utf-8' });
        response.end(failurePage(error));
        settle?.reject(error);
        close();
      },
    );
  });

  function close(): void {
    clearTimeout(timer);
    server.close();
    // The answer to the callback is still on its way: end the other sockets, not that one.
    setImmediate(() => server.closeAllConnections());
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
  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, result, close };
}
