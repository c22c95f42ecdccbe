// Backups of the database, written with SQLite's online backup (a consistent copy of a live database,
// the WAL included: a file copy of larder.db misses every commit still in larder.db-wal), stripped of
// sealed secrets, verified, and only then given a backup's name. A file under that name is a verified
// backup; anything a crash or `kill -9` leaves half written keeps its `.partial` name and is swept away.
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupKind, BackupRecord, BackupStatus } from '../../../shared/model/backups';
import type { Settings } from '../../../shared/settings';
import type { Clock } from '../clock';
import { knownSchemaVersion, schemaVersionOf } from '../db/open-database';
import { DomainError } from '../domain-error';

export type { BackupKind, BackupRecord, BackupStatus };

/** What backups need of the process: where they go, how many are kept, which SQLite build opens a copy. */
export interface BackupPlace {
  folder: string;
  keep: Settings['backupKeep'];
  migrationsFolder: string;
  nativeBinding?: string;
  clock: Clock;
  /** Pages copied between turns of the event loop (4096: 16 MB); the tests take one to see writers interleave. */
  pagesPerStep?: number;
}

export const BACKUPS_FOLDER = 'Backups';

/**
 * mkdir -p that cannot spin: Node's recursive mkdir retries for ever where the OS answers ENOENT for a
 * folder whose parent exists (procfs; some network file systems), which would hang Larder on a
 * backup folder typed wrong. One level at a time, the OS's refusal comes back as an error.
 */
export function ensureFolder(folder: string): void {
  if (existsSync(folder)) return;
  const parent = dirname(folder);
  if (parent !== folder) ensureFolder(parent);
  mkdirSync(folder, { mode: 0o700 });
}

/** The manager's backup folder, or Backups inside the data folder. */
export function backupFolderOf(dataFolder: string, chosen: string | null): string {
  return chosen ? resolve(chosen) : join(dataFolder, BACKUPS_FOLDER);
}

const NAME = /^larder-backup-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(daily|weekly|monthly|before-change)\.db$/;
const PARTIAL = /\.partial$/;
/** A partial file this old belongs to no backup still running (a large one takes seconds). */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** larder-backup-2026-12-07T010203456Z-daily.db: the UTC instant (no colons: Windows), then the kind. */
function fileName(at: Date, kind: BackupKind): string {
  const iso = at.toISOString();
  return `larder-backup-${iso.slice(0, 10)}T${iso.slice(11, 23).replace(/[:.]/g, '')}Z-${kind}.db`;
}

export function parseName(name: string): { created_at: string; kind: BackupKind } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis, kind] = match;
  return { created_at: `${day}T${hours}:${minutes}:${seconds}.${millis}Z`, kind: kind as BackupKind };
}

