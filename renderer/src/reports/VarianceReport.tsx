// The variance report: a storage unit's counts against what its sales, receipts, waste and moves say.
import { ScrollTable } from '../ui/ScrollTable';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { VarianceReport } from '../../../shared/model/stock';
import { call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatInstant, formatMoney, formatPct } from '../ui/format';
import { varianceCsv } from './variance-csv';
import { firstUnitWithTwoCounts } from './variance-choice';
import { useAction } from '../ui/use-action';
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
export function VariancePanel() {
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
