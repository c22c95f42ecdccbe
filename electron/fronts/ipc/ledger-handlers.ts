import type { Engine } from '../../core/engine';
import { ledgerDays, ledgerEntryLines, ledgerTotals, listLedgerEntries, stockOnHand } from '../../core/ledger/ledger';
import type * as ledgerContracts from '../../../shared/ipc/contracts/ledger';
import type { ChannelsOf, Handlers } from './handler-types';

type LedgerChannel = ChannelsOf<typeof ledgerContracts>;

/** The ledger and stock on hand, read from the day totals where a sum will do. */
export function createLedgerHandlers(engine: Engine): Pick<Handlers, LedgerChannel> {
  const { scope } = engine;
  return {
    'stock:list': (input) => stockOnHand(scope, input),
    'ledger:list': (filter) => listLedgerEntries(scope, filter),
    'ledger:totals': (filter) => ledgerTotals(scope, filter),
    'ledger:lines': ({ id }) => ledgerEntryLines(scope, id),
    'ledger:days': (filter) => ledgerDays(scope, filter),
  };
}
