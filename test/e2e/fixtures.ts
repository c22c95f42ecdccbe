import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

export interface LarderHost {
  url: string;
  dataFolder: string;
}

/** Starts `npm run web`'s host on a data folder and a free port. */
export async function startHost(dataFolder: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; host: LarderHost }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/fronts/web-host/main.ts', '--no-open'], {
    env: { ...process.env, LARDER_HOME: dataFolder, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const host = await new Promise<LarderHost>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The web host exited with ${code} before it was ready.`)));
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve({ url: (JSON.parse(line) as { url: string }).url, dataFolder });
    });
  });
  return { child, host };
}

/** Starts `npm run server` on a data folder and a free loopback port; its origin is where people sign in. */
export async function startServer(dataFolder: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/fronts/server/main.ts', '--listen', '127.0.0.1:0'], {
    env: { ...process.env, LARDER_HOME: dataFolder },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The server exited with ${code} before it was ready.`)));
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve((JSON.parse(line) as { origin: string }).origin);
    });
  });
  return { child, origin };
}

/** `larder users add` on a data folder, the password given on standard input as a script would. */
export function addPerson(dataFolder: string, login: string, args: string[], password: string): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/fronts/cli/main.ts', 'users', 'add', login, ...args], {
    env: { ...process.env, LARDER_HOME: dataFolder },
    input: `${password}\n`,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`users add ${login} failed: ${run.stdout}${run.stderr}`);
}

/**
 * Stops a host: SIGTERM, then SIGKILL if it has not exited within 10 s. A host stuck in synchronous
 * code never sees the SIGTERM, and one left running would load every test after it.
 */
export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(stuck);
}

/** A web host for a whole serial describe block, on its own data folder. */
export async function launchLarder(env: Record<string, string> = {}): Promise<LarderHost & { stop(): Promise<void> }> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'larder-e2e-'));
  const { child, host } = await startHost(dataFolder, env);
  return {
    ...host,
    async stop() {
      await stopHost(child);
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ larder: LarderHost }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: it must be `{}`.
  // eslint-disable-next-line no-empty-pattern
  larder: async ({}, use) => {
    const dataFolder = mkdtempSync(join(tmpdir(), 'larder-e2e-'));
    const { child, host } = await startHost(dataFolder);
    await use(host);
    await stopHost(child);
    rmSync(dataFolder, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/**
 * The suite's browser locale (playwright.config.ts): the screens write dates as the OS locale does,
 * so a test names a business date as the manager reads it: `shownDay('2026-05-07')` is "05/07/2026".
 * US English because headless Chromium draws its date pickers in US English whatever the locale (in
 * Electron they follow the OS, as the screens do): the screenshots then show one date format.
 */
export const LOCALE = 'en-US';
export const shownDay = (date: string) => new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/**
 * What Home says of the demo Harbour's last night: its business day (Amsterdam, from 05:30 to 05:30)
 * is "yesterday" from local midnight, but Lightspeed closes it only at 05:30, so between the two the
 * day is posted as it stands and marked incomplete; after 05:30 it is complete, with items to map.
 * The suite runs on the real clock, at any hour.
 */
export function harbourLastNight(): 'incomplete' | 'unmapped' {
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
  return local < '05:30' ? 'incomplete' : 'unmapped';
}

