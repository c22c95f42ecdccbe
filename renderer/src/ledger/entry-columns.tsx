import { Anchor } from '@mantine/core';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { formatMoney, formatQuantity } from '../ui/format';
import type { Column } from '../ui/VirtualTable';

type Entry = ContractOutput<Contracts['ledger:list']>[number];

/** A ledger entry's columns, wherever entries are listed (the Ledger, a transfer log): an ISSUE links to its log and names its sales line. */
export const entryColumns = (locationName: (id: string | null) => string, go: (section: 'logs', detail: string) => void): Column<Entry>[] => [
  { header: 'Date', width: '0.9fr', cell: (entry) => entry.date },
  { header: 'Type', width: '0.8fr', cell: (entry) => entry.type },
  { header: 'Ingredient', width: '1.3fr', cell: (entry) => entry.ingredient },
  { header: 'Storage unit', width: '1fr', cell: (entry) => entry.storageUnit },
  { header: 'Location', width: '1.1fr', cell: (entry) => locationName(entry.businessLocationId) },
  { header: 'Quantity', width: '1fr', align: 'right', cell: (entry) => `${formatQuantity(entry.quantity)} ${entry.unit}` },
  { header: 'Unit cost', width: '0.8fr', align: 'right', cell: (entry) => formatMoney(entry.unitCost) },
  { header: 'Value', width: '0.8fr', align: 'right', cell: (entry) => formatMoney(entry.value) },
  {
    header: 'Source',
    width: '1.6fr',
    cell: (entry) =>
      entry.transferLogId ? (
        <Anchor component="button" type="button" size="sm" onClick={() => go('logs', String(entry.transferLogId))}>
          Log {entry.transferLogId}, sales line {entry.salesLineId}
        </Anchor>
      ) : (
        (entry.reference ?? 'Receipt')
      ),
  },
];
