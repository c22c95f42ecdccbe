import { DomainError } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import { issueByHand } from '../../core/migration/manual-issue';
import { getLog, listLogSummaries } from '../../core/transfer/transfer-log';
import type * as transfersContracts from '../../../shared/ipc/contracts/transfers';
import type { ChannelsOf, Handlers } from './handler-types';

type TransferChannel = ChannelsOf<typeof transfersContracts>;

/** A day transferred by hand, and the transfer logs, as the screens reach them. */
export function createTransferHandlers(engine: Engine): Pick<Handlers, TransferChannel> {
  const { scope, transfers } = engine;
  return {
    'transfers:run': ({ businessLocationId, date, force, replaceWithEmpty }) => issueByHand(transfers, { businessLocationId, date, force, replaceWithEmpty }),
    'logs:list': ({ businessLocationId, ...filter }) => listLogSummaries(scope, { businessLocationId, ...filter }),
    'logs:get': async ({ id }) => {
      const log = await getLog(scope, id);
      if (!log) throw new DomainError('invalid_input', `No transfer log ${id}.`);
      return log;
    },
  };
}
