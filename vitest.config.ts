import { defineConfig } from 'vitest/config';
import { pgBinaries } from './test/support/pg-cluster';

/**
 * The engine's tests, run on PostgreSQL as well (issue 31): each test engine gets a database of its
 * own on a throwaway cluster (test/support/pg-global.ts). SQLite runs everything; what is about SQLite
 * itself (its files, backups, migrations, a full disk under the data folder) runs on SQLite only.
 */
const BOTH_STORES = ['electron/core/**/*.test.ts', 'electron/fronts/**/*.test.ts'];
// The database folder's tests are about SQLite's files and migrations, or start clusters of their
// own (as choosing a server does); inserting many rows is the stores' shared work and runs on both.
const SQLITE_ONLY = ['electron/core/backup/**', 'electron/core/db/**/!(insert-many).test.ts', 'electron/fronts/cli/db-server.test.ts', 'electron/fronts/ipc/system-failures.test.ts'];

// CI installs PostgreSQL (.ci/run): there a missing server fails the run. Elsewhere the PostgreSQL
// half is left out, loudly, until `apt-get install -y postgresql`.
const postgres = pgBinaries() !== null || process.env.CI !== undefined;
if (!postgres) console.warn('PostgreSQL is not installed: the engine tests run on SQLite only (apt-get install -y postgresql to run them on both).');

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // Does nothing unless LARDER_TRACE_SQL is set (npm run pg:statements).
    setupFiles: ['test/support/trace-sql.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      // LARDER_TEST_STORE is this project's alone; the cluster's address (set by its global setup) reaches every worker.
      ...(postgres
        ? [{ extends: true as const, test: { name: 'postgres', include: BOTH_STORES, exclude: SQLITE_ONLY, env: { LARDER_TEST_STORE: 'postgres' }, globalSetup: ['test/support/pg-global.ts'] } }]
        : []),
    ],
  },
});
