// Locations as every source's sync saves them (Lightspeed's business locations, Sides' stores, a CSV
// file's locations). A location its source no longer lists is kept and marked "not seen": its
// storage-unit link, its mappings' context and its transfer history must not vanish with a sync.
import { and, asc, eq, getTableColumns, ne, notInArray } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { locations, salesSources } from '../db/schema';
import type { LocationSyncResult } from '../../../shared/model/items';
import { DomainError } from '../domain-error';

export type Location = typeof locations.$inferSelect;

/** A polled source's location as its sync sees it; a time zone of null keeps the one Larder has (a new one gets Europe/Berlin, to be confirmed). */
export type SeenLocation = Omit<typeof locations.$inferInsert, 'companyId' | 'sourceId' | 'timezone'> & { timezone: string | null };

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/**
 * A polled source's locations as its last sync saw them (Lightspeed's business locations, Sides'
 * stores): added or updated by id; one the sync did not see is kept and marked not seen. Runs in the
 * caller's transaction.
 */
export async function savePolledLocations(scope: CompanyScope, sourceId: number, seen: SeenLocation[], at: string): Promise<LocationSyncResult> {
  return await scope.db.write(async () => {
    const before = new Set((await scope.db.many(scope.db.orm.select({ id: locations.businessLocationId }).from(locations).where(eq(locations.sourceId, sourceId)))).map((row) => row.id));
    for (const { timezone, ...location } of seen) {
      const set = timezone === null ? location : { ...location, timezone, timeZoneKnown: true };
      await scope.db.exec(scope.db.orm
        .insert(locations)
        .values({ companyId: scope.companyId, sourceId, timezone: timezone ?? DEFAULT_TIME_ZONE, timeZoneKnown: timezone !== null, ...location, lastSyncedAt: at })
        .onConflictDoUpdate({ target: [locations.companyId, locations.businessLocationId], set, setWhere: eq(locations.sourceId, sourceId) }));
    }
    const seenIds = seen.map((location) => location.businessLocationId);
    const missing = await scope.db.many(scope.db.orm
      .update(locations)
      .set({ seenInLastSync: false })
      .where(and(eq(locations.companyId, scope.companyId), eq(locations.sourceId, sourceId), seenIds.length ? notInArray(locations.businessLocationId, seenIds) : undefined))
      .returning({ id: locations.id }));
    return { locations: seen.length, added: seenIds.filter((blId) => !before.has(blId)).length, notSeen: missing.length };
  });
}

/**
 * The locations of polled sources (Lightspeed's business locations): the ones that are linked,
 * activated, migrated and transferred. A CSV file's locations are its profile's, and never polled.
 */
export async function listLocations(scope: CompanyScope, options: { withCsv?: boolean } = {}): Promise<Location[]> {
  return await scope.db.many(scope.db.orm
    .select(getTableColumns(locations))
    .from(locations)
    .innerJoin(salesSources, eq(salesSources.id, locations.sourceId))
    .where(and(eq(locations.companyId, scope.companyId), options.withCsv ? undefined : ne(salesSources.kind, 'csv')))
    .orderBy(asc(locations.name)));
}

/** Any source's location by its POS id (a CSV profile's too), or location_not_found. */
export async function requireAnyLocation(scope: CompanyScope, businessLocationId: string): Promise<Location> {
  const location = await scope.db.one(scope.db.orm
    .select()
    .from(locations)
    .where(and(eq(locations.companyId, scope.companyId), eq(locations.businessLocationId, businessLocationId.trim()))));
  if (!location) throw new DomainError('location_not_found', `No location has the id ${businessLocationId}.`);
  return location;
}

/** The company's currency: its first location's (a storage unit has none of its own); null without locations. */
export async function companyCurrency(scope: CompanyScope): Promise<string | null> {
  const row = await scope.db.statement('SELECT currency_code AS code FROM locations WHERE company_id = ? ORDER BY id LIMIT 1').get(scope.companyId) as { code: string } | undefined;
  return row?.code ?? null;
}

/**
 * The locations of a pushed source (a CSV profile's location values), created or updated to deduct
 * into the storage unit the profile names; answers their row ids by key. They are never polled, so
 * they are not activated and have no nightly run. CSV dates are business dates as the till wrote
 * them: the location keeps this computer's time zone; its currency is the profile's, else the company's.
 */
export async function ensureSourceLocations(
  scope: CompanyScope,
  source: { id: number; name: string },
  wanted: { key: string; businessLocationId: string; name: string; storageUnitId: number }[],
  at: string,
  currencyCode?: string | null,
): Promise<Map<string, number>> {
  const currency = currencyCode ?? await companyCurrency(scope) ?? 'EUR';
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const ids = new Map<string, number>();
  for (const location of wanted) {
    const values = { name: location.name, storageUnitId: location.storageUnitId, lastSyncedAt: at, seenInLastSync: true, ...(currencyCode ? { currencyCode } : {}) };
    const { id } = await scope.db.one(scope.db.orm
      .insert(locations)
      .values({
        companyId: scope.companyId,
        sourceId: source.id,
        businessLocationId: location.businessLocationId,
        country: '',
        timezone,
        currencyCode: currency,
        businessId: '',
        businessName: source.name,
        autoIssue: false,
        ...values,
      })
      .onConflictDoUpdate({ target: [locations.companyId, locations.businessLocationId], set: values, setWhere: eq(locations.sourceId, source.id) })
      .returning({ id: locations.id })) ?? { id: -1 };
    if (id < 0) throw new DomainError('invalid_input', `"${location.businessLocationId}" already names a location of another sales source.`);
    ids.set(location.key, id);
  }
  return ids;
}
