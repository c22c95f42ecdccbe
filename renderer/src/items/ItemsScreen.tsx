import { Alert, Badge, Button, Checkbox, Group, Modal, NumberInput, Progress, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { SUGGESTED_ROWS } from '../../../shared/model/items';
import { addDecimals, compareDecimals } from '../ui/decimal-sum';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatMoney, formatQuantity } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { VirtualTable, type Column } from '../ui/VirtualTable';
import { call, onLarderEvent } from '../ipc/client';
import { BulkMapDialog } from './BulkMapDialog';
import { acceptedSuggestion, groupItems, type ItemGroup } from './item-groups';
import { useItems } from './items-store';
import { MappingSheet } from './MappingSheet';
import { RenamesReview } from './RenamesReview';
import { ReprocessDialog } from './ReprocessDialog';
import { mappedAmount } from './mapped-amount';

type Filter = 'work' | 'all' | 'mapped' | 'inactive';
type Suggestion = { kind: 'ingredient' | 'recipe'; id: number; name: string; score: number };

const ROW_HEIGHT = 52;

interface Row extends ItemGroup {
  /** Decimal text: what the group's unmapped items sold over the last 30 days. */
  units: string;
  sales: string;
  suggestion: Suggestion | null;
}

const mappedText = (group: ItemGroup) => {
  if (!group.mapping) return group.overrides.length > 0 ? `Overridden at ${group.overrides.length} ${group.overrides.length === 1 ? 'place' : 'places'} only` : '—';
  const base = `${mappedAmount(group.mapping)} ${group.mapping.name} (${group.mapping.type}${group.mapping.isSubtraction ? ', subtraction: gives stock back' : ''})`;
  return group.overrides.length > 0 ? `${base}; ${group.overrides.length} override${group.overrides.length === 1 ? '' : 's'}` : base;
};

function matches(group: ItemGroup, needle: string, filter: Filter, source: string | null): boolean {
  if (source !== null && !group.sources.includes(source)) return false;
  if (filter === 'work' && group.mapped) return false;
  if (filter === 'mapped' && !group.mapped) return false;
  if (filter === 'inactive' && group.active) return false;
  if (!needle) return true;
  return group.items.some(
    (item) => item.name.toLowerCase().includes(needle) || item.itemId.includes(needle) || (item.sku?.toLowerCase().includes(needle) ?? false),
  ) || (group.mapping?.name.toLowerCase().includes(needle) ?? false);
}

