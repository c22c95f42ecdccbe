import { DomainError } from '../domain-error';
import type { ErrorCode } from '../../shared/errors';

const REQUEST_TIMEOUT_MS = 30_000;
const MAX_RETRY_AFTER_MS = 120_000;

/**
 * A failed call to Lightspeed. `temporary` marks what is worth retrying later (429, 502, 503, 504 and
 * network failures); `retryAfterMs` is the server's own Retry-After, capped at two minutes.
 */
export class LightspeedError extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number | null,
    readonly temporary: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(code, message);
  }
}

export const TEMPORARY_STATUSES = new Set([429, 502, 503, 504]);

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`, capped; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_MS);
}

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

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** fetch with a timeout; a network failure becomes a temporary LightspeedError, never a raw TypeError. */
export async function send(url: string, init: RequestInit): Promise<HttpAnswer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'error' });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new LightspeedError('lightspeed_api_error', `Lightspeed could not be reached (${cause}).`, null, true);
  }
}
