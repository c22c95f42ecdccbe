import type { z } from 'zod';
import type { ErrorCode } from '../errors';
import type { CsvInvalidRow } from '../model/csv';

/** One IPC call: its channel, what it takes, what it answers and the refusals it may answer with. */
export interface Contract<C extends string = string, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly channel: C;
  readonly input: I;
  readonly output: O;
  readonly errors: readonly ErrorCode[];
}

export function defineContract<const C extends string, I extends z.ZodType, O extends z.ZodType>(contract: Contract<C, I, O>): Contract<C, I, O> {
  return contract;
}

export interface IpcError {
  code: ErrorCode;
  message: string;
  details?: string[] | undefined;
  /** A CSV file's rows at fault, where they apply. */
  rows?: CsvInvalidRow[] | undefined;
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export type ContractInput<C extends Contract> = z.input<C['input']>;
export type ContractOutput<C extends Contract> = z.output<C['output']>;
