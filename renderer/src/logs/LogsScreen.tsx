import { Alert, Anchor, Badge, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { normalizeDate } from '../../../shared/dates';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatInstant } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';
import { anyOf, useLive } from '../ui/use-live';
import { call } from '../ipc/client';
import { transferOutcome, type TransferFacts } from './outcome';

/** The outcome as a badge, and under it what needs a look (unmapped lines, a day still open at the till). */
function OutcomeCell({ log }: { log: TransferFacts }) {
  const outcome = transferOutcome(log);
  return (
    <>
      <Badge color={outcome.color} variant="light" data-outcome={outcome.color}>
        {outcome.label}
      </Badge>
      {outcome.words !== outcome.label ? (
        <Text size="xs" c="dimmed">
          {outcome.words.replace(/^posted, /, '')}
        </Text>
      ) : null}
    </>
  );
}

/** Every transfer attempt, from the local database only: it reads the same with the network off. */
export function LogsScreen() {
  const { go, query } = useNavigation();
  const [location, setLocation] = useState<string | null>(query.location ?? null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<'success' | 'failed' | 'processing' | null>(null);
  const locations = useLive(() => call('locations:list', {}), anyOf('lightspeed:changed'), []);
  const logs = useLive(
    () =>
      call('logs:list', {
        ...(location ? { businessLocationId: location } : {}),
        ...(normalizeDate(from) ? { from } : {}),
        ...(normalizeDate(to) ? { to } : {}),
        ...(status ? { status } : {}),
        limit: 500,
      }),
    anyOf('transfer:started', 'transfer:finished', 'migration:progress'),
    [location, from, to, status],
  );
  const zone = useMemo(() => new Map((locations.data ?? []).map((entry) => [entry.businessLocationId, entry.timezone])), [locations.data]);
  return (
    <Stack>
      <Title order={2}>Transfer logs</Title>
      <Group align="end">
        <Select
          label="Location"
          placeholder="All locations"
          data={(locations.data ?? []).map((entry) => ({ value: entry.businessLocationId, label: entry.name }))}
          value={location}
          onChange={setLocation}
          clearable
          w={240}
        />
        <TextInput type="date" label="From business date" value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
        <TextInput type="date" label="To business date" value={to} onChange={(event) => setTo(event.currentTarget.value)} />
        <Select
          label="Status"
          placeholder="Any status"
          data={[
            { value: 'success', label: 'Success' },
            { value: 'failed', label: 'Failed' },
            { value: 'processing', label: 'Processing' },
          ]}
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          clearable
          w={160}
        />
      </Group>
      <ErrorNotice error={logs.error} />
      {logs.data && logs.data.length === 0 ? (
        <Alert color="blue" title="No transfer logs match">
          Logs appear when a location is activated (its migration), when you run a day by hand on a location’s page, and after each nightly run.
        </Alert>
      ) : null}
      {logs.data && logs.data.length > 0 ? (
        <Table striped highlightOnHover aria-label="Transfer logs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Business date</Table.Th>
              <Table.Th>Location</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Trigger</Table.Th>
              <Table.Th>Attempt</Table.Th>
              <Table.Th ta="right">Sales</Table.Th>
              <Table.Th ta="right">Lines</Table.Th>
              <Table.Th ta="right">Skipped</Table.Th>
              <Table.Th ta="right">Entries</Table.Th>
              <Table.Th>Unmapped</Table.Th>
              <Table.Th>Started (location time)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {logs.data.map((log) => (
              <Table.Tr key={log.id} data-log-id={log.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => go('logs', String(log.id))} aria-label={`Log ${log.id}: ${log.locationName} ${log.reportDate}`}>
                    {log.reportDate}
                  </Anchor>
                </Table.Td>
                <Table.Td>{log.locationName}</Table.Td>
                <Table.Td>
                  <OutcomeCell log={log} />
                  {log.replacedByLogId ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      replaced by log {log.replacedByLogId}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{log.trigger}</Table.Td>
                <Table.Td>{log.attempt}</Table.Td>
                <Table.Td ta="right">{log.salesCount}</Table.Td>
                <Table.Td ta="right">{log.linesProcessed}</Table.Td>
                <Table.Td ta="right">{log.linesSkipped}</Table.Td>
                <Table.Td ta="right">{log.ledgerEntriesCreated}</Table.Td>
                <Table.Td>{log.unmappedNames.length > 0 ? `${log.unmappedNames.length} name(s)` : '—'}</Table.Td>
                <Table.Td>{formatInstant(log.startedAt, zone.get(log.businessLocationId))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
