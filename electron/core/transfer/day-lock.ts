// One transfer per location and business day at a time, across processes and PCs (the app's nightly
// run and a manual transfer from the CLI, say): a row lease in day_locks (platform/row-lease.ts),
// whose primary key admits one holder. A holder that is gone, or that overran its expiry, is stale
// and may be replaced.
import type { LarderDb } from '../db/open-database';
import { DomainError } from '../domain-error';
import { releaseRowLease, rowLeaseHeld, takeRowLease, type LeaseTable } from '../platform/row-lease';

const LOCK_TTL_MS = 15 * 60_000;
const POLL_MS = 100;
const DAY_LOCKS: LeaseTable = { table: 'day_locks', keys: ['location_id', 'business_date'] };

/** Whether a live process holds the day right now (a dead or overdue holder does not). */
export async function dayLockHeld(db: LarderDb, locationId: number, date: string, now: number = Date.now()): Promise<boolean> {
  return await rowLeaseHeld(db, DAY_LOCKS, [locationId, date], now);
}

/** Waits up to `waitMs` for the day, then answers transfer_in_progress. */
export async function acquireDayLock(db: LarderDb, locationId: number, date: string, holder: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!(await db.write(() => takeRowLease(db, DAY_LOCKS, [locationId, date], holder, Date.now(), LOCK_TTL_MS)))) {
    if (Date.now() >= deadline) throw new DomainError('transfer_in_progress', `Business day ${date} of this location is being transferred right now.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function releaseDayLock(db: LarderDb, locationId: number, date: string, holder: string): Promise<void> {
  await releaseRowLease(db, DAY_LOCKS, [locationId, date], holder);
}
