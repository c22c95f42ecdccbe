// What state the data folder's database is in before anything opens it for work: healthy (perhaps
// behind this Larder's schema), new, missing where Larder ran before, or damaged. Larder never puts an
// empty database silently in place of one that was there, and never crashes on a damaged one.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { knownSchemaVersion, schemaVersionOf } from '../db/open-database';
import { DomainRefusal } from '../domain-error';
import type { ErrorCode } from '../../../shared/errors';
import type { Platform } from '../platform/platform';
import { backupFolderOf, listBackups, newestVerifiedBackup, type BackupPlace, type BackupRecord } from './backups';

export const DATABASE_FILE = 'larder.db';
export const LOG_FILE = 'larder.log';

export type DatabaseState =
  | { state: 'ok'; schemaVersion: number; pending: number; checked: boolean }
  | { state: 'new' }
  | { state: 'missing'; traces: string[] }
  | { state: 'damaged'; reason: string };

/** Where this process's backups go and how many are kept, from its settings. */
export function backupPlaceOf(platform: Platform): BackupPlace {
  return {
    folder: backupFolderOf(platform.dataFolder, platform.settings.get('backupFolder')),
    keep: platform.settings.get('backupKeep'),
    migrationsFolder: platform.migrationsFolder,
    clock: platform.clock,
    ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}),
  };
}

export function databaseFileOf(platform: Pick<Platform, 'dataFolder'>): string {
  return join(platform.dataFolder, DATABASE_FILE);
}

/** The database file and the SQLite build that opens it: what a second connection (an export's reader) needs. */
export function databaseSourceOf(platform: Pick<Platform, 'dataFolder' | 'nativeBinding'>): { file: string; nativeBinding?: string } {
  return { file: databaseFileOf(platform), ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}) };
}

/**
 * settings.json shows Larder ran here only through what Larder writes there itself while it runs (a
 * window's place, the tray notice, the demo): a settings file written before the first start (the
 * Lightspeed client, a backup folder on a share) is how an office sets Larder up, not data.
 */
function settingsWrittenByLarder(file: string): boolean {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return (
      (saved.windowBounds ?? null) !== null ||
      saved.trayNoticeShown === true ||
      (saved.demoAccount ?? null) !== null ||
      (saved.databaseCheckedAt ?? null) !== null
    );
  } catch {
    return false;
  }
}

/**
 * What in the data folder shows Larder kept data here: its log (the engine writes a line when it
 * creates a database), its key, a write-ahead log, settings it wrote while running, backups.
 */
function tracesOfLarder(platform: Platform, place: BackupPlace): string[] {
  const traces = [LOG_FILE, `${LOG_FILE}.1`, 'secret.key', `${DATABASE_FILE}-wal`].filter((name) => existsSync(join(platform.dataFolder, name)));
  if (settingsWrittenByLarder(join(platform.dataFolder, 'settings.json'))) traces.push('settings.json');
  if (listBackups(place).length > 0) traces.push(place.folder);
  return traces;
}

/** How long a passed quick check is trusted: a day, so a database damaged while Larder was closed is found by the next day's first start. */
const CHECK_TRUSTED_MS = 24 * 60 * 60 * 1000;

/**
 * Whether this start runs SQLite's quick check, which reads every page (about 3 s per 600 MB: most of
 * a group's start): when the last check is more than a day old, and after a run that did not end
 * cleanly, which leaves its write-ahead log behind (a clean close checkpoints and deletes it; another
 * Larder process still running keeps it too, and the check is then made to be safe).
 */
function checkDue(platform: Platform): boolean {
  if (existsSync(`${databaseFileOf(platform)}-wal`)) return true;
  const checkedAt = platform.settings.get('databaseCheckedAt');
  if (checkedAt === null) return true;
  const age = platform.clock.now().getTime() - Date.parse(checkedAt);
  return age < 0 || age >= CHECK_TRUSTED_MS;
}

/**
 * The database's state, read without changing it. A file that is not a database, fails SQLite's
 * quick check, or holds no Larder schema is damaged; an empty file where Larder ran before is too.
 * `check: 'when-due'` (how every start inspects) runs the quick check only when checkDue says so and
 * records when it passed; otherwise the file's header and Larder's schema are still read.
 */
export function inspectDatabase(platform: Platform, place: BackupPlace = backupPlaceOf(platform), check: 'always' | 'when-due' = 'always'): DatabaseState {
  const file = databaseFileOf(platform);
  const size = existsSync(file) ? statSync(file).size : null;
  if (size === null || size === 0) {
    const traces = tracesOfLarder(platform, place);
    if (traces.length === 0) return { state: 'new' };
    return size === null ? { state: 'missing', traces } : { state: 'damaged', reason: 'the file is empty (0 bytes)' };
  }
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { fileMustExist: true, ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}) });
    sqlite.pragma('busy_timeout = 10000');
    const checked = check === 'always' || checkDue(platform);
    if (checked) {
      const found = sqlite.pragma('quick_check', { simple: true });
      if (found !== 'ok') return { state: 'damaged', reason: `SQLite's check found: ${String(found)}` };
    }
    const schemaVersion = schemaVersionOf(sqlite);
    if (schemaVersion === 0) return { state: 'damaged', reason: 'the file holds no Larder data' };
    if (checked) platform.settings.set('databaseCheckedAt', platform.clock.now().toISOString());
    return { state: 'ok', schemaVersion, pending: Math.max(0, knownSchemaVersion(platform.migrationsFolder) - schemaVersion), checked };
  } catch (error) {
    // Only what SQLite says of the file itself is damage; a full disk, a read-only folder or a lock is not.
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { state: 'damaged', reason: (error as Error).message };
    throw error;
  } finally {
    sqlite?.close();
  }
}

/** A database Larder will not work on: what happened, where, and the backup that would bring it back. */
export class DatabaseProblem extends DomainRefusal {
  constructor(
    code: Extract<ErrorCode, 'database_damaged' | 'database_missing'>,
    message: string,
    readonly path: string,
    readonly newestBackup: BackupRecord | null,
  ) {
    super(code, message, { path, newest_backup: newestBackup ? { file: newestBackup.file, created_at: newestBackup.created_at } : null });
  }
}

/** The refusal for a database in `state`, or null when Larder may open it. */
export function problemOf(platform: Platform, state: DatabaseState, place: BackupPlace = backupPlaceOf(platform)): DatabaseProblem | null {
  if (state.state !== 'missing' && state.state !== 'damaged') return null;
  const file = databaseFileOf(platform);
  const newest = newestVerifiedBackup(place);
  const offer = newest ? ` The newest verified backup is ${newest.file} (${newest.created_at}).` : ' No verified backup was found.';
  if (state.state === 'missing') {
    return new DatabaseProblem(
      'database_missing',
      `Larder's database ${file} is missing, but Larder ran in this folder before (${state.traces.join(', ')}).${offer}`,
      file,
      newest,
    );
  }
  return new DatabaseProblem('database_damaged', `Larder's database ${file} is damaged: ${state.reason}.${offer}`, file, newest);
}
