import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../shared/ipc/channels';
import { contracts } from '../../../shared/ipc/contracts';
import { errorCodes } from '../../../shared/errors';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string) => ({ ok: true, data: channel }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

describe('the IPC contract', () => {
  beforeEach(() => invoke.mockClear());

  it('has exactly one contract per allowlisted channel, each under its own channel name', () => {
    expect(Object.keys(contracts).sort()).toEqual([...ipcChannels].sort());
    for (const [channel, contract] of Object.entries(contracts)) expect(contract.channel).toBe(channel);
  });

  it('names only catalogued error codes', () => {
    for (const contract of Object.values(contracts)) {
      for (const code of contract.errors) expect(errorCodes).toContain(code);
    }
  });

  it('the preload exposes invoke for the contracts’ channels and refuses any other', async () => {
    await import('../../preload/index');
    const bridge = exposed.get('larder') as { invoke(channel: string, input: unknown): Promise<unknown> };
    expect([...exposed.keys()]).toEqual(['larder']);
    for (const channel of ipcChannels) await expect(bridge.invoke(channel, {})).resolves.toEqual({ ok: true, data: channel });
    await expect(bridge.invoke('secrets:read', {})).rejects.toThrow(/not allowed/);
    await expect(bridge.invoke('larder:event', {})).rejects.toThrow(/not allowed/);
    expect(invoke).toHaveBeenCalledTimes(ipcChannels.length);
  });
});
