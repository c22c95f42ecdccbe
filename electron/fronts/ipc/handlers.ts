import { eq } from 'drizzle-orm';
import { companies } from '../../core/db/schema';
import { DomainError } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import { DemoAccount } from '../../demo/demo-account';
import { APP_VERSION } from '../../core/diagnostics/diagnostics';
import { companyCurrency } from '../../core/locations/location-sync';
import type { Handlers } from './handler-types';
import { createConnectionHandlers } from './connection-handlers';
import { createInventoryHandlers } from './inventory-handlers';
import { createLedgerHandlers } from './ledger-handlers';
import { createItemHandlers } from './item-handlers';
import { createLocationHandlers } from './location-handlers';
import { createMigrationHandlers } from './migration-handlers';
import { createSetupHandlers } from './setup-handlers';
import { createSidesHandlers } from './sides-handlers';
import { createStockHandlers } from './stock-handlers';
import { createSourceHandlers } from './source-handlers';
import { createTransferHandlers } from './transfer-handlers';
import { createReportHandlers } from './report-handlers';
import { createBackupHandlers } from './backup-handlers';
import { createPeopleHandlers } from './people-handlers';

/**
 * Every channel's handler, one file per domain beside its contracts (inventory, ledger, connection,
 * locations, items, migrations, transfers, setup); the same handlers answer Electron's ipcMain, the web
 * host and the tests.
 */
export function createHandlers(engine: Engine, demo: DemoAccount = new DemoAccount(engine)): Handlers {
  const { scope } = engine;
  return {
    'app:info': async () => {
      let problem: { code: string; message: string } | null = null;
      try {
        engine.vault.assertUsable();
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problem = { code: error.code, message: error.message };
      }
      const company = await scope.db.one(scope.db.orm.select({ name: companies.name }).from(companies).where(eq(companies.id, scope.companyId)));
      return {
        version: APP_VERSION,
        runtime: engine.runtime,
        dataFolder: engine.platform.dataFolder,
        companyName: company?.name ?? '',
        currency: await companyCurrency(scope),
        secretStorage: { backend: engine.vault.backendId, problem },
      };
    },
    ...createInventoryHandlers(engine),
    ...createLedgerHandlers(engine),
    ...createConnectionHandlers(engine, demo),
    ...createLocationHandlers(engine),
    ...createItemHandlers(engine),
    ...createMigrationHandlers(engine),
    ...createSetupHandlers(engine, demo),
    ...createTransferHandlers(engine),
    ...createSourceHandlers(engine),
    ...createSidesHandlers(engine),
    ...createStockHandlers(engine),
    ...createReportHandlers(engine),
    ...createBackupHandlers(engine),
    ...createPeopleHandlers(engine),
  };
}

