import { describe, expect, it, vi } from 'vitest';
import { isOwnRendererUrl, isSafeExternalUrl, isServerPage, isSignInUrl } from './guards';
import { hideToTrayOnClose, rememberBounds, type WindowLike } from './window-life';

function fakeWindow() {
  const listeners = new Map<string, ((event: { preventDefault(): void }) => void)[]>();
  const window = {
    hidden: false,
    bounds: { x: 10, y: 20, width: 1280, height: 820 },
    on: (event: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    hide: () => void (window.hidden = true),
    getBounds: () => window.bounds,
    isDestroyed: () => false,
    emit(event: string) {
      const record = { prevented: false, preventDefault: () => void (record.prevented = true) };
      for (const listener of listeners.get(event) ?? []) listener(record);
      return record.prevented;
    },
  };
  return window;
}

describe('closing the window', () => {
  it('hides it to the tray, with the notice only the first time; Quit closes', () => {
    const window = fakeWindow();
    let quitting = false;
    let shown = false;
    const showNotice = vi.fn(() => (shown = true));
    hideToTrayOnClose(window as unknown as WindowLike, { quitting: () => quitting, enabled: () => true, noticeShown: () => shown, showNotice });
    expect(window.emit('close')).toBe(true);
    expect(window.hidden).toBe(true);
    window.emit('close');
    expect(showNotice).toHaveBeenCalledTimes(1);
    quitting = true;
    expect(window.emit('close')).toBe(false);
  });

  it('closes for real when close-to-tray is off, and remembers size and place', () => {
    const window = fakeWindow();
    hideToTrayOnClose(window as unknown as WindowLike, { quitting: () => false, enabled: () => false, noticeShown: () => true, showNotice: () => undefined });
    expect(window.emit('close')).toBe(false);
    const saved: unknown[] = [];
    rememberBounds(window as unknown as WindowLike, (bounds) => saved.push(bounds));
    window.bounds = { x: 0, y: 0, width: 1000, height: 700 };
    window.emit('resize');
    expect(saved).toEqual([{ x: 0, y: 0, width: 1000, height: 700 }]);
  });
});

describe('the guards', () => {
  it('keep a window on a Larder server to that server’s pages', () => {
    expect(isServerPage('https://larder.example.com/#/inventory', 'https://larder.example.com')).toBe(true);
    for (const url of ['https://larder.example.com.evil.example/', 'http://larder.example.com/', 'https://larder.example.com:8443/', 'file:///etc/passwd', 'not a url']) {
      expect(isServerPage(url, 'https://larder.example.com')).toBe(false);
    }
  });

  it('open only https links from the page, never http, file or javascript', () => {
    expect(isSafeExternalUrl('https://www.lightspeedhq.com/')).toBe(true);
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'not a url']) expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('allow the sign-in on https or on the loopback demo only', () => {
    expect(isSignInUrl('https://auth.lsk-prod.app/realms/k-series/protocol/openid-connect/auth?x=1')).toBe(true);
    expect(isSignInUrl('http://127.0.0.1:4000/realms/k-series/protocol/openid-connect/auth')).toBe(true);
    expect(isSignInUrl('http://evil.example/auth')).toBe(false);
    expect(isSignInUrl('file:///tmp/x.html')).toBe(false);
  });

  it('accept IPC only from our own renderer', () => {
    const built = { entryUrl: 'file:///opt/Larder/resources/app.asar/out/renderer/index.html' };
    expect(isOwnRendererUrl('file:///opt/Larder/resources/app.asar/out/renderer/index.html#/inventory', built)).toBe(true);
    expect(isOwnRendererUrl('file:///tmp/evil.html', built)).toBe(false);
    expect(isOwnRendererUrl('https://evil.example/', built)).toBe(false);
    expect(isOwnRendererUrl('', built)).toBe(false);
    const dev = { devServerUrl: 'http://localhost:5173/', entryUrl: '' };
    expect(isOwnRendererUrl('http://localhost:5173/#/ledger', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5174/', dev)).toBe(false);
  });
});
