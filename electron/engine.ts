// The composition root of the engine: one per process (the Electron app, the web host, the CLI).
import { join } from 'node:path';
import { ensureDefaultCompany, type CompanyScope } from './company/company';
import { openDatabase, type LarderDb } from './db/open-database';
import { EventBus } from './ipc/event-bus';
import type { Platform } from './platform/platform';
import { SecretVault } from './secrets/secret-vault';

export type Runtime = 'electron' | 'web' | 'cli';

export interface Engine {
  readonly runtime: Runtime;
  readonly platform: Platform;
  readonly db: LarderDb;
  readonly scope: CompanyScope;
  readonly vault: SecretVault;
  readonly events: EventBus;
  close(): void;
}

export const DATABASE_FILE = 'larder.db';

export function createEngine(platform: Platform, runtime: Runtime): Engine {
  const db = openDatabase({
    file: join(platform.dataFolder, DATABASE_FILE),
    migrationsFolder: platform.migrationsFolder,
    ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}),
  });
  const companyId = ensureDefaultCompany(db);
  return {
    runtime,
    platform,
    db,
    scope: { db, companyId },
    vault: new SecretVault(db, () => platform.secretBackend(), platform.clock),
    events: new EventBus(),
    close: () => db.close(),
  };
}
