// Four Larder processes on one database at once (issue 31): the nightly run, the 90-day migration (run
// by whichever of two processes claims it) and two manual transfers of the same days, as the app, the
// CLI and other PCs of a group would run them.
// Runs on SQLite (one data folder) and, in the `postgres` project, on one PostgreSQL database, where
// nothing but the database keeps them apart. Afterwards no ISSUE and no trace row is there twice, and
// no day is lost: every day's entries are what one process posting the day again alone posts.
import { execFile } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { activateLocation } from '../migration/migration';
import { HARBOUR, NOW, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { inOrder } from '../in-order';

let run: Restaurant | undefined;
afterEach(async () => {
  await run?.dispose();
  run = undefined;
});

/** `npm run cli -- …` in a process of its own: its exit code and last JSON line. */
function cliProcess(env: NodeJS.ProcessEnv, args: string[]): Promise<{ args: string[]; code: number; json: unknown }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'electron/fronts/cli/main.ts', ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const last = stdout.trim().split('\n').at(-1) ?? 'null';
      let json: unknown;
      try {
        json = JSON.parse(last);
      } catch {
        json = { unreadable: last, stderr };
      }
      resolve({ args, code: error ? Number(error.code ?? 1) : 0, json });
    });
  });
}

/** Each day's ISSUE entries as the ledger holds them: date, ingredient, storage unit, quantity, lines. */
async function issuesByDay(restaurant: Restaurant): Promise<string[]> {
  const rows = (await restaurant.engine.db
    .statement(
      `SELECT e.date, i.name, e.storage_unit_id AS unit, e.quantity, e.sales_lines AS lines FROM ledger_entries e JOIN ingredients i ON i.id = e.ingredient_id
       WHERE e.type = 'ISSUE' ORDER BY e.date, i.name, e.storage_unit_id`,
    )
    .all()) as { date: string; name: string; unit: number; quantity: number; lines: number }[];
  return rows.map((row) => `${row.date} ${row.name} @${row.unit}: ${row.quantity} from ${row.lines}`);
}

describe('four processes on one database', () => {
  it('post every day once: run-due, a migration and two manual transfers of the same days at the same time', { timeout: 240_000 }, async () => {
    run = await startRestaurant({ salesPerDay: 6 });
    const { engine } = run;
    await activateLocation(engine.scope, HARBOUR, engine.platform.clock);
    const env = { ...process.env, ...engine.platform.env, LARDER_HOME: engine.platform.dataFolder, LARDER_NOW: NOW };
    const results = await Promise.all([
      cliProcess(env, ['run-due']),
      cliProcess(env, ['migrate', 'status', HARBOUR, '--wait']),
      cliProcess(env, ['transfer', HARBOUR, '2026-05-06']),
      cliProcess(env, ['transfer', HARBOUR, '2026-05-07']),
    ]);
    for (const result of results) expect(result.code, `${result.args.join(' ')}: ${JSON.stringify(result.json)}`).toBe(0);

    const twice = await engine.db
      .statement(
        `SELECT business_location_id, date, ingredient_id, storage_unit_id, source, count(*) AS n FROM ledger_entries WHERE type = 'ISSUE'
         GROUP BY business_location_id, date, ingredient_id, storage_unit_id, source HAVING count(*) > 1`,
      )
      .all();
    expect(twice).toEqual([]);
    expect(await engine.db.statement('SELECT sales_line_id, ingredient_id FROM ledger_issue_lines GROUP BY sales_line_id, ingredient_id HAVING count(*) > 1').all()).toEqual([]);
    expect(await engine.db.statement("SELECT count(*) AS open FROM transfer_logs WHERE status = 'processing'").get()).toEqual({ open: 0 });
    expect(await engine.db.statement('SELECT count(*) AS held FROM day_locks').get()).toEqual({ held: 0 });

    // Every closed day of the 90 has its newest log posted, and holds what posting it again alone holds.
    const days = (await engine.db
      .statement(`SELECT date FROM migration_days WHERE job_id = (SELECT max(id) FROM migration_jobs) ORDER BY date`)
      .pluck()
      .all()) as string[];
    expect(days).toHaveLength(90);
    const unposted = await engine.db
      .statement(
        `SELECT d.date, d.status FROM migration_days d WHERE d.job_id = (SELECT max(id) FROM migration_jobs) AND d.status NOT IN ('success', 'no_data')`,
      )
      .all();
    expect(unposted).toEqual([]);
    const together = await issuesByDay(run);
    expect(together.length).toBeGreaterThan(90);
    const restaurant = run;
    await inOrder(days, async (date) => expect(await restaurant.transfer(date), date).toMatchObject({ success: true }));
    expect(await issuesByDay(run)).toEqual(together);
  });
});
