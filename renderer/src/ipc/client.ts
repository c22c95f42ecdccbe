import type { IpcChannel } from '../../../shared/ipc/channels';
import type { ContractInput, ContractOutput, IpcError } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import type { LarderEvent } from '../../../shared/model/events';
import { transport } from './transport';

/** A refusal from main, with its catalogued code; screens show its meaning and fix. */
export class IpcCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

export async function call<C extends IpcChannel>(channel: C, input: ContractInput<Contracts[C]>): Promise<ContractOutput<Contracts[C]>> {
  const result = await transport.invoke(channel, input);
  if (!result.ok) throw new IpcCallError(result.error);
  return result.data as ContractOutput<Contracts[C]>;
}

const listeners = new Set<(event: LarderEvent) => void>();
let unsubscribe: (() => void) | null = null;

/**
 * Every part of every screen listens through one subscription: in the browser each subscription is
 * an event stream, and a browser keeps at most six connections to a host, so a stream per listener
 * would leave none for the calls themselves.
 */
export function onLarderEvent(listener: (event: LarderEvent) => void): () => void {
  listeners.add(listener);
  unsubscribe ??= transport.onEvent((event) => {
    for (const each of [...listeners]) each(event);
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}

export function asIpcError(error: unknown): IpcError {
  if (error instanceof IpcCallError) return error.error;
  return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}
