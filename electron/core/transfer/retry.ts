import { DomainError } from '../domain-error';

// Temporary POS failures (429, 5xx, network) are retried after 30 s, 60 s and 120 s
// (the seed's schedule), or after the server's own Retry-After.
export const DEFAULT_RETRY_DELAYS_MS = [30_000, 60_000, 120_000];

/** LARDER_RETRY_DELAYS_MS="10,10,10" shortens the schedule for tests and demos. */
export function retryDelaysFrom(env: Readonly<Record<string, string | undefined>>): number[] {
  const text = env.LARDER_RETRY_DELAYS_MS;
  if (!text) return DEFAULT_RETRY_DELAYS_MS;
  const delays = text.split(',').map((part) => Number(part.trim()));
  if (delays.some((delay) => !Number.isInteger(delay) || delay < 0)) {
    throw new DomainError('invalid_input', `LARDER_RETRY_DELAYS_MS=${text} is not a comma list of milliseconds.`);
  }
  return delays;
}

const MAX_RETRY_AFTER_MS = 120_000;

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`, capped; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_MS);
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
