// The doors' answer when the database cannot be opened (damaged, or missing where Larder ran before,
// or a PostgreSQL server that does not answer): the screens ask recovery:status first and show the
// recovery screen. For a file, it lists the backups, previews and restores one; for a server, it tries
// again or goes back to this computer's database. Either way the front then starts the engine again.
// Every other channel answers the problem's own code, so nothing half-works on a database Larder will not touch.
import { contracts } from '../../../shared/ipc/contracts';
import type { RecoveryStatus } from '../../../shared/model/backups';
import { asDomainError } from '../../core/domain-error';
import { listBackups } from '../../core/backup/backups';
import { backupPlaceOf, databaseFileOf, DatabaseProblem } from '../../core/backup/data-folder';
import { databaseChoice, useDataFolderDatabase } from '../../core/backup/database-server';
import { describeBackup, restoreBackup } from '../../core/backup/restore';
import type { Platform } from '../../core/platform/platform';
import type { Dispatch } from './dispatch';

export type RecoveryProblem = NonNullable<RecoveryStatus['problem']>;

/** The recovery screen's problem for a failed start, or null when the failure is not one (a bug: the front lets it crash). */
export function recoveryProblemOf(platform: Platform, error: unknown): RecoveryProblem | null {
  if (error instanceof DatabaseProblem) return { code: error.code as RecoveryProblem['code'], message: error.message, path: error.path };
  if (asDomainError(error)?.code !== 'database_unreachable') return null;
  const { address } = databaseChoice(platform, databaseFileOf(platform));
  return { code: 'database_unreachable', message: (error as Error).message, path: address ?? '' };
}

export function createRecoveryDispatch(platform: Platform, problem: RecoveryProblem, restarted: () => Promise<void>): Dispatch {
  const onServer = problem.code === 'database_unreachable';
  return async (channel, rawInput) => {
    try {
      if (channel === 'recovery:status') return { ok: true, data: { problem, backups: onServer ? [] : listBackups(backupPlaceOf(platform)) } };
      if (channel === 'recovery:retry') {
        await restarted();
        return { ok: true, data: { restarting: true } };
      }
      // A server that is down: what this PC opens, and going back to its own database, are the way out.
      if (onServer && channel === 'database:choice') {
        const next = databaseChoice(platform, databaseFileOf(platform));
        return { ok: true, data: { running: next, next_start: next } };
      }
      if (onServer && channel === 'database:use-data-folder') {
        const choice = useDataFolderDatabase(platform, databaseFileOf(platform));
        await restarted();
        return { ok: true, data: choice };
      }
      if (!onServer && (channel === 'recovery:restore' || channel === 'backups:preview')) {
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
      return { ok: false, error: { code: 'internal_error', message: 'Something went wrong inside Larder while recovering. The backups and the database are unchanged.' } };
    }
  };
}
