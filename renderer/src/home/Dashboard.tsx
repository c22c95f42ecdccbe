import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HomeDashboard } from '../../../shared/model/setup';
import { CoverageCard } from '../items/CoverageCard';
import { AlertNotice } from '../ui/AlertNotice';
import { formatDay, formatDayShort, formatInstant, formatMoney, formatPct, formatUnitCost, PC_ZONE } from '../ui/format';
import { CurrencyNote } from '../reports/CurrencyNote';
import { useNavigation } from '../ui/navigation-store';

type Night = HomeDashboard['nights'][number];
type FoodCost = HomeDashboard['foodCost'][number];

/** Each status in words and a colour: green only when nothing needs a look. */
function nightWords(night: Night): { color: string; label: string; next: string | null } {
  switch (night.status) {
    case 'posted':
      return { color: 'green', label: 'Posted', next: null };
    case 'unmapped':
      return { color: 'yellow', label: `Posted; ${night.linesUnmapped} ${night.linesUnmapped === 1 ? 'line' : 'lines'} not mapped`, next: 'Map the items, then run the day again' };
    case 'no_sales':
      return { color: 'gray', label: 'No sales that day', next: null };
    case 'incomplete':
      return { color: 'yellow', label: 'Incomplete: the till had not closed the day', next: 'The nightly run completes it' };
    case 'failed':
      return { color: 'red', label: 'Failed', next: 'Open the day to see why and run it again' };
    case 'running':
      return { color: 'blue', label: 'Running', next: null };
    case 'not_run':
      return { color: 'yellow', label: 'Not run yet', next: 'Runs tonight, or run it by hand from the location' };
    case 'paused':
      return { color: 'gray', label: 'Paused: automatic issue is off', next: 'Turn automatic issue on at the location' };
    default:
      return { color: 'gray', label: 'Not activated', next: null };
  }
}

