// What the preload puts on `window.larder`; the renderer's only door to main.
import type { IpcChannel } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';
import type { LarderEvent } from '../../shared/model/events';

export interface LarderBridge {
  invoke(channel: IpcChannel, input: unknown): Promise<IpcResult<unknown>>;
  onEvent(listener: (event: LarderEvent) => void): () => void;
}

declare global {
  interface Window {
    larder?: LarderBridge;
  }
}
