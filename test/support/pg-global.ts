// Vitest's global setup for the tests that run on PostgreSQL (the `postgres` project in
// vitest.config.ts): one throwaway cluster for the run, with a template database the PostgreSQL
// migrations already ran on, so each test engine starts from a copy of it in a fraction of a second
// (test-engine.ts). The cluster stops when the run ends.
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { defaultPgMigrationsFolder } from '../../electron/core/db/postgres/open-postgres';
import { startPgCluster } from './pg-cluster';

export const TEMPLATE = 'larder_template';

export default async function setup(): Promise<() => void> {
  const cluster = await startPgCluster();
  const template = cluster.database(TEMPLATE);
  const client = new pg.Client({ connectionString: template });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: defaultPgMigrationsFolder });
  } finally {
    await client.end();
  }
  // Test workers are forked after this: they inherit the address of the cluster's own database (the
  // SQLite project's too, which has no LARDER_TEST_STORE and leaves it alone).
  process.env.LARDER_TEST_PG_URL = cluster.url;
  return () => cluster.stop();
}
