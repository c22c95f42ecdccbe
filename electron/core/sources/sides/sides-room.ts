// Sides POS as the rest of core sees it: its words, its outage code, its card and its checklist fact.
import { plural } from '../../../../shared/words';
import { listSalesSources } from '../sales-sources';
import { notConnectedCard, type SourceRoom } from '../source-room';
import { SIDES_SOURCE_NAME } from './sides-connection';

export const sidesRoom: SourceRoom = {
  kind: 'sides',
  words: 'Sides',
  outageCode: 'sides_api_error',
  itemWord: 'item',
  connectedAs: async (scope) => ((await listSalesSources(scope, 'sides')).length > 0 ? 'Connected to Sides POS' : null),
  placeholder: async () => notConnectedCard('sides', SIDES_SOURCE_NAME, 'Not connected'),
  async card(_scope, source, n, attention) {
    const settings = source.settings as { username: string; lastCheckAt: string | null };
    return {
      id: source.id,
      kind: 'sides',
      name: source.name,
      health: 'ready',
      summary: `Signed in as ${settings.username} · ${plural(n.locations, 'store')}, ${n.activated} activated`,
      attention,
      items: n.items,
      unmappedItems: n.unmapped,
      locations: n.locations,
      lastActivityAt: n.lastRun ?? settings.lastCheckAt,
      profile: null,
    };
  },
};
