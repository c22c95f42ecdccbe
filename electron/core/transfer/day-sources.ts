// Where a polled location's business day comes from. Each polled kind of sales source (Lightspeed,
// Sides) supplies one business day of one location, with whether the day is complete; the transfer,
// the migration and the nightly run ask this router, which sends each day to its location's source.
import type { SalesSourceKind } from '../../../shared/model/transfers';
import type { CompanyScope } from '../db/company';
import { DomainError } from '../domain-error';
import type { DayFetcher, SalesDay } from '../sources/sales-day';

/** Routes each day to the source its location belongs to (looked up once per location); a kind with no fetcher is not polled. */
export function daySources(scope: CompanyScope, fetchers: Partial<Record<SalesSourceKind, DayFetcher>>): DayFetcher {
  const kinds = new Map<string, SalesSourceKind>();
  const fetcherOf = async (day: SalesDay): Promise<DayFetcher> => {
    let kind = kinds.get(day.businessLocationId);
    if (kind === undefined) {
      const row = await scope.db
        .statement(`SELECT s.kind FROM locations l JOIN sales_sources s ON s.id = l.source_id WHERE l.company_id = ? AND l.business_location_id = ?`)
        .get(scope.companyId, day.businessLocationId) as { kind: SalesSourceKind } | undefined;
      if (!row || !fetchers[row.kind]) throw new DomainError('location_not_found', `No polled location has the id ${day.businessLocationId}.`);
      kinds.set(day.businessLocationId, (kind = row.kind));
    }
    return fetchers[kind] as DayFetcher;
  };
  // An answer is read after its request, which looked the location's source up.
  const fetcherOfRequested = (day: SalesDay): DayFetcher => {
    const kind = kinds.get(day.businessLocationId);
    if (kind === undefined) throw new Error(`The sales of ${day.businessLocationId} were read before they were requested.`);
    return fetchers[kind] as DayFetcher;
  };
  return {
    request: async (day) => (await fetcherOf(day)).request(day),
    read: (answer, day) => fetcherOfRequested(day).read(answer, day),
    totals: async (day) => {
      const fetcher = await fetcherOf(day);
      return fetcher.totals ? fetcher.totals(day) : Promise.resolve(null);
    },
  };
}
