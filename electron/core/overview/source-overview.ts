// The Sales sources page's cards: every source with its state in plain words, and what needs doing.
// Lightspeed's card exists even before the first connection (it is how one connects); a CSV source is
// its profile, with its uploads and the codes it sold that are not mapped yet.
import { itemMappedSql } from '../items/mappings';
import type { SalesSourceView } from '../../../shared/model/sources';
import { plural } from '../../../shared/words';
import { findConnection } from '../connection/connection-store';
import type { CompanyScope } from '../db/company';
import { parseCsvProfile } from '../csv/csv-profile';
import { LIGHTSPEED_SOURCE_NAME, listSalesSources } from '../sources/sales-sources';
import { SIDES_SOURCE_NAME } from '../sides/sides-connection';

interface SourceCounts {
  items: number;
  unmapped: number;
  locations: number;
  activated: number;
  uploads: number;
  lastUpload: string | null;
  lastRun: string | null;
}

function countsOf(scope: CompanyScope, sourceId: number): SourceCounts {
  return scope.db
    .statement(
      `SELECT (SELECT count(*) FROM pos_items WHERE source_id = @s) AS items,
              (SELECT count(*) FROM pos_items i WHERE i.source_id = @s AND NOT ${itemMappedSql('i')}) AS unmapped,
              (SELECT count(*) FROM locations WHERE source_id = @s) AS locations,
              (SELECT count(*) FROM locations WHERE source_id = @s AND activated_at IS NOT NULL) AS activated,
              (SELECT count(*) FROM csv_uploads WHERE source_id = @s AND status = 'posted') AS uploads,
              (SELECT max(uploaded_at) FROM csv_uploads WHERE source_id = @s AND status = 'posted') AS lastUpload,
              (SELECT max(last_run_at) FROM locations WHERE source_id = @s) AS lastRun`,
    )
    .get({ s: sourceId }) as SourceCounts;
}

const notConnected = (kind: 'lightspeed' | 'sides', name: string, summary: string): SalesSourceView => ({
  id: null,
  kind,
  name,
  health: 'not_connected',
  summary,
  attention: null,
  items: 0,
  unmappedItems: 0,
  locations: 0,
  lastActivityAt: null,
  profile: null,
});

export function listSourceViews(scope: CompanyScope): SalesSourceView[] {
  const sources = listSalesSources(scope);
  const views: SalesSourceView[] = [];
  const connection = findConnection(scope);
  // The POS integrations are listed before they are connected: their cards are how one connects.
  if (!sources.some((source) => source.kind === 'lightspeed')) {
    views.push(notConnected('lightspeed', LIGHTSPEED_SOURCE_NAME, connection?.status === 'active' ? 'Connected; locations not synced yet' : 'Not connected'));
  }
  if (!sources.some((source) => source.kind === 'sides')) views.push(notConnected('sides', SIDES_SOURCE_NAME, 'Not connected'));
  for (const source of sources) {
    const n = countsOf(scope, source.id);
    const unmapped = n.unmapped > 0 ? `${plural(n.unmapped, source.kind === 'csv' ? 'code' : 'item')} not mapped yet: they deduct nothing.` : null;
    if (source.kind === 'csv') {
      views.push({
        id: source.id,
        kind: 'csv',
        name: source.name,
        health: 'ready',
        summary: n.uploads === 0 ? 'No uploads yet' : `${plural(n.uploads, 'upload')} posted, the last on ${n.lastUpload?.slice(0, 10)}`,
        attention: unmapped,
        items: n.items,
        unmappedItems: n.unmapped,
        locations: n.locations,
        lastActivityAt: n.lastUpload,
        profile: parseCsvProfile(source.settings),
      });
      continue;
    }
    if (source.kind === 'sides') {
      const settings = source.settings as { username: string; lastCheckAt: string | null };
      views.push({
        id: source.id,
        kind: 'sides',
        name: source.name,
        health: 'ready',
        summary: `Signed in as ${settings.username} · ${plural(n.locations, 'store')}, ${n.activated} activated`,
        attention: unmapped,
        items: n.items,
        unmappedItems: n.unmapped,
        locations: n.locations,
        lastActivityAt: n.lastRun ?? settings.lastCheckAt,
        profile: null,
      });
      continue;
    }
    const status = connection?.status ?? 'disconnected';
    views.push({
      id: source.id,
      kind: source.kind,
      name: source.name,
      health: status === 'active' ? 'ready' : status === 'refresh_failed' ? 'failed' : 'not_connected',
      summary: `${status === 'active' ? 'Connected' : status === 'refresh_failed' ? 'Sign-in expired' : 'Not connected'} · ${plural(n.locations, 'location')}, ${n.activated} activated`,
      attention: status === 'refresh_failed' ? 'Sign in to Lightspeed again: nightly transfers stopped.' : unmapped,
      items: n.items,
      unmappedItems: n.unmapped,
      locations: n.locations,
      lastActivityAt: n.lastRun,
      profile: null,
    });
  }
  return views;
}
