import { z } from 'zod';
import { defineContract } from '../contract';

export const appInfo = defineContract({
  channel: 'app:info',
  input: z.object({}).strict(),
  output: z.object({
    version: z.string(),
    runtime: z.enum(['electron', 'web', 'server', 'cli']),
    dataFolder: z.string(),
    companyName: z.string(),
    /** The company's currency (its locations'), for money on every screen; null before any location. */
    currency: z.string().nullable(),
    secretStorage: z.object({
      backend: z.string(),
      /** Null when secrets can be sealed; otherwise the refusal, in plain words. */
      problem: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  }),
  errors: [],
});