function LastNight({ nights }: { nights: Night[] }) {
  const go = useNavigation((state) => state.go);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Last night
      </Title>
      <Table aria-label="Last night">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Location</Table.Th>
            <Table.Th>Business day</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th>Next</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {nights.map((night) => {
            const words = nightWords(night);
            return (
              <Table.Tr key={night.businessLocationId} data-night={night.businessLocationId} data-status={night.status}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => go('locations', night.businessLocationId)}>
                    {night.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {formatDay(night.date)}
                  {night.timezone !== PC_ZONE ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({night.timezone})
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Badge color={words.color} variant="light" aria-label={`${night.name}: ${words.label}`}>
                    {words.label}
                  </Badge>
                  {night.finishedAt ? (
                    <Text size="xs" c="dimmed">
                      at {formatInstant(night.finishedAt, night.timezone)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {night.logId !== null ? (
                    <Button size="compact-sm" variant="light" onClick={() => go('logs', String(night.logId))}>
                      Open the day
                    </Button>
                  ) : null}
                  {words.next ? (
                    <Text size="xs" c="dimmed">
                      {words.next}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function FoodCostCard({ cost }: { cost: FoodCost }) {
  const data = cost.days.map((day) => ({
    date: formatDayShort(day.date),
    issued: Number(day.theoretical_cost),
    pct: day.theoretical_pct === null ? null : Number(day.theoretical_pct),
  }));
  return (
    <Paper withBorder p="md" aria-label={`Food cost of ${cost.location}`} data-food-cost={cost.businessLocationId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h5">
            {cost.location}: food cost, last 30 days
          </Title>
          <Text size="xl" fw={700} data-food-cost-pct>
            {cost.theoretical_pct !== null ? formatPct(cost.theoretical_pct) : cost.pct_note ? 'No food cost %' : 'No sales'}
          </Text>
          <Text size="sm" c="dimmed">
            {formatMoney(cost.theoretical_cost, cost.cost_currency)} issued for {formatMoney(cost.sales, cost.currency)} net sales
            {cost.actual?.actual_pct ? `; counted: ${formatPct(cost.actual.actual_pct)}` : ''}
          </Text>
          <CurrencyNote cost={cost} />
        </div>
      </Group>
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" fontSize={11} />
          <YAxis yAxisId="value" fontSize={11} width={60} />
          <YAxis yAxisId="pct" orientation="right" unit=" %" fontSize={11} width={48} />
          <Tooltip formatter={(value, name) => (name === 'pct' ? [`${String(value)} %`, 'food cost'] : [formatMoney(String(value), cost.cost_currency), 'issued value'])} />
          <Bar yAxisId="value" dataKey="issued" fill="#a5d8ff" isAnimationActive={false} />
          <Line yAxisId="pct" type="monotone" dataKey="pct" stroke="#1971c2" dot={false} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <Text size="xs" c="dimmed">
        Bars: value issued per day ({cost.cost_currency}). Line: issued value as a share of the day’s net sales.
      </Text>
    </Paper>
  );
}

function StockWarnings({ stock }: { stock: HomeDashboard['stock'] }) {
  const problems = [
    stock.negative.length > 0 ? { color: 'red', text: `Below zero: ${stock.negative.slice(0, 5).join(', ')}${stock.negative.length > 5 ? ` and ${stock.negative.length - 5} more` : ''}. A delivery is missing, or a count is due.` } : null,
    stock.noCost.length > 0 ? { color: 'orange', text: `No cost yet: ${stock.noCost.slice(0, 5).join(', ')}${stock.noCost.length > 5 ? ` and ${stock.noCost.length - 5} more` : ''}. Record a receipt with its value.` } : null,
    stock.neverCounted > 0 ? { color: 'gray', text: `${stock.neverCounted} ingredients in stock were never counted. Count them under Inventory → Counts.` } : null,
  ].filter((problem) => problem !== null);
  if (problems.length === 0) return null;
  return (
    <InventoryCard label="Stock warnings" title="Stock that needs a look">
      <List size="sm" spacing={4}>
        {problems.map((problem) => (
          <List.Item key={problem.text}>
            <Text span size="sm" c={problem.color === 'gray' ? undefined : problem.color}>
              {problem.text}
            </Text>
          </List.Item>
        ))}
      </List>
    </InventoryCard>
  );
}

/** A Home card about stock, with its way to the Inventory. */
function InventoryCard({ label, title, children }: { label: string; title: string; children: ReactNode }) {
  const go = useNavigation((state) => state.go);
  return (
    <Paper withBorder p="md" aria-label={label}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Button size="compact-sm" variant="light" onClick={() => go('inventory')}>
          Open Inventory
        </Button>
      </Group>
      {children}
    </Paper>
  );
}

/** Deliveries that cost noticeably more than before: a plate cost moved with them. */
export function PriceRises({ rises }: { rises: HomeDashboard['priceRises'] }) {
  if (rises.length === 0) return null;
  return (
    <InventoryCard label="Price rises" title="Deliveries that cost more than before">
      <List size="sm" spacing={4}>
        {rises.slice(0, 8).map((rise) => (
          <List.Item key={`${rise.ingredient}-${rise.date}-${rise.unitCost}`}>
            <Text span size="sm" c="orange" title={`${formatUnitCost(rise.unitCost, null)} a ${rise.unit}, against ${formatUnitCost(rise.before, null)} on average before`}>
              {rise.ingredient} +{rise.pct} % in the delivery of {formatDay(rise.date)}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt={4}>
        The recipes using them cost more too: check their plate cost and prices.
      </Text>
    </InventoryCard>
  );
}

/** Whether a location is activated: until then Home is the setup checklist alone. */
export const hasActiveLocation = (dashboard: HomeDashboard) => dashboard.nights.some((night) => night.status !== 'not_activated');

/** Home once a location is activated: what happened, what is wrong, what to do next. */
export function Dashboard({ dashboard }: { dashboard: HomeDashboard }) {
  const go = useNavigation((state) => state.go);
  if (!hasActiveLocation(dashboard)) return null;
  return (
    <Stack>
      {dashboard.alerts.map((alert) => (
        <AlertNotice key={alert.id} alert={alert} />
      ))}
      <LastNight nights={dashboard.nights} />
      <SimpleGrid cols={{ base: 1, md: dashboard.foodCost.length > 1 ? 2 : 1 }}>
        {dashboard.foodCost.map((cost) => (
          <FoodCostCard key={cost.businessLocationId} cost={cost} />
        ))}
      </SimpleGrid>
      <CoverageCard onMap={() => go('items')} />
      <StockWarnings stock={dashboard.stock} />
      <PriceRises rises={dashboard.priceRises} />
    </Stack>
  );
}
