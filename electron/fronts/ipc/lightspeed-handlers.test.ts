import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLightspeed, type FakeLightspeed } from '../../demo/fake-lightspeed/fake-lightspeed';
import { approveInBrowser } from '../../../test/support/lightspeed';
import { createTestEngine, type TestEngine } from '../../../test/support/test-engine';
import type { LarderEvent } from '../../../shared/model/events';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';

let fake: FakeLightspeed | undefined;
let engine: TestEngine | undefined;
afterEach(async () => {
  engine?.dispose();
  await fake?.close();
});

describe('the Lightspeed channels', () => {
  it('configure, connect, sync and map through the validating dispatcher, never answering a token', async () => {
    fake = await startFakeLightspeed({ autoApprove: true });
    engine = await createTestEngine();
    const events: LarderEvent[] = [];
    engine.events.subscribe((event) => events.push(event));
    const dispatch = createDispatch(createHandlers(engine));
    const answers: unknown[] = [];
    const call = async (channel: string, input: unknown = {}) => {
      const result = await dispatch(channel, input);
      answers.push(result);
      return result;
    };

    expect(await call('connection:status')).toMatchObject({ ok: true, data: { status: 'not_connected' } });
    expect(await call('connection:start')).toMatchObject({ ok: false, error: { code: 'lightspeed_not_configured' } });
    const configured = await call('connection:configure', {
      environment: 'custom',
      customEndpoints: { authorizeUrl: fake.authorizeUrl, tokenUrl: fake.tokenUrl, apiUrl: fake.apiUrl },
      clientId: 'larder-demo',
      clientSecret: 'larder-demo-secret',
    });
    expect(configured).toMatchObject({ ok: true, data: { clientSecretStored: true, environment: 'custom' } });

    const started = (await call('connection:start', {})) as { ok: true; data: { authorizeUrl: string; mode: string; openedByApp: boolean } };
    expect(started.data).toMatchObject({ mode: 'loopback', openedByApp: true });
    events.length = 0;
    await approveInBrowser(started.data.authorizeUrl);
    await expect.poll(() => events.some((event) => event.type === 'connection:changed')).toBe(true);
    expect(await call('connection:status')).toMatchObject({ ok: true, data: { status: 'active' } });

    expect(await call('locations:sync')).toMatchObject({ ok: true, data: { locations: 4 } });
    const locations = (await call('locations:list')) as { ok: true; data: Record<string, unknown>[] };
    expect(locations.data[0]).not.toHaveProperty('companyId');
    const unit = (await call('storage-units:save', { name: 'Main Kitchen' })) as { ok: true; data: { id: number } };
    expect(await call('locations:link', { businessLocationId: '45454565682155', storageUnitId: unit.data.id })).toMatchObject({ ok: true, data: { storageUnitId: unit.data.id } });
    expect(await call('locations:link', { businessLocationId: 'Harbour', storageUnitId: 1 })).toMatchObject({ ok: false, error: { code: 'location_not_found' } });
    expect(await call('locations:link', { businessLocationId: '', storageUnitId: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('items:sync')).toMatchObject({ ok: true, data: { locations: 4 } });
    const items = (await call('items:list', { unmapped: true })) as { ok: true; data: { id: number; name: string }[] };
    const espresso = items.data.find((item) => item.name === 'Espresso')!;
    const beans = (await call('ingredients:save', { name: 'Coffee beans', unit: 'kg' })) as { ok: true; data: { id: number } };
    expect(await call('mappings:save', { posItemId: espresso.id, mappedObjectType: 'ingredient', mappedObjectId: beans.data.id, quantity: '0.009' })).toMatchObject({
      ok: true,
      data: { itemName: 'Espresso', quantity: '0.009', isSubtraction: false },
    });
    expect(await call('mappings:save', { posItemId: espresso.id, mappedObjectType: 'recipe', mappedObjectId: 999, quantity: '1' })).toMatchObject({
      ok: false,
      error: { code: 'recipe_not_found' },
    });
    const unmappedAfter = (await call('items:list', { unmapped: true })) as { ok: true; data: { id: number }[] };
    expect(unmappedAfter.data.map((item) => item.id)).not.toContain(espresso.id);
    expect(await call('mappings:delete', { posItemId: espresso.id })).toEqual({ ok: true, data: { done: true } });
    expect(await call('connection:disconnect')).toMatchObject({ ok: true, data: { status: 'disconnected', disconnectedByUserAt: expect.any(String) } });
    expect(events.map((event) => event.type)).toContain('lightspeed:changed');

    const everything = JSON.stringify(answers);
    for (const token of fake.oauth.issuedTokens()) expect(everything).not.toContain(token);
    expect(everything).not.toContain('larder-demo-secret');
  });
});

describe('the transfer channels', () => {
  it('run a day by hand, a migration in the background with progress events, and read logs and the overview offline', async () => {
    const { startRestaurant, HARBOUR } = await import('../../../test/support/restaurant');
    const run = await startRestaurant({ salesPerDay: 4 });
    try {
      const events: LarderEvent[] = [];
      run.engine.events.subscribe((event) => events.push(event));
      const dispatch = createDispatch(createHandlers(run.engine));
      const transfer = await dispatch('transfers:run', { businessLocationId: HARBOUR, date: '06.05.2026' });
      expect(transfer).toMatchObject({ ok: true, data: { date: '2026-05-06', success: true } });
      expect(await dispatch('transfers:run', { businessLocationId: HARBOUR, date: '2026-05-09' })).toMatchObject({ ok: false, error: { code: 'date_not_closed' } });

      expect(await dispatch('migrations:activate', { businessLocationId: HARBOUR })).toMatchObject({ ok: true, data: { total_days: 90 } });
      await expect.poll(() => events.some((event) => event.type === 'migration:progress' && event.status === 'completed'), { timeout: 20_000 }).toBe(true);
      const logs = (await dispatch('logs:list', { businessLocationId: HARBOUR, from: '2026-05-01', to: '2026-05-07' })) as { ok: true; data: { id: number }[] };
      expect(logs.data.length).toBeGreaterThanOrEqual(7);
      const detail = await dispatch('logs:get', { id: (transfer as { ok: true; data: { log_id: number } }).data.log_id });
      expect(detail).toMatchObject({ ok: true, data: { reportDate: '2026-05-06', status: 'success', ledgerEntries: expect.any(Array) } });
      await run.fake.close();
      // Offline: everything above comes from the local database.
      expect(await dispatch('locations:overview', { businessLocationId: HARBOUR })).toMatchObject({ ok: true, data: { storageUnitName: 'Main Kitchen', migration: { status: 'completed' } } });
      expect(await dispatch('logs:list', {})).toMatchObject({ ok: true });
    } finally {
      run.engine.dispose();
    }
  });
});
