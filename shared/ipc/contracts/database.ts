import { z } from 'zod';
import { databaseChoice, POSTGRES_ADDRESS } from '../../model/database';
import { defineContract } from '../contract';

const empty = z.object({}).strict();

/** Settings → Database: the database this Larder opened, and the one it opens at its next start (never a password). */
export const databaseChoiceContract = defineContract({
  channel: 'database:choice',
  input: empty,
  output: z.object({ running: databaseChoice, next_start: databaseChoice }),
  errors: [],
});

/**
 * A group's PostgreSQL server: tried (it must answer, sign in and run PostgreSQL 15 or newer) and kept
 * with its password sealed on this PC; Larder opens it from its next start.
 */
export const useDatabaseServerContract = defineContract({
  channel: 'database:use-server',
  input: z
    .object({
      address: z.string().trim().min(1).max(2000).regex(POSTGRES_ADDRESS, 'starts with postgres://'),
      password: z.string().max(1000).nullable(),
    })
    .strict(),
  output: databaseChoice,
  errors: ['invalid_input', 'database_unreachable', 'secret_storage_unavailable', 'secret_storage_weak'],
});

/** Back to the database in the data folder from the next start; the server keeps its data. */
export const useDataFolderDatabaseContract = defineContract({
  channel: 'database:use-data-folder',
  input: empty,
  output: databaseChoice,
  errors: [],
});
