// What a sales source's room tells the rest of core about itself — its words, its outage code, how
// it shows on the Sales sources page and in the setup checklist — so nothing outside its folder
// switches on its kind. Each room (sources/<kind>/<kind>-room.ts) implements this; source-rooms.ts
// registers them.
import type { ErrorCode } from '../../../shared/errors';
import type { SalesSourceView } from '../../../shared/model/sources';
import type { SalesSourceKind } from '../../../shared/model/transfers';
import type { CompanyScope } from '../db/company';
import type { SalesSource } from './sales-sources';

/** What every source's card counts, the same way for each kind. */
export interface SourceCounts {
  items: number;
  unmapped: number;
  locations: number;
  activated: number;
  /** The last transfer of any of its locations. */
  lastRun: string | null;
}

export interface SourceRoom {
  readonly kind: SalesSourceKind;
  /** The source in words, as a sentence names it ("Sides could not be reached …"). */
  readonly words: string;
  /**
   * A polled source's code for its own outage: a migration it stopped ends with it and the next nightly
   * run resumes such a job. Null for a source that is read from files.
   */
  readonly outageCode: ErrorCode | null;
  /** What its items are called in "3 … not mapped yet" ("item", a file's "code"). */
  readonly itemWord: string;
  /** The Home checklist's "Connect your POS": how this source is connected, in words, or null. */
  connectedAs(scope: CompanyScope): Promise<string | null>;
  /** Its card on the Sales sources page, for a saved source of its kind. */
  card(scope: CompanyScope, source: SalesSource, counts: SourceCounts, attention: string | null): Promise<SalesSourceView>;
  /** The card shown while no source of its kind is saved (it is how one connects), or null for none. */
  placeholder(scope: CompanyScope): Promise<SalesSourceView | null>;
}

/** A card for a source not connected yet: nothing to count. */
export function notConnectedCard(kind: SalesSourceKind, name: string, summary: string): SalesSourceView {
  return { id: null, kind, name, health: 'not_connected', summary, attention: null, items: 0, unmappedItems: 0, locations: 0, lastActivityAt: null, profile: null };
}
