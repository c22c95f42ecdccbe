import type { Engine } from '../../core/engine';
import { linkStorageUnit, setAutoIssue, setTimeZone } from '../../core/locations/location-config';
import { listLocations, type Location } from '../../core/locations/location-sync';
import { unlinkLocation } from '../../core/migration/migration';
import { locationOverview } from '../../core/overview/location-overview';
import type * as locationsContracts from '../../../shared/ipc/contracts/locations';
import type { ChannelsOf, Handlers } from './handler-types';
import { syncLocations } from '../../core/sources/lightspeed/lightspeed-sync';
import { compareTransactions } from '../../core/sources/lightspeed/transactions-compare';
import { fileOf } from './ipc-files';
import { listSalesSources } from '../../core/sources/sales-sources';
import type { SalesSourceKind } from '../../../shared/model/transfers';

type LocationChannel = ChannelsOf<typeof locationsContracts>;

/** POS locations: the list, the sync, the storage unit link, automatic issue and the overview. */
export function createLocationHandlers(engine: Engine): Pick<Handlers, LocationChannel> {
  const { scope, events, platform } = engine;
  const { api } = engine.lightspeed;
  const now = () => platform.clock.now().toISOString();
  // The screens never see our row ids or the company; they see which kind of source a location is of
  // (the company's sources read once for a whole list).
  const kinds = async () => new Map((await listSalesSources(scope)).map((source) => [source.id, source.kind]));
  const location = ({ companyId: _company, id: _id, businessId: _business, ...view }: Location, kindOf: Map<number, SalesSourceKind>) => ({
    ...view,
    sourceKind: kindOf.get(view.sourceId) as SalesSourceKind,
  });
  return {
    'locations:list': async ({ withCsv }) => {
      const kindOf = await kinds();
      return (await listLocations(scope, { withCsv })).map((row) => location(row, kindOf));
    },
    'locations:sync': async () => {
      const result = await syncLocations(scope, api, now());
      events.emit({ type: 'lightspeed:changed', what: 'locations' });
      return result;
    },
    'locations:link': async ({ businessLocationId, storageUnitId }) => {
      const linked =
        storageUnitId === null
          ? await unlinkLocation(scope, businessLocationId, platform.clock)
          : await linkStorageUnit(scope, businessLocationId, storageUnitId);
      events.emit({ type: 'lightspeed:changed', what: 'locations' });
      return location(linked, await kinds());
    },
    'locations:auto-issue': async ({ businessLocationId, on }) => {
      const changed = await setAutoIssue(scope, businessLocationId, on);
      events.emit({ type: 'lightspeed:changed', what: 'locations' });
      return location(changed, await kinds());
    },
    'locations:time-zone': async ({ businessLocationId, timezone }) => {
      const changed = await setTimeZone(scope, businessLocationId, timezone);
      events.emit({ type: 'lightspeed:changed', what: 'locations' });
      return location(changed, await kinds());
    },
    'locations:compare-transactions': ({ businessLocationId, file, dayStarts }) =>
      compareTransactions(scope, businessLocationId, fileOf(file).content, engine.transfers.salesRules(), dayStarts),
    'locations:overview': async ({ businessLocationId }) => {
      const { location: _location, ...overview } = await locationOverview(scope, businessLocationId, platform.clock);
      return overview;
    },
  };
}
