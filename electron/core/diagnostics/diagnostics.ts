// Settings → "Save a diagnostics file": what support needs to see what happened on this PC, in one
// text file in the data folder. No secret is in it: settings hold none (the client secret and the
// tokens are sealed in the database), and the log lines are redacted once more on the way out.
import { writeFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { settingsSchema, type SettingKey } from '../../../shared/settings';
import { listOpenAlerts } from '../alerts/alerts';
import { findConnection } from '../sources/lightspeed/connection-store';
import type { Engine } from '../engine';
import packageJson from '../../../package.json' with { type: 'json' };

// Imported, not read at run time: the bundler inlines it, so the version is right wherever the code runs from.
export const APP_VERSION: string = packageJson.version;
export const DIAGNOSTIC_LOG_LINES = 500;

const COUNTS = `SELECT
  (SELECT count(*) FROM locations WHERE company_id = @c) AS locations,
  (SELECT count(*) FROM locations WHERE company_id = @c AND activated_at IS NOT NULL) AS activatedLocations,
  (SELECT count(*) FROM pos_items WHERE company_id = @c) AS posItems,
  (SELECT count(*) FROM pos_mappings WHERE company_id = @c) AS mappings,
  (SELECT count(*) FROM transfer_logs WHERE company_id = @c AND status = 'success') AS successfulTransfers,
  (SELECT count(*) FROM transfer_logs WHERE company_id = @c AND status = 'failed') AS failedTransfers,
  (SELECT count(*) FROM migration_jobs WHERE company_id = @c AND status IN ('pending', 'running')) AS migrationsInProgress,
  (SELECT count(*) FROM ledger_entries WHERE company_id = @c) AS ledgerEntries`;

export async function saveDiagnostics(engine: Engine): Promise<{ path: string; logLines: number }> {
  const now = engine.platform.clock.now();
  const settings = Object.fromEntries((Object.keys(settingsSchema.shape) as SettingKey[]).map((key) => [key, engine.platform.settings.get(key)]));
  const connection = await findConnection(engine.scope);
  const lines = engine.log.tail(DIAGNOSTIC_LOG_LINES).map((line) => engine.log.redact(line));
  const report = {
    app: { name: 'Larder', version: APP_VERSION, runtime: engine.runtime, node: process.versions.node, os: `${platform()} ${release()} ${arch()}` },
    savedAt: now.toISOString(),
    dataFolder: engine.platform.dataFolder,
    secretStorage: engine.vault.backendId,
    settings,
    connection: connection
      ? { status: connection.status, environment: connection.environment, accessExpiresAt: connection.accessExpiresAt, lastRefreshAt: connection.lastRefreshAt }
      : null,
    openAlerts: (await listOpenAlerts(engine.scope)).map(({ code, message, count, lastSeenAt }) => ({ code, message, count, lastSeenAt })),
    counts: await engine.db.statement(COUNTS).get({ c: engine.scope.companyId }),
  };
  const text = `Larder diagnostics\n\n${engine.log.redact(JSON.stringify(report, null, 2))}\n\nLast ${lines.length} log lines\n\n${lines.join('\n')}\n`;
  const path = join(engine.platform.dataFolder, `larder-diagnostics-${now.toISOString().replace(/[:.]/g, '-')}.txt`);
  writeFileSync(path, text, { mode: 0o600 });
  return { path, logLines: lines.length };
}
