import { DomainError } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import { locationOverview } from '../../core/overview/location-overview';
import { applyMigrationAction, runMigration, type MigrationAction } from '../../core/migration/migration';
import { transferDay } from '../../core/transfer/transfer-day';
import { getLog, listLogs } from '../../core/transfer/transfer-log';
import type { Handlers } from './handler-types';

type TransferChannel =
  | 'transfers:run'
  | 'migrations:activate'
  | 'migrations:start'
  | 'migrations:rerun'
  | 'migrations:cancel'
  | 'migrations:status'
  | 'logs:list'
  | 'logs:get'
  | 'locations:overview';

/** Manual transfers, migrations, logs and the location overview, as the screens reach them. */
export function createTransferHandlers(engine: Engine): Pick<Handlers, TransferChannel> {
  const { scope, events, transfers } = engine;
  const clock = transfers.clock;
  /** A migration runs on in this process; its progress reaches the screens through events. */
  const runInBackground = (jobId: number) =>
    void runMigration(transfers, jobId, (progress) =>
      events.emit({ type: 'migration:progress', businessLocationId: progress.location_id, status: progress.status, progressPercent: progress.progress_percent }),
    );
  const migrate = (businessLocationId: string, action: MigrationAction) => {
    const { jobToRun, migration } = applyMigrationAction(scope, businessLocationId, action, clock);
    if (jobToRun !== null) runInBackground(jobToRun);
    return migration;
  };
  return {
    'transfers:run': async ({ businessLocationId, date, force }) => {
      events.emit({ type: 'transfer:started', businessLocationId, date });
      const result = await transferDay(transfers, { businessLocationId, date, force, trigger: 'manual' });
      events.emit({ type: 'transfer:finished', businessLocationId, date: result.date, success: result.success });
      return result;
    },
    'migrations:activate': ({ businessLocationId }) => migrate(businessLocationId, 'activate'),
    'migrations:start': ({ businessLocationId }) => migrate(businessLocationId, 'start'),
    'migrations:rerun': ({ businessLocationId }) => migrate(businessLocationId, 'rerun'),
    'migrations:cancel': ({ businessLocationId }) => migrate(businessLocationId, 'cancel'),
    'migrations:status': ({ businessLocationId }) => migrate(businessLocationId, 'status'),
    'logs:list': ({ businessLocationId, ...filter }) => listLogs(scope, { businessLocationId, ...filter }),
    'logs:get': ({ id }) => {
      const log = getLog(scope, id);
      if (!log) throw new DomainError('invalid_input', `No transfer log ${id}.`);
      return log;
    },
    'locations:overview': ({ businessLocationId }) => {
      const { location: _location, ...overview } = locationOverview(scope, businessLocationId, clock);
      return overview;
    },
  };
}
