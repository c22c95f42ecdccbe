// What the tray shows, read from the local database: the connection, open alerts, and per activated
// location the last business day transferred and recent failures.
import { addDays, dateInZone } from '../time/zoned-time';
import { listOpenAlerts } from '../alerts/alerts';
import { findConnection } from '../sources/lightspeed/connection-store';
import type { Engine } from '../engine';
import { listLocations } from '../locations/location-sync';
import { inOrder } from '../in-order';

export interface DesktopLocationStatus {
  businessLocationId: string;
  name: string;
  lastDayTransferred: string | null;
  recentFailures: number;
  autoIssue: boolean;
}

export interface DesktopStatus {
  connection: 'active' | 'disconnected' | 'refresh_failed' | 'not_connected';
  openAlerts: number;
  locations: DesktopLocationStatus[];
}

export async function desktopStatus(engine: Engine): Promise<DesktopStatus> {
  const { scope } = engine;
  const lastDay = scope.db.statement(`SELECT max(report_date) AS day FROM transfer_logs WHERE location_id = ? AND status = 'success'`);
  const failures = scope.db.statement(
    `SELECT count(DISTINCT report_date) AS n FROM transfer_logs t WHERE location_id = ? AND report_date >= ? AND status = 'failed'
       AND NOT EXISTS (SELECT 1 FROM transfer_logs s WHERE s.location_id = t.location_id AND s.report_date = t.report_date AND s.status = 'success' AND s.id > t.id)`,
  );
  return {
    connection: (await findConnection(scope))?.status ?? 'not_connected',
    openAlerts: (await listOpenAlerts(scope)).length,
    locations: await inOrder(
      (await listLocations(scope)).filter((location) => location.activatedAt !== null),
      async (location) => ({
        businessLocationId: location.businessLocationId,
        name: location.name,
        lastDayTransferred: (await lastDay.get(location.id) as { day: string | null }).day,
        recentFailures: (await failures.get(location.id, addDays(dateInZone(engine.platform.clock.now(), location.timezone), -7)) as { n: number }).n,
        autoIssue: location.autoIssue,
      })),
  };
}
