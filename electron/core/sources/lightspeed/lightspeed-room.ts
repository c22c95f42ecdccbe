// Lightspeed K-Series as the rest of core sees it: its words, its outage code, its card (which exists
// before the first connection: it is how one connects) and its checklist fact.
import { plural } from '../../../../shared/words';
import { notConnectedCard, type SourceRoom } from '../source-room';
import { LIGHTSPEED_SOURCE_NAME } from '../sales-sources';
import { findConnection } from './connection-store';

export const lightspeedRoom: SourceRoom = {
  kind: 'lightspeed',
  words: 'Lightspeed',
  outageCode: 'lightspeed_api_error',
  itemWord: 'item',
  connectedAs: async (scope) => ((await findConnection(scope))?.status === 'active' ? 'Connected to Lightspeed' : null),
  placeholder: async (scope) => notConnectedCard('lightspeed', LIGHTSPEED_SOURCE_NAME, (await findConnection(scope))?.status === 'active' ? 'Connected; locations not synced yet' : 'Not connected'),
  async card(scope, source, n, attention) {
    const status = (await findConnection(scope))?.status ?? 'disconnected';
    return {
      id: source.id,
      kind: 'lightspeed',
      name: source.name,
      health: status === 'active' ? 'ready' : status === 'refresh_failed' ? 'failed' : 'not_connected',
      summary: `${status === 'active' ? 'Connected' : status === 'refresh_failed' ? 'Sign-in expired' : 'Not connected'} · ${plural(n.locations, 'location')}, ${n.activated} activated`,
      attention: status === 'refresh_failed' ? 'Sign in to Lightspeed again: nightly transfers stopped.' : attention,
      items: n.items,
      unmappedItems: n.unmapped,
      locations: n.locations,
      lastActivityAt: n.lastRun,
      profile: null,
    };
  },
};
