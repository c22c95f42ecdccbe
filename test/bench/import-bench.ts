// A large group's setup file (issue 25, item 15): 20,000 ingredients, 2,000 recipes chained ten deep
// and 60,000 receipts, imported by the CLI into an empty data folder and then again (every entry an
// update), each alone in its own process. Medians of several runs.
//
//   npm run bench:import [-- --ingredients 20000 --receipts 60000 --recipes 2000 --runs 3]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { largeSetupFile } from '../support/large-setup';
import { median, timedCli } from './timing';

const { values } = parseArgs({
  options: {
    ingredients: { type: 'string', default: '20000' },
    receipts: { type: 'string', default: '60000' },
    recipes: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
  },
});
const folder = mkdtempSync(join(tmpdir(), 'larder-import-bench-'));
const file = join(folder, 'setup.json');
writeFileSync(file, largeSetupFile(Number(values.ingredients), Number(values.receipts), Number(values.recipes)));
const first: number[] = [];
const again: number[] = [];
const memory: number[] = [];
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const env = { LARDER_HOME: join(folder, `home-${run}`) };
    const created = timedCli(env, ['import', file]);
    const updated = timedCli(env, ['import', file]);
    first.push(created.ms);
    again.push(updated.ms);
    memory.push(Math.max(created.maxRssKB, updated.maxRssKB) / 1024);
  }
  console.log(
    JSON.stringify({ ingredients: Number(values.ingredients), receipts: Number(values.receipts), recipes: Number(values.recipes), importMs: median(first), reimportMs: median(again), peakMB: median(memory), runsMs: { first, again } }),
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
