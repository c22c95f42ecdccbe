// Registers one ipcMain handler per contract channel. Every message's sender frame is checked
// against our own renderer before the dispatcher (which validates the input) sees it.
import { ipcChannels } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';
import type { Dispatch } from '../fronts/ipc/dispatch';

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, input: unknown) => Promise<IpcResult<unknown>> | IpcResult<unknown>): void;
}

export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, isOwnFrame: (url: string) => boolean): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, input) => {
      if (!isOwnFrame(event.senderFrame?.url ?? '')) {
        return { ok: false, error: { code: 'unauthorized_company_access', message: 'A request from a frame that is not Larder’s own was refused.' } };
      }
      return dispatch(channel, input);
    });
  }
}
