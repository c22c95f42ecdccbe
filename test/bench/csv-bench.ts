// The CSV upload at scale (issue 13): a German till export of 100,000 rows (Windows-1252, `;`,
// decimal commas, DD.MM.YYYY, two locations over 30 days, 300 codes of which some cells hold two, and
// a modifier column: two rows in three carry one or two modifiers, each a sales line of its own),
// previewed and posted by the CLI, each alone in its own process. Medians of several runs; between
// post runs the upload is reverted (timed too), so each post starts from the same ledger.
//
//   npm run bench:csv [-- --rows 100000 --runs 3]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { saveCsvProfile } from '../../electron/core/sources/csv/csv-profiles';
import { previewCsv, readCsvFile } from '../../electron/core/sources/csv/csv-upload';
import { createEngine } from '../../electron/core/engine';
import { findIngredientByName } from '../../electron/core/inventory/ingredients';
import { findRecipeByName } from '../../electron/core/inventory/recipes';
import { importSetupFile } from '../../electron/core/setup/setup-import';
import { resolveItem, saveMapping } from '../../electron/core/items/mappings';
import { createNodePlatform } from '../../electron/core/platform/node-platform';
import type { CsvPreview, CsvUploadView } from '../../shared/model/csv';
import { median, timedCli } from './timing';
import { TILL_MODIFIERS, writeTillExport } from '../support/till-export';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } } });
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const CODES = 300;
const AT = '2026-05-08T10:00:00.000Z';

const home = mkdtempSync(join(tmpdir(), 'larder-csv-bench-'));
const env = { LARDER_HOME: home, LARDER_NOW: AT };
const file = join(home, 'kassenexport.csv');

/** Inventory, the profile, and mappings for most codes (some by recipe): set up in-process, not timed. */
async function setUp(): Promise<void> {
  const engine = await createEngine(createNodePlatform({ env }), 'cli');
  try {
    const ingredients = Array.from({ length: 40 }, (_, index) => ({ name: `Zutat ${index}`, unit: index % 2 ? 'kg' : 'piece' }));
    await importSetupFile(
      engine.scope,
      JSON.stringify({
        storageUnits: [{ name: 'Main Kitchen' }, { name: 'Bar Storage' }],
        ingredients,
        recipes: Array.from({ length: 20 }, (_, index) => ({
          name: `Rezept ${index}`,
          yield: '1',
          lines: [0, 1, 2].map((line) => ({ ingredient: `Zutat ${(index + line * 7) % 40}`, quantity: `0.0${line + 1}5` })),
        })),
        receipts: ingredients.map((ingredient) => ({ ingredient: ingredient.name, storageUnit: 'Main Kitchen', quantity: '1000', value: '2500', date: '2026-03-01' })),
      }),
    );
    await saveCsvProfile(
      engine.scope,
      {
        name: 'Kassenexport',
        encoding: 'windows-1252',
        delimiter: ';',
        header: true,
        decimal_separator: ',',
        thousands_separator: '.',
        date_format: 'DD.MM.YYYY',
        rules: [{ type: 'column_values_to_pos_codes', source_column: 'Artikelnr', code_separator: '+', quantity_source_column: 'Menge', date_source_column: 'Datum' }],
        name_column: 'Artikel',
        modifier_column: 'Extras',
        amount_column: 'Umsatz',
        external_id_column: 'Bon',
        location_column: 'Filiale',
        locations: { Mitte: 'Main Kitchen', Bar: 'Bar Storage' },
      },
      AT,
    );
    await previewCsv(engine.scope, 'Kassenexport', readCsvFile(file), {}, AT);
    for (let code = 1000; code < 1000 + CODES - 20; code++) {
      const recipe = code % 4 === 0;
      await saveMapping(
        engine.scope,
        {
          posItemId: (await resolveItem(engine.scope, String(code), 'Kassenexport')).id,
          target: recipe ? { recipeId: (await findRecipeByName(engine.scope, `Rezept ${code % 20}`))!.id } : { ingredientId: (await findIngredientByName(engine.scope, `Zutat ${code % 40}`))!.id },
          quantity: recipe ? '1' : '0.125',
          isSubtraction: false,
        },
        AT,
      );
    }
    for (const [index, modifier] of TILL_MODIFIERS.entries()) {
      await saveMapping(
        engine.scope,
        { posItemId: (await resolveItem(engine.scope, modifier, 'Kassenexport')).id, target: { ingredientId: (await findIngredientByName(engine.scope, `Zutat ${index}`))!.id }, quantity: '0.05', isSubtraction: false },
        AT,
      );
    }
  } finally {
    engine.close();
  }
}

writeTillExport(file, ROWS, CODES);
await setUp();
const previews = [];
for (let run = 0; run < RUNS; run++) previews.push(timedCli<{ preview: CsvPreview }>(env, ['csv', 'preview', 'Kassenexport', file]));
const posts = [];
const reverts = [];
for (let run = 0; run < RUNS; run++) {
  const post = timedCli<{ upload: CsvUploadView }>(env, ['csv', 'upload', 'Kassenexport', file, ...(run > 0 ? ['--add'] : [])]);
  posts.push(post);
  reverts.push(timedCli<{ upload: CsvUploadView }>(env, ['csv', 'revert', String(post.result.upload.id)]));
}
const preview = previews[0]?.result.preview;
const upload = posts[0]?.result.upload;
const mb = (kb: number) => Math.round(kb / 1024);
console.log(
  JSON.stringify(
    {
      file: { rows: ROWS, bytes: statSync(file).size, codes: CODES, days: preview?.days.length },
      preview: { medianMs: median(previews.map((each) => each.ms)), runsMs: previews.map((each) => Math.round(each.ms)), peakMB: median(previews.map((each) => mb(each.maxRssKB))) },
      post: {
        medianMs: median(posts.map((each) => each.ms)),
        runsMs: posts.map((each) => Math.round(each.ms)),
        peakMB: median(posts.map((each) => mb(each.maxRssKB))),
        rowsPosted: upload?.rows_posted,
        rowsUnmapped: upload?.rows_unmapped,
        transfers: upload?.log_ids.length,
      },
      revert: { medianMs: median(reverts.map((each) => each.ms)) },
      databaseMB: Math.round(statSync(join(home, 'larder.db')).size / 1024 / 1024),
    },
    null,
    2,
  ),
);
rmSync(home, { recursive: true, force: true });
