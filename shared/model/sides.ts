// A Sides POS connection as the screens and the CLI show it: never the password or the session.
import { z } from 'zod';

export const sidesView = z.object({
  connected: z.boolean(),
  name: z.string(),
  /** The origin Larder calls (SIDES_API_URL wins over the saved one). */
  apiUrl: z.string().nullable(),
  username: z.string().nullable(),
  /** The last time a call to Sides succeeded (connect, test, a sync). */
  lastCheckAt: z.string().nullable(),
  storesSyncedAt: z.string().nullable(),
  productsSyncedAt: z.string().nullable(),
});
export type SidesView = z.infer<typeof sidesView>;
