import { PosCallError } from '../../domain-error';
import { exchange, type ExchangeLimits, PosExchangeError } from '../pos-exchange';

/** Real answers nest a handful of levels; a body nested thousands deep would overflow the stack of whatever walks it. */
export const MAX_JSON_DEPTH = 64;

/** A failed call to Lightspeed: temporary for 429, 502, 503, 504 and network failures; Retry-After capped at two minutes. */
export class LightspeedError extends PosCallError {}

export const TEMPORARY_STATUSES = new Set([429, 502, 503, 504]);

/** The server's own words from an error body (Spring, Keycloak or K-Series shapes), else the start of the text. */
export function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const words = [body.error_description, body.message, body.error].find((value) => typeof value === 'string' && value.length > 0);
    if (typeof words === 'string') return words;
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return text.slice(0, 200) || '(no message)';
}

/**
 * An answer as it arrived: its body stays bytes until someone reads it as text (a migration holds the
 * next day's answer while it stores this one's, and bytes are a quarter of the text and objects).
 */
export class HttpAnswer {
  private decoded: string | null = null;

  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly body: Buffer,
  ) {}

  get text(): string {
    return (this.decoded ??= this.body.toString('utf8'));
  }
}

/**
 * One exchange with Lightspeed (see pos-exchange.ts for its deadline and cap); its failures become
 * LightspeedErrors: a network failure or a deadline passed is temporary, never a raw TypeError.
 */
export async function send(url: string, init: RequestInit, limits: ExchangeLimits = {}): Promise<HttpAnswer> {
  try {
    const answer = await exchange(url, init, limits);
    return new HttpAnswer(answer.status, answer.headers, answer.body);
  } catch (error) {
    if (!(error instanceof PosExchangeError)) throw error;
    const path = new URL(url).pathname;
    switch (error.fault) {
      case 'redirect':
        throw new LightspeedError('lightspeed_api_error', `Lightspeed answered ${path} with a redirect to ${error.detail}; Larder follows no redirect, so nothing was sent there.`, error.status, false);
      case 'too_large':
        throw new LightspeedError('lightspeed_api_error', `Lightspeed sent more than ${error.detail} for ${path}; the answer was refused.`, error.status, false);
      case 'too_slow':
        throw new LightspeedError('lightspeed_api_error', `Lightspeed did not finish answering ${path} within ${error.detail}; the answer was cut off and will be asked for again.`, error.status, true);
      case 'unreachable':
        throw new LightspeedError('lightspeed_api_error', `Lightspeed could not be reached (${error.detail}).`, null, true);
    }
  }
}

/** JSON.parse for Lightspeed's answers: malformed or absurdly deep bodies are Lightspeed's error, not Larder's crash. */
export function parseJsonAnswer(answer: HttpAnswer, what: string): unknown {
  if (nestingDepth(answer.body) > MAX_JSON_DEPTH) {
    throw new LightspeedError('lightspeed_api_error', `Lightspeed sent ${what} nested more than ${MAX_JSON_DEPTH} levels deep; nothing was saved.`, answer.status, false);
  }
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    // In words a manager reads in a failed day's log; the size tells support it was not an empty answer.
    throw new LightspeedError('lightspeed_api_error', `Lightspeed sent an answer Larder could not read, for ${what} (${answer.text.length} bytes that are not JSON); nothing was saved.`, answer.status, false);
  }
}

/**
 * The deepest nesting of arrays and objects in JSON bytes, counted without parsing: strings are
 * skipped whole (a quote preceded by an odd run of backslashes is escaped), so brackets inside them do
 * not count; in UTF-8 no byte of a multi-byte character looks like a quote or a bracket.
 */
function nestingDepth(bytes: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index++] as number;
    if (byte === 0x22) {
      for (;;) {
        const quote = bytes.indexOf(0x22, index);
        if (quote < 0) return deepest;
        let backslashes = 0;
        while (bytes[quote - 1 - backslashes] === 0x5c) backslashes++;
        index = quote + 1;
        if (backslashes % 2 === 0) break;
      }
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > deepest) deepest = depth;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return deepest;
}
