import type { Engine } from '../../core/engine';
import type * as sidesContracts from '../../../shared/ipc/contracts/sides';
import type { ChannelsOf, Handlers } from './handler-types';

type SidesChannel = ChannelsOf<typeof sidesContracts>;

/** The Sides connection; its syncs change the locations and the POS catalog, and the screens hear of it. */
export function createSidesHandlers(engine: Engine): Pick<Handlers, SidesChannel> {
  const { sides, events } = engine;
  return {
    'sides:status': () => sides.view(),
    'sides:connect': async ({ apiUrl, username, password, update }) => {
      const view = await sides.connect({ apiUrl, username, password }, { update });
      events.emit({ type: 'sources:changed', what: 'sides' });
      return view;
    },
    'sides:test': async () => {
      const result = await sides.test();
      events.emit({ type: 'sources:changed', what: 'sides' });
      return result;
    },
    'sides:sync-stores': async () => {
      const result = await sides.syncStores();
      events.emit({ type: 'lightspeed:changed', what: 'locations' });
      events.emit({ type: 'sources:changed', what: 'sides' });
      return result;
    },
    'sides:sync-products': async () => {
      const result = await sides.syncProducts();
      events.emit({ type: 'lightspeed:changed', what: 'items' });
      events.emit({ type: 'sources:changed', what: 'sides' });
      return result;
    },
  };
}
