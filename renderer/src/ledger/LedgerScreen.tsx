import { Anchor, Group, Paper, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { memo, useEffect, useMemo, useState } from 'react';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { normalizeDate } from '../../../shared/dates';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatMoney, formatQuantity } from '../ui/format';
import { VirtualTable } from '../ui/VirtualTable';
import { useNavigation } from '../ui/navigation-store';
import { anyOf, useLive } from '../ui/use-live';
import { useInventory } from '../inventory/inventory-store';
import { StockPanel } from '../inventory/StockPanel';
import { call } from '../ipc/client';
import { entryColumns } from './entry-columns';
import { EntryLines } from './EntryLines';
import { ledgerEntryTypes } from '../../../shared/model/ledger';

const types = ledgerEntryTypes;
const typeOptions = [...types];
/** Newest first, a page at a time (Show more adds one); the table draws only the rows in view. */
const PAGE = 100;
const ledgerMoved = anyOf('inventory:changed', 'transfer:finished', 'migration:progress', 'sources:changed');

const options = (rows: { id: number; name: string }[] | null) => (rows ?? []).map((row) => ({ value: String(row.id), label: row.name }));

type Location = ContractOutput<Contracts['locations:list']>[number];

interface Filter {
  type?: (typeof types)[number];
  storageUnitId?: number;
  ingredientId?: number;
  businessLocationId?: string;
  from?: string;
  to?: string;
}

/**
 * The filter bar, drawn again only when a filter changes: the entries and totals arriving do not
 * touch its four selects, which keeps opening the Ledger quick on a big ledger.
 */
const Filters = memo(function Filters({ locations, onChange }: { locations: Location[] | null; onChange: (filter: Filter) => void }) {
  const [type, setType] = useState<(typeof types)[number] | null>(null);
  const [storageUnit, setStorageUnit] = useState<string | null>(null);
  const [ingredient, setIngredient] = useState<string | null>(null);
  const [location, setLocation] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const units = useLive(() => call('storage-units:list', {}), anyOf('inventory:changed'), []);
  const ingredients = useLive(() => call('ingredients:list', {}), anyOf('inventory:changed'), []);
  const unitOptions = useMemo(() => options(units.data), [units.data]);
  const ingredientOptions = useMemo(() => options(ingredients.data), [ingredients.data]);
  const locationOptions = useMemo(() => (locations ?? []).map((entry) => ({ value: entry.businessLocationId, label: entry.name })), [locations]);
  useEffect(() => {
    onChange({
      ...(type ? { type } : {}),
      ...(storageUnit ? { storageUnitId: Number(storageUnit) } : {}),
      ...(ingredient ? { ingredientId: Number(ingredient) } : {}),
      ...(location ? { businessLocationId: location } : {}),
      ...(normalizeDate(from) ? { from } : {}),
      ...(normalizeDate(to) ? { to } : {}),
    });
  }, [onChange, type, storageUnit, ingredient, location, from, to]);
  return (
    <Group align="end">
      <Select label="Storage unit" placeholder="All" data={unitOptions} value={storageUnit} onChange={setStorageUnit} clearable searchable w={180} />
      <Select label="Ingredient" placeholder="All" data={ingredientOptions} value={ingredient} onChange={setIngredient} clearable searchable w={200} />
      <Select label="Location" placeholder="All" data={locationOptions} value={location} onChange={setLocation} clearable w={200} />
      <Select label="Type" placeholder="All types" data={typeOptions} value={type} onChange={(value) => setType(value as typeof type)} clearable w={150} />
      <TextInput type="date" label="From date" value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
      <TextInput type="date" label="To date" value={to} onChange={(event) => setTo(event.currentTarget.value)} />
    </Group>
  );
});

function Entries() {
  const go = useNavigation((state) => state.go);
  const [filter, setFilter] = useState<Filter>({});
  const [linesOf, setLinesOf] = useState<number | null>(null);
  const locations = useLive(() => call('locations:list', {}), anyOf('lightspeed:changed'), []);
  const key = JSON.stringify(filter);
  const [pages, setPages] = useState({ key, count: 1 });
  const shownPages = pages.key === key ? pages.count : 1;
  const entries = useLive(() => call('ledger:list', { ...filter, limit: PAGE * shownPages }), ledgerMoved, [key, shownPages]);
  const totals = useLive(() => call('ledger:totals', filter), ledgerMoved, [key]);
  const locationName = (id: string | null) => (id ? (locations.data?.find((entry) => entry.businessLocationId === id)?.name ?? id) : '—');
  return (
    <Stack>
      <Filters locations={locations.data} onChange={setFilter} />
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
              The newest {entries.data.length} of {totals.data.entries.toLocaleString('en')} entries are listed; the totals cover all of them.{' '}
              <Anchor component="button" type="button" size="sm" onClick={() => setPages({ key, count: shownPages + 1 })}>
                Show {PAGE} more
              </Anchor>
            </Text>
          ) : null}
          <VirtualTable label="Ledger entries" rows={entries.data} columns={entryColumns(locationName, go, setLinesOf)} rowHeight={38} height={520} rowProps={(entry) => ({ 'data-entry-id': entry.id })} />
        </>
      ) : null}
      <EntryLines entryId={linesOf} onClose={() => setLinesOf(null)} />
    </Stack>
  );
}

/** The same stock list as under Inventory, fresh whenever this tab opens. */
function StockOnHand() {
  const error = useInventory((state) => state.error);
  useEffect(() => void useInventory.getState().refresh(), []);
  return (
    <Stack>
      <ErrorNotice error={error} />
      <StockPanel />
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
