// A full disk and a data folder that cannot be written are the machine's trouble, not Larder's bug:
// they answer their own codes, in plain words, and leave nothing half-written.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../../test/support/run-cli';
import { createTestEngine, type TestEngine, sqliteConnection } from '../../../test/support/test-engine';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';

let engine: TestEngine | undefined;
afterEach(() => {
  engine?.dispose();
  engine = undefined;
});

async function start() {
  engine = await createTestEngine();
  const dispatch = createDispatch(createHandlers(engine), () => undefined);
  const count = () => (sqliteConnection(engine!.db).prepare('SELECT count(*) AS n FROM storage_units').get() as { n: number }).n;
  return { engine, dispatch, count };
}

describe('failures of the machine under Larder', () => {
  it('a full disk answers disk_full, and every save that was answered ok is there in full', async () => {
    const { engine: running, dispatch, count } = await start();
    // The database may not grow past its current pages: the next page it needs is a full disk.
    const pages = sqliteConnection(running.db).pragma('page_count', { simple: true }) as number;
    sqliteConnection(running.db).pragma(`max_page_count = ${pages}`);
    let saved = 0;
    let refusal: unknown = null;
    for (let index = 0; index < 5000 && refusal === null; index++) {
      const answer = await dispatch('storage-units:save', { name: `Walk-in cooler number ${index} ${'x'.repeat(150)}` });
      if (answer.ok) saved++;
      else refusal = answer.error;
    }
    expect(refusal).toMatchObject({ code: 'disk_full', message: expect.stringContaining('disk') });
    expect(count()).toBe(saved);
  });

  it('a data folder that cannot be written answers data_folder_read_only', async () => {
    const { engine: running, dispatch, count } = await start();
    sqliteConnection(running.db).pragma('query_only = ON');
    expect(await dispatch('storage-units:save', { name: 'Bar' })).toMatchObject({ ok: false, error: { code: 'data_folder_read_only' } });
    sqliteConnection(running.db).pragma('query_only = OFF');
    expect(count()).toBe(0);
  });
});

/** A 4 MB tmpfs, where this machine lets the tests mount one (as root on Linux); null elsewhere. */
function smallDisk(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const folder = mkdtempSync(join(tmpdir(), 'larder-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', folder], { stdio: 'ignore' });
    return folder;
  } catch {
    rmSync(folder, { recursive: true, force: true });
    return null;
  }
}

describe('a disk that is already full (issue 25, item 13)', () => {
  const disk = smallDisk();
  afterAll(() => {
    if (!disk) return;
    execFileSync('umount', [disk]);
    rmSync(disk, { recursive: true, force: true });
  });

  it('answers disk_full on reads and writes, not internal_error "disk I/O error"', async (context) => {
    if (!disk) return context.skip('this machine cannot mount a small disk for the test');
    const home = join(disk, 'larder');
    const run = async (...argv: string[]) => {
      const { code, json } = await runCliIn({ LARDER_HOME: home }, argv);
      return { code, json };
    };
    const setup = (name: string) => {
      const file = join(tmpdir(), `larder-full-${process.pid}-${name}.json`);
      writeFileSync(file, JSON.stringify({ storageUnits: [{ name }], ingredients: [{ name: 'Flour', unit: 'kg' }], receipts: [{ ingredient: 'Flour', storageUnit: name, quantity: '2', value: '3', date: '2026-05-01' }] }));
      return file;
    };
    expect(await run('import', setup('Main Kitchen'))).toMatchObject({ code: 0 });
    // Everything the disk has left goes to another file, as when a backup or a download fills it.
    const fill = openSync(join(disk, 'fill'), 'w');
    try {
      for (;;) writeSync(fill, Buffer.alloc(64 * 1024));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fill);
    }
    expect(await run('stock')).toMatchObject({ code: 1, json: { error: { code: 'disk_full' } } });
    expect(await run('import', setup('Bar'))).toMatchObject({ code: 1, json: { error: { code: 'disk_full' } } });
    rmSync(join(disk, 'fill'));
    expect(await run('stock')).toEqual({ code: 0, json: { stock: [{ storageUnit: 'Main Kitchen', ingredient: 'Flour', unit: 'kg', quantity: '2', value: '3' }] } });
  });
});
