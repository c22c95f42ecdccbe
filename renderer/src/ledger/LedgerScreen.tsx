import { Anchor, Group, Modal, Paper, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { memo, useEffect, useMemo, useState } from 'react';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { normalizeDate } from '../../../shared/dates';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatDay, formatDayShort, formatMoney } from '../ui/format';
import { useCurrency } from '../ui/use-currency';
import { VirtualTable, type Column } from '../ui/VirtualTable';
import { useNavigation, useTab } from '../ui/navigation-store';
import { ENTRY_TYPE_WORDS } from './entry-types';
import { anyOf, useLive } from '../ui/use-live';
import { useInventory } from '../inventory/inventory-store';
import { StockPanel } from '../inventory/StockPanel';
import { call } from '../ipc/client';
import { entryColumns } from './entry-columns';
import { EntryLines } from './EntryLines';
import { ledgerEntryTypes, USAGE_DAYS } from '../../../shared/model/ledger';

const types = ledgerEntryTypes;
const typeOptions = types.map((value) => ({ value, label: ENTRY_TYPE_WORDS[value] }));
/** Newest first, a page at a time (Show more adds one); the table draws only the rows in view. */
const PAGE = 100;
/** Day rows a page at a time: a year of 120 ingredients is some 40,000 of them. */
const DAY_PAGE = 500;
const ledgerMoved = anyOf('inventory:changed', 'transfer:finished', 'migration:progress', 'sources:changed');

const options = (rows: { id: number; name: string }[] | null) => (rows ?? []).map((row) => ({ value: String(row.id), label: row.name }));

type Location = ContractOutput<Contracts['locations:list']>[number];
type Day = ContractOutput<Contracts['ledger:days']>[number];

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

