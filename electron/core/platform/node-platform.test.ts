import { EventEmitter } from 'node:events';
import type { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createSystemBrowser } from './node-platform';

/** spawn as a test double: records what would run and says the program started. */
function recordingSpawn() {
  const runs: { command: string; args: readonly string[]; shell: unknown }[] = [];
  const run = ((command: string, args: readonly string[], options: { shell?: unknown }) => {
    runs.push({ command, args, shell: options.shell });
    const child = Object.assign(new EventEmitter(), { unref: () => undefined });
    setImmediate(() => child.emit('spawn'));
    return child;
  }) as unknown as typeof spawn;
  return { runs, run };
}

describe('opening the system browser', () => {
  const authorizeUrl = 'https://auth.lsk-demo.app/realms/k-series/protocol/openid-connect/auth?response_type=code&client_id=a^b&scope=financial-api%20items&state=x&y';

  it.each([
    ['win32', 'rundll32', ['url.dll,FileProtocolHandler', authorizeUrl]],
    ['darwin', 'open', [authorizeUrl]],
    ['linux', 'xdg-open', [authorizeUrl]],
  ] as const)('on %s hands an address with & and ^ to the opener intact, without a shell', async (platform, command, args) => {
    const { runs, run } = recordingSpawn();
    await createSystemBrowser(platform, run).open(authorizeUrl);
    expect(runs).toEqual([{ command, args, shell: false }]);
  });
});
