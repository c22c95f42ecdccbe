import type { Engine } from '../../core/engine';
import { listItems, syncItems } from '../../core/items/item-sync';
import { deleteMapping, saveMapping } from '../../core/items/mappings';
import type { Handlers } from './handler-types';

type ItemChannel = 'items:list' | 'items:sync' | 'mappings:save' | 'mappings:delete';

/** POS items and their mappings, as the screens reach them. */
export function createItemHandlers(engine: Engine): Pick<Handlers, ItemChannel> {
  const { scope, events, platform } = engine;
  const { api } = engine.lightspeed;
  const now = () => platform.clock.now().toISOString();
  return {
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
