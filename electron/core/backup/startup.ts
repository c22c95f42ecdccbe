// How every front starts the engine: the database is inspected first, so a damaged or missing one is
// a DatabaseProblem the front shows (a recovery screen, a CLI refusal) instead of a crash or an empty
// database in its place; and a database about to be migrated is backed up before the migration runs.
import Database from 'better-sqlite3';
import { asDomainError } from '../domain-error';
import { createEngine, type Engine, type Runtime } from '../engine';
import { usesDatabaseServer } from './database-server';
import type { Platform } from '../platform/platform';
import { newestVerifiedBackup, takeBackup } from './backups';
import { backupPlaceOf, databaseFileOf, DatabaseProblem, inspectDatabase, problemOf } from './data-folder';

export async function startEngine(platform: Platform, runtime: Runtime, options: { fresh?: boolean } = {}): Promise<Engine> {
  // A PostgreSQL database is the server's to keep: no file here to inspect, back up or find missing.
  if (usesDatabaseServer(platform)) return await createEngine(platform, runtime);
  const place = backupPlaceOf(platform);
  const state = inspectDatabase(platform, place, 'when-due');
  const problem = state.state === 'missing' && options.fresh ? null : problemOf(platform, state, place);
  if (problem) throw problem;
  if (state.state === 'ok' && state.pending > 0) {
    const sqlite = new Database(databaseFileOf(platform), { fileMustExist: true, ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}) });
    try {
      await takeBackup(sqlite, place, 'before-change');
    } finally {
      sqlite.close();
    }
  }
  try {
    return await createEngine(platform, runtime);
  } catch (error) {
    const known = asDomainError(error);
    if (known && known.code !== 'database_damaged') throw error;
    // The migrations run in one transaction: a failed one left the file as it was, at its old version.
    throw new DatabaseProblem(
      'database_damaged',
      `Larder's database ${databaseFileOf(platform)} could not be brought up to date (${(error as Error).message}); it was left as it was.`,
      databaseFileOf(platform),
      newestVerifiedBackup(place),
    );
  }
}
