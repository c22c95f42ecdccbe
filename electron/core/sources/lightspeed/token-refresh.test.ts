import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startConnected, tokenRequests, type Connected } from '../../../../test/support/lightspeed';
import { lightspeedConnections } from '../../db/schema';
import { listOpenAlerts } from '../../alerts/alerts';
import { refreshTokenName } from './connection-store';
import { syncItems, syncLocations } from './lightspeed-sync';
import { checkpoint } from '../../../../test/support/test-engine';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.dispose();
  connected = undefined;
});

async function setup(): Promise<Connected> {
  connected = await startConnected();
  return connected;
}

/** Makes Larder believe its access token expired a minute ago. */
async function expireLocally({ engine }: Connected): Promise<void> {
  await engine.db.exec(engine.db.orm.update(lightspeedConnections).set({ accessExpiresAt: new Date(Date.now() - 60_000).toISOString() }));
}

const businesses = ({ engine }: Connected) => engine.lightspeed.api.get('/f/data/businesses');

describe('token refresh', () => {
  it('five concurrent calls with an expired token share one refresh, and all succeed', async () => {
    const both = await setup();
    await expireLocally(both);
    const results = await Promise.all(Array.from({ length: 5 }, () => businesses(both)));
    expect(results).toHaveLength(5);
    expect(tokenRequests(both.fake, 'refresh_token')).toHaveLength(1);
    expect(await both.engine.lightspeed.connection.view()).toMatchObject({ status: 'active', alerts: [] });
  });

  it('five concurrent calls answered 401 share one refresh and retry once each', async () => {
    const both = await setup();
    both.fake.oauth.expireAccessTokens();
    await Promise.all(Array.from({ length: 5 }, () => businesses(both)));
    expect(tokenRequests(both.fake, 'refresh_token')).toHaveLength(1);
    const apiCalls = both.fake.requests.filter((request) => request.path === '/f/data/businesses');
    // Each call is answered 401 at most once (a call that reads its token after the refresh needs none): five answers, no second refresh.
    const statuses = apiCalls.map((request) => request.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses).toHaveLength(5 + statuses.filter((status) => status === 401).length);
  });

  it('refreshes ahead of expiry with a five-minute buffer', async () => {
    const both = await setup();
    await both.engine.db.exec(both.engine.db.orm.update(lightspeedConnections).set({ accessExpiresAt: new Date(Date.now() + 4 * 60_000).toISOString() }));
    await businesses(both);
    expect(tokenRequests(both.fake, 'refresh_token')).toHaveLength(1);
    await businesses(both);
    expect(tokenRequests(both.fake, 'refresh_token')).toHaveLength(1);
  });

  it('a refresh token used twice disconnects the connection and raises one alert', async () => {
    const both = await setup();
    // Someone else spends Larder's refresh token first (the fake sees it used twice).
    const stolen = await both.engine.vault.get(refreshTokenName(both.engine.scope));
    await fetch(both.fake.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('larder-demo:larder-demo-secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: stolen }),
    });
    await expireLocally(both);
    await expect(businesses(both)).rejects.toMatchObject({ code: 'lightspeed_auth_failed' });
    await expect(businesses(both)).rejects.toMatchObject({ code: 'lightspeed_auth_failed' });
    const view = await both.engine.lightspeed.connection.view();
    expect(view.status).toBe('disconnected');
    expect(view.alerts).toHaveLength(1);
    expect(view.alerts[0]).toMatchObject({ code: 'disconnected', count: 1 });
    expect(view.alerts[0]?.message).toContain('reuse');
  });

  it('a server error on refresh gives refresh_failed and one deduplicated alert; the next success resolves it', async () => {
    const both = await setup();
    both.fake.fail({ kind: 503, on: 'token', times: 2 });
    for (let attempt = 0; attempt < 2; attempt++) {
      await expireLocally(both);
      await expect(businesses(both)).rejects.toMatchObject({ code: 'lightspeed_api_error', temporary: true });
    }
    expect(await both.engine.lightspeed.connection.view()).toMatchObject({ status: 'refresh_failed', alerts: [{ code: 'token_refresh_failed', count: 2 }] });
    await expect(businesses(both)).resolves.toBeDefined();
    expect(await both.engine.lightspeed.connection.view()).toMatchObject({ status: 'active', alerts: [] });
    expect(await listOpenAlerts(both.engine.scope)).toEqual([]);
    // The database itself refuses a second open alert of the same code.
    const open = (code: string) =>
      both.engine.db
        .statement(`INSERT INTO integration_alerts (company_id, code, status, message, count, first_seen_at, last_seen_at) VALUES (?, ?, 'open', 'x', 1, 'now', 'now')`)
        .run(both.engine.scope.companyId, code);
    await open('disconnected');
    await expect(open('disconnected')).rejects.toThrow(/UNIQUE|unique/);
  });
});

