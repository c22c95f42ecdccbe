import type { z } from 'zod';
import { LightspeedError } from './lightspeed-http';

/** Validates a Lightspeed answer before anything is written; a surprise is refused with detail. */
export function expectShape<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new LightspeedError(
    'lightspeed_api_error',
    `Lightspeed sent ${what} in an unexpected shape (${issue?.path.join('.') || 'top level'}: ${issue?.message}); nothing was saved.`,
    200,
    false,
  );
}
