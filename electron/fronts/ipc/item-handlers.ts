import { DomainError } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import { formatScaled, MONEY_SCALE, QUANTITY_SCALE } from '../../core/decimal/decimal';
import { confirmRename, openRenames } from '../../core/items/item-renames';
import { itemNames, listItems } from '../../core/items/item-sync';
import { activatedCoverage, rankUnmapped } from '../../core/items/mapping-coverage';
import { deleteMapping, linkItems, saveMapping, saveMappings, unlinkItem, type MappingInput } from '../../core/items/mappings';
import { suggester } from '../../core/items/suggestions';
import { companyCurrency } from '../../core/locations/location-sync';
import { reprocess, reprocessPreview } from '../../core/transfer/reprocess';
import type * as itemsContracts from '../../../shared/ipc/contracts/items';
import type { ChannelsOf, Handlers } from './handler-types';
import { syncItems } from '../../core/sources/lightspeed/lightspeed-sync';

type ItemChannel = ChannelsOf<typeof itemsContracts>;

type MappingRequest = { posItemId: number; mappedObjectType: 'ingredient' | 'recipe'; mappedObjectId: number; quantity: string; isSubtraction: boolean; location?: string | undefined };

const mappingInput = ({ posItemId, mappedObjectType, mappedObjectId, quantity, isSubtraction, location }: MappingRequest): MappingInput => ({
  posItemId,
  target: mappedObjectType === 'recipe' ? { recipeId: mappedObjectId } : { ingredientId: mappedObjectId },
  quantity,
  isSubtraction,
  location,
});

/** POS items, their mappings, the work list and past days reprocessed, as the screens reach them. */
export function createItemHandlers(engine: Engine): Pick<Handlers, ItemChannel> {
  const { scope, events, platform } = engine;
  const { api } = engine.lightspeed;
  const now = () => platform.clock.now().toISOString();
  const mappingsChanged = () => events.emit({ type: 'lightspeed:changed', what: 'mappings' });
  // One reprocess at a time: the manager's Cancel stops the one running.
  let running: AbortController | null = null;
  return {
    'items:list': ({ unmapped }) => listItems(scope, { unmapped }),
    'items:sync': async () => {
      const result = await syncItems(scope, api, now(), (done, total) => events.emit({ type: 'sync:progress', what: 'items', done, total }));
      events.emit({ type: 'lightspeed:changed', what: 'items' });
      return result;
    },
    'mappings:save': async (request) => {
      const saved = await saveMapping(scope, mappingInput(request), now());
      mappingsChanged();
      return saved;
    },
    'mappings:save-many': async ({ mappings }) => {
      const saved = await saveMappings(scope, mappings.map(mappingInput), now());
      mappingsChanged();
      return { saved: saved.length };
    },
    'mappings:delete': async ({ posItemId, location }) => {
      await deleteMapping(scope, posItemId, location);
      mappingsChanged();
      return { done: true as const };
    },
    'items:link': async ({ posItemId, otherIds }) => {
      const mapping = await linkItems(scope, posItemId, otherIds);
      mappingsChanged();
      return { mapping };
    },
    'items:unlink': async ({ posItemId }) => {
      const mapping = await unlinkItem(scope, posItemId);
      mappingsChanged();
      return { mapping };
    },
    'items:work-list': async () => ({
      rows: (await rankUnmapped(scope, platform.clock)).map((rank) => ({
        posItemId: rank.posItemId,
        unitsSold30d: formatScaled(rank.units, QUANTITY_SCALE),
        netSales30d: formatScaled(rank.value, MONEY_SCALE),
      })),
      currencyCode: await companyCurrency(scope),
    }),
    'items:suggest': async ({ posItemIds }) => {
      const names = await itemNames(scope, posItemIds);
      const suggest = await suggester(scope);
      return posItemIds.filter((id) => names.has(id)).map((posItemId) => ({ posItemId, suggestions: suggest(names.get(posItemId) as string) }));
    },
    'items:coverage': () => activatedCoverage(scope, platform.clock),
    'items:renames': () => openRenames(scope),
    'items:confirm-rename': async ({ id }) => {
      await confirmRename(scope, id, now());
      mappingsChanged();
      return { done: true as const };
    },
    'reprocess:preview': ({ businessLocationId, from, to }) => reprocessPreview(engine.transfers, businessLocationId, from, to),
    'reprocess:run': async ({ businessLocationId, from, to }) => {
      if (running) throw new DomainError('reprocess_running', 'Days are being reprocessed already; wait for that run or cancel it.');
      const controller = (running = new AbortController());
      try {
        const results = await reprocess(engine.transfers, businessLocationId, from, to, { signal: controller.signal });
        return { days: results.map((result) => ({ date: result.date, success: result.success })), cancelled: controller.signal.aborted };
      } finally {
        running = null;
      }
    },
    'reprocess:cancel': () => {
      running?.abort();
      return { cancelled: running !== null };
    },
  };
}
