// How the renderer reaches main: Electron's preload bridge when there is one, otherwise the web
// host's loopback HTTP, signed in by the session cookie the host set (HttpOnly: this code never sees it).
import type { IpcChannel } from '../../../shared/ipc/channels';
import { EVENT_CHANNEL } from '../../../shared/ipc/channels';
import type { IpcResult } from '../../../shared/ipc/contract';
import type { LarderEvent } from '../../../shared/model/events';

export interface Transport {
  invoke(channel: IpcChannel, input: unknown): Promise<IpcResult<unknown>>;
  onEvent(listener: (event: LarderEvent) => void): () => void;
}

function httpTransport(): Transport {
  return {
    async invoke(channel, input) {
      const response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) {
        return { ok: false, error: { code: 'session_token_invalid', message: 'This tab is not connected to the running Larder.' } };
      }
      if (!response.ok) return { ok: false, error: { code: 'internal_error', message: `Larder answered ${response.status}.` } };
      return (await response.json()) as IpcResult<unknown>;
    },
    onEvent(listener) {
      const source = new EventSource('/events');
      const forward = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as LarderEvent);
      source.addEventListener(EVENT_CHANNEL, forward);
      return () => source.close();
    },
  };
}

export const transport: Transport = window.larder ?? httpTransport();
