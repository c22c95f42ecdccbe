// The neutral sales day: what every polled source (Lightspeed, Sides) hands the engine for one
// business day of one location, in Larder's shape and no POS's. Each source's adapter maps its own
// wire format onto it (lightspeed/lightspeed-days.ts, sides/sides-client.ts); the transfer, the
// migration and the nightly run only ever see this.
import type { ErrorCode } from '../../../shared/errors';

/** A location's business day to fetch. */
export interface SalesDay {
  businessLocationId: string;
  date: string;
}

/** A sold line: decimal texts as the POS wrote them; a negative quantity is a return. */
export interface FetchedLine {
  /** The POS's id of the line, unique within the sale. */
  id: string;
  /** The line this one modifies (a modifier's dish), or null. */
  parentLineId?: string | null;
  /** The POS's own item id, where the source names one: the first way a line is matched. */
  itemId?: string | null;
  sku: string | null;
  name?: string | null;
  quantity?: string | null;
  totalNetAmountWithoutTax?: string | null;
  totalNetAmountWithTax?: string | null;
}

/** A sale (a receipt, an order) with its lines. */
export interface FetchedSale {
  accountReference: string;
  receiptId?: string | null;
  /** The POS's sale type, upper case (SALE, CLOSED, …); VOID and cancelled sales deduct nothing. */
  type: string;
  cancelled?: boolean | null;
  timeClosed: string;
  salesLines: FetchedLine[];
}

export interface FetchedDay {
  sales: FetchedSale[];
  /** False while the POS has not closed the day: the nightly run comes back for it. */
  dataComplete: boolean;
  nextStartOfDay: string | null;
}

/**
 * One source's days. `request` starts fetching a day and `read` makes its answer a FetchedDay, apart,
 * so a migration can fetch the next day while it stores this one and hold the answer as it came.
 */
export interface DayFetcher<A = unknown> {
  request(day: SalesDay): Promise<A>;
  read(answer: A, day: SalesDay): FetchedDay;
}

/** What a polled source says about itself, so nothing outside its room switches on its kind. */
export interface PolledSourceFacts {
  /** The POS in words, as a sentence names it ("Lightspeed could not be reached …"). */
  words: string;
  /**
   * The code a migration stopped by this POS's outage ends with; the next nightly run resumes such a
   * job. It is the code the source's own temporary failures carry.
   */
  outageCode: ErrorCode;
}

/** A day fetched now: requested and read. */
export async function fetchDayFrom(fetcher: DayFetcher, day: SalesDay): Promise<FetchedDay> {
  return fetcher.read(await fetcher.request(day), day);
}
