// Honest days: a posted day held against the POS's own totals of it. Lightspeed's aggregatedSales
// gives, per accounting group, the day's amount and number of sale lines; the same sums over the
// sales Larder stored prove that every page and every account arrived. A difference marks the day
// amber without touching the ledger; a POS without totals, or one that will not give them, leaves it
// unproven ("unavailable"), never failed.
import type { Reconciliation } from '../../../shared/model/transfers';
import { fromScaled, MONEY_SCALE, scaledFromPosText, scaledFromText } from '../decimal/decimal';
import { salesByGroup } from '../sales/sales-cache';
import type { GroupTotal, SalesDay } from '../sources/sales-day';
import type { CompanyScope } from '../db/company';
import type { ActivityLog } from '../platform/activity-log';
import type { DayFetcher } from '../sources/sales-day';
import { recordReconciliation } from './transfer-log';

/** A cent, at the money scale: rounding in the POS's own sums may differ by that much per group. */
const CENT = scaledFromText('0.01', MONEY_SCALE) as number;

/** Null when the day's source keeps no totals of its own. */
export async function reconcileDay(context: { scope: CompanyScope; days: DayFetcher; log: Pick<ActivityLog, 'info'> }, day: SalesDay & { locationRowId: number }, logId: number): Promise<Reconciliation | null> {
  let theirs: GroupTotal[] | null;
  try {
    theirs = (await context.days.totals?.(day)) ?? null;
  } catch (error) {
    context.log.info(`reconciliation ${day.businessLocationId} ${day.date}: totals unavailable (${(error as Error).message})`);
    const unavailable: Reconciliation = { status: 'unavailable', groups: [] };
    await recordReconciliation(context.scope.db, logId, unavailable);
    return unavailable;
  }
  if (theirs === null) return null;
  const groups = new Map<string, { theirs: number; ours: number; theirLines: number; ourLines: number }>();
  const at = (group: string) => {
    let sums = groups.get(group);
    if (!sums) groups.set(group, (sums = { theirs: 0, ours: 0, theirLines: 0, ourLines: 0 }));
    return sums;
  };
  for (const total of theirs) {
    const sums = at(total.group);
    sums.theirs += scaledFromPosText(total.amount, MONEY_SCALE, 'lightspeed_api_error', `Lightspeed's total of ${total.group}`);
    sums.theirLines += total.lines;
  }
  for (const stored of await salesByGroup(context.scope.db, day.locationRowId, day.date)) {
    const sums = at(stored.group);
    sums.ours += stored.amount;
    sums.ourLines += stored.lines;
  }
  const money = (scaled: number) => fromScaled(scaled, MONEY_SCALE).toFixed(2);
  const rows = [...groups].sort(([a], [b]) => a.localeCompare(b));
  const reconciliation: Reconciliation = {
    status: rows.every(([, sums]) => Math.abs(sums.theirs - sums.ours) <= CENT && sums.theirLines === sums.ourLines) ? 'match' : 'differs',
    groups: rows.map(([group, sums]) => ({
      group,
      lightspeed_amount: money(sums.theirs),
      larder_amount: money(sums.ours),
      lightspeed_lines: sums.theirLines,
      larder_lines: sums.ourLines,
    })),
  };
  await recordReconciliation(context.scope.db, logId, reconciliation);
  return reconciliation;
}
