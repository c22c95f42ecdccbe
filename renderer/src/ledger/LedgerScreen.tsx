import { Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ContractOutput, IpcError } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatMoney, formatQuantity } from '../app/format';
import { asIpcError, call, onLarderEvent } from '../ipc/client';

type Entry = ContractOutput<Contracts['ledger:list']>[number];
const types = ['RECEIPT', 'ISSUE', 'WASTE', 'COUNT', 'ADJUSTMENT'] as const;

/** The latest movements, newest first. Filters by location and date come with the transfer screens. */
export function LedgerScreen() {
  const [type, setType] = useState<(typeof types)[number] | null>(null);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    const load = () =>
      call('ledger:list', { ...(type ? { type } : {}), limit: 1000 })
        .then(setEntries)
        .catch((caught: unknown) => setError(asIpcError(caught)));
    void load();
    return onLarderEvent((event) => event.type === 'inventory:changed' && void load());
  }, [type]);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Ledger</Title>
        <Select aria-label="Entry type" placeholder="All types" data={[...types]} value={type} onChange={(value) => setType(value as typeof type)} clearable w={200} />
      </Group>
      <ErrorNotice error={error} />
      {entries && entries.length === 0 ? <Text>No ledger entries yet. Receipts you record appear here; POS sales will too once Lightspeed is connected.</Text> : null}
      {entries && entries.length > 0 ? (
        <Table striped aria-label="Ledger entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Ingredient</Table.Th>
              <Table.Th>Storage unit</Table.Th>
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th ta="right">Unit cost</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{entry.date}</Table.Td>
                <Table.Td>{entry.type}</Table.Td>
                <Table.Td>{entry.ingredient}</Table.Td>
                <Table.Td>{entry.storageUnit}</Table.Td>
                <Table.Td ta="right">
                  {formatQuantity(entry.quantity)} {entry.unit}
                </Table.Td>
                <Table.Td ta="right">{formatMoney(entry.unitCost)}</Table.Td>
                <Table.Td ta="right">{formatMoney(entry.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
