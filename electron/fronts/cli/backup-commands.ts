// Backups, restore, init, export and import on the command line. All but export run on the platform
// alone: they must work when the database does not open (that is when they are needed most).
import { exportEverything, importExport } from '../../core/backup/export-import';
import { backupPlaceOf, databaseFileOf, databaseSourceOf, inspectDatabase, problemOf } from '../../core/backup/data-folder';
import { listBackups } from '../../core/backup/backups';
import { describeBackup, restoreBackup } from '../../core/backup/restore';
import { startEngine } from '../../core/backup/startup';
import { copyToPostgres } from '../../core/db/copy-to-postgres';
import { databaseChoice, passwordIn, useDatabaseServer, useDataFolderDatabase } from '../../core/backup/database-server';
import { DomainError, DomainRefusal } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import type { Platform } from '../../core/platform/platform';
import { parseCommandArgs, readSecretInput } from './args';
import type { Command } from './command';

const backupUsage = 'backup now | backup list';
const restoreUsage = 'restore <backup file> [--yes]';
const exportUsage = 'export <file.zip>';
const importUsage = 'import-export <file.zip>';
const initUsage = 'init';
const dbUsage = 'db copy --to postgres://USER@HOST:PORT/DATABASE | db server | db server set postgres://USER@HOST:PORT/DATABASE [--password -] | db server clear';

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
  // `db server …` works without opening any database: it is how a PC whose server moved is pointed at the new one.
  db: {
    usage: dbUsage,
    runOnPlatform: async (platform, args, io) => {
      const { values, positionals } = parseCommandArgs(args, { to: { type: 'string' }, password: { type: 'string' } }, dbUsage);
      const [action, what, address, ...rest] = positionals;
      const dataFile = databaseFileOf(platform);
      if (action === 'copy' && what === undefined && values.to && values.password === undefined) {
        const to = values.to;
        return { copied: await withEngine(platform, (engine) => copyToPostgres(engine.db, to)) };
      }
      if (action !== 'server' || rest.length > 0 || values.to !== undefined) throw new DomainError('invalid_input', `Usage: ${dbUsage}`);
      if (what === undefined && values.password === undefined) return { database: databaseChoice(platform, dataFile) };
      if (what === 'clear' && address === undefined && values.password === undefined) return { database: useDataFolderDatabase(platform, dataFile) };
      if (what !== 'set' || address === undefined) throw new DomainError('invalid_input', `Usage: ${dbUsage}`);
      let password: string | null = null;
      if (values.password === '-') {
        password = await readSecretInput(io, 'PostgreSQL password: ', 'password');
      } else if (values.password !== undefined || passwordIn(address)) {
        io.warn?.('Warning: a password given on the command line can be seen by other users of this computer (in the process list) and stays in your shell history. Use --password - to type it or pipe it in.');
        password = values.password ?? null;
      }
      return { database: await useDatabaseServer(platform, address, password, dataFile) };
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
