import type { Engine } from '../../core/engine';
import { foodCost } from '../../core/reports/food-cost';
import { homeDashboard } from '../../core/reports/home-dashboard';
import { ingredientUsage } from '../../core/reports/usage';
import { varianceReport } from '../../core/reports/variance';
import { itemCost, menuReport } from '../../core/reports/plate-cost';
import { dateInZone } from '../../core/time/zoned-time';
import type * as reportsContracts from '../../../shared/ipc/contracts/reports';
import type { ChannelsOf, Handlers } from './handler-types';

type ReportChannel = ChannelsOf<typeof reportsContracts>;

/** The reports: they only read (the exchange rates for food cost and Home come from Settings). */
export function createReportHandlers(engine: Engine): Pick<Handlers, ReportChannel> {
  const { scope, platform } = engine;
  const today = () => dateInZone(platform.clock.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  return {
    'home:dashboard': () => homeDashboard(scope, platform.clock, platform.settings.get('exchangeRates'), platform.settings.get('priceRiseThreshold')),
    'reports:variance': ({ storageUnit, fromCountId, toCountId }) => varianceReport(scope, storageUnit, fromCountId, toCountId),
    'reports:usage': (filter) => ingredientUsage(scope, filter),
    'reports:food-cost': ({ businessLocationId, from, to }) => foodCost(scope, businessLocationId, from, to, platform.settings.get('exchangeRates')),
    'reports:menu': ({ businessLocationId, from, to }) => menuReport(scope, businessLocationId, from, to),
    // Today's costs where this computer is: an item may sell at several locations.
    'items:cost': ({ posItemId }) => itemCost(scope, posItemId, today()),
  };
}
