import { fileURLToPath } from 'node:url';
import { BrowserWindow, shell, type WebContents } from 'electron';
import type { Bounds } from './window-life';
import { isOwnRendererUrl, isSafeExternalUrl, isServerPage } from './guards';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Where the renderer comes from: electron-vite's dev server, or the built files. */
export const renderer = {
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  entryUrl: new URL('../renderer/index.html', import.meta.url).href,
};

export const isOwnFrame = (url: string) => isOwnRendererUrl(url, renderer);

/** What every window gets: isolation, a sandbox, no Node, no insecure content. */
const isolated = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

export const hardenedWebPreferences = { preload: `${here}../preload/index.cjs`, ...isolated } as const;

/** No navigation away, no new windows (https links go to the system browser), no permissions. */
export function lockDown(contents: WebContents, ownPage: (url: string) => boolean = isOwnFrame): void {
  contents.on('will-navigate', (event, url) => {
    if (!ownPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

/** A window where it was last, hardened, shown when ready, showing `address`; `ownPage` is where it may navigate. */
function openHardened(bounds: Bounds | null, webPreferences: typeof isolated, address: string, ownPage: (url: string) => boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 820,
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Larder',
    webPreferences,
  });
  lockDown(window.webContents, ownPage);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(address);
  return window;
}

export function createMainWindow(bounds: Bounds | null): BrowserWindow {
  return openHardened(bounds, hardenedWebPreferences, renderer.devServerUrl ?? renderer.entryUrl, isOwnFrame);
}

/**
 * A window on the group's Larder server: its pages, signed in there like any browser. No preload:
 * a page from the network gets no bridge into this PC, and the window may not leave the server.
 */
export function createServerWindow(bounds: Bounds | null, serverAddress: string): BrowserWindow {
  return openHardened(bounds, isolated, serverAddress, (url) => isServerPage(url, serverAddress));
}
