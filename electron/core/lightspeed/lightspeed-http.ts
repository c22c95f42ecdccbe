import { PosCallError } from '../domain-error';
import { redirectOf } from '../sources/pos-redirect';

const REQUEST_TIMEOUT_MS = 30_000;
/** Far above any real answer (a busy day's sales are a few MB): past it, the body is refused unread. */
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
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
 * fetch with a timeout and a size cap; a network failure becomes a temporary LightspeedError, never a
 * raw TypeError, and an answer over the cap is refused without being read into memory.
 */
export async function send(url: string, init: RequestInit, maxBytes: number = MAX_RESPONSE_BYTES): Promise<HttpAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'manual' });
  } catch (error) {
    throw unreachable(error);
  }
  const redirect = redirectOf(response, url);
  if (redirect !== null) {
    await response.body?.cancel();
    throw new LightspeedError('lightspeed_api_error', `Lightspeed answered ${new URL(url).pathname} with a redirect to ${redirect}; Larder follows no redirect, so nothing was sent there.`, response.status, false);
  }
  const tooLarge = () =>
    new LightspeedError('lightspeed_api_error', `Lightspeed sent more than ${Math.round(maxBytes / 1024 / 1024)} MB for ${new URL(url).pathname}; the answer was refused.`, response.status, false);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  let body: Buffer;
  try {
    body = response.headers.has('content-length') ? Buffer.from(await response.arrayBuffer()) : await readCapped(response, maxBytes, tooLarge);
  } catch (error) {
    if (error instanceof LightspeedError) throw error;
    throw unreachable(error);
  }
  return new HttpAnswer(response.status, response.headers, body);
}

/**
 * A body of unknown length, read a chunk at a time and refused once past the cap. (A body whose
 * length was announced and within the cap is read whole: streaming it chunk by chunk costs a sales
 * day's answer more time than parsing it.)
 */
async function readCapped(response: Response, maxBytes: number, tooLarge: () => LightspeedError): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body?.cancel();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function unreachable(error: unknown): LightspeedError {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
  return new LightspeedError('lightspeed_api_error', `Lightspeed could not be reached (${cause}).`, null, true);
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
