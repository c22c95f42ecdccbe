// The food cost report: what the sales took from stock against what they brought in, over a span.
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FoodCost } from '../../../shared/model/stock';
import { call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDay, formatDayShort, formatMoney, formatPct, localizeDates } from '../ui/format';
import { CurrencyNote } from './CurrencyNote';
import { useAction } from '../ui/use-action';
import { useYesterday } from '../locations/use-yesterday';
import { addDays } from '../../../shared/dates';
import { anyOf, useLive } from '../ui/use-live';

/** Food cost of a location: sales, theoretical and actual cost, and the theoretical food cost % of the last 30 days as a chart. */
export function FoodCostPanel() {
  // A CSV till's locations too: their uploaded sales have a food cost like any POS's.
  const locations = useLive(() => call('locations:list', { withCsv: true }), anyOf('lightspeed:changed', 'sources:changed'), []);
  const [location, setLocation] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const [shown, setShown] = useState<FoodCost | null>(null);
  // An activated location (or a CSV till's, posted by upload) first: the others have no posted sales to cost.
  const posting = (each: { activatedAt: string | null; sourceKind: string }) => each.activatedAt !== null || each.sourceKind === 'csv';
  const chosen = location ?? (locations.data?.find(posting) ?? locations.data?.[0])?.businessLocationId ?? null;
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
  const activated = (locations.data ?? []).filter(posting);
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
            <Paper withBorder p="sm" aria-label="Net sales">
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
