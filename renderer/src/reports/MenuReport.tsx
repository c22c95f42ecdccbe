import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CartesianGrid, Label, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { addDays } from '../../../shared/dates';
import type { MenuReport } from '../../../shared/model/stock';
import { call } from '../ipc/client';
import { useYesterday } from '../locations/use-yesterday';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDay, formatMoney, formatPct, formatQuantity } from '../ui/format';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';

type MenuClass = MenuReport['rows'][number]['class'];

/** Each class in a manager's words: what it is, and what to do about it. */
const CLASSES: Record<MenuClass, { label: string; color: string; advice: string }> = {
  star: { label: 'Star', color: 'green', advice: 'popular and profitable: keep it, feature it' },
  plowhorse: { label: 'Plowhorse', color: 'yellow', advice: 'popular, thin margin: look at its price or portion' },
  puzzle: { label: 'Puzzle', color: 'blue', advice: 'profitable, few sales: place it better on the menu' },
  dog: { label: 'Dog', color: 'red', advice: 'neither: rework it or take it off' },
};

/** Menu engineering: each dish's margin against its popularity, in four quadrants. */
export function MenuPanel() {
  const locations = useLive(() => call('locations:list', { withCsv: true }), anyOf('lightspeed:changed', 'sources:changed'), []);
  const [location, setLocation] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const chosen = location ?? (locations.data?.find((each) => each.activatedAt !== null || each.sourceKind === 'csv') ?? locations.data?.[0])?.businessLocationId ?? null;
  const yesterday = useYesterday(chosen);
  const from = picked.from ?? (yesterday ? addDays(yesterday, -29) : '');
  const to = picked.to ?? yesterday ?? '';
  const [shown, setShown] = useState<MenuReport | null>(null);
  const open = useAction(async () => {
    if (chosen) setShown(await call('reports:menu', { businessLocationId: chosen, from, to }));
  });
  const money = (text: string) => formatMoney(text, shown?.currency ?? '');
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        What each dish earns against how often it sells (Kasavana–Smith): popular when it sells at least 70 % of an even share, profitable when its margin is at least the
        average. Prices are net sales per item sold; plate costs come through each item’s mapping at the weighted average costs of the last day.
      </Text>
      <Group align="end">
        <Select label="Location" data={(locations.data ?? []).map((each) => ({ value: each.businessLocationId, label: each.name }))} value={chosen} onChange={setLocation} w={240} />
        <TextInput type="date" label="From" value={from} onChange={(event) => setPicked({ ...picked, from: event.currentTarget.value })} />
        <TextInput type="date" label="To" value={to} onChange={(event) => setPicked({ ...picked, to: event.currentTarget.value })} />
        <Button disabled={!chosen || !from || !to} loading={open.busy} onClick={() => void open.run()}>
          Show the menu
        </Button>
      </Group>
      <ErrorNotice error={open.error ?? locations.error} />
      {shown ? (
        <>
          {shown.rows.length === 0 ? (
            <Alert color="blue" title="No mapped dish sold in this period">
              Menu engineering needs sales of mapped items: map them under Items, or choose another period.
            </Alert>
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Paper withBorder p="sm" aria-label="Average margin">
                  <Text size="xs" c="dimmed">
                    Average margin per item sold
                  </Text>
                  <Text fw={700}>{money(shown.average_margin)}</Text>
                </Paper>
                <Paper withBorder p="sm" aria-label="Popularity threshold">
                  <Text size="xs" c="dimmed">
                    Popular from (70 % of an even share), {formatDay(shown.from)} to {formatDay(shown.to)}
                  </Text>
                  <Text fw={700}>{formatQuantity(shown.popularity_threshold)} sold</Text>
                </Paper>
              </SimpleGrid>
              {shown.missing_costs.length > 0 ? (
                <Alert color="orange" title="Some ingredients have no cost yet">
                  {shown.missing_costs.join(', ')} {shown.missing_costs.length === 1 ? 'was' : 'were'} never received: their dishes look cheaper than they are. Record a
                  receipt for {shown.missing_costs.length === 1 ? 'it' : 'them'}.
                </Alert>
              ) : null}
              <Paper withBorder p="sm" aria-label="Menu quadrants">
                <Title order={3} size="h5" mb="xs">
                  Margin against items sold
                </Title>
                <ResponsiveContainer width="100%" height={300}>
                  <ScatterChart margin={{ top: 10, right: 24, bottom: 24, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" dataKey="sold" name="Sold" fontSize={11}>
                      <Label value="Items sold" position="bottom" fontSize={11} />
                    </XAxis>
                    <YAxis type="number" dataKey="margin" name="Margin" fontSize={11} width={64} />
                    <ReferenceLine x={Number(shown.popularity_threshold)} stroke="#868e96" strokeDasharray="4 4" />
                    <ReferenceLine y={Number(shown.average_margin)} stroke="#868e96" strokeDasharray="4 4" />
                    <Tooltip cursor={{ strokeDasharray: '3 3' }} formatter={(value, key) => (key === 'Margin' ? money(String(value)) : formatQuantity(String(value)))} />
                    {(Object.keys(CLASSES) as MenuClass[]).map((kind) => (
                      <Scatter
                        key={kind}
                        name={CLASSES[kind].label}
                        data={shown.rows.filter((row) => row.class === kind).map((row) => ({ item: row.item, sold: Number(row.sold), margin: Number(row.margin) }))}
                        fill={`var(--mantine-color-${CLASSES[kind].color}-6)`}
                        isAnimationActive={false}
                      />
                    ))}
                  </ScatterChart>
                </ResponsiveContainer>
              </Paper>
              <Table aria-label="Menu" fz="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Dish</Table.Th>
                    <Table.Th ta="right">Sold</Table.Th>
                    <Table.Th ta="right">Price</Table.Th>
                    <Table.Th ta="right">Plate cost</Table.Th>
                    <Table.Th ta="right">Cost %</Table.Th>
                    <Table.Th ta="right">Margin</Table.Th>
                    <Table.Th ta="right">Margin × sold</Table.Th>
                    <Table.Th>Class</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.rows.map((row) => (
                    <Table.Tr key={row.item} data-class={row.class}>
                      <Table.Td>{row.item}</Table.Td>
                      <Table.Td ta="right">{formatQuantity(row.sold)}</Table.Td>
                      <Table.Td ta="right">{money(row.price)}</Table.Td>
                      <Table.Td ta="right">{money(row.plate_cost)}</Table.Td>
                      <Table.Td ta="right">{row.cost_pct === null ? '—' : formatPct(row.cost_pct)}</Table.Td>
                      <Table.Td ta="right">{money(row.margin)}</Table.Td>
                      <Table.Td ta="right">{money(row.margin_total)}</Table.Td>
                      <Table.Td>
                        <Badge color={CLASSES[row.class].color} variant="light" title={CLASSES[row.class].advice}>
                          {CLASSES[row.class].label}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed">
                {(Object.keys(CLASSES) as MenuClass[]).map((kind) => `${CLASSES[kind].label}: ${CLASSES[kind].advice}`).join('. ')}.
              </Text>
            </>
          )}
          {shown.unmapped.length > 0 ? (
            <Text size="sm" c="orange">
              Not in the report, because they are not mapped: {shown.unmapped.join(', ')}.
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
