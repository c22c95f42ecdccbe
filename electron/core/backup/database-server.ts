// Which store the engine opens: SQLite in the data folder (the default), or a group's PostgreSQL
// server named by LARDER_DATABASE_URL or chosen in Settings. The Settings choice keeps the address
// without its password in the settings file and the password sealed by the platform's secret backend
// (safeStorage in the app), as the POS secrets are; it cannot live in the database it opens. The one
// module that reads and writes the `databaseServer` setting.
import { dirname, join } from 'node:path';
import type { DatabaseChoice } from '../../../shared/model/database';
import { DomainError } from '../domain-error';
import type { Platform } from '../platform/platform';
import { isPostgresUrl, openPostgres, withoutPassword } from '../db/postgres/open-postgres';

/** An address as typed, checked: postgres://, a host and a database; any password in it is taken out. */
function parseAddress(typed: string): { address: string; password: string } {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    url = new URL('invalid:');
  }
  if (!isPostgresUrl(typed.trim()) || !url.hostname || url.pathname.length < 2) {
    throw new DomainError('invalid_input', 'A PostgreSQL address looks like postgres://larder@db.example.com:5432/larder (user, server, port, database).');
  }
  const password = passwordIn(typed.trim());
  url.password = '';
  return { address: url.toString(), password };
}

/** The password in a postgres:// address ('' when it has none): the log redacts it. */
export function passwordIn(address: string): string {
  try {
    return decodeURIComponent(new URL(address).password);
  } catch {
    return '';
  }
}

function withPassword(address: string, password: string): string {
  if (!password) return address;
  const url = new URL(address);
  url.password = password;
  return url.toString();
}

/** Whether the engine opens a PostgreSQL server rather than the data folder's database. */
export function usesDatabaseServer(platform: Platform): boolean {
  return Boolean(platform.env.LARDER_DATABASE_URL?.trim()) || platform.settings.get('databaseServer') !== null;
}

/**
 * The PostgreSQL address the engine opens, with its password, or null for SQLite in the data folder.
 * LARDER_DATABASE_URL wins over Settings (a service or a test sets it).
 */
export function databaseUrlOf(platform: Platform): string | null {
  const fromEnvironment = platform.env.LARDER_DATABASE_URL?.trim();
  if (fromEnvironment) return fromEnvironment;
  const chosen = platform.settings.get('databaseServer');
  if (!chosen) return null;
  if (!chosen.sealedPassword) return chosen.address;
  const backend = platform.secretBackend();
  if (chosen.sealedPassword.backend !== backend.id) {
    throw new DomainError(
      'database_unreachable',
      `The password of ${chosen.address} was sealed on another computer or by another secret store. Enter it again (Settings → Database, or larder db server set).`,
    );
  }
  return withPassword(chosen.address, backend.open(Buffer.from(chosen.sealedPassword.sealed, 'base64')));
}

/** What the engine opens, for Settings and `db server`: never a password. */
export function databaseChoice(platform: Platform, dataFile: string): DatabaseChoice {
  const fromEnvironment = platform.env.LARDER_DATABASE_URL?.trim();
  if (fromEnvironment) return { store: 'postgres', address: withoutPassword(fromEnvironment), password_sealed: false, set_by: 'environment', file: null };
  const chosen = platform.settings.get('databaseServer');
  if (chosen) return { store: 'postgres', address: chosen.address, password_sealed: chosen.sealedPassword !== null, set_by: 'settings', file: null };
  return { store: 'sqlite', address: null, password_sealed: false, set_by: 'default', file: dataFile };
}

/**
 * Chooses a PostgreSQL server: it must answer, sign in and run PostgreSQL 15 or newer (opening it
 * brings its tables up to date) before the choice is kept. Larder opens it from its next start.
 */
export async function useDatabaseServer(platform: Platform, typed: string, typedPassword: string | null, dataFile: string): Promise<DatabaseChoice> {
  const parsed = parseAddress(typed);
  const password = typedPassword ?? parsed.password;
  const backend = platform.secretBackend();
  // Sealing must work before anything is saved: a password kept in the clear is not an option.
  if (password) backend.assertAvailable();
  const store = await openPostgres({
    url: withPassword(parsed.address, password),
    migrationsFolder: pgMigrationsFolderOf(platform),
    ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}),
  });
  store.close();
  platform.settings.set('databaseServer', {
    address: parsed.address,
    sealedPassword: password ? { backend: backend.id, sealed: backend.seal(password).toString('base64') } : null,
  });
  return databaseChoice(platform, dataFile);
}

/** Back to the database in the data folder, from the next start. The server and its data stay as they are. */
export function useDataFolderDatabase(platform: Platform, dataFile: string): DatabaseChoice {
  platform.settings.set('databaseServer', null);
  return databaseChoice(platform, dataFile);
}

/** Both dialects' migrations ship side by side. */
export function pgMigrationsFolderOf(platform: Platform): string {
  return join(dirname(platform.migrationsFolder), 'migrations-pg');
}
