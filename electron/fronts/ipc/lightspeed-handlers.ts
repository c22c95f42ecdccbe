import type { DemoAccount } from '../../core/demo/demo-account';
import type { Engine } from '../../core/engine';
import { listItems, syncItems } from '../../core/items/item-sync';
import { configureLightspeed, viewConfiguration } from '../../core/lightspeed/configure';
import { linkStorageUnit, setAutoIssue } from '../../core/locations/location-config';
import { listLocations, syncLocations, type Location } from '../../core/locations/location-sync';
import { deleteMapping, saveMapping } from '../../core/items/mappings';
import { unlinkLocation } from '../../core/migration/migration';
import type { Handlers } from './handler-types';

type LightspeedChannel =
  | 'connection:status'
  | 'connection:configuration'
  | 'connection:configure'
  | 'connection:start'
  | 'connection:paste'
  | 'connection:test'
  | 'connection:disconnect'
  | 'locations:list'
  | 'locations:sync'
  | 'locations:link'
  | 'locations:auto-issue'
  | 'items:list'
  | 'items:sync'
  | 'mappings:save'
  | 'mappings:delete';

/** The connection, locations, items and mappings, as the screens reach them. */
export function createLightspeedHandlers(engine: Engine, demo: DemoAccount): Pick<Handlers, LightspeedChannel> {
  const { scope, events, platform } = engine;
  const { connection, api } = engine.lightspeed;
  const now = () => platform.clock.now().toISOString();
  const location = ({ companyId: _company, id: _id, businessId: _business, ...view }: Location) => view;
  return {
    'connection:status': () => connection.view(),
    'connection:configuration': () => viewConfiguration(engine),
    'connection:configure': async (input) => {
      // Saving a real client's settings leaves the demo account; what was mapped and posted stays.
      if (demo.inUse) await demo.leave();
      const view = configureLightspeed(engine, input);
      events.emit({ type: 'connection:changed' });
      return view;
    },
    'connection:start': async ({ reauthorize }) => {
      const started = await connection.start({ reauthorize });
      // The screen learns the outcome through the event; a failed sign-in shows as an unchanged status.
      void started.completion?.then(
        () => events.emit({ type: 'connection:changed' }),
        () => events.emit({ type: 'connection:changed' }),
      );
      // In the web host the screen already is the manager's browser: it opens the address in a new tab.
      const openedByApp = engine.runtime !== 'web';
      if (openedByApp) await platform.browser.open(started.authorizeUrl).catch(() => undefined);
      return { authorizeUrl: started.authorizeUrl, mode: started.mode, openedByApp };
    },
    'connection:paste': async ({ address }) => {
      const view = await connection.completeFromPastedAddress(address);
      events.emit({ type: 'connection:changed' });
      return view;
    },
    'connection:test': () => connection.test(),
    'connection:disconnect': () => {
      const view = connection.disconnect();
      events.emit({ type: 'connection:changed' });
      return view;
    },
    'locations:list': () => listLocations(scope).map(location),
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
    'items:list': ({ unmapped }) => listItems(scope, { unmapped }),
    'items:sync': async () => {
      const result = await syncItems(scope, api, now(), (done, total) => events.emit({ type: 'sync:progress', what: 'items', done, total }));
      events.emit({ type: 'lightspeed:changed', what: 'items' });
      return result;
    },
    'mappings:save': ({ posItemId, mappedObjectType, mappedObjectId, quantity, isSubtraction }) => {
      const target = mappedObjectType === 'recipe' ? { recipeId: mappedObjectId } : { ingredientId: mappedObjectId };
      const saved = saveMapping(scope, { posItemId, target, quantity, isSubtraction }, now());
      events.emit({ type: 'lightspeed:changed', what: 'mappings' });
      return saved;
    },
    'mappings:delete': ({ posItemId }) => {
      deleteMapping(scope, posItemId);
      events.emit({ type: 'lightspeed:changed', what: 'mappings' });
      return { done: true as const };
    },
  };
}
