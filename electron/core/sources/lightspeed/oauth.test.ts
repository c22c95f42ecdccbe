import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLightspeed, type FakeLightspeed } from '../../../demo/fake-lightspeed/fake-lightspeed';
import { approveInBrowser, fakeEnv, startConnected, tokenRequests, type Connected } from '../../../../test/support/lightspeed';
import { createTestEngine, type TestEngine } from '../../../../test/support/test-engine';
import { DomainError } from '../../domain-error';
import { challengeFor } from './pkce';
import type { SecretBackend } from '../../secrets/secret-backend';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function fakeAndEngine(options: Parameters<typeof startFakeLightspeed>[0] = {}): Promise<{ fake: FakeLightspeed; engine: TestEngine }> {
  const fake = await startFakeLightspeed({ autoApprove: true, ...options });
  const engine = await createTestEngine({ env: fakeEnv(fake) });
  cleanup.push(() => fake.close(), () => engine.dispose());
  return { fake, engine };
}

async function connected(): Promise<Connected> {
  const both = await startConnected();
  cleanup.push(() => both.dispose());
  return both;
}

/** The code a browser would carry back, without delivering it (the fake approves at once). */
async function codeFor(authorizeUrl: string): Promise<URL> {
  const answer = await fetch(authorizeUrl, { redirect: 'manual' });
  return new URL(answer.headers.get('location') as string);
}

async function rejection(promise: Promise<unknown> | null | undefined): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a rejection');
}

