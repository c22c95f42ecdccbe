// Exposes exactly the contracts' channels, never ipcRenderer itself: a compromised page can call
// what the contracts allow and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, ipcChannels } from '../../shared/ipc/channels';
import type { LarderEvent } from '../../shared/model/events';
import type { LarderBridge } from './bridge';

const allowed = new Set<string>(ipcChannels);

export const bridge: LarderBridge = {
  invoke(channel, input) {
    if (!allowed.has(channel)) return Promise.reject(new Error(`The channel ${String(channel)} is not allowed.`));
    return ipcRenderer.invoke(channel, input);
  },
  onEvent(listener) {
    const forward = (_event: unknown, payload: LarderEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('larder', bridge);
