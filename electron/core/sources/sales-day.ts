// How the engine asks a polled source for a business day: the day's key and the fetcher each source
// supplies. The day it answers is the neutral sales day of shared/model/sales-day.ts; the transfer,
// the migration and the nightly run only ever see that.
import type { FetchedDay } from '../../../shared/model/sales-day';

/** A location's business day to fetch. */
export interface SalesDay {
  businessLocationId: string;
  date: string;
}

/**
 * One source's days. `request` starts fetching a day and `read` makes its answer a FetchedDay, apart,
 * so a migration can fetch the next day while it stores this one and hold the answer as it came.
 */
export interface DayFetcher<A = unknown> {
  request(day: SalesDay): Promise<A>;
  read(answer: A, day: SalesDay): FetchedDay;
  /** The POS's own totals of the day per accounting group, where it keeps them (Lightspeed); absent, or null, where it does not. */
  totals?(day: SalesDay): Promise<GroupTotal[] | null>;
}

/** A POS's own total of a day for one accounting group: its signed line amount (decimal text) and how many lines. */
export interface GroupTotal {
  group: string;
  amount: string;
  lines: number;
}

/** A day fetched now: requested and read. */
export async function fetchDayFrom(fetcher: DayFetcher, day: SalesDay): Promise<FetchedDay> {
  return fetcher.read(await fetcher.request(day), day);
}