function useColumns(filter: Filter, locationName: Map<string, string>, selected: Set<string>, toggle: (key: string) => void, accept: (row: Row) => void, currency: string | null) {
  return useMemo(() => {
    const select: Column<Row> = {
      header: 'Select',
      width: '60px',
      cell: (row) => (
        <Checkbox
          aria-label={`Select ${row.name}`}
          checked={selected.has(row.key)}
          onChange={() => toggle(row.key)}
          onClick={(event) => event.stopPropagation()}
          onKeyDown={(event) => event.stopPropagation()}
        />
      ),
    };
    const name: Column<Row> = {
      header: 'Name',
      width: '2.2fr',
      cell: (row) => (
        <>
          <Text size="sm" fw={500} truncate>
            {row.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {row.locations.map((id) => locationName.get(id) ?? id).join(', ') || row.sources.join(', ')}
            {row.items.length > 1 ? ` · ${row.items.length} POS items` : ''}
          </Text>
        </>
      ),
    };
    if (filter === 'work') {
      return [
        select,
        name,
        { header: 'Sold, 30 days', width: '0.9fr', align: 'right', cell: (row) => formatQuantity(row.units) },
        { header: 'Net sales, 30 days', width: '1.2fr', align: 'right', cell: (row) => formatMoney(row.sales, currency) },
        {
          header: 'Suggestion',
          width: '2fr',
          cell: (row) =>
            row.suggestion ? (
              <Group gap={6} wrap="nowrap">
                <Text size="sm" truncate>
                  {row.suggestion.name}
                </Text>
                <Button
                  size="compact-xs"
                  variant="light"
                  aria-label={`Accept ${row.suggestion.name} for ${row.name}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    accept(row);
                  }}
                  onKeyDown={(event) => event.stopPropagation()}
                >
                  Accept
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                Open to choose
              </Text>
            ),
        },
      ] satisfies Column<Row>[];
    }
    return [
      select,
      name,
      { header: 'SKU', width: '0.7fr', cell: (row) => row.sku ?? '—' },
      { header: 'Price', width: '0.7fr', align: 'right', cell: (row) => (row.first.price === null ? '—' : formatMoney(row.first.price, currency)) },
      {
        header: 'Active',
        width: '0.6fr',
        cell: (row) =>
          !row.active ? (
            <Badge color="gray">Inactive</Badge>
          ) : row.stockUntracked ? (
            <Text size="xs" title="Lightspeed does not track this item’s stock (it is “disabled” there); Larder deducts its sales as for any item.">
              Yes · stock not tracked in Lightspeed
            </Text>
          ) : (
            'Yes'
          ),
      },
      {
        header: 'Mapped',
        width: '0.8fr',
        cell: (row) => (
          <Text size="sm" c={row.mapped ? 'green' : 'orange'} fw={600}>
            {row.mapped ? 'Mapped' : 'Unmapped'}
          </Text>
        ),
      },
      { header: 'Mapped to', width: '2.4fr', cell: mappedText },
    ] satisfies Column<Row>[];
  }, [filter, locationName, selected, toggle, accept, currency]);
}

export function ItemsScreen() {
  const go = useNavigation((state) => state.go);
  const query = useNavigation((state) => state.query);
  const { items: all, locationNames: locationName, error } = useItems();
  const groups = useMemo(() => groupItems(all ?? []), [all]);
  const workList = useLive(() => call('items:work-list', {}), anyOf('lightspeed:changed', 'transfer:finished', 'migration:progress', 'sources:changed'), []);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>(query.all ? 'all' : 'work');
  const [source, setSource] = useState<string | null>(query.source ?? null);
  const sources = useMemo(() => [...new Set(groups.flatMap((group) => group.sources))].sort(), [groups]);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState(false);
  const [confirming, setConfirming] = useState<Row[] | null>(null);
  const [applyPrompt, setApplyPrompt] = useState(false);
  const [applyDays, setApplyDays] = useState<number | string>(30);
  const [reprocessing, setReprocessing] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const sync = useAction(async () => {
    setProgress(null);
    return call('items:sync', {});
  });
  useEffect(() => onLarderEvent((event) => event.type === 'sync:progress' && event.what === 'items' && setProgress({ done: event.done, total: event.total })), []);

  // The work list's figures by group: its unmapped items' sales summed.
  const sold = useMemo(() => {
    const byItem = new Map((workList.data?.rows ?? []).map((row) => [row.posItemId, row]));
    const byGroup = new Map<string, { units: string; sales: string }>();
    for (const group of groups) {
      const rows = group.items.map((item) => byItem.get(item.id)).filter((row) => row !== undefined);
      byGroup.set(group.key, { units: addDecimals(rows.map((row) => row.unitsSold30d)), sales: addDecimals(rows.map((row) => row.netSales30d)) });
    }
    return byGroup;
  }, [workList.data, groups]);
  const ranked = useMemo(
    () =>
      groups
        .filter((group) => !group.mapped)
        .sort((a, b) => {
          const x = sold.get(a.key);
          const y = sold.get(b.key);
          return compareDecimals(y?.sales ?? '0', x?.sales ?? '0') || compareDecimals(y?.units ?? '0', x?.units ?? '0') || a.name.localeCompare(b.name);
        }),
    [groups, sold],
  );
  const topIds = useMemo(() => ranked.slice(0, SUGGESTED_ROWS).map((group) => group.first.id), [ranked]);
  const suggestions = useLive(() => call('items:suggest', { posItemIds: topIds }), anyOf('inventory:changed'), [topIds]);
  const suggestionOf = useMemo(() => new Map((suggestions.data ?? []).map((entry) => [entry.posItemId, entry.suggestions[0] ?? null])), [suggestions.data]);

  const needle = useDeferredValue(search.trim().toLowerCase());
  const rows: Row[] = useMemo(() => {
    const ordered = filter === 'work' ? ranked : groups;
    return ordered
      .filter((group) => matches(group, needle, filter, source))
      .map((group) => ({ ...group, units: sold.get(group.key)?.units ?? '0', sales: sold.get(group.key)?.sales ?? '0', suggestion: suggestionOf.get(group.first.id) ?? null }));
  }, [filter, ranked, groups, needle, source, sold, suggestionOf]);
  const mappedCount = useMemo(() => groups.filter((group) => group.mapped).length, [groups]);
  const totals = useMemo(() => {
    const unmapped = ranked.map((group) => sold.get(group.key) ?? { units: '0', sales: '0' });
    return { units: addDecimals(unmapped.map((one) => one.units)), sales: addDecimals(unmapped.map((one) => one.sales)) };
  }, [ranked, sold]);
  const currency = workList.data?.currencyCode ?? null;

  const toggle = useCallback(
    (key: string) =>
      setSelected((before) => {
        const next = new Set(before);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  const acceptOne = useAction(async (row: Row) => {
    if (!row.suggestion) return;
    await call('mappings:save', acceptedSuggestion(row, row.suggestion));
    setApplyPrompt(true);
  });
  const runAccept = acceptOne.run;
  const accept = useCallback((row: Row) => void runAccept(row), [runAccept]);
  const columns = useColumns(filter, locationName, selected, toggle, accept, currency);
  const chosenRows = rows.filter((row) => selected.has(row.key));
  const acceptable = chosenRows.filter((row) => row.suggestion && !row.mapped);
  const acceptAll = useAction(async (list: Row[]) => {
    await call('mappings:save-many', {
      mappings: list.flatMap((row) => (row.suggestion ? [acceptedSuggestion(row, row.suggestion)] : [])),
    });
    setConfirming(null);
    setSelected(new Set());
    setApplyPrompt(true);
  });
  const allShownSelected = rows.length > 0 && rows.every((row) => selected.has(row.key));
  const open = groups.find((group) => group.key === openKey) ?? null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Items</Title>
        <Group>
          {all ? (
            <Badge size="lg" color={mappedCount === groups.length && groups.length > 0 ? 'green' : 'blue'} aria-label="Catalog coverage">
              {mappedCount} of {groups.length} mapped
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
      <ErrorNotice error={sync.error ?? error ?? acceptOne.error} onClose={sync.error ? sync.clearError : acceptOne.clearError} />
      <RenamesReview onRemap={(posItemId) => setOpenKey(groups.find((group) => group.items.some((item) => item.id === posItemId))?.key ?? null)} />
      {applyPrompt ? (
        <Alert color="blue" title="Mappings changed" withCloseButton onClose={() => setApplyPrompt(false)} closeButtonLabel="Not now">
          <Group align="flex-end">
            <Text size="sm">Days already posted keep the old deductions. Apply the new mappings to the last</Text>
            <NumberInput aria-label="Days to apply to" value={applyDays} onChange={setApplyDays} min={1} max={400} w={90} size="xs" />
            <Text size="sm">days?</Text>
            <Button size="xs" onClick={() => setReprocessing(true)}>
              Preview changes
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Group>
        <TextInput label="Search" placeholder="Name, item id, SKU or what it maps to" value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={340} />
        <SegmentedControl
          aria-label="Show"
          value={filter}
          onChange={(value) => {
            setFilter(value as Filter);
            setSelected(new Set());
          }}
          data={[
            { value: 'work', label: `To map (${groups.length - mappedCount})` },
            { value: 'all', label: 'All' },
            { value: 'mapped', label: 'Mapped' },
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
      {filter === 'work' && all && all.length > 0 ? (
        <Text size="sm" aria-label="Work list summary">
          {ranked.length === 0
            ? 'Every item is mapped.'
            : `${ranked.length} ${ranked.length === 1 ? 'item' : 'items'} to map. Over the last 30 days they sold ${formatQuantity(totals.units)} units for ${formatMoney(totals.sales, currency)}, which took nothing from stock. The best-selling come first.`}
        </Text>
      ) : null}
      {all && all.length > 0 ? (
        <Group gap="xs">
          <Checkbox
            label={`Select all shown (${rows.length})`}
            checked={allShownSelected}
            indeterminate={!allShownSelected && chosenRows.length > 0}
            onChange={() => setSelected(allShownSelected ? new Set() : new Set(rows.map((row) => row.key)))}
          />
          <Button size="xs" variant="light" disabled={chosenRows.length === 0} onClick={() => setBulk(true)}>
            Map {chosenRows.length} selected…
          </Button>
          {filter === 'work' ? (
            <Button size="xs" variant="light" disabled={acceptable.length === 0} onClick={() => setConfirming(acceptable)}>
              Accept suggestions for {acceptable.length} selected…
            </Button>
          ) : null}
        </Group>
      ) : null}
      {all && all.length > 0 ? (
        <VirtualTable
          label="Items"
          rows={rows}
          columns={columns}
          rowHeight={ROW_HEIGHT}
          height={520}
          caption={
            <Text size="sm" c="dimmed" my={4} aria-live="polite">
              {rows.length} {rows.length === 1 ? 'dish' : 'dishes'} shown. Choose one to map it; the same dish at several places is one row and one mapping.
            </Text>
          }
          rowProps={(row) => ({
            tabIndex: 0,
            'aria-label': row.name,
            'data-item-id': row.first.itemId,
            'data-group': row.key,
            onClick: () => setOpenKey(row.key),
            onKeyDown: (event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              setOpenKey(row.key);
            },
          })}
        />
      ) : null}
      <MappingSheet group={open} locationNames={locationName} onClose={() => setOpenKey(null)} onSaved={() => setApplyPrompt(true)} />
      <BulkMapDialog
        groups={bulk ? chosenRows : null}
        onClose={() => setBulk(false)}
        onSaved={() => {
          setBulk(false);
          setSelected(new Set());
          setApplyPrompt(true);
        }}
      />
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={`Accept ${confirming?.length ?? 0} suggestions?`} size="lg">
        <Stack>
          <Text size="sm">Each item below is mapped to its suggestion with 1 per item sold, all together or none.</Text>
          <Table aria-label="Suggestions to accept">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Deducts</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(confirming ?? []).map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>
                    1 × {row.suggestion?.name} ({row.suggestion?.kind})
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ErrorNotice error={acceptAll.error} onClose={acceptAll.clearError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button loading={acceptAll.busy} onClick={() => void acceptAll.run(confirming ?? [])}>
              Map {confirming?.length ?? 0} items
            </Button>
          </Group>
        </Stack>
      </Modal>
      {reprocessing ? <ReprocessDialog opened onClose={() => setReprocessing(false)} lastDays={typeof applyDays === 'number' ? applyDays : 30} /> : null}
    </Stack>
  );
}
