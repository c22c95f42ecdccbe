import { Alert, Anchor, Badge, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { normalizeDate } from '../../../shared/dates';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDay, formatInstant } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';
import { anyOf, useLive } from '../ui/use-live';
import { call } from '../ipc/client';
import { transferOutcome, type TransferFacts, ranBy } from './outcome';
import { VirtualTable, type Column, type RowGroups } from '../ui/VirtualTable';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';

type Log = ContractOutput<Contracts['logs:list']>[number];

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

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
/** The list comes newest business day first: each day under its own header. */
const byBusinessDay: RowGroups<Log> = {
  of: (log) => log.reportDate,
  header: (date, count) => `${weekday.format(new Date(`${date}T12:00:00Z`))} ${formatDay(date)} · ${count} ${count === 1 ? 'run' : 'runs'}`,
  height: 34,
};

/** Every transfer attempt, from the local database only: it reads the same with the network off. */
export function LogsScreen() {
  const { go, query } = useNavigation();
  const [location, setLocation] = useState<string | null>(query.location ?? null);
  const [from, setFrom] = useState(query.from ?? '');
  const [to, setTo] = useState(query.to ?? '');
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
    anyOf('transfer:started', 'transfer:finished', 'migration:progress', 'sources:changed'),
    [location, from, to, status],
  );
  const zone = useMemo(() => new Map((locations.data ?? []).map((entry) => [entry.businessLocationId, entry.timezone])), [locations.data]);
  // A year of nightly runs is hundreds of logs: the table draws only the rows in view.
  const columns: Column<Log>[] = [
    {
      header: 'Business date',
      width: '1fr',
      cell: (log) => (
        <Anchor component="button" type="button" size="sm" onClick={() => go('logs', String(log.id))} aria-label={`Log ${log.id}: ${log.locationName} ${formatDay(log.reportDate)}`}>
          {formatDay(log.reportDate)}
        </Anchor>
      ),
    },
    { header: 'Location', width: '1.3fr', cell: (log) => log.locationName },
    {
      header: 'Status',
      width: '1.8fr',
      cell: (log) => (
        <>
          <OutcomeCell log={log} />
          {log.replacedByLogId ? (
            <Anchor component="button" type="button" size="xs" ml={6} onClick={() => go('logs', String(log.replacedByLogId))}>
              see the later run
            </Anchor>
          ) : null}
        </>
      ),
    },
    { header: 'Run by', width: '1.5fr', cell: ranBy },
    { header: 'Sales', width: '0.5fr', align: 'right', cell: (log) => log.salesCount.toLocaleString() },
    { header: 'Lines', width: '0.5fr', align: 'right', cell: (log) => log.linesProcessed.toLocaleString() },
    { header: 'Skipped', width: '0.6fr', align: 'right', cell: (log) => log.linesSkipped.toLocaleString() },
    { header: 'Entries', width: '0.55fr', align: 'right', cell: (log) => log.ledgerEntriesCreated.toLocaleString() },
    { header: 'Unmapped', width: '0.8fr', cell: (log) => (log.unmappedNameCount > 0 ? `${log.unmappedNameCount} ${log.unmappedNameCount === 1 ? 'item' : 'items'}` : '—') },
    { header: 'Started (location time)', width: '2fr', cell: (log) => formatInstant(log.startedAt, zone.get(log.businessLocationId)) },
  ];
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
        <VirtualTable label="Transfer logs" rows={logs.data} columns={columns} rowHeight={52} height={620} groups={byBusinessDay} rowProps={(log) => ({ 'data-log-id': log.id })} />
      ) : null}
    </Stack>
  );
}
