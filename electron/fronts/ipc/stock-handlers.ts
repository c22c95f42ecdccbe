import type { Engine } from '../../core/engine';
import { foodCost } from '../../core/stock/food-cost';
import { clearCountLine, countSheet, finishCount, listCounts, moveStock, recordWaste, reopenCount, setCountLine, startCount, varianceReport } from '../../core/stock/stock-control';
import type { Handlers } from './handler-types';

type StockChannel =
  | 'counts:list'
  | 'counts:start'
  | 'counts:sheet'
  | 'counts:set'
  | 'counts:finish'
  | 'counts:reopen'
  | 'waste:record'
  | 'waste:reasons'
  | 'waste:reasons-save'
  | 'stock:move'
  | 'reports:variance'
  | 'reports:food-cost';

/** Counts, waste and moves change the ledger (inventory:changed says so); the reports only read. */
export function createStockHandlers(engine: Engine): Pick<Handlers, StockChannel> {
  const { scope, events, platform } = engine;
  const changed = <T>(result: T): T => {
    events.emit({ type: 'inventory:changed', what: 'stock' });
    return result;
  };
  return {
    'counts:list': () => listCounts(scope),
    'counts:start': ({ storageUnit, at }) => changed(startCount(scope, storageUnit, at)),
    'counts:sheet': ({ id }) => countSheet(scope, id),
    'counts:set': ({ id, ingredient, quantity }) => {
      if (quantity === null) clearCountLine(scope, id, ingredient);
      else setCountLine(scope, id, ingredient, quantity);
      return { done: true as const };
    },
    'counts:finish': ({ id }) => changed(finishCount(scope, id, platform.clock.now().toISOString())),
    'counts:reopen': ({ id }) => changed(reopenCount(scope, id)),
    'waste:record': (input) => changed(recordWaste(scope, input, platform.settings.get('wasteReasons'))),
    'waste:reasons': () => platform.settings.get('wasteReasons'),
    'waste:reasons-save': ({ reasons }) => {
      platform.settings.set('wasteReasons', reasons);
      events.emit({ type: 'settings:changed' });
      return reasons;
    },
    'stock:move': (input) => changed(moveStock(scope, input)),
    'reports:variance': ({ storageUnit, fromCountId, toCountId }) => varianceReport(scope, storageUnit, fromCountId, toCountId),
    'reports:food-cost': ({ businessLocationId, from, to }) => foodCost(scope, businessLocationId, from, to, platform.settings.get('exchangeRates')),
  };
}