export function openReadOnly(file: string, nativeBinding?: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/**
 * A backup file's schema version after a full integrity check; refused as damaged or as written by a
 * newer Larder. What a restore runs before it changes anything.
 */
export function verifyBackupFile(file: string, place: Pick<BackupPlace, 'migrationsFolder' | 'nativeBinding'>): number {
  if (!existsSync(file) || !statSync(file).isFile()) throw new DomainError('backup_not_found', `There is no backup at ${file}.`);
  let copy: Database.Database | undefined;
  let version: number;
  try {
    copy = openReadOnly(file, place.nativeBinding);
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    version = schemaVersionOf(copy);
    if (version === 0) throw new Error('it holds no Larder schema');
  } catch (error) {
    throw new DomainError('backup_damaged', `The backup ${file} fails its check (${(error as Error).message}); nothing was changed.`);
  } finally {
    copy?.close();
  }
  const known = knownSchemaVersion(place.migrationsFolder);
  if (version > known) {
    throw new DomainError('backup_too_new', `The backup ${file} has schema version ${version}; this Larder knows up to ${known}. Install the newest Larder to restore it.`);
  }
  return version;
}

function schemaVersionOfFile(file: string, nativeBinding?: string): number | null {
  try {
    const copy = openReadOnly(file, nativeBinding);
    try {
      return schemaVersionOf(copy);
    } finally {
      copy.close();
    }
  } catch {
    return null;
  }
}

/** Every backup in the folder, newest first. A file that no longer opens is listed, not verified. */
export function listBackups(place: Pick<BackupPlace, 'folder' | 'nativeBinding'>): BackupRecord[] {
  if (!existsSync(place.folder)) return [];
  const records: BackupRecord[] = [];
  for (const name of readdirSync(place.folder)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const file = join(place.folder, name);
    const schemaVersion = schemaVersionOfFile(file, place.nativeBinding);
    records.push({ file, ...parsed, bytes: statSync(file).size, schema_version: schemaVersion, verified: schemaVersion !== null && schemaVersion > 0 });
  }
  return records.sort((a, b) => b.created_at.localeCompare(a.created_at));
}

export function newestVerifiedBackup(place: Pick<BackupPlace, 'folder' | 'nativeBinding'>): BackupRecord | null {
  return listBackups(place).find((backup) => backup.verified) ?? null;
}

/**
 * A consistent copy of the live database: SQLite's backup restarts when another connection writes
 * between steps, so after a few steps in which someone kept writing it copies the rest in one step
 * (a read snapshot: writers in WAL mode are not held up) rather than start over for ever.
 */
async function copyOnline(source: Database.Database, target: string, pagesPerStep = 4096): Promise<void> {
  let steps = 0;
  await source.backup(target, { progress: ({ totalPages }) => (++steps > 8 ? totalPages : pagesPerStep) });
}

/**
 * The copy made safe to keep elsewhere: no sealed secret (even in free pages), no lock of a live
 * process, one self-contained file (no -wal beside it).
 */
function sealCopy(file: string, nativeBinding?: string): number {
  const copy = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    copy.pragma('journal_mode = DELETE');
    copy.pragma('secure_delete = ON');
    copy.exec('DELETE FROM sealed_secrets; DELETE FROM token_refresh_leases; DELETE FROM day_locks;');
    // Its tokens stayed behind, so a restored connection asks to be signed in again (the screens' "Reconnect").
    copy.exec("UPDATE lightspeed_connections SET status = 'refresh_failed' WHERE status = 'active'");
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new DomainError('backup_failed', `The copy failed its integrity check (${String(check)}); it was not kept.`);
    return schemaVersionOf(copy);
  } finally {
    copy.close();
  }
}

