import { describe, expect, it } from 'vitest';
import { channelAccess, roleAccess } from '../../../shared/ipc/access';
import { ipcChannels } from '../../../shared/ipc/channels';
import { roles } from '../../../shared/model/people';
import type { Dispatch } from './dispatch';
import { dispatchFor } from './person-dispatch';

/** The engine's door, as far as this test needs it: what reached it. */
function recordingDispatch(): { dispatch: Dispatch; reached: string[] } {
  const reached: string[] = [];
  return { reached, dispatch: async (channel) => (reached.push(channel), { ok: true, data: null }) };
}

describe('a signed-in person’s door', () => {
  it('refuses a contract beyond their role with forbidden, before its handler, and passes the rest', async () => {
    const counter = recordingDispatch();
    const asCounter = dispatchFor({ role: 'counter' }, counter.dispatch);
    const refused = await asCounter('mappings:save', { posItemId: '1', target: { ingredientId: 1 }, quantity: '1', isSubtraction: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(refused)).not.toContain('mapping');
    expect(await asCounter('reports:food-cost', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await asCounter('counts:set', {})).toEqual({ ok: true, data: null });
    expect(counter.reached).toEqual(['counts:set']);

    const viewer = dispatchFor({ role: 'viewer' }, recordingDispatch().dispatch);
    expect(await viewer('counts:start', {})).toMatchObject({ error: { code: 'forbidden' } });
    expect(await viewer('reports:variance', {})).toMatchObject({ ok: true });
    const manager = dispatchFor({ role: 'manager' }, recordingDispatch().dispatch);
    expect(await manager('transfers:run', {})).toMatchObject({ ok: true });
    for (const channel of ['settings:save', 'connection:configure', 'backups:restore', 'database:use-server', 'recipes:save'] as const) {
      expect(await manager(channel, {})).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('lets the owner call every contract, and every role what anyone signed in may', async () => {
    const owner = recordingDispatch();
    const asOwner = dispatchFor({ role: 'owner' }, owner.dispatch);
    for (const channel of ipcChannels) expect(await asOwner(channel, {})).toEqual({ ok: true, data: null });
    expect(owner.reached).toEqual([...ipcChannels]);
    for (const role of roles) expect(roleAccess[role]).toContain('public');
    // Unknown channels are the engine's door's to refuse (invalid_input), as before.
    expect(await dispatchFor({ role: 'counter' }, owner.dispatch)('no:such-channel', {})).toEqual({ ok: true, data: null });
  });

  it('gives a counter only count sheets and what they need to fill them in', () => {
    const counterChannels = ipcChannels.filter((channel) => ['public', 'count'].includes(channelAccess[channel]));
    expect(counterChannels.every((channel) => /^(app|recovery|counts|storage-units|ingredients):/.test(channel))).toBe(true);
  });
});
