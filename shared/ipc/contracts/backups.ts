import { z } from 'zod';
import { backupPreview, backupRecord, backupStatus, recoveryStatus, restoreResult } from '../../model/backups';
import { settingsSchema } from '../../settings';
import { defineContract } from '../contract';

const empty = z.object({}).strict();
const keep = settingsSchema.shape.backupKeep.removeDefault();

/** Settings → Backups: where backups go, the generations kept, the last verified one and every backup there. */
export const backupOverviewContract = defineContract({
  channel: 'backups:overview',
  input: empty,
  output: backupStatus.extend({ default_folder: z.string(), chosen_folder: z.string().nullable(), keep, backups: z.array(backupRecord) }),
  errors: [],
});

export const backupNowContract = defineContract({
  channel: 'backups:now',
  input: empty,
  output: backupRecord,
  errors: ['backup_failed', 'disk_full', 'data_folder_read_only'],
});

/** The backup folder (null: the default) and the generations kept; a folder Larder cannot write to is refused. */
export const backupSettingsContract = defineContract({
  channel: 'backups:settings',
  input: z.object({ folder: z.string().trim().min(1).max(1000).nullable().optional(), keep: keep.optional() }).strict(),
  output: z.object({ folder: z.string(), chosen_folder: z.string().nullable(), keep }),
  errors: ['invalid_input', 'backup_failed'],
});

const backupFile = z.object({ file: z.string().min(1).max(4000) }).strict();

export const backupPreviewContract = defineContract({
  channel: 'backups:preview',
  input: backupFile,
  output: backupPreview,
  errors: ['backup_not_found', 'backup_damaged', 'backup_too_new'],
});

export const restoreBackupContract = defineContract({
  channel: 'backups:restore',
  input: backupFile,
  output: restoreResult,
  errors: ['backup_not_found', 'backup_damaged', 'backup_too_new', 'backup_failed', 'disk_full', 'data_folder_read_only'],
});

export const exportDataContract = defineContract({
  channel: 'data:export',
  input: empty,
  output: z.object({ file: z.string(), tables: z.number().int(), rows: z.number().int() }),
  errors: ['disk_full', 'data_folder_read_only', 'backup_failed'],
});

/** Asked first by the screens: a problem means the recovery screen, not the app. Answered in both modes. */
export const recoveryStatusContract = defineContract({
  channel: 'recovery:status',
  input: empty,
  output: recoveryStatus,
  errors: [],
});

/** The recovery screen's "Try again": the front starts the engine again (back on this screen if the server still does not answer). */
export const recoveryRetryContract = defineContract({
  channel: 'recovery:retry',
  input: empty,
  output: z.object({ restarting: z.boolean() }),
  errors: [],
});

/** The recovery screen's restore: the damaged file is kept aside, the backup put in its place, Larder starts again on it. */
export const recoveryRestoreContract = defineContract({
  channel: 'recovery:restore',
  input: backupFile,
  output: restoreResult,
  errors: ['backup_not_found', 'backup_damaged', 'backup_too_new', 'backup_failed', 'disk_full', 'data_folder_read_only'],
});
