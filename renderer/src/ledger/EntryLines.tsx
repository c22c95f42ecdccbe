import { Modal, Stack, Text } from '@mantine/core';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatDay, formatMoney, formatQuantity } from '../ui/format';
import { useCurrency } from '../ui/use-currency';
import { anyOf, useLive } from '../ui/use-live';
import { VirtualTable, type Column } from '../ui/VirtualTable';

type Line = ContractOutput<Contracts['ledger:lines']>['lines'][number];

const linesMoved = anyOf('transfer:finished', 'migration:progress');

/**
 * The sales lines behind one day's ISSUE: what each sold and took of the ingredient. A busy day has
 * thousands, so the table draws only the rows in view.
 */
export function EntryLines({ entryId, onClose }: { entryId: number | null; onClose: () => void }) {
  const shown = useLive(() => (entryId === null ? Promise.resolve(null) : call('ledger:lines', { id: entryId })), linesMoved, [entryId]);
  const data = entryId === null ? null : shown.data;
  const unit = data?.entry.unit ?? '';
  const currency = useCurrency();
  const columns: Column<Line>[] = [
    { header: 'Receipt', width: '1.2fr', cell: (line) => line.receipt },
    { header: 'Item sold', width: '1.6fr', cell: (line) => line.item ?? '—' },
    { header: 'Sold', width: '0.6fr', align: 'right', cell: (line) => (line.quantity === null ? '—' : formatQuantity(line.quantity)) },
    { header: `Stock change (${unit})`, width: '1.1fr', align: 'right', cell: (line) => formatQuantity(line.deduction) },
  ];
  return (
    <Modal opened={entryId !== null} onClose={onClose} size="xl" title={data ? `${data.entry.ingredient} used by the sales of ${formatDay(data.entry.date)}` : 'Sales lines'}>
      <Stack>
        <ErrorNotice error={entryId === null ? null : shown.error} />
        {data ? (
          <>
            <Text size="sm">
              {formatAtUnit(data.entry.quantity, unit)} ({formatMoney(data.entry.value, currency)}) left {data.entry.storageUnit} through {data.lines.length.toLocaleString()} sales{' '}
              {data.lines.length === 1 ? 'line' : 'lines'}. Each line shows what the till sold and how much it changed the stock.
            </Text>
            <VirtualTable label="Sales lines of this entry" rows={data.lines} columns={columns} rowHeight={34} height={420} rowProps={(line) => ({ 'data-pos-line': line.posLineId })} />
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
