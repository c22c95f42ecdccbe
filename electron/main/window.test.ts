import { describe, expect, it, vi } from 'vitest';

// A fake of the few Electron APIs the shell uses: enough to see what it asks of them.
const created: { options: Record<string, unknown>; handlers: Map<string, (...args: unknown[]) => void>; openHandler?: (details: { url: string }) => unknown }[] = [];
const openExternal = vi.fn(async () => undefined);
const permissionAnswers: boolean[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record = { options, handlers: new Map<string, (...args: unknown[]) => void>(), openHandler: undefined as ((details: { url: string }) => unknown) | undefined };
      created.push(record);
      this.webContents = {
        on: (event: string, handler: (...args: unknown[]) => void) => record.handlers.set(event, handler),
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (record.openHandler = handler),
        session: {
          setPermissionRequestHandler: (handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) =>
            handler(null, 'media', (granted) => permissionAnswers.push(granted)),
          setPermissionCheckHandler: (handler: () => boolean) => permissionAnswers.push(handler()),
        },
      };
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  return { BrowserWindow, shell: { openExternal } };
});

describe('every window', () => {
  it('runs with context isolation, the sandbox on and Node integration off', async () => {
    const { createMainWindow, hardenedWebPreferences } = await import('./window');
    createMainWindow(null);
    const preferences = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(preferences).toBe(hardenedWebPreferences);
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false });
  });

  it('cannot navigate away, open windows, attach webviews or get permissions; https links go to the browser', async () => {
    const { createMainWindow } = await import('./window');
    createMainWindow({ x: 1, y: 2, width: 1000, height: 700 });
    const window = created.at(-1)!;
    expect(window.options).toMatchObject({ x: 1, y: 2, width: 1000, height: 700 });
    const navigation = { prevented: false, preventDefault: () => (navigation.prevented = true) };
    window.handlers.get('will-navigate')?.(navigation, 'https://evil.example/');
    expect(navigation.prevented).toBe(true);
    const webview = { prevented: false, preventDefault: () => (webview.prevented = true) };
    window.handlers.get('will-attach-webview')?.(webview);
    expect(webview.prevented).toBe(true);
    expect(window.openHandler?.({ url: 'https://www.lightspeedhq.com/' })).toEqual({ action: 'deny' });
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)']) expect(window.openHandler?.({ url })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://www.lightspeedhq.com/');
    expect(permissionAnswers.every((granted) => granted === false)).toBe(true);
  });
});

describe('IPC', () => {
  it('is answered only for our own renderer frame, through the validating dispatcher', async () => {
    const { registerIpc } = await import('./ipc-bridge');
    const { ipcChannels } = await import('../../shared/ipc/channels');
    const handlers = new Map<string, (event: { senderFrame?: { url: string } | null }, input: unknown) => unknown>();
    const dispatch = vi.fn(async (channel: string) => ({ ok: true as const, data: channel }));
    registerIpc({ handle: (channel, handler) => handlers.set(channel, handler) }, dispatch, (url) => url === 'file:///app/index.html');
    expect([...handlers.keys()].sort()).toEqual([...ipcChannels].sort());
    const handler = handlers.get('storage-units:list')!;
    expect(await handler({ senderFrame: { url: 'https://evil.example/frame' } }, {})).toMatchObject({ ok: false, error: { code: 'unauthorized_company_access' } });
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler({ senderFrame: { url: 'file:///app/index.html' } }, {})).toEqual({ ok: true, data: 'storage-units:list' });
  });
});
