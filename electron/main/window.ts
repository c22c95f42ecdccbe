import { fileURLToPath } from 'node:url';
import { BrowserWindow, shell, type WebContents } from 'electron';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Where the renderer comes from: electron-vite's dev server, or the built files. */
export const rendererEntry = process.env.ELECTRON_RENDERER_URL ?? new URL('../renderer/index.html', import.meta.url).href;

/** True when a frame shows our own renderer, and not some page it was navigated or framed to. */
export function isOwnRendererUrl(url: string): boolean {
  if (process.env.ELECTRON_RENDERER_URL) return new URL(url).origin === new URL(process.env.ELECTRON_RENDERER_URL).origin;
  return url.split('#')[0] === rendererEntry;
}

export const hardenedWebPreferences = {
  preload: `${here}../preload/index.cjs`,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnRendererUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Larder',
    webPreferences: hardenedWebPreferences,
  });
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntry);
  return window;
}
