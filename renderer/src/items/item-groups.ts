// The Items screen's rows: one per dish (a group of POS items sharing a SKU, a CSV code, or an exact
// name without one), with the places that sell it. A mapping belongs to the group, so one row is one
// decision however many businesses, locations or tills sell the dish.
import type { Item } from './items-store';

export interface ItemGroup {
  key: string;
  name: string;
  /** Other names the group's items carry (a dish renamed in one business). */
  otherNames: string[];
  /** The item saves and sheets address: the first by source and item id. */
  first: Item;
  items: Item[];
  sources: string[];
  locations: string[];
  sku: string | null;
  active: boolean;
  /** Lightspeed tracks no stock for it (its `disabled`); it sells and deducts here all the same. */
  stockUntracked: boolean;
  mapping: Item['mapping'];
  overrides: Item['overrides'];
  /** Mapped for the group, or overridden at every place that sells it: the engine's rule. */
  mapped: boolean;
}

export function groupItems(items: readonly Item[]): ItemGroup[] {
  const byKey = new Map<string, Item[]>();
  for (const item of items) {
    const members = byKey.get(item.groupKey);
    if (members) members.push(item);
    else byKey.set(item.groupKey, [item]);
  }
  return [...byKey.entries()].map(([key, members]) => {
    members.sort((a, b) => a.source.localeCompare(b.source) || a.itemId.localeCompare(b.itemId));
    const first = members[0] as Item;
    const locations = [...new Set(members.flatMap((item) => item.locations))].sort();
    const overridden = new Set(first.overrides.map((override) => override.location));
    return {
      key,
      name: first.name,
      otherNames: [...new Set(members.map((item) => item.name))].filter((name) => name !== first.name),
      first,
      items: members,
      sources: [...new Set(members.map((item) => item.source))],
      locations,
      sku: first.sku,
      active: members.some((item) => item.active),
      stockUntracked: members.some((item) => item.stockUntracked),
      mapping: first.mapping,
      overrides: first.overrides,
      mapped: first.mapping !== null || (locations.length > 0 && locations.every((location) => overridden.has(location))),
    };
  });
}

/** Accepting a suggestion: the group mapped to it, 1 per item sold (the rule for Accept). */
export function acceptedSuggestion(group: ItemGroup, suggestion: { kind: 'ingredient' | 'recipe'; id: number }) {
  return { posItemId: group.first.id, mappedObjectType: suggestion.kind, mappedObjectId: suggestion.id, quantity: '1', isSubtraction: false };
}
