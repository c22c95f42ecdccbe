import { Alert, Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import { call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatInstant, formatMoney } from '../ui/format';
import { ScrollTable } from '../ui/ScrollTable';
import { useAction } from '../ui/use-action';
import { useCurrency } from '../ui/use-currency';
import { anyOf, useLive } from '../ui/use-live';

/** Recorded waste and moves, newest first, each with Undo: a reversing pair, the original kept in the ledger. */
export function StockChangesList() {
  const changes = useLive(() => call('stock:changes', {}), anyOf('inventory:changed'), []);
  const currency = useCurrency();
  const undo = useAction((kind: 'waste' | 'move', id: number) => call('stock:undo', { kind, id }));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        Recorded waste and moves
      </Title>
      <ErrorNotice error={undo.error ?? changes.error} onClose={undo.clearError} />
      {changes.data && changes.data.length === 0 ? (
        <Alert color="blue">Nothing recorded yet. Waste you record and stock you move between storage units appear here, each with Undo.</Alert>
      ) : null}
      {changes.data && changes.data.length > 0 ? (
        <ScrollTable label="Recorded waste and moves" minWidth={720}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.data.map((change) => (
                <Table.Tr key={`${change.kind}-${change.id}`} data-stock-change={`${change.kind}-${change.id}`}>
                  <Table.Td>{formatInstant(change.at)}</Table.Td>
                  <Table.Td>
                    {change.kind === 'waste'
                      ? `Waste: ${change.what} in ${change.storageUnit}, ${change.reason ?? ''}${change.note ? ` (${change.note})` : ''}`
                      : `Move: ${change.what} from ${change.storageUnit} to ${change.toStorageUnit ?? ''}`}
                  </Table.Td>
                  <Table.Td ta="right">{change.unit ? formatAtUnit(change.quantity, change.unit) : `${change.quantity} portions`}</Table.Td>
                  <Table.Td ta="right">{formatMoney(change.value.replace('-', ''), currency)}</Table.Td>
                  <Table.Td>
                    {change.undoneAt ? (
                      <Badge color="gray" variant="light">
                        Undone {formatInstant(change.undoneAt)}
                      </Badge>
                    ) : (
                      <Button size="compact-xs" variant="default" loading={undo.busy} onClick={() => void undo.run(change.kind, change.id)} aria-label={`Undo ${change.kind} of ${change.what} on ${formatInstant(change.at)}`}>
                        Undo
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      {changes.data && changes.data.length > 0 ? (
        <Text size="xs" c="dimmed" mt="xs">
          Undo posts the opposite entries and keeps the original ones, so the ledger shows both.
        </Text>
      ) : null}
    </Paper>
  );
}
