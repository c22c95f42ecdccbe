// What the location screen shows at a glance: health warnings and the seed's stats, each one indexed
// query (transfer logs by location and date, sales lines by location and date, items by location).
import { itemMappedAtSql } from '../items/mappings';
import { addDays, dateInZone } from '../time/zoned-time';
import type { CompanyScope } from '../db/company';
import type { LocationOverview } from '../../../shared/model/items';
import { latestJob, migrationRange, view } from '../migration/migration';
import type { Clock } from '../clock';
import { requireAnyLocation, type Location } from '../locations/location-sync';
import { postedDays } from '../transfer/transfer-log';

/** The screen's overview, and the location it is of (the CLI prints both). */
export type LocationOverviewWithLocation = LocationOverview & { location: Location & { storageUnitName: string | null } };

export async function locationOverview(scope: CompanyScope, businessLocationId: string, clock: Clock): Promise<LocationOverviewWithLocation> {
  // A CSV till's location too: its food cost report opens on its last closed day.
  const location = await requireAnyLocation(scope, businessLocationId);
  const { db } = scope;
  const today = dateInZone(clock.now(), location.timezone);
  const since7 = addDays(today, -7);
  const since30 = addDays(today, -30);
  // Business days, not runs: a day run three times (a retry, a reprocess) is one day. Posted: some run
  // of it succeeded (a failed re-run rolls back, the earlier posting stays); failed: its latest run did.
  const issues = async (from: string) =>
    (await db
      .statement(
        `SELECT (SELECT count(DISTINCT report_date) FROM transfer_logs WHERE location_id = @location AND report_date >= @from AND status = 'success') AS total,
                (SELECT count(*) FROM transfer_logs t WHERE location_id = @location AND report_date >= @from AND status = 'failed'
                   AND id = (SELECT max(id) FROM transfer_logs later WHERE later.location_id = t.location_id AND later.report_date = t.report_date)) AS failed`,
      )
      .get({ location: location.id, from })) as { total: number; failed: number };
  const lines = async (from: string) =>
    ((await db.statement('SELECT count(*) AS n FROM sales s JOIN sales_lines l ON l.sale_id = s.id WHERE s.location_id = ? AND s.business_date >= ?').get(location.id, from)) as { n: number }).n;
  const catalog = (await db
    .statement(
      `SELECT count(*) AS total, count(*) FILTER (WHERE ${itemMappedAtSql('pl.pos_item_id', 'pl.location_id')}) AS mapped
       FROM pos_item_locations pl WHERE pl.location_id = ?`,
    )
    .get(location.id)) as { total: number; mapped: number };
  const unmapped = new Set<string>();
  const recent = (await db
    .statement(
      // Each day's latest successful run only: a day run again after mapping no longer names what it now deducts.
      `SELECT unmapped_names AS names FROM transfer_logs t WHERE location_id = ? AND report_date >= ? AND status = 'success'
         AND id = (SELECT max(id) FROM transfer_logs later WHERE later.location_id = t.location_id AND later.report_date = t.report_date AND later.status = 'success')`,
    )
    .all(location.id, since7)) as { names: string }[];
  for (const row of recent) for (const name of JSON.parse(row.names) as string[]) unmapped.add(name);
  const incompleteDays = (await postedDays(scope.db, location.id, since30))
    .filter((day) => day.dataComplete === false)
    .map((day) => day.date);
  const job = await latestJob(scope, location.id);
  const last7Days = await issues(since7);
  const storageUnit =
    location.storageUnitId === null ? undefined : ((await db.statement('SELECT name FROM storage_units WHERE id = ?').get(location.storageUnitId)) as { name: string });
  return {
    location: { ...location, storageUnitName: storageUnit?.name ?? null },
    storageUnitName: storageUnit?.name ?? null,
    // The last closed business date where the location is, by this clock: the manual issue's default.
    yesterday: migrationRange(location, clock).endDate,
    health: {
      noStorageUnit: location.storageUnitId === null,
      recentFailedTransfers: last7Days.failed,
      recentUnmappedNames: [...unmapped].sort(),
      incompleteDays,
      migrationInProgress: job?.status === 'pending' || job?.status === 'running',
    },
    stats: {
      issues: { lifetime: await issues('0000-00-00'), last7Days, last30Days: await issues(since30) },
      catalog,
      salesLines: { last7Days: await lines(since7), last30Days: await lines(since30) },
    },
    migration: job ? await view(scope, job) : null,
  };
}
