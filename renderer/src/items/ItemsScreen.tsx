import { Alert, Badge, Button, Group, Progress, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatMoney, formatQuantity } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';
import { useAction } from '../ui/use-action';
import { VirtualTable, type Column } from '../ui/VirtualTable';
import { call, onLarderEvent } from '../ipc/client';
import { useItems, type Item } from './items-store';
import { MappingSheet } from './MappingSheet';

type Filter = 'all' | 'mapped' | 'unmapped' | 'inactive';

const ROW_HEIGHT = 52;

/** The seed's item columns. */
const columns = (locationName: Map<string, string>): Column<Item>[] => [
  {
    header: 'Name',
    width: '2.2fr',
    cell: (item) => (
      <>
        <Text size="sm" fw={500} truncate>
          {item.name}
        </Text>
        <Text size="xs" c="dimmed">
          {item.sourceKind === 'csv' ? `Code ${item.itemId}` : item.itemId} · {item.source}
        </Text>
      </>
    ),
  },
  { header: 'SKU', width: '0.7fr', cell: (item) => item.sku ?? '—' },
  { header: 'Price', width: '0.7fr', align: 'right', cell: (item) => (item.price === null ? '—' : formatMoney(item.price)) },
  { header: 'Active', width: '0.6fr', cell: (item) => (item.active ? 'Yes' : <Badge color="gray">Inactive</Badge>) },
  {
    header: 'Mapped',
    width: '0.8fr',
    cell: (item) => (
      <Text size="sm" c={item.mapping ? 'green.8' : 'orange.8'} fw={600}>
        {item.mapping ? 'Mapped' : 'Unmapped'}
      </Text>
    ),
  },
  {
    header: 'Mapped to',
    width: '2fr',
    cell: (item) =>
      item.mapping
        ? `${formatQuantity(item.mapping.quantity)} × ${item.mapping.name} (${item.mapping.type}${item.mapping.isSubtraction ? ', subtraction: gives stock back' : ''})`
        : '—',
  },
  { header: 'Locations', width: '1.6fr', cell: (item) => item.locations.map((id) => locationName.get(id) ?? id).join(', ') },
];

function matches(item: Item, needle: string, filter: Filter, source: string | null): boolean {
  if (source !== null && item.source !== source) return false;
  if (filter === 'mapped' && !item.mapping) return false;
  if (filter === 'unmapped' && item.mapping) return false;
  if (filter === 'inactive' && item.active) return false;
  if (!needle) return true;
  return item.name.toLowerCase().includes(needle) || item.itemId.includes(needle) || (item.sku?.toLowerCase().includes(needle) ?? false) || (item.mapping?.name.toLowerCase().includes(needle) ?? false);
}

export function ItemsScreen() {
  const go = useNavigation((state) => state.go);
  const query = useNavigation((state) => state.query);
  const { items: all, locationNames: locationName, error } = useItems();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>(query.unmapped ? 'unmapped' : 'all');
  const [source, setSource] = useState<string | null>(query.source ?? null);
  const sources = useMemo(() => [...new Set((all ?? []).map((item) => item.source))].sort(), [all]);
  const [open, setOpen] = useState<Item | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const sync = useAction(async () => {
    setProgress(null);
    return call('items:sync', {});
  });
  useEffect(() => onLarderEvent((event) => event.type === 'sync:progress' && event.what === 'items' && setProgress({ done: event.done, total: event.total })), []);
  const needle = useDeferredValue(search.trim().toLowerCase());
  const shown = useMemo(() => (all ?? []).filter((item) => matches(item, needle, filter, source)), [all, needle, filter, source]);
  const mapped = useMemo(() => (all ?? []).filter((item) => item.mapping).length, [all]);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Items</Title>
        <Group>
          {all ? (
            <Badge size="lg" color={mapped === all.length && all.length > 0 ? 'green' : 'blue'} aria-label="Catalog coverage">
              {mapped} of {all.length} mapped
            </Badge>
          ) : null}
          <Button loading={sync.busy} onClick={() => void sync.run()}>
            Sync items
          </Button>
        </Group>
      </Group>
      {sync.busy ? (
        <Stack gap={4} role="status">
          <Text size="sm">{progress ? `Fetching items: location ${progress.done} of ${progress.total}` : 'Fetching items from Lightspeed…'}</Text>
          <Progress value={progress ? (progress.done / Math.max(progress.total, 1)) * 100 : 5} aria-label="Item sync progress" />
        </Stack>
      ) : null}
      <ErrorNotice error={sync.error ?? error} onClose={sync.clearError} />
      <Group>
        <TextInput label="Search" placeholder="Name, item id, SKU or what it maps to" value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={340} />
        <SegmentedControl
          aria-label="Show"
          value={filter}
          onChange={(value) => setFilter(value as Filter)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'mapped', label: 'Mapped' },
            { value: 'unmapped', label: 'Unmapped' },
            { value: 'inactive', label: 'Inactive' },
          ]}
          mt={22}
        />
        {sources.length > 1 || source !== null ? (
          <Select label="Sales source" placeholder="All sources" data={sources} value={source} onChange={setSource} clearable w={240} />
        ) : null}
      </Group>
      {all && all.length === 0 ? (
        <Alert color="blue" title="No items yet">
          Next step: sync your locations, then click Sync items to fetch the POS items from Lightspeed.{' '}
          <Button size="xs" variant="light" onClick={() => go('locations')}>
            Open Locations
          </Button>
        </Alert>
      ) : null}
      {all && all.length > 0 ? (
        <VirtualTable
          label="Items"
          rows={shown}
          columns={columns(locationName)}
          rowHeight={ROW_HEIGHT}
          height={560}
          caption={
            <Text size="sm" c="dimmed" my={4} aria-live="polite">
              {shown.length === all.length ? `${all.length} items` : `${shown.length} of ${all.length} items match`}. Choose an item to map it.
            </Text>
          }
          rowProps={(item) => ({
            tabIndex: 0,
            'aria-label': item.name,
            'data-item-id': item.itemId,
            onClick: () => setOpen(item),
            onKeyDown: (event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              setOpen(item);
            },
          })}
        />
      ) : null}
      <MappingSheet item={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
