import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY_META } from '../../shared/security/content-security-policy';

// `npm test` builds before this stage: the files checked are what `npm start` and packaging ship.
test('the build carries the Content-Security-Policy and the hardened window options', () => {
  const html = readFileSync('out/renderer/index.html', 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replaceAll('&#39;', "'");
  expect(meta).toBe(CONTENT_SECURITY_POLICY_META);
  // Browsers ignore frame-ancestors in a meta tag and say so in the console on every load.
  expect(meta).not.toContain('frame-ancestors');
  expect(meta).toContain("script-src 'self'");
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  const main = readFileSync('out/main/index.js', 'utf8');
  for (const option of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false']) expect(main).toContain(option);
  const preload = readFileSync('out/preload/index.cjs', 'utf8');
  expect(preload).not.toContain('exposeInMainWorld("ipcRenderer"');
  // A sandboxed preload can require() only Electron: everything else (zod, the contracts) is bundled in.
  expect([...new Set(preload.match(/require\("[^"]+"\)/g))]).toEqual(['require("electron")']);
});
