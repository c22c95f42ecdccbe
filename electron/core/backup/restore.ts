// Restoring a backup: what it holds, shown before anything changes; then the current database is
// backed up (or, when damaged, kept aside), the backup is written over it with SQLite's backup API
// (one transaction: every process that has the database open sees the old data or the restored data,
// never a mix, and keeps a working connection), and the migrations bring it up to this Larder.
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupPreview, RestoreResult } from '../../../shared/model/backups';
import { openDatabase, sqliteOf } from '../db/open-database';
import type { Platform } from '../platform/platform';
import { openReadOnly, parseName, takeBackup, verifyBackupFile, type BackupPlace } from './backups';
import { backupPlaceOf, databaseFileOf, inspectDatabase } from './data-folder';

export type { BackupPreview, RestoreResult };

/** A backup named as `backup list` prints it, by its path or its name in the backup folder. */
export function backupFileOf(place: Pick<BackupPlace, 'folder'>, given: string): string {
  if (isAbsolute(given) || existsSync(given)) return resolve(given);
  return join(place.folder, basename(given));
}

/** What a backup holds, after verifying it. Reads only tables every Larder schema has had. */
export async function describeBackup(platform: Platform, given: string): Promise<BackupPreview> {
  const place = backupPlaceOf(platform);
  const file = backupFileOf(place, given);
  const schemaVersion = verifyBackupFile(file, place);
  const copy = openReadOnly(file, place.nativeBinding);
  try {
    const count = (table: string) => copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const locations = copy
      .prepare(
        `SELECT l.name, l.business_location_id,
                (SELECT max(e.date) FROM ledger_entries e WHERE e.type = 'ISSUE' AND e.business_location_id = l.business_location_id) AS last_posted_day
           FROM locations l ORDER BY l.name`,
      )
      .all() as BackupPreview['locations'];
    return {
      file,
      // A backup renamed or copied in by hand is dated by its file.
      created_at: parseName(basename(file))?.created_at ?? statSync(file).mtime.toISOString(),
      schema_version: schemaVersion,
      locations,
      counts: { ingredients: count('ingredients'), recipes: count('recipes'), mappings: count('pos_mappings'), ledger_entries: count('ledger_entries') },
    };
  } finally {
    copy.close();
  }
}

/** A damaged database and its -wal and -shm, renamed aside for support: never deleted. */
function keepAside(file: string, at: Date): string {
  const aside = `${file}.damaged-${at.toISOString().replace(/[:.]/g, '')}`;
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${aside}${suffix}`);
  renameSync(file, aside);
  return aside;
}

/**
 * Restores `given` over the data folder's database. `live` is the engine's connection when Larder is
 * running on a healthy database (its before-change backup is taken through it); without it the file's
 * state decides: healthy (backed up first), damaged (kept aside) or missing.
 */
export async function restoreBackup(platform: Platform, given: string, live?: Database.Database): Promise<RestoreResult> {
  const place = backupPlaceOf(platform);
  const file = backupFileOf(place, given);
  verifyBackupFile(file, place);
  const target = databaseFileOf(platform);
  const state = live ? ({ state: 'ok' } as const) : inspectDatabase(platform, place);
  let previous: string | null = null;
  if (state.state === 'ok') {
    const connection = live ?? sqliteOf(openDatabase({ file: target, migrationsFolder: platform.migrationsFolder, ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}) }), 'A restore');
    try {
      previous = (await takeBackup(connection, place, 'before-change')).file;
    } finally {
      if (!live) connection.close();
    }
  } else {
    if (state.state === 'damaged') previous = keepAside(target, platform.clock.now());
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    closeSync(openSync(target, 'w', 0o600));
  }
  const backup = openReadOnly(file, place.nativeBinding);
  try {
    await backup.backup(target);
  } finally {
    backup.close();
  }
  // Opening runs the migrations a backup from an older Larder needs, and puts the file back in WAL mode.
  openDatabase({ file: target, migrationsFolder: platform.migrationsFolder, ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}) }).close();
  return { file, previous_saved_as: previous };
}
