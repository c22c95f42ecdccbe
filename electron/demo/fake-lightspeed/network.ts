// An office line for the fake: each request waits `latencyMs` before it is handled (the round trip),
// and each answer leaves at `bandwidthMbit`, a slice every 10 ms — so a benchmark can set Larder's
// migration against the time the network alone needs for the same answers.
import type { ServerResponse } from 'node:http';

export interface NetworkShape {
  /** Milliseconds before a request is handled. */
  latencyMs?: number;
  /** Megabits a second an answer's body leaves at; unset: as fast as loopback. */
  bandwidthMbit?: number;
}

const SLICE_MS = 10;

/** Waits the round trip. */
export function roundTrip(shape: NetworkShape): Promise<void> {
  return shape.latencyMs ? new Promise((resolve) => setTimeout(resolve, shape.latencyMs)) : Promise.resolve();
}

/** Makes `response.end(body)` send its body at the shape's bandwidth. */
export function throttle(response: ServerResponse, shape: NetworkShape): void {
  if (!shape.bandwidthMbit) return;
  const perSlice = Math.max(1, Math.floor((shape.bandwidthMbit * 1_000_000) / 8 / (1000 / SLICE_MS)));
  const end = response.end.bind(response) as (chunk?: unknown) => ServerResponse;
  const write = response.write.bind(response) as (chunk: Buffer) => boolean;
  response.end = ((chunk?: unknown) => {
    if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return end(chunk);
    const bytes = Buffer.from(chunk as string | Buffer);
    let sent = 0;
    const next = () => {
      if (response.destroyed) return;
      if (sent >= bytes.length) {
        end();
        return;
      }
      write(bytes.subarray(sent, sent + perSlice));
      sent += perSlice;
      setTimeout(next, SLICE_MS);
    };
    next();
    return response;
  }) as typeof response.end;
}