function Totals({ filter }: { filter: Filter }) {
  const totals = useLive(() => call('ledger:totals', filter), ledgerMoved, [JSON.stringify(filter)]);
  const currency = useCurrency();
  if (!totals.data) return <ErrorNotice error={totals.error} />;
  if (totals.data.entries === 0) {
    return (
      <Paper withBorder p="sm" aria-label="Totals">
        <Text>No entries match: nothing to add up.</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" aria-label="Totals">
      <Group gap="xl">
        <Text>
          <strong>{totals.data.entries.toLocaleString('en')}</strong> {totals.data.entries === 1 ? 'entry' : 'entries'}
        </Text>
        <Text>
          Quantity: <strong>{totals.data.quantity ? formatAtUnit(totals.data.quantity.amount, totals.data.quantity.unit) : 'mixed units (choose one ingredient)'}</strong>
        </Text>
        <Text>
          Value: <strong>{formatMoney(totals.data.value, currency)}</strong>
          {currency ? '' : ' (no currency until a location is synced)'}
        </Text>
      </Group>
    </Paper>
  );
}

/** Newest first, a page at a time: how many rows to ask for, and one page more; a new filter starts again at one page. */
function usePages(filter: Filter, page: number) {
  const key = JSON.stringify(filter);
  const [pages, setPages] = useState({ key, count: 1 });
  const count = pages.key === key ? pages.count : 1;
  return { limit: page * count, more: () => setPages({ key, count: count + 1 }) };
}

/** The chosen ingredient's use per day: bars of what the sales issued and what was wasted. */
function UsageChart({ filter }: { filter: Omit<Filter, 'type'> & { ingredientId: number } }) {
  const usage = useLive(() => call('reports:usage', filter), ledgerMoved, [JSON.stringify(filter)]);
  if (!usage.data) return <ErrorNotice error={usage.error} />;
  const { ingredient, unit } = usage.data;
  const data = usage.data.days.map((day) => ({ date: formatDayShort(day.date), full: formatDay(day.date), issued: Number(day.issued), wasted: Number(day.wasted) }));
  return (
    <Paper withBorder p="md" aria-label={`Daily use of ${ingredient}`} data-usage-days={data.length}>
      <Title order={3} size="h5">
        Daily use of {ingredient} ({unit})
      </Title>
      {data.length === 0 ? (
        <Text size="sm">No movements of {ingredient} match the filters.</Text>
      ) : (
        <>
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" fontSize={11} />
              <YAxis fontSize={11} width={60} unit={` ${unit}`} />
              <Tooltip labelFormatter={(_label, payload) => String(payload[0]?.payload.full ?? '')} formatter={(value, name) => [formatAtUnit(String(value), unit), name === 'issued' ? 'used by sales' : 'wasted']} />
              <Bar dataKey="issued" stackId="use" fill="#74c0fc" isAnimationActive={false} />
              <Bar dataKey="wasted" stackId="use" fill="#ffa94d" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
          <Text size="xs" c="dimmed">
            Blue: used by the sales of the day. Orange: wasted. {data[0]?.full} to {data[data.length - 1]?.full}
            {filter.from ? '' : ` (the last ${USAGE_DAYS} days up to its last movement; choose dates for others)`}.
          </Text>
        </>
      )}
    </Paper>
  );
}

/** One day's entries of one ingredient in one storage unit: the drill-down from a day's row. */
function DayEntries({ day, filter, locationName, onClose }: { day: Day | null; filter: Filter; locationName: (id: string | null) => string; onClose: () => void }) {
  const go = useNavigation((state) => state.go);
  const currency = useCurrency();
  const [linesOf, setLinesOf] = useState<number | null>(null);
  const wanted = day ? { ...filter, from: day.date, to: day.date, ingredientId: day.ingredientId, storageUnitId: day.storageUnitId } : null;
  const entries = useLive(() => (wanted ? call('ledger:list', { ...wanted, limit: 1000 }) : Promise.resolve(null)), ledgerMoved, [JSON.stringify(wanted)]);
  return (
    <Modal opened={day !== null} onClose={onClose} size="90%" title={day ? `${day.ingredient} in ${day.storageUnit}, ${formatDay(day.date)}` : ''}>
      <Stack>
        <ErrorNotice error={entries.error} />
        {day && entries.data ? (
          <VirtualTable
            label="Entries of this day"
            rows={entries.data}
            columns={entryColumns(locationName, (section, detail) => go(section, detail), setLinesOf, currency)}
            rowHeight={38}
            height={Math.min(420, 38 * (entries.data.length + 1))}
            rowProps={(entry) => ({ 'data-entry-id': entry.id })}
          />
        ) : null}
      </Stack>
      <EntryLines entryId={linesOf} onClose={() => setLinesOf(null)} />
    </Modal>
  );
}

/** Per day, ingredient and storage unit, newest first: what came in, what the sales and waste took, what counts corrected. */
function Days({ filter, locationName }: { filter: Filter; locationName: (id: string | null) => string }) {
  const currency = useCurrency();
  const [opened, setOpened] = useState<Day | null>(null);
  const { limit, more } = usePages(filter, DAY_PAGE);
  const days = useLive(() => call('ledger:days', { ...filter, limit }), ledgerMoved, [filter, limit]);
  const quantity = (text: string, unit: string) => (text === '0' ? '' : formatAtUnit(text, unit));
  const columns: Column<Day>[] = [
    {
      header: 'Date',
      width: '0.9fr',
      cell: (day) => (
        <Anchor component="button" type="button" size="sm" onClick={() => setOpened(day)} aria-label={`${day.ingredient} in ${day.storageUnit} on ${formatDay(day.date)}: ${day.entries} ${day.entries === 1 ? 'entry' : 'entries'}`}>
          {formatDay(day.date)}
        </Anchor>
      ),
    },
    { header: 'Ingredient', width: '1.3fr', cell: (day) => day.ingredient },
    { header: 'Storage unit', width: '1fr', cell: (day) => day.storageUnit },
    { header: 'Received', width: '0.9fr', align: 'right', cell: (day) => quantity(day.received, day.unit) },
    { header: 'Used by sales', width: '0.9fr', align: 'right', cell: (day) => quantity(day.issued, day.unit) },
    { header: 'Wasted', width: '0.8fr', align: 'right', cell: (day) => quantity(day.wasted, day.unit) },
    { header: 'Counts', width: '0.8fr', align: 'right', cell: (day) => quantity(day.counted, day.unit) },
    { header: 'Moved', width: '0.8fr', align: 'right', cell: (day) => quantity(day.moved, day.unit) },
    { header: 'Change', width: '0.9fr', align: 'right', cell: (day) => formatAtUnit(day.net, day.unit) },
    { header: 'Value', width: '0.9fr', align: 'right', cell: (day) => formatMoney(day.value, currency) },
  ];
  return (
    <Stack>
      <ErrorNotice error={days.error} />
      {days.data && days.data.length === 0 ? <Text>No ledger movements match. Receipts you record appear here, and POS sales once a location is activated or a day is run by hand.</Text> : null}
      {days.data && days.data.length > 0 ? (
        <>
          <Text size="sm" c="dimmed">
            One row per day, ingredient and storage unit. Open a date for its entries, and an entry for the sales behind it.
            {days.data.length === limit ? (
              <>
                {' '}
                The newest {days.data.length.toLocaleString('en')} rows are listed.{' '}
                <Anchor component="button" type="button" size="sm" onClick={more}>
                  Show {DAY_PAGE} more
                </Anchor>
              </>
            ) : null}
          </Text>
          <VirtualTable label="Ledger by day" rows={days.data} columns={columns} rowHeight={38} height={460} rowProps={(day) => ({ 'data-day-row': `${day.date}/${day.ingredient}/${day.storageUnit}` })} />
        </>
      ) : null}
      <DayEntries day={opened} filter={filter} locationName={locationName} onClose={() => setOpened(null)} />
    </Stack>
  );
}

function Entries({ filter, locationName }: { filter: Filter; locationName: (id: string | null) => string }) {
  const go = useNavigation((state) => state.go);
  const currency = useCurrency();
  const [linesOf, setLinesOf] = useState<number | null>(null);
  const { limit, more } = usePages(filter, PAGE);
  const entries = useLive(() => call('ledger:list', { ...filter, limit }), ledgerMoved, [filter, limit]);
  return (
    <Stack>
      <ErrorNotice error={entries.error} />
      {entries.data && entries.data.length === 0 ? (
        <Text>No ledger entries match. Receipts you record appear here, and POS sales once a location is activated or a day is run by hand.</Text>
      ) : null}
      {entries.data && entries.data.length > 0 ? (
        <>
          {entries.data.length === limit ? (
            <Text size="sm" c="dimmed">
              The newest {entries.data.length.toLocaleString('en')} entries are listed; the totals cover all of them.{' '}
              <Anchor component="button" type="button" size="sm" onClick={more}>
                Show {PAGE} more
              </Anchor>
            </Text>
          ) : null}
          <VirtualTable label="Ledger entries" rows={entries.data} columns={entryColumns(locationName, go, setLinesOf, currency)} rowHeight={38} height={520} rowProps={(entry) => ({ 'data-entry-id': entry.id })} />
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

type View = 'days' | 'entries' | 'stock';

/** The chart's filter: every filter but the entry type (a day's use is its issues and waste). */
const usageFilter = ({ storageUnitId, businessLocationId, from, to }: Filter, ingredientId: number) => ({ ingredientId, storageUnitId, businessLocationId, from, to });

/**
 * Per day first (the day totals, with a chart of a chosen ingredient's use), the single entries a
 * click away, stock on hand beside them; the filters stay as they are between days and entries.
 */
export function LedgerScreen() {
  const [view, setView] = useTab<View>(['days', 'entries', 'stock'], 'days');
  const [filter, setFilter] = useState<Filter>({});
  const locations = useLive(() => call('locations:list', {}), anyOf('lightspeed:changed'), []);
  const locationName = (id: string | null) => (id ? (locations.data?.find((entry) => entry.businessLocationId === id)?.name ?? id) : '—');
  const { ingredientId } = filter;
  return (
    <Stack>
      <Title order={2}>Ledger</Title>
      <Tabs value={view} onChange={setView} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="days">By day</Tabs.Tab>
          <Tabs.Tab value="entries">Entries</Tabs.Tab>
          <Tabs.Tab value="stock">Stock on hand</Tabs.Tab>
        </Tabs.List>
        {view !== 'stock' ? (
          <Stack pt="md">
            <Filters locations={locations.data} onChange={setFilter} />
            <Totals filter={filter} />
            {view === 'days' ? (
              ingredientId === undefined ? (
                <Text size="sm" c="dimmed">
                  Choose an ingredient to see its daily use as a chart.
                </Text>
              ) : (
                <UsageChart filter={usageFilter(filter, ingredientId)} />
              )
            ) : null}
          </Stack>
        ) : null}
        <Tabs.Panel value="days" pt="md">
          <Days filter={filter} locationName={locationName} />
        </Tabs.Panel>
        <Tabs.Panel value="entries" pt="md">
          <Entries filter={filter} locationName={locationName} />
        </Tabs.Panel>
        <Tabs.Panel value="stock" pt="md">
          <StockOnHand />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
