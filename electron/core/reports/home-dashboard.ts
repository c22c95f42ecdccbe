// Home once a location is activated: how last night went at each location, food cost and issued
// value over 30 days, stock that needs a look, and open alerts. Each figure comes from the module
// that owns it; this file only puts them side by side.
import type { CompanyScope } from '../db/company';
import { listOpenAlerts } from '../alerts/alerts';
import { stockOnHand } from '../ledger/ledger';
import { listLocations } from '../locations/location-sync';
import { addDays, dateInZone, yesterdayIn } from '../time/zoned-time';
import { priceRises } from './price-rises';
import type { Clock } from '../clock';
import { type ExchangeRates, foodCost } from './food-cost';
import { countedEver } from '../stock/stock-control';
import { latestLogOfDay } from '../transfer/transfer-log';
import type { HomeDashboard } from '../../../shared/model/setup';
import { inOrder } from '../in-order';

type Night = HomeDashboard['nights'][number];

function nightStatus(location: { activatedAt: string | null; autoIssue: boolean }, log: Awaited<ReturnType<typeof latestLogOfDay>>): Night['status'] {
  if (location.activatedAt === null) return 'not_activated';
  // Paused says what matters first: nothing runs tonight. The day's log, if any, stays one click away.
  if (!location.autoIssue) return 'paused';
  if (!log) return 'not_run';
  if (log.status === 'processing') return 'running';
  if (log.status === 'failed') return 'failed';
  if (log.dataComplete === false) return 'incomplete';
  // As the log list says it: a day without sales is not "posted" (gray there, gray here).
  if (log.noData) return 'no_sales';
  return log.linesUnmapped > 0 ? 'unmapped' : 'posted';
}

export async function homeDashboard(scope: CompanyScope, clock: Clock, rates: ExchangeRates = {}, priceRiseThreshold = 10): Promise<HomeDashboard> {
  const locations = await listLocations(scope);
  const nights = await inOrder(locations, async (location): Promise<Night> => {
    const date = yesterdayIn(location.timezone, clock.now());
    const log = await latestLogOfDay(scope.db, location.id, date);
    return {
      businessLocationId: location.businessLocationId,
      name: location.name,
      timezone: location.timezone,
      date,
      status: nightStatus(location, log),
      logId: log?.id ?? null,
      linesUnmapped: log?.linesUnmapped ?? 0,
      finishedAt: log?.finishedAt ?? null,
    };
  });
  const foodCosts = await inOrder(
    nights.filter((night) => night.status !== 'not_activated'),
    async (night) => ({ ...await foodCost(scope, night.businessLocationId, addDays(night.date, -29), night.date, rates), businessLocationId: night.businessLocationId }));
  const stock = (await stockOnHand(scope)).filter((line) => line.quantity !== '0');
  const counted = await countedEver(scope);
  const named = (lines: typeof stock) => [...new Set(lines.map((line) => `${line.ingredient} (${line.storageUnit})`))];
  return {
    nights,
    foodCost: foodCosts,
    stock: {
      negative: named(stock.filter((line) => line.quantity.startsWith('-'))),
      // Ingredients, not (storage unit, ingredient) pairs: the sentence counts ingredients.
      neverCounted: new Set(stock.filter((line) => !counted.has(`${line.storageUnitId}:${line.ingredientId}`)).map((line) => line.ingredientId)).size,
      noCost: named(stock.filter((line) => line.value === '0')),
    },
    alerts: await listOpenAlerts(scope),
    // The last 30 days where this computer is: receipts belong to no location.
    priceRises: await priceRises(scope, addDays(dateInZone(clock.now(), Intl.DateTimeFormat().resolvedOptions().timeZone), -30), priceRiseThreshold),
  };
}
