// A location's configuration: the storage unit its sales deduct from, and automatic issues on or off.
// (Activation starts the 90-day migration, so it lives with the migration.)
import { and, eq, getTableColumns, ne } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { locations, salesSources } from '../db/schema';
import { DomainError } from '../domain-error';
import { requireStorageUnit } from '../inventory/storage-units';
import { isValidTimeZone } from '../time/zoned-time';
import type { Location } from './location-sync';

/** A polled source's location (a CSV file's locations are not linked, activated or transferred here). */
export async function requireLocation(scope: CompanyScope, businessLocationId: string): Promise<Location> {
  const location = await scope.db.one(scope.db.orm
    .select(getTableColumns(locations))
    .from(locations)
    .innerJoin(salesSources, eq(salesSources.id, locations.sourceId))
    .where(and(eq(locations.companyId, scope.companyId), eq(locations.businessLocationId, businessLocationId.trim()), ne(salesSources.kind, 'csv'))));
  if (!location) throw new DomainError('location_not_found', `No synced location has the id ${businessLocationId}.`);
  return location;
}

export async function linkStorageUnit(scope: CompanyScope, businessLocationId: string, storageUnitId: number): Promise<Location> {
  return await scope.db.write(async () => {
    const location = await requireLocation(scope, businessLocationId);
    await requireStorageUnit(scope, storageUnitId);
    await scope.db.exec(scope.db.orm.update(locations).set({ storageUnitId }).where(eq(locations.id, location.id)));
    return await requireLocation(scope, businessLocationId);
  });
}

/** Unlinking also cancels a pending or running migration: it would have nowhere to deduct. */
export async function unlinkStorageUnit(scope: CompanyScope, businessLocationId: string, cancelMigration: (locationId: number) => Promise<unknown>): Promise<Location> {
  return await scope.db.write(async () => {
    const location = await requireLocation(scope, businessLocationId);
    await scope.db.exec(scope.db.orm.update(locations).set({ storageUnitId: null }).where(eq(locations.id, location.id)));
    await cancelMigration(location.id);
    return await requireLocation(scope, businessLocationId);
  });
}

export async function setAutoIssue(scope: CompanyScope, businessLocationId: string, on: boolean): Promise<Location> {
  return await scope.db.write(async () => {
    const location = await requireLocation(scope, businessLocationId);
    await scope.db.exec(scope.db.orm.update(locations).set({ autoIssue: on }).where(eq(locations.id, location.id)));
    return await requireLocation(scope, businessLocationId);
  });
}

/**
 * A location's time zone, which decides its business days. Sides does not always say one (Larder then
 * takes Europe/Berlin): the manager can correct it, and later syncs that name none keep it.
 */
export async function setTimeZone(scope: CompanyScope, businessLocationId: string, timezone: string): Promise<Location> {
  if (!isValidTimeZone(timezone.trim())) throw new DomainError('invalid_input', `"${timezone}" is not a time zone such as Europe/Vienna.`);
  return await scope.db.write(async () => {
    const location = await requireLocation(scope, businessLocationId);
    await scope.db.exec(scope.db.orm.update(locations).set({ timezone: timezone.trim(), timeZoneKnown: true }).where(eq(locations.id, location.id)));
    return await requireLocation(scope, businessLocationId);
  });
}

/** The tray's Pause / Resume all automatic issues. */
export async function setAutoIssueForAll(scope: CompanyScope, on: boolean): Promise<void> {
  await scope.db.write(() => scope.db.exec(scope.db.orm.update(locations).set({ autoIssue: on }).where(eq(locations.companyId, scope.companyId))));
}

/** When a transfer of this location last committed; runs inside that transfer's transaction. */
export async function recordTransferRun(scope: CompanyScope, locationRowId: number, at: string): Promise<void> {
  await scope.db.statement('UPDATE locations SET last_run_at = ? WHERE id = ?').run(at, locationRowId);
}

/** Activation is one-way: the moment is kept, and a second activation changes nothing. Runs in the caller's transaction. */
export async function markActivated(scope: CompanyScope, locationRowId: number, at: string): Promise<void> {
  await scope.db.statement('UPDATE locations SET activated_at = ? WHERE id = ? AND activated_at IS NULL').run(at, locationRowId);
}
