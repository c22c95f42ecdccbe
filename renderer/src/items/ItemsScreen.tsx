import { Alert, Badge, Box, Button, Group, Progress, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatMoney, formatQuantity } from '../app/format';
import { useNavigation } from '../app/navigation-store';
import { useAction } from '../app/use-action';
import { anyOf, useLive } from '../app/use-live';
import { VirtualRows } from '../app/VirtualRows';
import { call, onLarderEvent } from '../ipc/client';
import { MappingSheet } from './MappingSheet';

export type Item = ContractOutput<Contracts['items:list']>[number];
type Filter = 'all' | 'mapped' | 'unmapped' | 'inactive';

const ROW_HEIGHT = 52;
const columns = '2.2fr 0.7fr 0.7fr 0.6fr 0.8fr 2fr 1.6fr';

function Cell({ children, align }: { children: React.ReactNode; align?: 'right' }) {
  return (
    <Box role="cell" px={6} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', textAlign: align }}>
      {children}
    </Box>
  );
}

function matches(item: Item, needle: string, filter: Filter): boolean {
  if (filter === 'mapped' && !item.mapping) return false;
  if (filter === 'unmapped' && item.mapping) return false;
  if (filter === 'inactive' && item.active) return false;
  if (!needle) return true;
  return item.name.toLowerCase().includes(needle) || item.itemId.includes(needle) || (item.sku?.toLowerCase().includes(needle) ?? false) || (item.mapping?.name.toLowerCase().includes(needle) ?? false);
}

export function ItemsScreen() {
  const go = useNavigation((state) => state.go);
  const items = useLive(() => call('items:list', {}), anyOf('lightspeed:changed', 'inventory:changed'), []);
  const locations = useLive(() => call('locations:list', {}), anyOf('lightspeed:changed'), []);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<Item | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const sync = useAction(async () => {
    setProgress(null);
    return call('items:sync', {});
  });
  useEffect(() => onLarderEvent((event) => event.type === 'sync:progress' && event.what === 'items' && setProgress({ done: event.done, total: event.total })), []);
  const needle = useDeferredValue(search.trim().toLowerCase());
  const all = items.data;
  const shown = useMemo(() => (all ?? []).filter((item) => matches(item, needle, filter)), [all, needle, filter]);
  const mapped = useMemo(() => (all ?? []).filter((item) => item.mapping).length, [all]);
  const locationName = useMemo(() => new Map((locations.data ?? []).map((location) => [location.businessLocationId, location.name])), [locations.data]);
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
      <ErrorNotice error={sync.error ?? items.error} onClose={sync.clearError} />
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
        <Box role="table" aria-label="Items" aria-rowcount={shown.length}>
          <Box role="row" style={{ display: 'grid', gridTemplateColumns: columns, fontWeight: 600, borderBottom: '1px solid var(--mantine-color-gray-3)' }} py={6}>
            <Box role="columnheader" px={6}>Name</Box>
            <Box role="columnheader" px={6}>SKU</Box>
            <Box role="columnheader" px={6} style={{ textAlign: 'right' }}>Price</Box>
            <Box role="columnheader" px={6}>Active</Box>
            <Box role="columnheader" px={6}>Mapped</Box>
            <Box role="columnheader" px={6}>Mapped to</Box>
            <Box role="columnheader" px={6}>Locations</Box>
          </Box>
          <Text size="sm" c="dimmed" my={4} aria-live="polite">
            {shown.length === all.length ? `${all.length} items` : `${shown.length} of ${all.length} items match`}. Choose an item to map it.
          </Text>
          <VirtualRows
            rows={shown}
            rowHeight={ROW_HEIGHT}
            height={560}
            label="Item rows"
            renderRow={(item) => (
              <Box
                role="row"
                tabIndex={0}
                aria-label={item.name}
                data-item-id={item.itemId}
                onClick={() => setOpen(item)}
                onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && (event.preventDefault(), setOpen(item))}
                style={{ display: 'grid', gridTemplateColumns: columns, alignItems: 'center', height: ROW_HEIGHT, cursor: 'pointer', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Cell>
                  <Text size="sm" fw={500} truncate>
                    {item.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.itemId}
                  </Text>
                </Cell>
                <Cell>{item.sku ?? '—'}</Cell>
                <Cell align="right">{item.price === null ? '—' : formatMoney(item.price)}</Cell>
                <Cell>{item.active ? 'Yes' : <Badge color="gray">Inactive</Badge>}</Cell>
                <Cell>
                  <Text size="sm" c={item.mapping ? 'green.8' : 'orange.8'} fw={600}>
                    {item.mapping ? 'Mapped' : 'Unmapped'}
                  </Text>
                </Cell>
                <Cell>
                  {item.mapping
                    ? `${formatQuantity(item.mapping.quantity)} × ${item.mapping.name} (${item.mapping.type}${item.mapping.isSubtraction ? ', subtraction: gives stock back' : ''})`
                    : '—'}
                </Cell>
                <Cell>{item.locations.map((id) => locationName.get(id) ?? id).join(', ')}</Cell>
              </Box>
            )}
          />
        </Box>
      ) : null}
      <MappingSheet item={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