describe('tokens at rest and in logs', () => {
  it('after connect, sync and disconnect, no token appears in any file under the data folder or in any log output', async () => {
    const output: string[] = [];
    const capture = (stream: NodeJS.WriteStream) =>
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        output.push(String(chunk));
        return true;
      });
    const spies = [capture(process.stdout), capture(process.stderr)];
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void output.push(args.map(String).join(' '))),
    );
    try {
      const both = await setup();
      const at = new Date().toISOString();
      await syncLocations(both.engine.scope, both.engine.lightspeed.api, at);
      await expireLocally(both);
      await syncItems(both.engine.scope, both.engine.lightspeed.api, at);
      await both.engine.lightspeed.connection.disconnect();
      checkpoint(both.engine.db);

      const tokens = both.fake.oauth.issuedTokens();
      expect(tokens.length).toBeGreaterThanOrEqual(4);
      const files = (folder: string): string[] =>
        readdirSync(folder).flatMap((name) => (statSync(join(folder, name)).isDirectory() ? files(join(folder, name)) : [join(folder, name)]));
      const everything = Buffer.concat([...files(both.engine.platform.dataFolder).map((file) => readFileSync(file)), Buffer.from(output.join('\n'))]);
      for (const token of tokens) {
        // Any 16-byte stretch of a token would be a leak, not only the whole token.
        for (let start = 0; start + 16 <= token.length; start += 8) expect(everything.includes(token.slice(start, start + 16))).toBe(false);
      }
    } finally {
      for (const spy of [...spies, ...consoleSpies]) spy.mockRestore();
    }
  });
});

describe('a token response without a refresh token (RFC 6749 allows it)', () => {
  it('on refresh keeps the stored refresh token, which goes on working', async () => {
    const both = await setup();
    const before = await both.engine.vault.get(refreshTokenName(both.engine.scope));
    both.fake.oauth.withholdRefreshToken = 'on-refresh';
    await expireLocally(both);
    await businesses(both);
    expect(await both.engine.vault.get(refreshTokenName(both.engine.scope))).toBe(before);
    both.fake.oauth.withholdRefreshToken = 'never';
    await expireLocally(both);
    await businesses(both);
    expect(tokenRequests(both.fake, 'refresh_token').map((request) => request.status)).toEqual([200, 200]);
    expect(await both.engine.lightspeed.connection.view()).toMatchObject({ status: 'active', alerts: [] });
  });
});

describe('token refresh across processes', () => {
  it('20 rounds of four processes that all need a refresh at once end active, with exactly one token request per round', async () => {
    const both = await setup();
    // The engine's own environment: the fake's addresses, and on PostgreSQL the database's.
    const env = { ...process.env, ...both.engine.platform.env, LARDER_HOME: both.engine.platform.dataFolder };
    const racers: ChildProcess[] = [];
    try {
      for (let index = 0; index < 4; index++) {
        const child = fork('test/support/refresh-racer.ts', [], { execArgv: ['--import', 'tsx'], env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
        racers.push(child);
        await once(child, 'message');
      }
      for (let round = 0; round < 20; round++) {
        await expireLocally(both);
        const before = tokenRequests(both.fake, 'refresh_token').length;
        const answers = await Promise.all(
          racers.map((child) => {
            const answer = once(child, 'message');
            child.send('go');
            return answer.then(([message]) => message);
          }),
        );
        expect(answers, `round ${round}`).toEqual(Array.from({ length: 4 }, () => ({ ok: true, status: 'active' })));
        expect(tokenRequests(both.fake, 'refresh_token').length - before, `round ${round}`).toBe(1);
      }
      expect(await both.engine.lightspeed.connection.view()).toMatchObject({ status: 'active', alerts: [] });
    } finally {
      for (const child of racers) child.send('stop');
      await Promise.all(racers.filter((child) => child.exitCode === null).map((child) => once(child, 'exit')));
    }
  }, 60_000);
});
