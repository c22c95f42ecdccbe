// Child process for the crash test: imports the same receipts again and again, each round with new
// values, and says which round committed. The parent kills it with SIGKILL at a random moment.
import { createEngine } from '../../electron/core/engine';
import { importSetupFile } from '../../electron/core/setup/setup-import';
import { createNodePlatform } from '../../electron/core/platform/node-platform';

const RECEIPTS = Number(process.env.CRASH_RECEIPTS ?? 3000);
const engine = await createEngine(createNodePlatform(), 'cli');

function setupFile(round: number): string {
  return JSON.stringify({
    storageUnits: [{ name: 'Main Kitchen' }],
    ingredients: [{ name: 'Flour', unit: 'kg' }],
    receipts: Array.from({ length: RECEIPTS }, (_, index) => ({
      ingredient: 'Flour',
      storageUnit: 'Main Kitchen',
      quantity: `${round}.5`,
      value: `${round}`,
      date: '2026-01-05',
      reference: `R-${index}`,
    })),
  });
}

// A pause between rounds (CRASH_PAUSE_MS) lets a writer in this process's neighbour take its turn.
const pause = new Int32Array(new SharedArrayBuffer(4));
const PAUSE_MS = Number(process.env.CRASH_PAUSE_MS ?? 0);
for (let round = 1; ; round++) {
  await importSetupFile(engine.scope, setupFile(round));
  process.stdout.write(`committed ${round}\n`);
  if (PAUSE_MS > 0) Atomics.wait(pause, 0, 0, PAUSE_MS);
}
