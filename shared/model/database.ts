// Which database Larder keeps its data in, as Settings → Database and `larder db server` show it.
import { z } from 'zod';

/** postgres:// or postgresql://: the only addresses Larder opens as a database server. */
export const POSTGRES_ADDRESS = /^postgres(ql)?:\/\//;

export const databaseChoice = z.object({
  /** sqlite: the file in the data folder; postgres: a server several PCs share. */
  store: z.enum(['sqlite', 'postgres']),
  /** The server's address without its password; null on SQLite. */
  address: z.string().nullable(),
  /** Whether a password is kept for it, sealed on this PC (it is never shown). */
  password_sealed: z.boolean(),
  /** environment: LARDER_DATABASE_URL (Settings cannot change it); settings: chosen in Settings; default: the data folder. */
  set_by: z.enum(['environment', 'settings', 'default']),
  /** The database file on SQLite; null on a server. */
  file: z.string().nullable(),
});
export type DatabaseChoice = z.infer<typeof databaseChoice>;
