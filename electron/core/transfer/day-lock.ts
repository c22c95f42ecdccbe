// One transfer per location and business day at a time, across processes (the app's nightly run and
// a manual transfer from the CLI, say): a row in day_locks, whose primary key admits one holder. A
// holder whose process is gone, or that overran its expiry, is stale and may be replaced.
import type { LarderDb } from '../db/open-database';
import { DomainError } from '../domain-error';
import { processAlive } from '../platform/processes';

const LOCK_TTL_MS = 15 * 60_000;
const POLL_MS = 100;


/** Whether a live process holds the day right now (a dead or overdue holder does not). */
export async function dayLockHeld(db: LarderDb, locationId: number, date: string, now: number = Date.now()): Promise<boolean> {
  const current = await db.statement('SELECT pid, expires_at AS expiresAt FROM day_locks WHERE location_id = ? AND business_date = ?').get(locationId, date) as
    | { pid: number; expiresAt: string }
    | undefined;
  return current !== undefined && processAlive(current.pid) && Date.parse(current.expiresAt) > now;
}

async function tryAcquire(db: LarderDb, locationId: number, date: string, holder: string, now: number): Promise<boolean> {
  return await db.write(async () => {
    const current = await db.statement('SELECT holder, pid, expires_at AS expiresAt FROM day_locks WHERE location_id = ? AND business_date = ?').get(locationId, date) as
      | { holder: string; pid: number; expiresAt: string }
      | undefined;
    if (current && current.holder !== holder && processAlive(current.pid) && Date.parse(current.expiresAt) > now) return false;
    await db
      .statement(
        `INSERT INTO day_locks (location_id, business_date, holder, pid, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (location_id, business_date) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, expires_at = excluded.expires_at`,
      )
      .run(locationId, date, holder, process.pid, new Date(now + LOCK_TTL_MS).toISOString());
    return true;
  });
}

/** Waits up to `waitMs` for the day, then answers transfer_in_progress. */
export async function acquireDayLock(db: LarderDb, locationId: number, date: string, holder: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!await tryAcquire(db, locationId, date, holder, Date.now())) {
    if (Date.now() >= deadline) throw new DomainError('transfer_in_progress', `Business day ${date} of this location is being transferred right now.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function releaseDayLock(db: LarderDb, locationId: number, date: string, holder: string): Promise<void> {
  await db.write(() => db.statement('DELETE FROM day_locks WHERE location_id = ? AND business_date = ? AND holder = ?').run(locationId, date, holder));
}
