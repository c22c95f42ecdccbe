// `npm run bench:backup`: backups, restore and export against a year of the busy venue (about 2.2
// million sales lines; BENCH_UI_DATA keeps it between runs, as for bench:ui), each a CLI command in
// its own process, the median of BENCH_BACKUP_RUNS (3):
//   first start     `stock` as the day's first start: SQLite's quick_check (once a day), then the command
//   later start     `stock` again that day: the command without the check
//   backup now      a verified backup (online copy, secrets stripped, integrity_check, rename)
//   restore         the backup over the live database (a before-change backup of it first, then migrations)
//   export          every table as CSV in a zip
//   import          that zip into an empty data folder
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/engine';
import { phase, yearOfBusyVenue } from './busy-venue';
import { median, timedCli } from './timing';

const RUNS = Number(process.env.BENCH_BACKUP_RUNS ?? 3);
const kept = process.env.BENCH_UI_DATA;
const home = kept ?? mkdtempSync(join(tmpdir(), 'larder-backup-bench-'));
await yearOfBusyVenue(home);
const env = { LARDER_HOME: home };
const spare = mkdtempSync(join(tmpdir(), 'larder-backup-bench-spare-'));

const timings: Record<string, number[]> = { 'first start (stock)': [], 'later start (stock)': [], 'backup now': [], restore: [], export: [], import: [] };
let backupFile = '';
for (let run = 0; run < RUNS; run++) {
  phase(`run ${run + 1} of ${RUNS}`);
  // Each run a day later than the one before, so its first start is the day's first.
  const day = { ...env, LARDER_NOW: new Date(Date.now() + (run + 1) * 86_400_000).toISOString() };
  timings['first start (stock)']?.push(timedCli(day, ['stock']).ms);
  timings['later start (stock)']?.push(timedCli(day, ['stock']).ms);
  const backup = timedCli<{ backup: { file: string } }>(day, ['backup', 'now']);
  timings['backup now']?.push(backup.ms);
  backupFile = backup.result.backup.file;
  timings.restore?.push(timedCli(day, ['restore', backupFile, '--yes']).ms);
  const zip = join(spare, `larder-export-${run}.zip`);
  timings.export?.push(timedCli(day, ['export', zip]).ms);
  const target = mkdtempSync(join(tmpdir(), 'larder-backup-bench-import-'));
  timings.import?.push(timedCli({ LARDER_HOME: target }, ['import-export', zip]).ms);
  rmSync(target, { recursive: true, force: true });
}
const megabytes = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(0);
console.log(`database ${megabytes(join(home, DATABASE_FILE))} MB, backup ${megabytes(backupFile)} MB, export ${megabytes(join(spare, 'larder-export-0.zip'))} MB`);
for (const [name, values] of Object.entries(timings)) console.log(`${name.padEnd(24)} median ${(median(values) / 1000).toFixed(2)} s  (${values.map((ms) => (ms / 1000).toFixed(2)).join(', ')})`);
rmSync(spare, { recursive: true, force: true });
if (!kept) rmSync(home, { recursive: true, force: true });
