import { rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { backupFolderOf, backupStatus, ensureFolder, listBackups, pcDay } from '../../core/backup/backups';
import { databaseFileOf, databaseSourceOf } from '../../core/backup/data-folder';
import { databaseChoice, useDatabaseServer, useDataFolderDatabase } from '../../core/backup/database-server';
import { exportEverything } from '../../core/backup/export-import';
import { describeBackup, restoreBackup } from '../../core/backup/restore';
import { DomainError } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import { sqliteOf } from '../../core/db/open-database';
import type * as backupContracts from '../../../shared/ipc/contracts/backups';
import type * as databaseContracts from '../../../shared/ipc/contracts/database';
import type { ChannelsOf, Handlers } from './handler-types';

type BackupChannel = ChannelsOf<typeof backupContracts> | ChannelsOf<typeof databaseContracts>;

/** A folder chosen for backups must be one Larder can write to now: a share that is not connected is refused, not found out tonight. */
function assertWritable(folder: string): void {
  if (!isAbsolute(folder)) throw new DomainError('invalid_input', `The backup folder must be a full path (such as D:\\Larder backups or /mnt/share/larder), not ${folder}.`);
  const probe = join(folder, `.larder-write-test-${process.pid}`);
  try {
    ensureFolder(folder);
    writeFileSync(probe, 'larder', { mode: 0o600 });
    rmSync(probe);
  } catch (error) {
    throw new DomainError('backup_failed', `Larder cannot write to ${folder} (${(error as Error).message}). Choose a folder you can write to.`);
  }
}

/**
 * Backups, restore and export while Larder runs on a healthy database (recovery.ts answers when it
 * does not), and which database that is (Settings → Database).
 */
export function createBackupHandlers(engine: Engine): Pick<Handlers, BackupChannel> {
  const { platform, events } = engine;
  // Handlers are made as the engine starts: what is chosen now is what it opened.
  const running = databaseChoice(platform, databaseFileOf(platform));
  const folders = () => ({ folder: engine.backups.place().folder, chosen_folder: platform.settings.get('backupFolder'), keep: platform.settings.get('backupKeep') });
  const restore = async ({ file }: { file: string }) => {
    const restored = await restoreBackup(platform, file, sqliteOf(engine.db, 'Restoring a backup'));
    engine.log.info(`Restored ${restored.file}; the database before it was saved as ${restored.previous_saved_as ?? '(nothing)'}.`);
    events.emit({ type: 'data:restored' });
    events.emit({ type: 'connection:changed' });
    events.emit({ type: 'backups:changed' });
    return restored;
  };
  return {
    'backups:overview': () => {
      const place = engine.backups.place();
      const backups = listBackups(place);
      return { ...backupStatus(place, backups), ...folders(), default_folder: backupFolderOf(platform.dataFolder, null), backups };
    },
    'backups:now': async () => {
      const backup = await engine.backups.now();
      events.emit({ type: 'backups:changed' });
      return backup;
    },
    'backups:settings': ({ folder, keep }) => {
      if (folder !== undefined) {
        if (folder !== null) assertWritable(folder);
        platform.settings.set('backupFolder', folder);
      }
      if (keep !== undefined) platform.settings.set('backupKeep', keep);
      events.emit({ type: 'backups:changed' });
      return folders();
    },
    'backups:preview': ({ file }) => describeBackup(platform, file),
    'backups:restore': restore,
    'data:export': async () => {
      const now = platform.clock.now();
      const folder = engine.backups.place().folder;
      ensureFolder(folder);
      const file = join(folder, `larder-export-${pcDay(now)}.zip`);
      const manifest = await exportEverything(databaseSourceOf(platform), file, now);
      return { file, tables: manifest.tables.length, rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0) };
    },
    'database:choice': () => ({ running, next_start: databaseChoice(platform, databaseFileOf(platform)) }),
    'database:use-server': ({ address, password }) => useDatabaseServer(platform, address, password, databaseFileOf(platform)),
    'database:use-data-folder': () => useDataFolderDatabase(platform, databaseFileOf(platform)),
    'recovery:status': () => ({ problem: null, backups: [] }),
    'recovery:restore': restore,
    // Already started: nothing to start again, and the screen that asked reloads onto Larder's screens.
    'recovery:retry': () => ({ restarting: false }),
  };
}
