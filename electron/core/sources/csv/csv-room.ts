// CSV upload as the rest of core sees it: a source is its profile, read from files (no outage, no
// card before a profile exists), with its uploads and the codes it sold that are not mapped yet.
import { plural } from '../../../../shared/words';
import type { SourceRoom } from '../source-room';
import { parseCsvProfile } from './csv-profile';

export const csvRoom: SourceRoom = {
  kind: 'csv',
  words: 'The CSV upload',
  outageCode: null,
  itemWord: 'code',
  connectedAs: async () => null,
  placeholder: async () => null,
  async card(scope, source, n, attention) {
    const uploads = await scope.db
      .statement(`SELECT count(*) AS count, max(uploaded_at) AS last FROM csv_uploads WHERE source_id = ? AND status = 'posted'`)
      .get(source.id) as { count: number; last: string | null };
    return {
      id: source.id,
      kind: 'csv',
      name: source.name,
      health: 'ready',
      summary: uploads.count === 0 ? 'No uploads yet' : `${plural(uploads.count, 'upload')} posted, the last on ${uploads.last?.slice(0, 10)}`,
      attention,
      items: n.items,
      unmappedItems: n.unmapped,
      locations: n.locations,
      lastActivityAt: uploads.last,
      profile: parseCsvProfile(source.settings),
    };
  },
};
