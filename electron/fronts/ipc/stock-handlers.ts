import type { Engine } from '../../core/engine';
import { clearCountLine, countSheet, finishCount, listCounts, reopenCount, saveCountDraft, setCountLine, startCount } from '../../core/stock/stock-control';
import { listWasteAndMoves, moveStock, recordWaste, undoStockChange } from '../../core/stock/waste-and-moves';
import type * as stockContracts from '../../../shared/ipc/contracts/stock';
import type { ChannelsOf, Handlers } from './handler-types';

type StockChannel = ChannelsOf<typeof stockContracts>;

/** Counts, waste and moves change the ledger (inventory:changed says so). */
export function createStockHandlers(engine: Engine): Pick<Handlers, StockChannel> {
  const { scope, events, platform } = engine;
  const now = () => platform.clock.now().toISOString();
  const changed = <T>(result: T): T => {
    events.emit({ type: 'inventory:changed', what: 'stock' });
    return result;
  };
  return {
    'counts:list': () => listCounts(scope),
    'counts:start': ({ storageUnit, at }) => changed(startCount(scope, storageUnit, at)),
    'counts:sheet': ({ id }) => countSheet(scope, id),
    'counts:set': ({ id, ingredient, quantity }) => {
      if (quantity === null) clearCountLine(scope, id, ingredient, now());
      else setCountLine(scope, id, ingredient, quantity, now());
      return { done: true as const };
    },
    'counts:save': ({ id, version, lines }) => changed(saveCountDraft(scope, id, { version, lines }, now())),
    'counts:finish': ({ id, version }) => changed(finishCount(scope, id, now(), version)),
    'counts:reopen': ({ id }) => changed(reopenCount(scope, id)),
    'waste:record': (input) => changed(recordWaste(scope, input, platform.settings.get('wasteReasons'))),
    'waste:reasons': () => platform.settings.get('wasteReasons'),
    'waste:reasons-save': ({ reasons }) => {
      platform.settings.set('wasteReasons', reasons);
      events.emit({ type: 'settings:changed' });
      return reasons;
    },
    'stock:move': (input) => changed(moveStock(scope, input)),
    'stock:changes': () => listWasteAndMoves(scope),
    'stock:undo': ({ kind, id }) => changed(undoStockChange(scope, kind, id, now())),
  };
}