function syncFile(path: string): void {
  const handle = openSync(path, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

/** The folder's entry for a renamed file, on disk (not possible on Windows, where rename is durable enough). */
function syncFolder(folder: string): void {
  try {
    syncFile(folder);
  } catch {
    // Windows cannot open a folder for fsync; its rename is journaled by NTFS.
  }
}

/** By the file system's own time, not Larder's clock (a test's or demo's LARDER_NOW says nothing about mtimes). */
function sweepPartials(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (!PARTIAL.test(name)) continue;
    const file = join(folder, name);
    if (Date.now() - statSync(file).mtimeMs > STALE_PARTIAL_MS) rmSync(file, { force: true });
  }
}

/**
 * Writes, verifies and keeps one backup of the database `source` is connected to, then applies the
 * retention. A failure leaves no file under a backup's name and answers backup_failed.
 */
export async function takeBackup(source: Database.Database, place: BackupPlace, kind: BackupKind): Promise<BackupRecord> {
  let partial: string | undefined;
  try {
    ensureFolder(place.folder);
    const now = place.clock.now();
    sweepPartials(place.folder);
    // Never older than the newest backup there, whatever the clock says (a fixed LARDER_NOW, a clock set
    // back): the retention keeps the newest by name, so a new backup must sort last.
    const newest = readdirSync(place.folder).map(parseName).reduce((latest, parsed) => Math.max(latest, parsed ? Date.parse(parsed.created_at) + 1 : 0), 0);
    const name = fileName(new Date(Math.max(now.getTime(), newest)), kind);
    partial = join(place.folder, `.${name}.${process.pid}.partial`);
    closeSync(openSync(partial, 'w', 0o600));
    await copyOnline(source, partial, place.pagesPerStep);
    const version = sealCopy(partial, place.nativeBinding);
    const expected = schemaVersionOf(source);
    if (version !== expected) throw new DomainError('backup_failed', `The copy has schema version ${version}, the database ${expected}; it was not kept.`);
    chmodSync(partial, 0o600);
    syncFile(partial);
    const file = join(place.folder, name);
    renameSync(partial, file);
    syncFolder(place.folder);
    const parsed = parseName(name) as { created_at: string; kind: BackupKind };
    pruneBackups(place);
    return { file, ...parsed, bytes: statSync(file).size, schema_version: version, verified: true };
  } catch (error) {
    if (partial) rmSync(partial, { force: true });
    if (error instanceof DomainError) throw error;
    throw new DomainError('backup_failed', `Larder could not write a backup to ${place.folder}: ${(error as Error).message}`);
  }
}

/** Keeps the newest generations of each kind the settings ask for and deletes the rest. */
export function pruneBackups(place: Pick<BackupPlace, 'folder' | 'keep' | 'nativeBinding'>): string[] {
  const keep: Record<BackupKind, number> = { daily: place.keep.daily, weekly: place.keep.weekly, monthly: place.keep.monthly, 'before-change': place.keep.beforeChange };
  const removed: string[] = [];
  const seen: Record<BackupKind, number> = { daily: 0, weekly: 0, monthly: 0, 'before-change': 0 };
  for (const backup of listBackups(place)) {
    if (++seen[backup.kind] <= keep[backup.kind]) continue;
    rmSync(backup.file, { force: true });
    removed.push(backup.file);
  }
  return removed;
}

/** YYYY-MM-DD on this PC's calendar: a backup's or an export's day is the office's, not a location's business day. */
export function pcDay(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** The calendar day, the Monday of its week and its month, on this PC's clock: backups follow the office's days. */
function periods(at: Date): { day: string; week: string; month: string } {
  const monday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - ((at.getDay() + 6) % 7));
  return { day: pcDay(at), week: pcDay(monday), month: pcDay(at).slice(0, 7) };
}

/**
 * The kind the day's automatic backup takes: the month's first is its monthly, the week's first its
 * weekly, any other a daily; null when today has one already.
 */
export function dueKind(existing: readonly Pick<BackupRecord, 'created_at' | 'kind'>[], now: Date): BackupKind | null {
  const today = periods(now);
  const automatic = existing.filter((backup) => backup.kind !== 'before-change').map((backup) => ({ kind: backup.kind, ...periods(new Date(backup.created_at)) }));
  if (automatic.some((backup) => backup.day === today.day)) return null;
  if (!automatic.some((backup) => backup.kind === 'monthly' && backup.month === today.month)) return 'monthly';
  if (!automatic.some((backup) => (backup.kind === 'weekly' || backup.kind === 'monthly') && backup.week === today.week)) return 'weekly';
  return 'daily';
}

/** The day's automatic backup, when it is due; null when today has one. */
export async function backupIfDue(source: Database.Database, place: BackupPlace): Promise<BackupRecord | null> {
  const kind = dueKind(listBackups(place), place.clock.now());
  return kind ? takeBackup(source, place, kind) : null;
}

/** A verified backup older than this is a notice on Home and in Settings. */
export const BACKUP_STALE_DAYS = 3;

/** From the folder's backups when the caller has listed them already (each listed file is opened once). */
export function backupStatus(place: Pick<BackupPlace, 'folder' | 'nativeBinding' | 'clock'>, backups: readonly BackupRecord[] = listBackups(place)): BackupStatus {
  const last = backups.find((backup) => backup.verified) ?? null;
  const age = last ? place.clock.now().getTime() - Date.parse(last.created_at) : Infinity;
  return { folder: place.folder, last_verified: last, stale: age > BACKUP_STALE_DAYS * 24 * 60 * 60 * 1000 };
}
