import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLightspeed, type FakeLightspeed } from '../../demo/fake-lightspeed/fake-lightspeed';
import { fakeEnv } from '../../../test/support/lightspeed';
import { runCli } from './cli';

let home: string;
let fake: FakeLightspeed;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'larder-cli-ls-'));
  fake = await startFakeLightspeed({ autoApprove: true });
});
afterEach(async () => {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

/** Runs a command; `onLine` sees every line as it is printed (connect prints its address first). */
async function cli(argv: string[], onLine: (line: string) => void = () => undefined) {
  const lines: string[] = [];
  const code = await runCli(argv, {
    env: { LARDER_HOME: home, ...fakeEnv(fake) },
    write: (line) => {
      lines.push(line);
      onLine(line);
    },
  });
  return { code, lines, json: JSON.parse(lines.at(-1) ?? 'null') as Record<string, unknown> };
}

describe('the Lightspeed CLI commands', () => {
  it('connect prints the address first, waits for the browser, then the rest works', async () => {
    const connect = await cli(['connect', '--no-browser'], (line) => {
      const { authorizeUrl } = JSON.parse(line) as { authorizeUrl?: string };
      if (authorizeUrl) void fetch(authorizeUrl);
    });
    expect(connect.code).toBe(0);
    expect(Object.keys(JSON.parse(connect.lines[0] as string))).toEqual(['authorizeUrl']);
    expect(connect.json).toMatchObject({ connection: { status: 'active' } });

    expect((await cli(['status'])).json).toMatchObject({ connection: { status: 'active', alerts: [] } });
    expect((await cli(['test-connection'])).json).toEqual({ ok: true, businesses: 3, locations: 4 });
    expect((await cli(['locations', 'sync'])).json).toMatchObject({ synced: { locations: 4, added: 4, notSeen: 0 } });
    expect((await cli(['locations', 'list'])).json).toMatchObject({ locations: expect.arrayContaining([expect.objectContaining({ timezone: 'Pacific/Tongatapu' })]) });
    expect((await cli(['items', 'sync'])).json).toMatchObject({ synced: { locations: 4 } });
    const items = (await cli(['items', 'list', '--unmapped'])).json as { items: { name: string; locations: string[] }[] };
    expect(items.items.length).toBeGreaterThan(50);
    expect((await cli(['connect', '--no-browser'])).json).toMatchObject({ error: { code: 'lightspeed_integration_exists' } });
    expect((await cli(['disconnect'])).json).toMatchObject({ connection: { status: 'disconnected' } });
    expect((await cli(['test-connection'])).json).toMatchObject({ error: { code: 'lightspeed_auth_failed' } });
    // History stays after a disconnect.
    expect(((await cli(['locations', 'list'])).json as { locations: unknown[] }).locations).toHaveLength(4);
  });

  it('connect --paste finishes a sign-in started by an earlier run', async () => {
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ lightspeedRedirectUri: 'https://localhost/' }));
    const started = await cli(['connect']);
    expect(started.code).toBe(0);
    const landed = (await fetch((started.json as { authorizeUrl: string }).authorizeUrl, { redirect: 'manual' })).headers.get('location') as string;
    expect((await cli(['connect', '--paste', landed])).json).toMatchObject({ connection: { status: 'active' } });
    expect((await cli(['connect', '--paste', landed])).json).toMatchObject({ error: { code: 'oauth_flow_not_found' } });
  });

  it('configure --client-secret - reads the secret from standard input; a secret given as an argument is warned about', async () => {
    const warnings: string[] = [];
    const run = async (argv: string[]) => {
      const lines: string[] = [];
      const code = await runCli(argv, { env: { LARDER_HOME: home }, write: (line) => lines.push(line), warn: (line) => warnings.push(line), readSecret: async () => 'from-stdin\n' });
      return { code, json: JSON.parse(lines.at(-1) ?? 'null') as Record<string, unknown> };
    };
    expect(await run(['configure', '--client-id', 'larder-demo', '--client-secret', '-'])).toMatchObject({ code: 0, json: { configuration: { clientSecretStored: true } } });
    expect(warnings).toEqual([]);
    const { createEngine } = await import('../../core/engine');
    const { createNodePlatform } = await import('../../core/platform/node-platform');
    const engine = await createEngine(createNodePlatform({ env: { LARDER_HOME: home } }), 'cli');
    expect(await engine.vault.find('lightspeed:client-secret')).toBe('from-stdin');
    engine.close();
    expect((await run(['configure', '--client-secret', 'on-the-command-line'])).code).toBe(0);
    expect(warnings).toEqual([expect.stringContaining('process list')]);
    expect((await runCli(['configure', '--client-secret', '-'], { env: { LARDER_HOME: home }, write: () => undefined })).valueOf()).toBe(1);
  });

  it('configure refuses custom endpoints that are not https, except on this computer', async () => {
    const lines: string[] = [];
    const code = await runCli(['configure', '--environment', 'custom', '--auth-url', 'http://auth.example.com/auth', '--token-url', 'https://auth.example.com/token', '--api-url', 'https://api.example.com'], {
      env: { LARDER_HOME: home },
      write: (line) => lines.push(line),
    });
    expect(code).toBe(1);
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('https://') } });
  });

  it('configure keeps the client id in settings and seals the secret; connect then works without any LIGHTSPEED_* variable', async () => {
    const plain = async (argv: string[]) => {
      const lines: string[] = [];
      const code = await runCli(argv, { env: { LARDER_HOME: home }, write: (line) => lines.push(line) });
      return { code, json: JSON.parse(lines.at(-1) ?? 'null') as Record<string, unknown> };
    };
    const configured = await plain(['configure', '--environment', 'custom', '--auth-url', fake.authorizeUrl, '--token-url', fake.tokenUrl, '--api-url', fake.apiUrl, '--client-id', 'larder-demo', '--client-secret', 'larder-demo-secret']);
    expect(configured).toMatchObject({ code: 0, json: { configuration: { environment: 'custom', clientId: 'larder-demo', clientSecretStored: true, redirectUri: null } } });
    expect(JSON.stringify(configured.json)).not.toContain('larder-demo-secret');
    const { readFileSync, readdirSync } = await import('node:fs');
    for (const file of readdirSync(home)) expect(readFileSync(join(home, file)).includes('larder-demo-secret')).toBe(false);
    const lines: string[] = [];
    const code = await runCli(['connect', '--no-browser'], {
      env: { LARDER_HOME: home },
      write: (line) => {
        lines.push(line);
        const { authorizeUrl } = JSON.parse(line) as { authorizeUrl?: string };
        if (authorizeUrl) void fetch(authorizeUrl);
      },
    });
    expect([code, JSON.parse(lines.at(-1) as string)]).toMatchObject([0, { connection: { status: 'active', environment: 'custom' } }]);
    expect((await plain(['configure', '--loopback-port', '80'])).json).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await plain(['configure', '--environment', 'moon'])).json).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('names what is missing when Lightspeed is not configured', async () => {
    const lines: string[] = [];
    const code = await runCli(['connect'], { env: { LARDER_HOME: home }, write: (line) => lines.push(line) });
    expect(code).toBe(1);
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ error: { code: 'lightspeed_not_configured', message: expect.stringContaining('client secret') } });
    expect((await cli(['locations', 'dance'])).json).toMatchObject({ error: { code: 'invalid_input' } });
  });
});
