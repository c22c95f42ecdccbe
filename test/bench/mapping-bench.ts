// `npm run bench:mapping`: mapping at scale on a year of the busy venue (about 10,000 POS items and
// 2.2 million cached sales lines, the same venue as bench:ui; BENCH_UI_DATA keeps it between runs).
// Measured in the engine's process, as the screens call it, each the median of several runs after
// two that warm SQLite's page cache and the code up:
//   work list     items:work-list: every unmapped item ranked by its last 30 days at every location
//   suggestions   items:suggest for the work list's top rows (SUGGESTED_ROWS)
//   both          the two calls the Items screen makes on opening, one after the other
//   preview       a 30-day reprocess preview of the busy venue after a remapping (reprocess --preview)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../electron/core/engine';
import { listItems } from '../../electron/core/items/item-sync';
import { saveMappings } from '../../electron/core/items/mappings';
import { findRecipeByName } from '../../electron/core/inventory/recipes';
import { addDays, dateInZone } from '../../electron/core/time/zoned-time';
import { reprocessPreview } from '../../electron/core/transfer/reprocess';
import { createNodePlatform } from '../../electron/core/platform/node-platform';
import { createHandlers } from '../../electron/fronts/ipc/handlers';
import { BL, NOW, phase, yearOfBusyVenue } from './busy-venue';
import { median } from './timing';
import { SUGGESTED_ROWS } from '../../shared/model/items';
import { sqliteConnection } from '../support/test-engine';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WARM_UP = 2;

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ medianMs: number; runsMs: number[]; last: T }> {
  const runsMs: number[] = [];
  let last: T | undefined;
  for (let run = 0; run < runs + WARM_UP; run++) {
    const t0 = performance.now();
    last = await work();
    if (run >= WARM_UP) runsMs.push(+(performance.now() - t0).toFixed(1));
  }
  return { medianMs: median(runsMs), runsMs, last: last as T };
}

const kept = process.env.BENCH_UI_DATA;
const home = kept ?? mkdtempSync(join(tmpdir(), 'larder-mapping-bench-'));
try {
  await yearOfBusyVenue(home);
  const engine = await createEngine(createNodePlatform({ env: { LARDER_HOME: home, LARDER_NOW: NOW } }), 'cli');
  const { scope } = engine;
  const counts = sqliteConnection(scope.db).prepare('SELECT (SELECT count(*) FROM pos_items) AS items, (SELECT count(*) FROM sales_lines) AS salesLines').get() as { items: number; salesLines: number };
  phase(`${counts.items} items, ${counts.salesLines} sales lines; measuring`);
  const handlers = createHandlers(engine);

  const workList = await timed(RUNS, async () => ((await handlers['items:work-list']({})) as { rows: { posItemId: number }[] }).rows);
  const top = workList.last.slice(0, SUGGESTED_ROWS).map((row) => row.posItemId);
  const suggest = await timed(RUNS, async () => handlers['items:suggest']({ posItemIds: top }));
  const both = await timed(RUNS, async () => {
    const list = (await handlers['items:work-list']({})) as { rows: { posItemId: number }[] };
    return handlers['items:suggest']({ posItemIds: list.rows.slice(0, SUGGESTED_ROWS).map((row) => row.posItemId) });
  });

  // Today's mappings differ from what was posted: 200 of the venue's mapped dishes now take another recipe.
  const yesterday = addDays(dateInZone(new Date(NOW), 'Europe/Amsterdam'), -1);
  const from = addDays(yesterday, -29);
  const remapped = (await listItems(scope))
    .filter((item) => item.mapping && item.locations.includes(BL))
    .slice(0, 200);
  const recipe = (await findRecipeByName(scope, 'Recipe 7'))!.id;
  await saveMappings(scope, remapped.map((item) => ({ posItemId: item.id, target: { recipeId: recipe }, quantity: '1', isSubtraction: false })), NOW);
  const preview = await timed(Math.max(3, Math.ceil(RUNS / 2)), () => reprocessPreview(engine.transfers, BL, from, yesterday));
  engine.close();

  console.log(
    JSON.stringify(
      {
        ...counts,
        unmappedItems: workList.last.length,
        workListMs: workList.medianMs,
        workListRunsMs: workList.runsMs,
        suggestTopRowsMs: suggest.medianMs,
        suggestTopRowsRunsMs: suggest.runsMs,
        workListWithSuggestionsMs: both.medianMs,
        workListWithSuggestionsRunsMs: both.runsMs,
        previewDays: `${from} to ${yesterday}`,
        previewChangedDays: preview.last.days.length,
        previewIngredients: preview.last.ingredients.length,
        previewMs: preview.medianMs,
        previewRunsMs: preview.runsMs,
        warmUpRuns: WARM_UP,
      },
      null,
      2,
    ),
  );
} finally {
  if (!kept) rmSync(home, { recursive: true, force: true });
}
