// Backups, restore and recovery, as the engine answers them and the screens show them.
import { z } from 'zod';

export const backupKinds = ['daily', 'weekly', 'monthly', 'before-change'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupRecord = z.object({
  file: z.string(),
  created_at: z.string(),
  kind: z.enum(backupKinds),
  bytes: z.number().int().min(0),
  schema_version: z.number().int().nullable(),
  /** Written, checked (integrity and schema version) and renamed: a backup that may be restored. */
  verified: z.boolean(),
});
export type BackupRecord = z.infer<typeof backupRecord>;

/** What a backup holds, shown before a restore changes anything. */
export const backupPreview = z.object({
  file: z.string(),
  created_at: z.string(),
  schema_version: z.number().int(),
  locations: z.array(z.object({ name: z.string(), business_location_id: z.string(), last_posted_day: z.string().nullable() })),
  counts: z.object({ ingredients: z.number().int(), recipes: z.number().int(), mappings: z.number().int(), ledger_entries: z.number().int() }),
});
export type BackupPreview = z.infer<typeof backupPreview>;

export const backupStatus = z.object({
  folder: z.string(),
  last_verified: backupRecord.nullable(),
  /** No verified backup in the last 3 days (or none at all). */
  stale: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

export const restoreResult = z.object({
  file: z.string(),
  /** The current database's own backup (or, if it was damaged, where it was moved aside); null when there was none. */
  previous_saved_as: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof restoreResult>;

/**
 * Why Larder opened its recovery screen instead of its screens, and what it can restore: a database
 * file damaged or missing (`path` is the file), or a PostgreSQL server it cannot open (`path` is the
 * server's address, never its password; no backups: the server's are the server's).
 */
export const recoveryStatus = z.object({
  problem: z.object({ code: z.enum(['database_damaged', 'database_missing', 'database_unreachable']), message: z.string(), path: z.string() }).nullable(),
  backups: z.array(backupRecord),
});
export type RecoveryStatus = z.infer<typeof recoveryStatus>;
