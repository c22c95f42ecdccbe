// A large export previewed and posted by the CLI in a process of its own, its peak memory measured:
// a file is streamed and its rows held column by column, so memory grows with the file's rows by a
// few dozen bytes each, not by the kilobyte an object per row took (issue 25, item 7).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timedCli } from '../../../../test/bench/timing';
import { writeTillExport } from '../../../../test/support/till-export';
import { createEngine } from '../../engine';
import { importSetupFile } from '../../setup/setup-import';
import { createNodePlatform } from '../../platform/node-platform';
import type { CsvPreview, CsvUploadView } from '../../../../shared/model/csv';
import { saveCsvProfile } from './csv-profiles';

const ROWS = 400_000;
const AT = '2026-05-08T10:00:00.000Z';
const home = mkdtempSync(join(tmpdir(), 'larder-csv-memory-'));
const env = { LARDER_HOME: home, LARDER_NOW: AT };
/** Node's heap capped well below what one object per row needs (about 1 KB a row, 400 MB here): a copy of the rows would crash. */
const smallHeap = { ...env, NODE_OPTIONS: '--max-old-space-size=160' };
const file = join(home, 'kassenexport.csv');

beforeAll(async () => {
  writeTillExport(file, ROWS, 300);
  const engine = await createEngine(createNodePlatform({ env }), 'cli');
  try {
    await importSetupFile(engine.scope, JSON.stringify({ storageUnits: [{ name: 'Main Kitchen' }, { name: 'Bar Storage' }] }));
    await saveCsvProfile(engine.scope, JSON.parse(readFileSync(new URL('../../../../test/fixtures/csv/kassenexport.profile.json', import.meta.url), 'utf8')), AT);
  } finally {
    engine.close();
  }
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('a 400,000-row export (27 MB)', () => {
  it('previews and posts with Node’s heap capped at 160 MB, every row counted, peaking under 300 MB', () => {
    expect(statSync(file).size).toBeGreaterThan(25 * 1024 * 1024);
    const preview = timedCli<{ preview: CsvPreview }>(smallHeap, ['csv', 'preview', 'Kassenexport', file]);
    expect(preview.result.preview).toMatchObject({ rows: ROWS, rows_valid: ROWS, rows_invalid: 0, rows_duplicate: 0 });
    expect(preview.maxRssKB / 1024).toBeLessThan(300);
    const upload = timedCli<{ upload: CsvUploadView }>(smallHeap, ['csv', 'upload', 'Kassenexport', file]);
    expect(upload.result.upload).toMatchObject({ status: 'posted', rows: ROWS, rows_duplicate: 0, rows_unmapped: ROWS });
    expect(upload.result.upload.days).toHaveLength(30);
    expect(upload.maxRssKB / 1024).toBeLessThan(300);
  }, 300_000);
});
