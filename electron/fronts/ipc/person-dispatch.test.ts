import { describe, expect, it } from 'vitest';
import { channelAccess, roleAccess } from '../../../shared/ipc/access';
import { ipcChannels } from '../../../shared/ipc/channels';
import { roles, type Role } from '../../../shared/model/people';
import type { Dispatch } from './dispatch';
import { dispatchFor, type Reach } from './person-dispatch';

/** The engine's door, as far as this test needs it: what reached it, answering `data`. */
function recordingDispatch(data: unknown = null): { dispatch: Dispatch; reached: string[] } {
  const reached: string[] = [];
  return { reached, dispatch: async (channel) => (reached.push(channel), { ok: true, data }) };
}

/** Storage unit 1 is the Main Kitchen, 2 the Bar; count 7 is of the Bar. */
function reachFor(recorded: string[] = []): Reach {
  return {
    storageUnitName: async (id) => ({ 1: 'Main Kitchen', 2: 'Bar' })[id] ?? null,
    countStorageUnit: async (id) => (id === 7 ? 'Bar' : null),
    record: async (channel) => void recorded.push(channel),
  };
}

const person = (role: Role, locations: string[] = [], storageUnits: string[] = []) => ({ name: `A ${role}`, role, locations, storageUnits });

describe('a signed-in person’s door', () => {
  it('refuses a contract beyond their role with forbidden, before its handler, and passes the rest', async () => {
    const counter = recordingDispatch();
    const asCounter = dispatchFor(person('counter', [], ['Bar']), counter.dispatch, reachFor());
    const refused = await asCounter('mappings:save', { posItemId: '1', target: { ingredientId: 1 }, quantity: '1', isSubtraction: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(refused)).not.toContain('mapping');
    expect(await asCounter('reports:food-cost', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await asCounter('counts:set', { id: 7 })).toEqual({ ok: true, data: null });
    expect(counter.reached).toEqual(['counts:set']);

    const viewer = dispatchFor(person('viewer', ['1']), recordingDispatch().dispatch, reachFor());
    expect(await viewer('counts:start', {})).toMatchObject({ error: { code: 'forbidden' } });
    expect(await viewer('reports:variance', {})).toMatchObject({ ok: true });
    const manager = dispatchFor(person('manager', ['1'], ['Main Kitchen']), recordingDispatch().dispatch, reachFor());
    expect(await manager('transfers:run', { businessLocationId: '1' })).toMatchObject({ ok: true });
    for (const channel of ['settings:save', 'connection:configure', 'backups:restore', 'database:use-server', 'recipes:save', 'people:list', 'activity:list'] as const) {
      expect(await manager(channel, {})).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('keeps a person to their locations, storage units and counts, in what they ask and what they read', async () => {
    const engine = recordingDispatch();
    const manager = dispatchFor(person('manager', ['1'], ['Main Kitchen']), engine.dispatch, reachFor());
    expect(await manager('transfers:run', { businessLocationId: '2', date: '2026-05-07' })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await manager('logs:list', { businessLocationId: ' 2 ' })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await manager('receipts:create', { storageUnitId: 2 })).toMatchObject({ error: { code: 'forbidden' } });
    // An id that is nobody's gets the same answer as another venue's: nothing is learnt from it.
    expect(await manager('receipts:create', { storageUnitId: 99 })).toEqual(await manager('receipts:create', { storageUnitId: 2 }));
    expect(await manager('stock:move', { from: 'Main Kitchen', to: 'Bar' })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await manager('counts:finish', { id: 7 })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await manager('waste:record', { storageUnit: 'Main Kitchen' })).toMatchObject({ ok: true });
    expect(engine.reached).toEqual(['waste:record']);

    const rows = [
      { businessLocationId: '1', storageUnit: 'Bar', name: 'Harbour log' },
      { businessLocationId: '2', storageUnit: 'Main Kitchen', name: 'Dunes log' },
      { businessLocationId: null, storageUnit: 'Main Kitchen', name: 'Kitchen count' },
      { businessLocationId: null, storageUnit: 'Bar', name: 'Bar count' },
    ];
    const reader = dispatchFor(person('manager', ['1'], ['Main Kitchen']), recordingDispatch({ page: { rows } }).dispatch, reachFor());
    expect(await reader('logs:list', {})).toEqual({ ok: true, data: { page: { rows: [rows[0], rows[2]] } } });
    const units = dispatchFor(person('counter', [], ['Bar']), recordingDispatch([{ id: 1, name: 'Main Kitchen' }, { id: 2, name: 'Bar' }]).dispatch, reachFor());
    expect(await units('storage-units:list', {})).toEqual({ ok: true, data: [{ id: 2, name: 'Bar' }] });
  });

  it('shows a counter the count sheet without what it is worth', async () => {
    const sheet = { count: { id: 7, storage_unit: 'Bar' }, rows: [{ ingredient: 'Gin', expected: '2', counted: '1', difference: '-1', difference_value: '-14.50' }] };
    const counter = dispatchFor(person('counter', [], ['Bar']), recordingDispatch(sheet).dispatch, reachFor());
    const answer = (await counter('counts:sheet', { id: 7 })) as { ok: true; data: typeof sheet };
    expect(answer.data.rows[0]).toEqual({ ingredient: 'Gin', expected: '2', counted: '1', difference: '-1', difference_value: null });
    const owner = dispatchFor(person('owner'), recordingDispatch(sheet).dispatch, reachFor());
    expect(await owner('counts:sheet', { id: 7 })).toEqual({ ok: true, data: sheet });
  });

  it('writes each change that went through to the activity log, and no look or refusal', async () => {
    const recorded: string[] = [];
    const manager = dispatchFor(person('manager', ['1'], ['Main Kitchen']), recordingDispatch().dispatch, reachFor(recorded));
    await manager('waste:record', { storageUnit: 'Main Kitchen' });
    await manager('counts:sheet', { id: 7 });
    await manager('stock:list', {});
    await manager('waste:record', { storageUnit: 'Bar' });
    expect(recorded).toEqual(['waste:record']);
    const failing: Dispatch = async () => ({ ok: false, error: { code: 'invalid_input', message: 'no' } });
    await dispatchFor(person('owner'), failing, reachFor(recorded))('settings:save', {});
    expect(recorded).toEqual(['waste:record']);
  });

  it('lets the owner call every contract, and every role what anyone signed in may', async () => {
    const owner = recordingDispatch();
    const asOwner = dispatchFor(person('owner'), owner.dispatch, reachFor());
    for (const channel of ipcChannels) expect(await asOwner(channel, {})).toEqual({ ok: true, data: null });
    expect(owner.reached).toEqual([...ipcChannels]);
    for (const role of roles) expect(roleAccess[role]).toContain('public');
    // Unknown channels are the engine's door's to refuse (invalid_input), as before.
    expect(await dispatchFor(person('counter'), owner.dispatch, reachFor())('no:such-channel', {})).toEqual({ ok: true, data: null });
  });

  it('gives a counter only count sheets and what they need to fill them in', () => {
    const counterChannels = ipcChannels.filter((channel) => ['public', 'count'].includes(channelAccess[channel]));
    expect(counterChannels.every((channel) => /^(app|recovery|counts|storage-units|ingredients):/.test(channel))).toBe(true);
  });
});
