import type { IpcChannel } from '../../../shared/ipc/channels';
import type { ContractInput, ContractOutput, IpcError } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import type { LarderEvent } from '../../../shared/ipc/events';
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

export function onLarderEvent(listener: (event: LarderEvent) => void): () => void {
  return transport.onEvent(listener);
}

export function asIpcError(error: unknown): IpcError {
  if (error instanceof IpcCallError) return error.error;
  return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}
