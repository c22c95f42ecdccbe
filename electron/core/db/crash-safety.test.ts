import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const RECEIPTS = 3000;

/** Starts the import loop, waits until at least one round committed, then kills it at a random moment. */
async function killMidImport(home: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/import-loop.ts'], {
    env: { ...process.env, LARDER_HOME: home, CRASH_RECEIPTS: String(RECEIPTS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let committed = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const match of chunk.toString().matchAll(/committed (\d+)/g)) committed = Number(match[1]);
  });
  await new Promise<void>((resolve) => {
    const wait = setInterval(() => {
      if (committed > 0) {
        clearInterval(wait);
        setTimeout(resolve, Math.random() * 400);
      }
    }, 5);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return committed;
}

describe('a kill -9 during a write', () => {
  it('never leaves a half-written import: every survivor holds one whole round', async () => {
    const home = mkdtempSync(join(tmpdir(), 'larder-crash-'));
    try {
      for (let attempt = 0; attempt < 6; attempt++) {
        const lastReported = await killMidImport(home);
        const db = new Database(join(home, 'larder.db'));
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rounds = db.prepare(`SELECT value, count(*) AS receipts FROM ledger_entries GROUP BY value`).all() as { value: number; receipts: number }[];
        db.close();
        // One value only (no mix of two rounds), all receipts present, and at least the last round reported.
        expect(rounds).toHaveLength(1);
        expect(rounds[0]?.receipts).toBe(RECEIPTS);
        expect(rounds[0]!.value / 10_000).toBeGreaterThanOrEqual(lastReported);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
