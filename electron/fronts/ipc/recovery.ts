// The doors' answer when the database cannot be opened (damaged, or missing where Larder ran before):
// the screens ask recovery:status first and show the recovery screen; it lists the backups, previews
// and restores one, after which the front starts the engine again. Every other channel answers the
// problem's own code, so nothing half-works on a database Larder will not touch.
import { contracts } from '../../../shared/ipc/contracts';
import { asDomainError } from '../../core/domain-error';
import { listBackups } from '../../core/backup/backups';
import { backupPlaceOf, type DatabaseProblem } from '../../core/backup/data-folder';
import { describeBackup, restoreBackup } from '../../core/backup/restore';
import type { Platform } from '../../core/platform/platform';
import type { Dispatch } from './dispatch';

export function createRecoveryDispatch(platform: Platform, problem: DatabaseProblem, restarted: () => Promise<void>): Dispatch {
  return async (channel, rawInput) => {
    try {
      if (channel === 'recovery:status') {
        return { ok: true, data: { problem: { code: problem.code as 'database_damaged' | 'database_missing', message: problem.message, path: problem.path }, backups: listBackups(backupPlaceOf(platform)) } };
      }
      if (channel === 'recovery:restore' || channel === 'backups:preview') {
        const input = contracts[channel].input.safeParse(rawInput ?? {});
        if (!input.success) return { ok: false, error: { code: 'invalid_input', message: 'Choose a backup to restore.' } };
        if (channel === 'backups:preview') return { ok: true, data: await describeBackup(platform, input.data.file) };
        const restored = await restoreBackup(platform, input.data.file);
        await restarted();
        return { ok: true, data: restored };
      }
      return { ok: false, error: { code: problem.code, message: problem.message } };
    } catch (error) {
      const known = asDomainError(error);
      if (known) return { ok: false, error: { code: known.code, message: known.message } };
      console.error('[larder] recovery failed', error);
      return { ok: false, error: { code: 'internal_error', message: 'Something went wrong inside Larder while restoring. The backup and the damaged file are unchanged.' } };
    }
  };
}
