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
    'counts:start': async ({ storageUnit, at }) => changed(await startCount(scope, storageUnit, at)),
    'counts:sheet': ({ id }) => countSheet(scope, id),
    'counts:set': async ({ id, ingredient, quantity }) => {
      if (quantity === null) await clearCountLine(scope, id, ingredient, now());
      else await setCountLine(scope, id, ingredient, quantity, now());
      return { done: true as const };
    },
    'counts:save': async ({ id, version, lines }) => changed(await saveCountDraft(scope, id, { version, lines }, now())),
    'counts:finish': async ({ id, version }) => changed(await finishCount(scope, id, now(), version)),
    'counts:reopen': async ({ id }) => changed(await reopenCount(scope, id)),
    'waste:record': async (input) => changed(await recordWaste(scope, input, platform.settings.get('wasteReasons'))),
    'waste:reasons': () => platform.settings.get('wasteReasons'),
    'waste:reasons-save': ({ reasons }) => {
      platform.settings.set('wasteReasons', reasons);
      events.emit({ type: 'settings:changed' });
      return reasons;
    },
    'stock:move': async (input) => changed(await moveStock(scope, input)),
    'stock:changes': () => listWasteAndMoves(scope),
    'stock:undo': async ({ kind, id }) => changed(await undoStockChange(scope, kind, id, now())),
  };
}
