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

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
