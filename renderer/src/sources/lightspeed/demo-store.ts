// Starting the demo account takes a while and changes much of what Home shows meanwhile (a connection,
// locations, migrations): its progress and outcome live here, not in the button, so a screen that
// redraws around the button never loses them.
import { create } from 'zustand';
import type { IpcError } from '../../../../shared/ipc/contract';
import { asIpcError, call } from '../../ipc/client';

interface DemoState {
  busy: boolean;
  ready: string | null;
  error: IpcError | null;
  start(): Promise<void>;
  clearError(): void;
}

export const useDemoStore = create<DemoState>((set, get) => ({
  busy: false,
  ready: null,
  error: null,
  async start() {
    if (get().busy) return;
    set({ busy: true, ready: null, error: null });
    try {
      const result = await call('demo:start', {});
      set({ ready: `Demo account ready: ${result.locations} locations and ${result.items} items${result.importedSetup ? ', with a demo inventory' : ''}.` });
    } catch (caught) {
      set({ error: asIpcError(caught) });
    } finally {
      set({ busy: false });
    }
  },
  clearError: () => set({ error: null }),
}));
