import type { BackupKind } from '../../../shared/model/backups';

export const kindWords: Record<BackupKind, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  'before-change': 'Before a change or by hand',
};

/** A file size as people read it: 1.2 MB, 640 KB. */
export function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
