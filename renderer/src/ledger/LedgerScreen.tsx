import { Anchor, Group, Paper, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatMoney, formatQuantity } from '../app/format';
import { useNavigation } from '../app/navigation-store';
import { anyOf, useLive } from '../app/use-live';
import { call } from '../ipc/client';

const types = ['RECEIPT', 'ISSUE', 'WASTE', 'COUNT', 'ADJUSTMENT'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = 500;
const ledgerMoved = anyOf('inventory:changed', 'transfer:finished', 'migration:progress');

const options = (rows: { id: number; name: string }[] | null) => (rows ?? []).map((row) => ({ value: String(row.id), label: row.name }));

function Entries() {
  const go = useNavigation((state) => state.go);
  const [type, setType] = useState<(typeof types)[number] | null>(null);
  const [storageUnit, setStorageUnit] = useState<string | null>(null);
  const [ingredient, setIngredient] = useState<string | null>(null);
  const [location, setLocation] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const units = useLive(() => call('storage-units:list', {}), anyOf('inventory:changed'), []);
  const ingredients = useLive(() => call('ingredients:list', {}), anyOf('inventory:changed'), []);
  const locations = useLive(() => call('locations:list', {}), anyOf('lightspeed:changed'), []);
  const filter = {
    ...(type ? { type } : {}),
    ...(storageUnit ? { storageUnitId: Number(storageUnit) } : {}),
    ...(ingredient ? { ingredientId: Number(ingredient) } : {}),
    ...(location ? { locationId: location } : {}),
    ...(ISO_DATE.test(from) ? { from } : {}),
    ...(ISO_DATE.test(to) ? { to } : {}),
  };
  const key = JSON.stringify(filter);
  const entries = useLive(() => call('ledger:list', { ...filter, limit: PAGE }), ledgerMoved, [key]);
  const totals = useLive(() => call('ledger:totals', filter), ledgerMoved, [key]);
  const locationName = (id: string | null) => (id ? (locations.data?.find((entry) => entry.businessLocationId === id)?.name ?? id) : '—');
  return (
    <Stack>
      <Group align="end">
        <Select label="Storage unit" placeholder="All" data={options(units.data)} value={storageUnit} onChange={setStorageUnit} clearable searchable w={180} />
        <Select label="Ingredient" placeholder="All" data={options(ingredients.data)} value={ingredient} onChange={setIngredient} clearable searchable w={200} />
        <Select
          label="Location"
          placeholder="All"
          data={(locations.data ?? []).map((entry) => ({ value: entry.businessLocationId, label: entry.name }))}
          value={location}
          onChange={setLocation}
          clearable
          w={200}
        />
        <Select label="Type" placeholder="All types" data={[...types]} value={type} onChange={(value) => setType(value as typeof type)} clearable w={150} />
        <TextInput type="date" label="From date" value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
        <TextInput type="date" label="To date" value={to} onChange={(event) => setTo(event.currentTarget.value)} />
      </Group>
      <ErrorNotice error={entries.error ?? totals.error} />
      {totals.data ? (
        <Paper withBorder p="sm" aria-label="Totals">
          <Group gap="xl">
            <Text>
              <strong>{totals.data.entries.toLocaleString('en')}</strong> entries
            </Text>
            <Text>
              Quantity: <strong>{totals.data.quantity ? `${formatQuantity(totals.data.quantity.amount)} ${totals.data.quantity.unit}` : 'mixed units (choose one ingredient)'}</strong>
            </Text>
            <Text>
              Value: <strong>{formatMoney(totals.data.value)}</strong>
            </Text>
          </Group>
        </Paper>
      ) : null}
      {entries.data && entries.data.length === 0 ? (
        <Text>No ledger entries match. Receipts you record appear here, and POS sales once a location is activated or a day is run by hand.</Text>
      ) : null}
      {entries.data && entries.data.length > 0 ? (
        <>
          {totals.data && totals.data.entries > entries.data.length ? (
            <Text size="sm" c="dimmed">
              The newest {entries.data.length} of {totals.data.entries.toLocaleString('en')} entries are listed; narrow the filters to see older ones. The totals cover all of them.
            </Text>
          ) : null}
          <Table striped aria-label="Ledger entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Ingredient</Table.Th>
                <Table.Th>Storage unit</Table.Th>
                <Table.Th>Location</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th ta="right">Unit cost</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
                <Table.Th>Source</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.map((entry) => (
                <Table.Tr key={entry.id} data-entry-id={entry.id}>
                  <Table.Td>{entry.date}</Table.Td>
                  <Table.Td>{entry.type}</Table.Td>
                  <Table.Td>{entry.ingredient}</Table.Td>
                  <Table.Td>{entry.storageUnit}</Table.Td>
                  <Table.Td>{locationName(entry.locationId)}</Table.Td>
                  <Table.Td ta="right">
                    {formatQuantity(entry.quantity)} {entry.unit}
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(entry.unitCost)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(entry.value)}</Table.Td>
                  <Table.Td>
                    {entry.transferLogId ? (
                      <Anchor component="button" type="button" size="sm" onClick={() => go('logs', String(entry.transferLogId))}>
                        Log {entry.transferLogId}, sales line {entry.salesLineId}
                      </Anchor>
                    ) : (
                      (entry.reference ?? '—')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

function StockOnHand() {
  const stock = useLive(() => call('stock:list', {}), ledgerMoved, []);
  const units = [...new Set((stock.data ?? []).map((line) => line.storageUnit))];
  return (
    <Stack>
      <ErrorNotice error={stock.error} />
      {stock.data && stock.data.length === 0 ? <Text>No stock yet: record receipts under Inventory.</Text> : null}
      {units.map((unit) => {
        const lines = (stock.data ?? []).filter((line) => line.storageUnit === unit);
        return (
          <Paper key={unit} withBorder p="sm">
            <Title order={3} size="h5" mb={4}>
              {unit}
            </Title>
            <Table aria-label={`Stock in ${unit}`}>
              <Table.Tbody>
                {lines.map((line) => (
                  <Table.Tr key={line.ingredientId}>
                    <Table.Td>{line.ingredient}</Table.Td>
                    <Table.Td ta="right">
                      {formatQuantity(line.quantity)} {line.unit}
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(line.value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
    </Stack>
  );
}

export function LedgerScreen() {
  return (
    <Stack>
      <Title order={2}>Ledger</Title>
      <Tabs defaultValue="entries" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="entries">Entries</Tabs.Tab>
          <Tabs.Tab value="stock">Stock on hand</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries" pt="md">
          <Entries />
        </Tabs.Panel>
        <Tabs.Panel value="stock" pt="md">
          <StockOnHand />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
