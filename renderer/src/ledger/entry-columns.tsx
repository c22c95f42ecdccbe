import { Anchor, Group } from '@mantine/core';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { formatAtUnit, formatDay, formatInstant, formatMoney, formatUnitCost } from '../ui/format';
import type { Column } from '../ui/VirtualTable';
import { ENTRY_TYPE_WORDS } from './entry-types';

type Entry = ContractOutput<Contracts['ledger:list']>[number];

/**
 * A ledger entry's columns, wherever entries are listed (the Ledger, a transfer log): an ISSUE opens
 * the sales lines it adds up and, where `go` is given (not on the log's own page), links to the
 * transfer that posted it.
 */
export const entryColumns = (
  locationName: (id: string | null) => string,
  go: ((section: 'logs', detail: string) => void) | null,
  showLines: (entryId: number) => void,
  currency: string | null,
): Column<Entry>[] => [
  { header: 'Date', width: '0.9fr', cell: (entry) => formatDay(entry.date) },
  { header: 'Type', width: '0.8fr', cell: (entry) => ENTRY_TYPE_WORDS[entry.type] },
  { header: 'Ingredient', width: '1.3fr', cell: (entry) => entry.ingredient },
  { header: 'Storage unit', width: '1fr', cell: (entry) => entry.storageUnit },
  { header: 'Location', width: '1.1fr', cell: (entry) => locationName(entry.businessLocationId) },
  { header: 'Quantity', width: '1fr', align: 'right', cell: (entry) => `${formatAtUnit(entry.quantity, entry.unit)}` },
  { header: 'Unit cost', width: '0.8fr', align: 'right', cell: (entry) => formatUnitCost(entry.unitCost, currency) },
  { header: 'Value', width: '0.8fr', align: 'right', cell: (entry) => formatMoney(entry.value, currency) },
  {
    header: 'Source',
    width: '1.6fr',
    cell: (entry) =>
      entry.transferLogId ? (
        <Group gap="xs" wrap="nowrap">
          <Anchor component="button" type="button" size="sm" onClick={() => showLines(entry.id)}>
            {(entry.salesLines ?? 0).toLocaleString()} sales {entry.salesLines === 1 ? 'line' : 'lines'}
          </Anchor>
          {go ? (
            <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => go('logs', String(entry.transferLogId))}>
              transfer log
            </Anchor>
          ) : null}
        </Group>
      ) : (
        originWords(entry)
      ),
  },
];

/** A hand-kept entry's source in words: what was counted, wasted or moved, or the receipt's reference. */
function originWords(entry: Entry): string {
  const { origin } = entry;
  if (!origin) return entry.reference ? `Receipt ${entry.reference}` : 'Receipt';
  const words = origin.kind === 'count' ? `Count of ${formatInstant(origin.at)}` : origin.kind === 'waste' ? `Waste: ${origin.reason}` : `Move ${origin.direction} ${origin.storageUnit}`;
  return origin.undo ? `Undo of ${words.charAt(0).toLowerCase()}${words.slice(1)}` : words;
}
