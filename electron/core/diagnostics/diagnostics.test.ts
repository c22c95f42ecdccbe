import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestEngine, type TestEngine } from '../../../test/support/test-engine';
import { redactSecrets } from '../platform/activity-log';
import { saveDiagnostics } from './diagnostics';

let engine: TestEngine | undefined;
afterEach(() => {
  engine?.dispose();
  engine = undefined;
});

describe('the diagnostics file', () => {
  it('holds the version, the settings and the last 500 log lines, with every token redacted', async () => {
    engine = await createTestEngine();
    engine.platform.settings.set('lightspeedClientId', 'larder-office');
    for (let index = 0; index < 600; index++) engine.log.info(`transfer ${index}`);
    engine.log.error('token refresh failed', new Error('POST refresh_token=abc.def-123&client_secret=s3cret answered 400; Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'));
    engine.log.info(`web host at http://127.0.0.1:9/#token=${'a1'.repeat(32)}`);
    const { path, logLines } = await saveDiagnostics(engine);
    const text = readFileSync(path, 'utf8');
    expect(logLines).toBe(500);
    expect(text).toContain('"version": "0.1.0"');
    expect(text).toContain('"lightspeedClientId": "larder-office"');
    expect(text).toContain('"nightlyRunTime": "06:00"');
    expect(text).not.toContain('transfer 101\n');
    expect(text).toContain('transfer 599');
    for (const secret of ['abc.def-123', 's3cret', 'eyJhbGciOiJIUzI1NiJ9', 'a1a1a1a1']) expect(text).not.toContain(secret);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('redacts what a log line must never carry', () => {
    expect(redactSecrets('{"access_token":"at-1","refresh_token":"rt-1","scope":"items"}')).toBe('{"access_token":"[redacted]","refresh_token":"[redacted]","scope":"items"}');
    expect(redactSecrets('callback?code=one-time&state=s')).toBe('callback?code=[redacted]&state=s');
    expect(redactSecrets('Basic bGFyZGVyOnNlY3JldA==')).toBe('Basic [redacted]');
  });
});
