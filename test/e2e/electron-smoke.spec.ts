import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron binary, when this machine has one (`npm start` downloads it; some machines cannot). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

test('the desktop app starts with a tray and shows its window', async () => {
  const binary = electronBinary();
  if (!binary) {
    console.log('electron-smoke: skipped — no Electron binary is installed here (`npm start` downloads it; this machine cannot).');
    test.skip(true, 'no Electron binary is installed on this machine');
    return;
  }
  const home = mkdtempSync(join(tmpdir(), 'larder-electron-'));
  const app = await electron.launch({ executablePath: binary, args: ['.'], env: { ...process.env, LARDER_HOME: home } });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('list', { name: 'Setup checklist' })).toBeVisible();
    // One window, and the app still running after it is closed: it lives on in the tray.
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await window.close();
    expect(await app.evaluate(({ app: running }) => running.isReady())).toBe(true);
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
