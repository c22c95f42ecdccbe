// Lightspeed's locations and items, synced: /f/data/businesses flattened (each location keeps its
// business's name and currency), and /items/v1/items of every location Lightspeed still lists, paged
// with offset/amount until a short page, every page read before anything is written; both handed to
// the neutral saves of locations/ and items/, as Sides' are.
import { z } from 'zod';
import type { CompanyScope } from '../../db/company';
import { Decimal, MONEY_SCALE, roundToScale, toScaled } from '../../decimal/decimal';
import { DomainError } from '../../domain-error';
import { savePolledItems } from '../../items/item-sync';
import { listLocations, savePolledLocations, type Location } from '../../locations/location-sync';
import { lightspeedSource } from '../sales-sources';
import { isValidTimeZone } from '../../time/zoned-time';
import type { ItemSyncResult, LocationSyncResult } from '../../../../shared/model/items';
import type { LightspeedApi } from './api-client';
import { LightspeedError } from './lightspeed-http';
import { expectShape } from './response-shape';

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

const businessesResponse = z.object({
  _embedded: z
    .object({
      businessList: z.array(
        z.object({
          businessName: z.string(),
          businessId: id,
          currencyCode: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code'),
          businessLocations: z.array(
            z.object({
              blName: z.string().min(1),
              blID: id,
              // Neither is required by the contract: a location without them syncs, and asks for its zone before
              // activation. A zone that is there but unknown is refused: the business days would be wrong.
              country: z.string().nullish(),
              timezone: z.string().refine(isValidTimeZone, 'a known IANA time zone').nullish(),
            }),
          ),
        }),
      ),
    })
    .optional(),
});

export async function syncLocations(scope: CompanyScope, api: LightspeedApi, at: string): Promise<LocationSyncResult> {
  const body = expectShape(businessesResponse, await api.get('/f/data/businesses', { page: 0, size: 1000 }), 'the business list');
  const seen = (body._embedded?.businessList ?? []).flatMap((business) =>
    business.businessLocations.map((location) => ({
      businessLocationId: location.blID,
      name: location.blName,
      country: location.country ?? '',
      timezone: location.timezone ?? null,
      currencyCode: business.currencyCode,
      businessId: business.businessId,
      businessName: business.businessName,
      lastSyncedAt: at,
      seenInLastSync: true,
    })),
  );
  return await scope.db.write(async () => savePolledLocations(scope, (await lightspeedSource(scope, at)).id, seen, at));
}

const PAGE_SIZE = 100;
const MAX_PAGES = 2_000;

const priceLike = z.union([z.number(), z.string()]).nullish();
const item = z.object({
  id: z.union([z.number().int(), z.string().min(1)]).transform(String),
  name: z.string().min(1),
  sku: z.union([z.string(), z.number()]).nullish().transform((value) => (value === null || value === undefined || value === '' ? null : String(value))),
  active: z.boolean().optional(),
  disabled: z.boolean().optional(),
  prices: z.array(z.object({ amount: priceLike, value: priceLike, price: priceLike }).passthrough()).nullish(),
  price: priceLike,
  costPrice: priceLike,
});
type LightspeedItem = z.output<typeof item>;

/** Clients in the wild meet a bare array, {"items": [...]} and a single object; all three are one list here. */
const itemsPage = z.union([z.array(item), z.object({ items: z.array(item) }).transform((page) => page.items), item.transform((one) => [one])]);

function usable(value: number | string | null | undefined): Decimal | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return roundToScale(new Decimal(text), MONEY_SCALE);
}

/** The first usable of prices[].amount, prices[].value, prices[].price, price, costPrice (the seed's order). */
export function itemPrice(source: LightspeedItem): Decimal | null {
  const prices = source.prices ?? [];
  const candidates = [...prices.map((p) => p.amount), ...prices.map((p) => p.value), ...prices.map((p) => p.price), source.price, source.costPrice];
  for (const candidate of candidates) {
    const price = usable(candidate);
    if (price) return price;
  }
  return null;
}

async function fetchItems(api: LightspeedApi, location: Location): Promise<LightspeedItem[]> {
  const all: LightspeedItem[] = [];
  let previous = '';
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await api.get('/items/v1/items', { businessLocationId: location.businessLocationId, offset: page * PAGE_SIZE, amount: PAGE_SIZE });
    const items = expectShape(itemsPage, body, `the items of ${location.name}`);
    const signature = items.map((one) => one.id).join(',');
    // A server that ignores the offset would otherwise be paged forever.
    if (items.length > 0 && signature === previous) {
      throw new LightspeedError('lightspeed_api_error', `Lightspeed returned the same page of items twice for ${location.name}; nothing was saved.`, 200, false);
    }
    previous = signature;
    all.push(...items);
    if (items.length < PAGE_SIZE) return all;
  }
  throw new LightspeedError('lightspeed_api_error', `More than ${MAX_PAGES} pages of items for ${location.name}; nothing was saved.`, 200, false);
}

export async function syncItems(scope: CompanyScope, api: LightspeedApi, at: string, onProgress?: (done: number, total: number) => void): Promise<ItemSyncResult> {
  const sourceId = (await lightspeedSource(scope, at)).id;
  const synced = (await listLocations(scope)).filter((location) => location.seenInLastSync && location.sourceId === sourceId);
  if (synced.length === 0) throw new DomainError('no_locations', 'No Lightspeed locations are synced yet; sync locations first.');
  const byId = new Map<string, { source: LightspeedItem; locationIds: number[] }>();
  for (const [index, location] of synced.entries()) {
    for (const source of await fetchItems(api, location)) {
      const entry = byId.get(source.id) ?? { source, locationIds: [] };
      if (!entry.locationIds.includes(location.id)) entry.locationIds.push(location.id);
      byId.set(source.id, entry);
    }
    onProgress?.(index + 1, synced.length);
  }
  const items = [...byId.values()].map(({ source, locationIds }) => {
    const price = itemPrice(source);
    return {
      itemId: source.id,
      name: source.name,
      sku: source.sku,
      // `active: false` is archived from the menu; `disabled` only means stock management is off in Lightspeed.
      active: source.active ?? true,
      stockUntracked: source.disabled === true,
      price: price === null ? null : toScaled(price, MONEY_SCALE, 'invalid_value', 'Price'),
      locationIds,
    };
  });
  await savePolledItems(scope, sourceId, items, synced.map((location) => location.id), at);
  return { items: byId.size, locations: synced.length };
}

