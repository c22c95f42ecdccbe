// Where a polled location's business day comes from. Each polled kind of sales source (Lightspeed,
// Sides) supplies one business day of one location, with whether the day is complete; the transfer,
// the migration and the nightly run ask this router, which sends each day to its location's source.
import type { SalesSourceKind } from '../../../shared/model/transfers';
import type { CompanyScope } from '../db/company';
import { DomainError } from '../domain-error';
import { lightspeedFacts } from '../lightspeed/lightspeed-facts';
import { sidesFacts } from '../sides/sides-facts';
import type { DayFetcher, PolledSourceFacts, SalesDay } from '../sources/sales-day';

export type PolledKind = Exclude<SalesSourceKind, 'csv'>;

/** Each polled source's facts, by kind: a new polled source registers here. */
export const POLLED_SOURCES: Record<PolledKind, PolledSourceFacts> = { lightspeed: lightspeedFacts, sides: sidesFacts };

/** Routes each day to the source its location belongs to (looked up once per location). */
export function daySources(scope: CompanyScope, fetchers: Record<PolledKind, DayFetcher>): DayFetcher {
  const kinds = new Map<string, PolledKind>();
  const fetcherOf = (day: SalesDay): DayFetcher => {
    let kind = kinds.get(day.businessLocationId);
    if (kind === undefined) {
      const row = scope.db
        .statement(`SELECT s.kind FROM locations l JOIN sales_sources s ON s.id = l.source_id WHERE l.company_id = ? AND l.business_location_id = ?`)
        .get(scope.companyId, day.businessLocationId) as { kind: SalesSourceKind } | undefined;
      if (!row || row.kind === 'csv') throw new DomainError('location_not_found', `No polled location has the id ${day.businessLocationId}.`);
      kinds.set(day.businessLocationId, (kind = row.kind));
    }
    return fetchers[kind];
  };
  return {
    request: (day) => fetcherOf(day).request(day),
    read: (answer, day) => fetcherOf(day).read(answer, day),
  };
}
