import type { z } from 'zod';
import { ipcChannels, type IpcChannel } from '../../../shared/ipc/channels';
import type { IpcResult } from '../../../shared/ipc/contract';
import { contracts } from '../../../shared/ipc/contracts';
import { asDomainError } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import type { Handlers } from './handler-types';

export type Dispatch = (channel: string, input: unknown) => Promise<IpcResult<unknown>>;

const known = new Set<string>(ipcChannels);

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
}

/**
 * Validates a request against its contract, runs the handler and validates the answer too: output
 * parsing strips any field the contract does not name, so nothing (a token, say) can leak by accident.
 * Refusals (and a full disk or a read-only data folder) become `{ok:false}`; anything else is a bug,
 * logged in full and answered as internal_error.
 */
export function createDispatch(handlers: Handlers, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (channel, rawInput) => {
    if (!known.has(channel)) {
      return { ok: false, error: { code: 'invalid_input', message: `Unknown channel ${channel}.` } };
    }
    const contract = contracts[channel as IpcChannel];
    const input = contract.input.safeParse(rawInput ?? {});
    if (!input.success) {
      const details = describeIssues(input.error);
      return { ok: false, error: { code: 'invalid_input', message: `Invalid request: ${details[0]}`, details } };
    }
    try {
      const handler = handlers[channel as IpcChannel] as (input: unknown) => unknown;
      const output = contract.output.safeParse(await handler(input.data));
      if (!output.success) {
        log(`[larder] ${channel} answered outside its contract: ${describeIssues(output.error).join('; ')}`, output.error);
        return { ok: false, error: { code: 'internal_error', message: 'Larder produced an answer it should not have. Nothing was shown.' } };
      }
      return { ok: true, data: output.data };
    } catch (error) {
      const known = asDomainError(error);
      if (known) {
        return { ok: false, error: { code: known.code, message: known.message, ...(known.details ? { details: [...known.details] } : {}), ...(known.rows ? { rows: [...known.rows] } : {}) } };
      }
      log(`[larder] ${channel} failed`, error);
      return { ok: false, error: { code: 'internal_error', message: 'Something went wrong inside Larder. Nothing was changed.' } };
    }
  };
}

/** Bugs go to the console and to larder.log, where a diagnostics file finds them. */
export function bugLogger(engine: Pick<Engine, 'log'>): (message: string, error: unknown) => void {
  return (message, error) => {
    console.error(message, error);
    engine.log.error(message, error);
  };
}
