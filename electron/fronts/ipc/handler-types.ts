// What a handler of each channel takes and answers, derived from its contract. Apart from handlers.ts,
// so the per-domain handler files and the dispatcher can use it without importing each other in a circle.
import type { z } from 'zod';
import type { IpcChannel } from '../../../shared/ipc/channels';
import type { Contract } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';

type Handler<C extends Contract> = (input: z.output<C['input']>) => z.input<C['output']> | Promise<z.input<C['output']>>;

export type Handlers = { [K in IpcChannel]: Handler<Contracts[K]> };

/**
 * The channels of one contract module (shared/ipc/contracts/<domain>.ts), which its handler file
 * (<domain>-handlers.ts) answers: each channel is written once, in its contract.
 */
export type ChannelsOf<M> = { [K in keyof M]: M[K] extends { channel: infer C extends IpcChannel } ? C : never }[keyof M];
