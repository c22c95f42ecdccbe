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
  const kinds = () => new Map(listSalesSources(scope).map((source) => [source.id, source.kind]));
  const location = ({ companyId: _company, id: _id, businessId: _business, ...view }: Location, kindOf = kinds()) => ({
    ...view,
    sourceKind: kindOf.get(view.sourceId) as SalesSourceKind,
  });
  return {
    'locations:list': ({ withCsv }) => {
      const kindOf = kinds();
      return listLocations(scope, { withCsv }).map((row) => location(row, kindOf));
    },
    'locations:sync': async () => {
      const result = await syncLocations(scope, api, now());
      events.emit({ type: 'lightspeed:changed', what: 'locations' });
      return result;
    },
    'locations:link': ({ businessLocationId, storageUnitId }) => {
      const linked =
        storageUnitId === null
          ? unlinkLocation(scope, businessLocationId, platform.clock)
          : linkStorageUnit(scope, businessLocationId, storageUnitId);
      events.emit({ type: 'lightspeed:changed', what: 'locations' });
      return location(linked);
    },
    'locations:auto-issue': ({ businessLocationId, on }) => {
      const changed = setAutoIssue(scope, businessLocationId, on);
      events.emit({ type: 'lightspeed:changed', what: 'locations' });
      return location(changed);
    },
    'locations:time-zone': ({ businessLocationId, timezone }) => {
      const changed = setTimeZone(scope, businessLocationId, timezone);
      events.emit({ type: 'lightspeed:changed', what: 'locations' });
      return location(changed);
    },
    'locations:compare-transactions': ({ businessLocationId, file, dayStarts }) =>
      compareTransactions(scope, businessLocationId, fileOf(file).content, engine.transfers.salesRules(), dayStarts),
    'locations:overview': ({ businessLocationId }) => {
      const { location: _location, ...overview } = locationOverview(scope, businessLocationId, platform.clock);
      return overview;
    },
  };
}
