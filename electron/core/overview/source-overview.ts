// The Sales sources page's cards: every source with its state in plain words, and what needs doing.
// The counts are the same for every kind; each source's room words its own card.
import { itemMappedSql } from '../items/mappings';
import type { SalesSourceView } from '../../../shared/model/sources';
import { plural } from '../../../shared/words';
import type { CompanyScope } from '../db/company';
import { listSalesSources } from '../sources/sales-sources';
import type { SourceCounts } from '../sources/source-room';
import { SOURCE_ROOMS, sourceRooms } from '../sources/source-rooms';
import { inOrder } from '../in-order';

async function countsOf(scope: CompanyScope, sourceId: number): Promise<SourceCounts> {
  return await scope.db
    .statement(
      `SELECT (SELECT count(*) FROM pos_items WHERE source_id = @s) AS items,
              (SELECT count(*) FROM pos_items i WHERE i.source_id = @s AND NOT ${itemMappedSql('i')}) AS unmapped,
              (SELECT count(*) FROM locations WHERE source_id = @s) AS locations,
              (SELECT count(*) FROM locations WHERE source_id = @s AND activated_at IS NOT NULL) AS activated,
              (SELECT max(last_run_at) FROM locations WHERE source_id = @s) AS lastRun`,
    )
    .get({ s: sourceId }) as SourceCounts;
}

export async function listSourceViews(scope: CompanyScope): Promise<SalesSourceView[]> {
  const sources = await listSalesSources(scope);
  // A POS integration is listed before it is connected: its card is how one connects.
  const placeholders = await inOrder(
    sourceRooms.filter((room) => !sources.some((source) => source.kind === room.kind)),
    (room) => room.placeholder(scope),
  );
  const cards = await inOrder(sources, async (source) => {
    const room = SOURCE_ROOMS[source.kind];
    const n = await countsOf(scope, source.id);
    return await room.card(scope, source, n, n.unmapped > 0 ? `${plural(n.unmapped, room.itemWord)} not mapped yet: they deduct nothing.` : null);
  });
  return [...placeholders.filter((card) => card !== null), ...cards];
}
