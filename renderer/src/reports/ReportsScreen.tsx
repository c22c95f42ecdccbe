import { ScrollTable } from '../ui/ScrollTable';
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FoodCost, VarianceReport } from '../../../shared/model/stock';
import { call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatDay, formatDayShort, formatInstant, formatMoney, formatPct, localizeDates } from '../ui/format';
import { CurrencyNote } from './CurrencyNote';
import { varianceCsv } from './variance-csv';
import { firstUnitWithTwoCounts } from './variance-choice';
import { useAction } from '../ui/use-action';
import { useTab } from '../ui/navigation-store';
import { useYesterday } from '../locations/use-yesterday';
import { addDays } from '../../../shared/dates';
import { anyOf, useLive } from '../ui/use-live';


/** The report as a CSV file (csv-stringify quotes what needs quoting), downloaded by the browser. */
function downloadCsv(report: VarianceReport) {
  const text = varianceCsv(report);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  link.download = `variance-${report.storage_unit}-${report.to.slice(0, 10)}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The report in one sentence: the ingredient whose variance is worth most, at its unit's precision and in money. */
function varianceHeadline(report: VarianceReport): string {
  const top = report.rows[0];
  if (!top) return 'The closing count counted nothing.';
  if (top.variance_quantity === '0') return 'Every counted ingredient matches what the sales, receipts, waste and moves explain.';
  const more = top.variance_quantity.startsWith('-');
  const quantity = formatAtUnit(top.variance_quantity.replace('-', ''), top.unit);
  return `Used ${quantity} ${more ? 'more' : 'less'} ${top.ingredient} than the sales explain${top.no_cost ? ' (no cost yet)' : `, worth ${formatMoney(top.variance_value.replace('-', ''), report.currency)}`}.`;
}

/** Actual against theoretical usage between two finished counts of a storage unit. */
function VariancePanel() {
  const counts = useLive(() => call('counts:list', {}), anyOf('inventory:changed'), []);
  const finished = (counts.data ?? []).filter((count) => count.status === 'finished');
  const units = [...new Set(finished.map((count) => count.storage_unit))].sort();
  const [unit, setUnit] = useState<string | null>(null);
  const chosenUnit = unit ?? firstUnitWithTwoCounts(finished);
  const ofUnit = finished.filter((count) => count.storage_unit === chosenUnit);
  const [fromId, setFromId] = useState<string | null>(null);
  const [toId, setToId] = useState<string | null>(null);
  const from = fromId ?? (ofUnit[1] ? String(ofUnit[1].id) : null);
  const to = toId ?? (ofUnit[0] ? String(ofUnit[0].id) : null);
  const [report, setReport] = useState<VarianceReport | null>(null);
  const open = useAction(async () => {
    if (!chosenUnit || !from || !to) return;
    setReport(await call('reports:variance', { storageUnit: chosenUnit, fromCountId: Number(from), toCountId: Number(to) }));
  });
  const options = ofUnit.map((count) => ({ value: String(count.id), label: formatInstant(count.counted_at) }));
  const worst = report?.rows[0];
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Between two finished counts: what the counts say was used, against what the sales, receipts, waste and moves explain.
      </Text>
      {counts.data && ofUnit.length < 2 ? <Alert color="blue">A variance needs two finished counts of the same storage unit: count under Inventory → Counts.</Alert> : null}
      <Group align="end">
        <Select label="Storage unit" data={units} value={chosenUnit} onChange={(value) => {
            setUnit(value);
            setFromId(null);
            setToId(null);
            setReport(null);
          }} w={200} />
        <Select label="From count" data={options} value={from} onChange={setFromId} w={200} />
        <Select label="To count" data={options} value={to} onChange={setToId} w={200} />
        <Button disabled={!from || !to || from === to} loading={open.busy} onClick={() => void open.run()}>
          Show variance
        </Button>
      </Group>
      <ErrorNotice error={open.error ?? counts.error} />
      {report ? (
        <>
          <Alert color={worst && worst.variance_quantity !== '0' ? 'orange' : 'green'} title={varianceHeadline(report)} role="status">
            <Text size="sm">
              {report.storage_unit}, {formatInstant(report.from)} to {formatInstant(report.to)}. Total variance value {formatMoney(report.total_value, report.currency)}.
            </Text>
          </Alert>
          <Group>
            <Button variant="default" onClick={() => downloadCsv(report)}>
              Export CSV
            </Button>
          </Group>
          <ScrollTable label="Scroll the table" minWidth={900}>
            <Table striped aria-label="Variance" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ingredient</Table.Th>
                  {['Opening', 'Receipts', 'Sold (theoretical)', 'Waste', 'Moved out', 'Expected', 'Counted', 'Variance', 'Value', '% of theoretical'].map((header) => (
                    <Table.Th key={header} ta="right">
                      {header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((row) => (
                  <Table.Tr key={row.ingredient}>
                    <Table.Td>
                      {row.ingredient}
                      {row.no_cost ? (
                        <Badge ml={6} color="orange" variant="light" size="xs">
                          no cost yet
                        </Badge>
                      ) : null}
                    </Table.Td>
                    {[row.opening, row.receipts, row.theoretical, row.waste, row.moves, row.expected, row.counted, row.variance_quantity].map((value, index) => (
                      <Table.Td key={index} ta="right" c={index === 7 && value.startsWith('-') ? 'red' : undefined}>
                        {formatAtUnit(value, row.unit)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">
                      {formatMoney(row.variance_value, report.currency)}
                    </Table.Td>
                    <Table.Td ta="right">{row.variance_pct === null ? '—' : formatPct(row.variance_pct)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      ) : null}
    </Stack>
  );
}

/** Food cost of a location: sales, theoretical and actual cost, and the theoretical food cost % of the last 30 days as a chart. */
function FoodCostPanel() {
  const locations = useLive(() => call('locations:list', {}), anyOf('lightspeed:changed'), []);
  const [location, setLocation] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const [shown, setShown] = useState<FoodCost | null>(null);
  // An activated location first: the others have no posted sales to cost.
  const chosen = location ?? (locations.data?.find((each) => each.activatedAt !== null) ?? locations.data?.[0])?.businessLocationId ?? null;
  // By default the location’s last 30 closed business days, in its own zone; Show waits until they are known.
  const yesterday = useYesterday(chosen);
  const from = picked.from ?? (yesterday ? addDays(yesterday, -29) : '');
  const to = picked.to ?? yesterday ?? '';
  const open = useAction(async (dates: { from: string; to: string } = { from, to }) => {
    if (chosen) setShown(await call('reports:food-cost', { businessLocationId: chosen, ...dates }));
  });
  /** The span between two counts, chosen from the answer: the pickers follow, the report is shown. */
  const show = (dates: { from: string; to: string }) => {
    setPicked(dates);
    return open.run(dates);
  };
  const money = (text: string | null, currency: string) => (text === null ? '—' : formatMoney(text, currency));
  const activated = (locations.data ?? []).filter((each) => each.activatedAt !== null);
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        What a location’s sales should have used (theoretical cost, from its posted sales) and what stock really cost between two counts (actual cost), each as a
        share of net sales.
      </Text>
      {locations.data && activated.length === 0 ? (
        <Alert color="blue" title="No food cost yet">
          Food cost needs posted sales: activate a location (Locations → a location → Activate) or upload a till’s CSV export. The actual cost also needs two
          finished counts of the location’s storage unit (Inventory → Counts).
        </Alert>
      ) : null}
      <Group align="end">
        <Select label="Location" data={(locations.data ?? []).map((each) => ({ value: each.businessLocationId, label: each.name }))} value={chosen} onChange={setLocation} w={240} />
        <TextInput type="date" label="From" value={from} max={yesterday ?? undefined} onChange={(event) => setPicked({ ...picked, from: event.currentTarget.value })} />
        <TextInput type="date" label="To" value={to} max={yesterday ?? undefined} onChange={(event) => setPicked({ ...picked, to: event.currentTarget.value })} />
        <Button disabled={!chosen || !from || !to} loading={open.busy} onClick={() => void open.run()}>
          Show food cost
        </Button>
      </Group>
      <ErrorNotice error={open.error ?? locations.error} />
      {shown ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                Net sales
              </Text>
              <Text fw={700}>{money(shown.sales, shown.currency)}</Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                Theoretical cost (what the sales should have used)
              </Text>
              <Text fw={700}>
                {money(shown.theoretical_cost, shown.cost_currency)} {shown.theoretical_pct === null ? '' : `· ${formatPct(shown.theoretical_pct)}`}
              </Text>
            </Paper>
            <Paper withBorder p="sm" aria-label="Actual cost between counts">
              <Text size="xs" c="dimmed">
                Actual cost (opening + receipts − closing, from counts)
              </Text>
              {shown.actual ? (
                <>
                  <Text fw={700}>
                    {money(shown.actual.actual_cost, shown.cost_currency)} {shown.actual.actual_pct === null ? '' : `· ${formatPct(shown.actual.actual_pct)}`}
                  </Text>
                  <Text size="sm">
                    Counts of {formatDay(shown.actual.opening_count.date)} and {formatDay(shown.actual.closing_count.date)}: the sales of {formatDay(shown.actual.from)} to {formatDay(shown.actual.to)},{' '}
                    {money(shown.actual.sales, shown.currency)}, should have used {money(shown.actual.theoretical_cost, shown.cost_currency)}
                    {shown.actual.theoretical_pct === null ? '' : ` (${formatPct(shown.actual.theoretical_pct)})`}.
                  </Text>
                </>
              ) : (
                <>
                  <Text size="sm">{localizeDates(shown.actual_note ?? '')}</Text>
                  {shown.count_dates.length >= 2 ? (
                    <Button
                      mt="xs"
                      size="compact-sm"
                      variant="light"
                      onClick={() => {
                        const [first, last] = shown.count_dates.slice(-2) as [string, string];
                        void show({ from: first, to: last });
                      }}
                    >
                      Show {formatDay(shown.count_dates.at(-2) ?? '')} to {formatDay(shown.count_dates.at(-1) ?? '')}
                    </Button>
                  ) : null}
                </>
              )}
            </Paper>
          </SimpleGrid>
          <CurrencyNote cost={shown} />
          <Paper withBorder p="sm" aria-label="Theoretical food cost per day">
            <Title order={3} size="h5" mb="xs">
              Theoretical food cost %, the last 30 days to {formatDay(shown.to)}
            </Title>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={shown.days.map((day) => ({ date: formatDayShort(day.date), pct: day.theoretical_pct === null ? null : Number(day.theoretical_pct) }))}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" fontSize={11} />
                <YAxis unit=" %" fontSize={11} width={56} />
                <Tooltip formatter={(value) => [`${String(value)} %`, 'food cost']} />
                <Line type="monotone" dataKey="pct" stroke="#228be6" connectNulls={false} dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}

/** What a manager buys stock software for: the variance between counts, and food cost. */
export function ReportsScreen() {
  const [tab, setTab] = useTab(['variance', 'food-cost'], 'variance');
  return (
    <Stack>
      <Title order={2}>Reports</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="variance">Variance</Tabs.Tab>
          <Tabs.Tab value="food-cost">Food cost</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="variance" pt="md">
          <VariancePanel />
        </Tabs.Panel>
        <Tabs.Panel value="food-cost" pt="md">
          <FoodCostPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
