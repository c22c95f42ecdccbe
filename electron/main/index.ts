// The desktop shell: the only code that imports Electron. It wires the engine to windows and IPC.
import { app, BrowserWindow, ipcMain } from 'electron';
import { EVENT_CHANNEL, ipcChannels } from '../../shared/ipc/channels';
import { createEngine, type Engine } from '../engine';
import { createDispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { createElectronPlatform } from './electron-platform';
import { createMainWindow, isOwnRendererUrl } from './window';

let engine: Engine | undefined;
let mainWindow: BrowserWindow | undefined;

function registerIpc(current: Engine): void {
  const dispatch = createDispatch(createHandlers(current));
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isOwnRendererUrl(frameUrl)) {
        return { ok: false, error: { code: 'unauthorized_company_access', message: 'Request from a foreign frame refused.' } };
      }
      return dispatch(channel, input);
    });
  }
  current.events.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, event);
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.whenReady().then(() => {
    engine = createEngine(createElectronPlatform(), 'electron');
    registerIpc(engine);
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = undefined));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => engine?.close());
}