/** Whether anything still accepts connections on the port. */
async function portOpen(redirectUri: string): Promise<boolean> {
  try {
    await fetch(redirectUri.replace(/\/callback$/, '/nothing'), { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', () => {
    expect(challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('connecting through the system browser and a loopback listener', () => {
  it('sends the verifier of this flow’s challenge with HTTP Basic and stores the tokens sealed', async () => {
    const { fake, engine } = await fakeAndEngine();
    const started = await engine.lightspeed.connection.start();
    const authorize = new URL(started.authorizeUrl);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'larder-demo',
      scope: 'financial-api items offline_access',
      code_challenge_method: 'S256',
    });
    expect(new URL(authorize.searchParams.get('redirect_uri') as string).hostname).toBe('127.0.0.1');
    await approveInBrowser(started.authorizeUrl);
    const view = await started.completion;
    expect(view).toMatchObject({ status: 'active', alerts: [] });
    const [exchange] = tokenRequests(fake, 'authorization_code');
    expect(challengeFor(exchange?.codeVerifier as string)).toBe(authorize.searchParams.get('code_challenge'));
    expect(await portOpen(authorize.searchParams.get('redirect_uri') as string)).toBe(false);
  });

  it('listens on 127.0.0.1 only', async () => {
    const { engine } = await fakeAndEngine();
    const started = await engine.lightspeed.connection.start();
    cleanup.push(() => started.cancel());
    const port = Number(new URL(new URL(started.authorizeUrl).searchParams.get('redirect_uri') as string).port);
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    // /proc/net/tcp lists every listening socket with its local address (0100007F is 127.0.0.1).
    const listening = ['/proc/net/tcp', '/proc/net/tcp6']
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => fields[1]);
    expect(listening).toEqual([`0100007F:${hexPort}`]);
  });

  it.each([
    ['error=access_denied', (callback: URL) => (callback.searchParams.delete('code'), callback.searchParams.set('error', 'access_denied')), 'oauth_denied'],
    ['another issuer (RFC 9207)', (callback: URL) => callback.searchParams.set('iss', 'https://auth.example.invalid/realms/k-series'), 'oauth_issuer_mismatch'],
  ])('a callback of this sign-in with %s fails the flow without any token request and closes the port', async (_name, forge, code) => {
    const { fake, engine } = await fakeAndEngine();
    const started = await engine.lightspeed.connection.start();
    const callback = await codeFor(started.authorizeUrl);
    forge(callback);
    const answer = await fetch(callback);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('Larder did not connect');
    expect((await rejection(started.completion)).code).toBe(code);
    expect(tokenRequests(fake)).toHaveLength(0);
    expect(await portOpen(callback.toString())).toBe(false);
    expect((await engine.lightspeed.connection.view()).status).toBe('not_connected');
  });

  it('stray requests with a wrong, missing or non-ASCII state are answered 400 and ignored: the real callback still connects', async () => {
    const { fake, engine } = await fakeAndEngine();
    const started = await engine.lightspeed.connection.start();
    const callback = await codeFor(started.authorizeUrl);
    const state = callback.searchParams.get('state') as string;
    expect(callback.searchParams.get('iss')).toBe(`${fake.url}/realms/k-series`);
    const strays = [
      (url: URL) => url.searchParams.set('state', 'forged'),
      (url: URL) => url.searchParams.delete('state'),
      // As many characters as the real state, more bytes: compared as bytes, it is simply not ours.
      (url: URL) => url.searchParams.set('state', `é${state.slice(1)}`),
    ];
    for (const forge of strays) {
      const stray = new URL(callback);
      forge(stray);
      const answer = await fetch(stray);
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain('not the sign-in Larder is waiting for');
    }
    expect(tokenRequests(fake)).toHaveLength(0);
    const real = await fetch(callback);
    expect(real.status).toBe(200);
    expect(await real.text()).toContain('Larder is connected');
    expect((await started.completion)?.status).toBe('active');
  });

  it('a first sign-in without a refresh token says plainly that no offline access was granted, and which scopes were', async () => {
    const { fake, engine } = await fakeAndEngine();
    fake.oauth.withholdRefreshToken = 'always';
    const started = await engine.lightspeed.connection.start();
    const answer = await fetch(await codeFor(started.authorizeUrl));
    expect(await answer.text()).toContain('offline');
    const failure = await rejection(started.completion);
    expect(failure.code).toBe('lightspeed_no_offline_access');
    expect(failure.message).toContain('Scopes granted: financial-api items; asked for: financial-api items offline_access');
    expect((await engine.lightspeed.connection.view()).status).toBe('not_connected');
  });

  it('says "connected" in the browser only after the code was exchanged; otherwise what failed and what to do', async () => {
    const { fake, engine } = await fakeAndEngine();
    const started = await engine.lightspeed.connection.start();
    const callback = await codeFor(started.authorizeUrl);
    fake.fail({ kind: 503, on: 'token' });
    const answer = await fetch(callback);
    const page = await answer.text();
    expect(answer.status).toBe(502);
    expect(page).toContain('Larder did not connect');
    expect(page).toContain('What to do');
    expect(page).not.toContain('Larder is connected');
    expect((await rejection(started.completion)).code).toBe('lightspeed_oauth_exchange_failed');
  });

  it('a second callback reaches nothing and sends nothing', async () => {
    const { fake, engine } = await fakeAndEngine();
    const started = await engine.lightspeed.connection.start();
    const callback = await codeFor(started.authorizeUrl);
    await fetch(callback);
    await started.completion;
    await expect(fetch(callback)).rejects.toThrow();
    expect(tokenRequests(fake)).toHaveLength(1);
  });

  it('answers only the callback path', async () => {
    const { fake, engine } = await fakeAndEngine();
    const started = await engine.lightspeed.connection.start();
    cleanup.push(() => started.cancel());
    const redirect = new URL(started.authorizeUrl).searchParams.get('redirect_uri') as string;
    expect((await fetch(redirect.replace('/callback', '/'))).status).toBe(404);
    expect((await fetch(redirect.replace('/callback', '/favicon.ico'))).status).toBe(404);
    expect(await portOpen(redirect)).toBe(true);
    expect(tokenRequests(fake)).toHaveLength(0);
  });

  it('a used code fails cleanly and leaves the connection as it was', async () => {
    const { fake, engine } = await connected();
    const firstCode = tokenRequests(fake, 'authorization_code').length;
    // Replay an old code into a fresh reauthorization: Lightspeed says "Code not valid".
    const first = await engine.lightspeed.connection.start({ reauthorize: true });
    const spent = await codeFor(first.authorizeUrl);
    await fetch(spent);
    await first.completion;
    const second = await engine.lightspeed.connection.start({ reauthorize: true });
    const replay = new URL(new URL(second.authorizeUrl).searchParams.get('redirect_uri') as string);
    replay.searchParams.set('code', spent.searchParams.get('code') as string);
    replay.searchParams.set('state', new URL(second.authorizeUrl).searchParams.get('state') as string);
    await fetch(replay);
    const failure = await rejection(second.completion);
    expect(failure.code).toBe('lightspeed_oauth_exchange_failed');
    expect(failure.message).toContain('Code not valid');
    expect(tokenRequests(fake, 'authorization_code')).toHaveLength(firstCode + 2);
    expect((await engine.lightspeed.connection.view()).status).toBe('active');
    await expect(engine.lightspeed.connection.test()).resolves.toMatchObject({ ok: true, locations: 4 });
  });

  it('refuses to connect twice, but reauthorizes and reconnects after a disconnect', async () => {
    const { engine } = await connected();
    await expect(engine.lightspeed.connection.start()).rejects.toMatchObject({ code: 'lightspeed_integration_exists' });
    await engine.lightspeed.connection.disconnect();
    const again = await engine.lightspeed.connection.start();
    await approveInBrowser(again.authorizeUrl);
    expect((await again.completion)?.status).toBe('active');
  });

  it('gives up after the timeout and closes the port', async () => {
    const { listenForCallback } = await import('./oauth-callback');
    const listener = await listenForCallback({ state: 's', issuer: null, timeoutMs: 50, complete: async () => 'never' });
    expect((await rejection(listener.result)).code).toBe('oauth_timeout');
    expect(await portOpen(listener.redirectUri)).toBe(false);
  });
});

describe('the paste-the-address fallback', () => {
  async function pasteSetup() {
    const both = await fakeAndEngine({ autoApprove: true });
    both.engine.platform.settings.set('lightspeedRedirectUri', 'https://localhost/');
    return both;
  }

  it('finishes the sign-in from the address the browser landed on', async () => {
    const { fake, engine } = await pasteSetup();
    const started = await engine.lightspeed.connection.start();
    expect(started.mode).toBe('paste');
    const landed = await codeFor(started.authorizeUrl);
    expect(landed.origin).toBe('https://localhost');
    expect((await engine.lightspeed.connection.completeFromPastedAddress(`  ${landed.toString()} `)).status).toBe('active');
    expect(tokenRequests(fake, 'authorization_code')[0]?.status).toBe(200);
    await expect(engine.lightspeed.connection.completeFromPastedAddress(landed.toString())).rejects.toMatchObject({ code: 'oauth_flow_not_found' });
  });

  it('applies the same state check, before any token request', async () => {
    const { fake, engine } = await pasteSetup();
    const started = await engine.lightspeed.connection.start();
    const landed = await codeFor(started.authorizeUrl);
    landed.searchParams.set('state', 'someone-else');
    await expect(engine.lightspeed.connection.completeFromPastedAddress(landed.toString())).rejects.toMatchObject({ code: 'oauth_state_mismatch' });
    await expect(engine.lightspeed.connection.completeFromPastedAddress('not an address')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(tokenRequests(fake)).toHaveLength(0);
  });
});

describe('before the browser opens', () => {
  it('refuses when Lightspeed is not configured', async () => {
    const engine = await createTestEngine();
    cleanup.push(() => engine.dispose());
    const failure = await rejection(engine.lightspeed.connection.start());
    expect(failure.code).toBe('lightspeed_not_configured');
    expect(failure.message).toContain('the client id');
  });

  it('refuses when secrets cannot be sealed, so no one-time code is spent in vain', async () => {
    const fake = await startFakeLightspeed({ autoApprove: true });
    const broken: SecretBackend = {
      id: 'broken',
      assertAvailable: () => {
        throw new DomainError('secret_storage_unavailable', 'No keyring.');
      },
      seal: () => Buffer.alloc(0),
      open: () => '',
    };
    const engine = await createTestEngine({ env: fakeEnv(fake), secretBackend: () => broken });
    cleanup.push(() => fake.close(), () => engine.dispose());
    expect((await rejection(engine.lightspeed.connection.start())).code).toBe('secret_storage_unavailable');
    expect(fake.requests).toHaveLength(0);
  });
});
