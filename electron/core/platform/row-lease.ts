// A lease held in a database row, across processes and PCs: one holder per key at a time (a business
// day being transferred, the company's token refresh). The database decides who holds it: the row is
// taken by one conditional upsert that succeeds only for a free key, the holder itself, or a holder
// read as stale just before, so two takers on a PostgreSQL server shared by several PCs (where a read
// does not lock) cannot both win. A holder is stale when its lease is overdue, or when it ran on this
// machine and its process is gone; a process of another machine is only ever judged by its expiry.
import { hostname } from 'node:os';
import type { LarderDb } from '../db/open-database';
import { processAlive } from './processes';

/** This machine, as a lease row names it. */
export const THIS_HOST = hostname();

export interface LeaseTable {
  table: 'day_locks' | 'token_refresh_leases';
  /** The columns of the table's primary key. */
  keys: readonly string[];
}

interface LeaseRow {
  holder: string;
  host: string;
  pid: number;
  expiresAt: string;
}

/** Whether a row's host is this machine ('' is a row written before rows named their machine: the data folder's own PC). */
export function onThisHost(host: string): boolean {
  return host === '' || host === THIS_HOST;
}

function stale(row: LeaseRow, now: number): boolean {
  return Date.parse(row.expiresAt) <= now || (onThisHost(row.host) && !processAlive(row.pid));
}

/** The key's columns as a condition, one parameter each. */
const keyWhere = (lease: LeaseTable) => lease.keys.map((column) => `${column} = ?`).join(' AND ');

async function leaseRow(db: LarderDb, lease: LeaseTable, key: readonly unknown[]): Promise<LeaseRow | undefined> {
  return (await db.statement(`SELECT holder, host, pid, expires_at AS expiresAt FROM ${lease.table} WHERE ${keyWhere(lease)}`).get(...key)) as LeaseRow | undefined;
}

/** Whether a live holder has the key right now (a stale one does not). */
export async function rowLeaseHeld(db: LarderDb, lease: LeaseTable, key: readonly unknown[], now: number): Promise<boolean> {
  const row = await leaseRow(db, lease, key);
  return row !== undefined && !stale(row, now);
}

/** Takes or renews the key's lease for `holder` until `now + ttlMs`; false while another live holder has it. */
export async function takeRowLease(db: LarderDb, lease: LeaseTable, key: readonly unknown[], holder: string, now: number, ttlMs: number): Promise<boolean> {
  const current = await leaseRow(db, lease, key);
  const replaceable = current && current.holder !== holder && stale(current, now) ? current.holder : null;
  const keys = lease.keys.join(', ');
  const taken = await db
    .statement(
      `INSERT INTO ${lease.table} (${keys}, holder, host, pid, expires_at) VALUES (${lease.keys.map(() => '?').join(', ')}, ?, ?, ?, ?)
       ON CONFLICT (${keys}) DO UPDATE SET holder = excluded.holder, host = excluded.host, pid = excluded.pid, expires_at = excluded.expires_at
       WHERE ${lease.table}.holder = excluded.holder OR ${lease.table}.holder = ?
       RETURNING holder`,
    )
    .get(...key, holder, THIS_HOST, process.pid, new Date(now + ttlMs).toISOString(), replaceable);
  return taken !== undefined;
}

export async function releaseRowLease(db: LarderDb, lease: LeaseTable, key: readonly unknown[], holder: string): Promise<void> {
  await db.write(() => db.statement(`DELETE FROM ${lease.table} WHERE ${keyWhere(lease)} AND holder = ?`).run(...key, holder));
}
