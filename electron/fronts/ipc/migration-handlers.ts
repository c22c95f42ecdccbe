import type { Engine } from '../../core/engine';
import { applyMigrationAction, runMigration, type MigrationAction } from '../../core/migration/migration';
import type * as migrationsContracts from '../../../shared/ipc/contracts/migrations';
import type { ChannelsOf, Handlers } from './handler-types';

type MigrationChannel = ChannelsOf<typeof migrationsContracts>;

/** The 90-day migration's verbs; a migration started here runs on in this process, its progress reaching the screens as events. */
export function createMigrationHandlers(engine: Engine): Pick<Handlers, MigrationChannel> {
  const { scope, transfers } = engine;
  const runInBackground = async (jobId: number) => void await runMigration(transfers, jobId);
  const migrate = async (businessLocationId: string, action: MigrationAction) => {
    const { jobToRun, migration } = await applyMigrationAction(scope, businessLocationId, action, transfers.clock);
    if (jobToRun !== null) await runInBackground(jobToRun);
    return migration;
  };
  return {
    'migrations:activate': ({ businessLocationId }) => migrate(businessLocationId, 'activate'),
    'migrations:start': ({ businessLocationId }) => migrate(businessLocationId, 'start'),
    'migrations:rerun': ({ businessLocationId }) => migrate(businessLocationId, 'rerun'),
    'migrations:cancel': ({ businessLocationId }) => migrate(businessLocationId, 'cancel'),
    'migrations:status': ({ businessLocationId }) => migrate(businessLocationId, 'status'),
  };
}
