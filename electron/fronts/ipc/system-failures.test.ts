// A full disk and a data folder that cannot be written are the machine's trouble, not Larder's bug:
// they answer their own codes, in plain words, and leave nothing half-written.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestEngine, type TestEngine } from '../../../test/support/test-engine';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';

let engine: TestEngine | undefined;
afterEach(() => {
  engine?.dispose();
  engine = undefined;
});

function start() {
  engine = createTestEngine();
  const dispatch = createDispatch(createHandlers(engine), () => undefined);
  const count = () => (engine?.db.sqlite.prepare('SELECT count(*) AS n FROM storage_units').get() as { n: number }).n;
  return { engine, dispatch, count };
}

describe('failures of the machine under Larder', () => {
  it('a full disk answers disk_full, and every save that was answered ok is there in full', async () => {
    const { engine: running, dispatch, count } = start();
    // The database may not grow past its current pages: the next page it needs is a full disk.
    const pages = running.db.sqlite.pragma('page_count', { simple: true }) as number;
    running.db.sqlite.pragma(`max_page_count = ${pages}`);
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
    const { engine: running, dispatch, count } = start();
    running.db.sqlite.pragma('query_only = ON');
    expect(await dispatch('storage-units:save', { name: 'Bar' })).toMatchObject({ ok: false, error: { code: 'data_folder_read_only' } });
    running.db.sqlite.pragma('query_only = OFF');
    expect(count()).toBe(0);
  });
});
