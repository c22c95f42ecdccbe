// Backups, restore, init, export and import on the command line. All but export run on the platform
// alone: they must work when the database does not open (that is when they are needed most).
import { exportEverything, importExport } from '../../core/backup/export-import';
import { backupPlaceOf, databaseFileOf, databaseSourceOf, inspectDatabase, problemOf } from '../../core/backup/data-folder';
import { listBackups } from '../../core/backup/backups';
import { describeBackup, restoreBackup } from '../../core/backup/restore';
import { startEngine } from '../../core/backup/startup';
import { copyToPostgres } from '../../core/db/copy-to-postgres';
import { DomainError, DomainRefusal } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import type { Platform } from '../../core/platform/platform';
import { parseCommandArgs } from './args';
import type { Command } from './command';

const backupUsage = 'backup now | backup list';
const restoreUsage = 'restore <backup file> [--yes]';
const exportUsage = 'export <file.zip>';
const importUsage = 'import-export <file.zip>';
const initUsage = 'init';
const dbUsage = 'db copy --to postgres://USER@HOST:PORT/DATABASE';

async function withEngine<T>(platform: Platform, work: (engine: Engine) => T | Promise<T>, options: { fresh?: boolean } = {}): Promise<T> {
  const engine = await startEngine(platform, 'cli', options);
  try {
    return await work(engine);
  } finally {
    engine.close();
  }
}

function onePositional(args: string[], usage: string): string {
  const { positionals } = parseCommandArgs(args, {}, usage);
  if (positionals.length !== 1) throw new DomainError('invalid_input', `Usage: ${usage}`);
  return positionals[0] as string;
}

export const backupCommands: Record<string, Command> = {
  backup: {
    usage: backupUsage,
    runOnPlatform: async (platform, args) => {
      const [action, ...rest] = args;
      if (rest.length > 0) throw new DomainError('invalid_input', `Usage: ${backupUsage}`);
      if (action === 'list') {
        return { backups: listBackups(backupPlaceOf(platform)).map(({ file, created_at, schema_version, verified, kind }) => ({ file, created_at, schema_version, verified, kind })) };
      }
      if (action === 'now') {
        const { file, bytes, verified, created_at } = await withEngine(platform, (engine) => engine.backups.now());
        return { backup: { file, bytes, verified, created_at } };
      }
      throw new DomainError('invalid_input', `Usage: ${backupUsage}`);
    },
  },
  restore: {
    usage: restoreUsage,
    runOnPlatform: async (platform, args, io) => {
      const { values, positionals } = parseCommandArgs(args, { yes: { type: 'boolean' } }, restoreUsage);
      if (positionals.length !== 1) throw new DomainError('invalid_input', `Usage: ${restoreUsage}`);
      const file = positionals[0] as string;
      if (!values.yes) {
        const preview = await describeBackup(platform, file);
        io.write(JSON.stringify({ preview }));
        throw new DomainRefusal(
          'confirmation_required',
          `Restoring replaces everything in ${databaseFileOf(platform)} with this backup of ${preview.created_at} (the current database is backed up first). Run again with --yes to restore it.`,
          { preview },
        );
      }
      return { restored: await restoreBackup(platform, file) };
    },
  },
  init: {
    usage: initUsage,
    runOnPlatform: async (platform, args) => {
      if (args.length > 0) throw new DomainError('invalid_input', `Usage: ${initUsage}`);
      const state = inspectDatabase(platform);
      if (state.state === 'damaged') throw problemOf(platform, state) as DomainRefusal;
      await withEngine(platform, () => undefined, { fresh: true });
      return { database: { file: databaseFileOf(platform), created: state.state !== 'ok' } };
    },
  },
  export: {
    usage: exportUsage,
    run: async (engine, args) => {
      const file = onePositional(args, exportUsage);
      const manifest = await exportEverything(databaseSourceOf(engine.platform), file, engine.platform.clock.now());
      return { exported: { file, schema_version: manifest.schema_version, tables: manifest.tables.length, rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0) } };
    },
  },
  db: {
    usage: dbUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { to: { type: 'string' } }, dbUsage);
      if (positionals.length !== 1 || positionals[0] !== 'copy' || !values.to) throw new DomainError('invalid_input', `Usage: ${dbUsage}`);
      return { copied: await copyToPostgres(engine.db, values.to) };
    },
  },
  'import-export': {
    usage: importUsage,
    runOnPlatform: async (platform, args) => {
      const file = onePositional(args, importUsage);
      return { imported: await withEngine(platform, (engine) => importExport(engine.db, file, platform.migrationsFolder), { fresh: true }) };
    },
  },
};
