import { spawn } from 'node:child_process';
import { dayTotalsBothWays } from '../../../test/support/day-totals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLightspeed, type FakeLightspeed } from '../../demo/fake-lightspeed/fake-lightspeed';
import { approveInBrowser, fakeEnv } from '../../../test/support/lightspeed';
import { HARBOUR, NOW, SETUP } from '../../../test/support/restaurant';
import { createEngine } from '../engine';
import { importSetupFile } from '../setup/setup-import';
import { findStorageUnitByName } from '../inventory/storage-units';
import { linkStorageUnit } from '../locations/location-config';
import { resolveItem, saveMapping } from '../items/mappings';
import { findIngredientByName } from '../inventory/ingredients';
import { createNodePlatform } from '../platform/node-platform';
import { activateLocation, latestJob, runMigration } from './migration';
import { syncItems, syncLocations } from '../sources/lightspeed/lightspeed-sync';

const KILLS = 20;
let fake: FakeLightspeed;
const homes: string[] = [];

beforeAll(async () => {
  fake = await startFakeLightspeed({ autoApprove: true, now: NOW, today: '2026-05-08', salesPerDay: 10 });
});
afterAll(async () => {
  await fake.close();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

function env(home: string): Record<string, string> {
  return { ...fakeEnv(fake), LARDER_HOME: home, LARDER_NOW: NOW, LARDER_RETRY_DELAYS_MS: '5,5,5' };
}

/** A data folder connected, synced, set up, mapped and activated: its migration job is pending. */
async function preparedHome(): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'larder-crash-migration-'));
  homes.push(home);
  const engine = await createEngine(createNodePlatform({ env: env(home) }), 'cli');
  try {
    const started = await engine.lightspeed.connection.start();
    await approveInBrowser(started.authorizeUrl);
    await started.completion;
    const at = NOW;
    await syncLocations(engine.scope, engine.lightspeed.api, at);
    await syncItems(engine.scope, engine.lightspeed.api, at);
    await importSetupFile(engine.scope, JSON.stringify(SETUP));
    for (const [item, ingredient, quantity] of [
      ['1013', 'Cola bottle 0.33 l', '1'],
      ['1008', 'Coffee beans', '0.009'],
      ['1020', 'Burger bun', '1'],
      ['1021', 'Tomato', '0.15'],
    ] as const) {
      await saveMapping(engine.scope, { posItemId: (await resolveItem(engine.scope, item)).id, target: { ingredientId: (await findIngredientByName(engine.scope, ingredient))!.id }, quantity, isSubtraction: false }, at);
    }
    await linkStorageUnit(engine.scope, HARBOUR, (await findStorageUnitByName(engine.scope, 'Main Kitchen'))!.id);
    await activateLocation(engine.scope, HARBOUR, engine.platform.clock);
  } finally {
    engine.close();
  }
  return home;
}

/** The ledger by meaning: what moved, where, when, at what cost, and which Lightspeed line took how much. */
async function ledgerOf(home: string) {
  const engine = await createEngine(createNodePlatform({ env: env(home) }), 'cli');
  try {
    const entries = await engine.db
      .statement(
        `SELECT e.type, e.date, i.name AS ingredient, s.name AS storageUnit, e.quantity, e.unit_cost AS unitCost, e.value, e.sales_lines AS salesLines
         FROM ledger_entries e JOIN ingredients i ON i.id = e.ingredient_id JOIN storage_units s ON s.id = e.storage_unit_id
         ORDER BY e.date, i.name, e.type, s.name`,
      )
      .all();
    const trace = await engine.db
      .statement(
        `SELECT e.date, l.line_id AS lineId, i.name AS ingredient, t.quantity, t.value
         FROM ledger_issue_lines t JOIN ledger_entries e ON e.id = t.entry_id JOIN sales_lines l ON l.id = t.sales_line_id JOIN ingredients i ON i.id = t.ingredient_id
         ORDER BY e.date, l.line_id, i.name`,
      )
      .all();
    const rows = { entries, trace };
    const job = await latestJob(engine.scope, 1);
    return { rows, status: job?.status, processed: job?.daysProcessed, dayTotals: await dayTotalsBothWays(engine.db) };
  } finally {
    engine.close();
  }
}

function runChild(home: string, killAfterMs: number | null): Promise<'killed' | 'finished'> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/fronts/cli/main.ts', 'migrate', 'status', HARBOUR, '--wait'], {
    env: { ...process.env, ...env(home) },
    stdio: 'ignore',
  });
  return new Promise((resolve) => {
    const timer = killAfterMs === null ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

describe('a migration killed with kill -9 at random moments', () => {
  it('resumes after every restart and ends with the same ledger as an uninterrupted run, entry for entry', async () => {
    const reference = await preparedHome();
    const uninterrupted = await createEngine(createNodePlatform({ env: env(reference) }), 'cli');
    try {
      const job = (await latestJob(uninterrupted.scope, 1))!;
      expect(await runMigration(uninterrupted.transfers, job.id)).toMatchObject({ status: 'completed' });
    } finally {
      uninterrupted.close();
    }

    const crashy = await preparedHome();
    // Slow business days (60 ms each) spread the migration over many restarts: each child starts in
    // about 0.4 s and is killed at a random moment within the next half second.
    fake.fail({ kind: 'slow', delayMs: 60, times: 100_000, match: 'sales-daily' });
    let kills = 0;
    while (kills < KILLS) {
      const outcome = await runChild(crashy, 300 + Math.floor(Math.random() * 600));
      if (outcome === 'finished') break;
      kills++;
    }
    fake.clearFaults();
    expect(await runChild(crashy, null)).toBe('finished');

    const expected = await ledgerOf(reference);
    const actual = await ledgerOf(crashy);
    expect(expected.rows.trace.length).toBeGreaterThan(200);
    expect(actual.status).toBe('completed');
    expect(actual.processed).toBe(90);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.dayTotals.kept).toEqual(actual.dayTotals.recounted);
    expect(kills).toBe(KILLS);
  }, 300_000);
});
