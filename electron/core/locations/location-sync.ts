// Business locations from /f/data/businesses, flattened: each keeps its business's name and currency.
// A location Lightspeed no longer lists is kept and marked "not seen": its storage-unit link, its
// mappings' context and its transfer history must not vanish with a sync.
import { and, asc, eq, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import type { CompanyScope } from '../db/company';
import { isValidTimeZone } from './zoned-time';
import { locations } from '../db/schema';
import type { LightspeedApi } from '../lightspeed/api-client';
import { expectShape } from '../lightspeed/response-shape';
import type { LocationSyncResult } from '../../../shared/model/items';

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

const businessesResponse = z.object({
  _embedded: z
    .object({
      businessList: z.array(
        z.object({
          businessName: z.string(),
          businessId: id,
          currencyCode: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code'),
          businessLocations: z.array(
            z.object({
              blName: z.string().min(1),
              blID: id,
              country: z.string(),
              timezone: z.string().refine(isValidTimeZone, 'a known IANA time zone'),
            }),
          ),
        }),
      ),
    })
    .optional(),
});

export type Location = typeof locations.$inferSelect;

export async function syncLocations(scope: CompanyScope, api: LightspeedApi, at: string): Promise<LocationSyncResult> {
  const body = expectShape(businessesResponse, await api.get('/f/data/businesses', { page: 0, size: 1000 }), 'the business list');
  const seen = (body._embedded?.businessList ?? []).flatMap((business) =>
    business.businessLocations.map((location) => ({
      businessLocationId: location.blID,
      name: location.blName,
      country: location.country,
      timezone: location.timezone,
      currencyCode: business.currencyCode,
      businessId: business.businessId,
      businessName: business.businessName,
      lastSyncedAt: at,
      seenInLastSync: true,
    })),
  );
  return scope.db.write(() => {
    const before = new Set(listLocations(scope).map((location) => location.businessLocationId));
    for (const location of seen) {
      scope.db.orm
        .insert(locations)
        .values({ companyId: scope.companyId, ...location })
        .onConflictDoUpdate({ target: [locations.companyId, locations.businessLocationId], set: location })
        .run();
    }
    const seenIds = seen.map((location) => location.businessLocationId);
    const missing = scope.db.orm
      .update(locations)
      .set({ seenInLastSync: false })
      .where(and(eq(locations.companyId, scope.companyId), seenIds.length ? notInArray(locations.businessLocationId, seenIds) : undefined))
      .returning({ id: locations.id })
      .all();
    return { locations: seen.length, added: seenIds.filter((blId) => !before.has(blId)).length, notSeen: missing.length };
  });
}

export function listLocations(scope: CompanyScope): Location[] {
  return scope.db.orm.select().from(locations).where(eq(locations.companyId, scope.companyId)).orderBy(asc(locations.name)).all();
}
