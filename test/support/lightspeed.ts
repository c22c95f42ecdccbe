import { startFakeLightspeed, type FakeLightspeed, type FakeLightspeedOptions } from '../../electron/demo/fake-lightspeed/fake-lightspeed';
import { createTestEngine, type TestEngine } from './test-engine';

/** The LIGHTSPEED_* overrides that point an engine at a fake. */
export function fakeEnv(fake: FakeLightspeed): Record<string, string> {
  return {
    LIGHTSPEED_AUTH_URL: fake.authorizeUrl,
    LIGHTSPEED_TOKEN_URL: fake.tokenUrl,
    LIGHTSPEED_API_URL: fake.apiUrl,
    LIGHTSPEED_CLIENT_ID: fake.client.clientId,
    LIGHTSPEED_CLIENT_SECRET: fake.client.clientSecret,
  };
}

/** Plays the manager's browser: follows the authorize URL (the fake approves at once) back to the callback. */
export async function approveInBrowser(authorizeUrl: string): Promise<Response> {
  return fetch(authorizeUrl, { redirect: 'follow' });
}

export interface Connected {
  fake: FakeLightspeed;
  engine: TestEngine;
  dispose(): Promise<void>;
}

/** A fake K-Series and an engine connected to it through the real OAuth flow. */
export async function startConnected(options: FakeLightspeedOptions = {}, engineOptions: Parameters<typeof createTestEngine>[0] = {}): Promise<Connected> {
  const fake = await startFakeLightspeed({ autoApprove: true, ...options });
  const engine = await createTestEngine({ ...engineOptions, env: { ...fakeEnv(fake), ...engineOptions.env } });
  const started = await engine.lightspeed.connection.start();
  await approveInBrowser(started.authorizeUrl);
  await started.completion;
  return {
    fake,
    engine,
    dispose: async () => {
      engine.dispose();
      await fake.close();
    },
  };
}

export const tokenRequests = (fake: FakeLightspeed, grant?: string) =>
  fake.requests.filter((request) => request.path.endsWith('/token') && (grant === undefined || request.grantType === grant));
