import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { TIME_OF_DAY } from '../../../../shared/dates';
import type { TransactionsComparison } from '../../../../shared/model/transfers';
import { call } from '../../ipc/client';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDay, formatQuantity } from '../../ui/format';
import { ScrollTable } from '../../ui/ScrollTable';
import { useAction } from '../../ui/use-action';
import { readForUpload } from '../csv/read-file';

/** How many differing rows the panel lists; the CLI prints them all. */
const SHOWN = 200;

/**
 * A pilot's proof under a Lightspeed location: Back Office's Transactions export against what Larder
 * counted, per business day and SKU. The differences come first: each is a policy choice (a refund on
 * its own, a cancelled sale) or a sale Larder never received.
 */
export function TransactionsCompare({ businessLocationId }: { businessLocationId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [dayStarts, setDayStarts] = useState('00:00');
  const [result, setResult] = useState<TransactionsComparison | null>(null);
  const compare = useAction(async () => {
    if (!file) return;
    setResult(await call('locations:compare-transactions', { businessLocationId, file: await readForUpload(file), dayStarts }));
  });
  const differing = result?.rows.filter((row) => row.difference !== '0') ?? [];
  const startsOk = TIME_OF_DAY.test(dayStarts);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        Compare with Lightspeed’s Transactions report
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        In Lightspeed’s Back Office, Reports → Transactions → Export Transactions CSV for the days you transferred; choose the file here to see, item by item, whether Larder
        counted what Lightspeed sold.
      </Text>
      <Stack>
        <Group align="end">
          <FileInput label="Transactions export (CSV)" placeholder="Choose the file" accept=".csv,text/csv" value={file} onChange={setFile} clearable w={320} />
          <TextInput
            label="Business day starts at"
            description="Sales before this time belong to the day before"
            value={dayStarts}
            onChange={(event) => setDayStarts(event.currentTarget.value)}
            error={startsOk ? undefined : 'A time such as 05:00'}
            w={200}
          />
          <Button onClick={() => void compare.run()} loading={compare.busy} disabled={!file || !startsOk}>
            Compare
          </Button>
        </Group>
        <ErrorNotice error={compare.error} onClose={compare.clearError} />
        {result ? (
          result.differences === 0 ? (
            <Alert color="green" role="status">
              Every item of {result.days.length === 1 ? formatDay(result.days[0] as string) : `${result.days.length} days`} matches: Larder counted what Lightspeed sold.
            </Alert>
          ) : (
            <Alert color="orange" role="status" title={`${result.differences} of ${result.rows.length} items differ over ${result.days.length} ${result.days.length === 1 ? 'day' : 'days'}`}>
              A difference is either how Larder counts a refund or a cancelled sale (Settings → Refunds and voids), or a sale that never reached Larder: transfer that day again by
              hand.
            </Alert>
          )
        ) : null}
        {differing.length > 0 ? (
          <ScrollTable label="Items that differ" minWidth={640}>
            <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Business day</Table.Th>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Item</Table.Th>
                <Table.Th ta="right">Lightspeed</Table.Th>
                <Table.Th ta="right">Larder</Table.Th>
                <Table.Th ta="right">Difference</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {differing.slice(0, SHOWN).map((row) => (
                <Table.Tr key={`${row.date}|${row.sku}`}>
                  <Table.Td>{formatDay(row.date)}</Table.Td>
                  <Table.Td>{row.sku}</Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td ta="right">{formatQuantity(row.lightspeed_quantity)}</Table.Td>
                  <Table.Td ta="right">{formatQuantity(row.larder_quantity)}</Table.Td>
                  <Table.Td ta="right">{formatQuantity(row.difference)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
        {differing.length > SHOWN ? (
          <Text size="xs" c="dimmed">
            The first {SHOWN} of {differing.length}; `npm run cli -- lightspeed compare` prints them all.
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
