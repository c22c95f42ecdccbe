// One HTTP exchange with a POS, as every POS client makes it: one deadline for the whole exchange
// (connecting, the headers and every byte of the body), one cap on the body whether or not its length
// is announced, and no redirect followed. A server that trickles its body a byte at a time, or sends
// one without end, cannot hold a transfer (and the day lock it holds) or the office PC's memory.
import { DomainError } from '../domain-error';
import { redirectOf } from './pos-redirect';

/** Far above any real answer (a busy day's sales are a few MB): past it, the body is refused unread. */
export const MAX_POS_BODY_BYTES = 50 * 1024 * 1024;
/** The longest a whole exchange may take; a real day's page arrives in seconds. */
export const POS_DEADLINE_MS = 60_000;

export interface PosAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

export type ExchangeFault =
  /** No answer: the connection failed (`detail` is the network's code). Temporary. */
  | 'unreachable'
  /** The deadline passed before the whole body arrived. Temporary. */
  | 'too_slow'
  /** The body is larger than the cap. */
  | 'too_large'
  /** A 3xx with a Location (`detail` is where it points). */
  | 'redirect';

/** Why an exchange failed; each client words it in its POS's name and error codes. */
export class PosExchangeError extends Error {
  constructor(
    readonly fault: ExchangeFault,
    readonly detail: string,
    readonly status: number | null,
  ) {
    super(`${fault}: ${detail}`);
  }
}

export interface ExchangeLimits {
  maxBytes?: number;
  deadlineMs?: number;
}

const MAX_RETRY_AFTER_MS = 120_000;

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`, capped; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_MS);
}

/** LARDER_POS_DEADLINE_MS shortens the deadline of every POS exchange, for tests and demos of a hung server. */
export function exchangeLimitsFrom(env: Readonly<Record<string, string | undefined>>): ExchangeLimits {
  const text = env.LARDER_POS_DEADLINE_MS;
  if (!text) return {};
  const deadlineMs = Number(text);
  if (!Number.isInteger(deadlineMs) || deadlineMs <= 0) throw new DomainError('invalid_input', `LARDER_POS_DEADLINE_MS=${text} is not a number of milliseconds.`);
  return { deadlineMs };
}

export async function exchange(url: string | URL, init: RequestInit, limits: ExchangeLimits = {}): Promise<PosAnswer> {
  const maxBytes = limits.maxBytes ?? MAX_POS_BODY_BYTES;
  const deadlineMs = limits.deadlineMs ?? POS_DEADLINE_MS;
  const controller = new AbortController();
  // An explicit timer, cleared when done: AbortSignal.timeout's timer is unreferenced and its signal
  // can be collected while the body is still being read, and then it never fires.
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  let status: number | null = null;
  try {
    const response = await fetch(url, { ...init, signal: controller.signal, redirect: 'manual' });
    status = response.status;
    const redirect = redirectOf(response, url);
    if (redirect !== null) {
      await response.body?.cancel();
      throw new PosExchangeError('redirect', redirect, status);
    }
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body?.cancel();
      throw new PosExchangeError('too_large', `${Math.round(maxBytes / 1024 / 1024)} MB`, status);
    }
    return { status, headers: response.headers, body: await readCapped(response, maxBytes) };
  } catch (error) {
    if (error instanceof PosExchangeError) throw error;
    if (controller.signal.aborted) throw new PosExchangeError('too_slow', deadlineMs < 1000 ? `${deadlineMs} ms` : `${Math.round(deadlineMs / 1000)} s`, status);
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new PosExchangeError('unreachable', cause, status);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body, refused once past the cap. A body whose length was announced (and is within the cap) is
 * read whole: streaming it chunk by chunk costs a sales day's answer more time than parsing it.
 */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  if (response.headers.has('content-length')) return Buffer.from(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    // Leaving the loop by a throw cancels the stream: nothing more is read.
    if (size > maxBytes) throw new PosExchangeError('too_large', `${Math.round(maxBytes / 1024 / 1024)} MB`, response.status);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
