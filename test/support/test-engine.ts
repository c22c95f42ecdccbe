import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../electron/core/engine';
import { createNodePlatform, type NodePlatformOptions } from '../../electron/core/platform/node-platform';

export interface TestEngine extends Engine {
  dispose(): void;
}

/** An engine on a database file of its own (never in memory: WAL, locks and files are part of what is tested). */
export async function createTestEngine(options: { now?: string; env?: Record<string, string> } & Pick<NodePlatformOptions, 'secretBackend' | 'clock'> = {}): Promise<TestEngine> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'larder-test-'));
  const platform = createNodePlatform({
    dataFolder,
    env: options.env ?? {},
    clock: options.clock ?? { now: () => new Date(options.now ?? Date.now()) },
    browser: { open: async () => undefined },
    notifier: { notify: () => undefined },
    ...(options.secretBackend ? { secretBackend: options.secretBackend } : {}),
  });
  const engine = await createEngine(platform, 'cli');
  return {
    ...engine,
    dispose() {
      engine.close();
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

/** Expects `work` to be refused with `code`; returns the message for further checks. */
export async function refusal(work: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await work();
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code) return { code, message };
    throw error;
  }
  throw new Error('expected a refusal, but the call succeeded');
}

/** Expects `work` (a promise) to be refused with a code; returns the code and message. */
export async function refusalOf(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code) return { code, message };
    throw error;
  }
  throw new Error('expected a refusal, but the call succeeded');
}
