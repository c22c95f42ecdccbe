import { Alert, Button, Group, Modal, NumberInput, Progress, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { addDays } from '../../../shared/dates';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatDay, formatMoney } from '../ui/format';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { call, onLarderEvent } from '../ipc/client';
import { useYesterday } from '../locations/use-yesterday';

type Preview = ContractOutput<Contracts['reprocess:preview']>;
type Outcome = ContractOutput<Contracts['reprocess:run']>;

function PreviewTable({ preview, currency }: { preview: Preview; currency: string | null }) {
  const changed = preview.ingredients.filter((row) => row.difference !== '0');
  if (changed.length === 0) return null;
  return (
    <Table aria-label="What would change" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Ingredient</Table.Th>
          <Table.Th ta="right">Posted now</Table.Th>
          <Table.Th ta="right">With today’s mappings</Table.Th>
          <Table.Th ta="right">Difference</Table.Th>
          <Table.Th ta="right">Value now → after</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changed.map((row) => (
          <Table.Tr key={row.ingredient}>
            <Table.Td>{row.ingredient}</Table.Td>
            <Table.Td ta="right">{formatAtUnit(row.posted, row.unit)}</Table.Td>
            <Table.Td ta="right">{formatAtUnit(row.new, row.unit)}</Table.Td>
            <Table.Td ta="right">{formatAtUnit(row.difference, row.unit)}</Table.Td>
            <Table.Td ta="right">{row.newValue === '0' && row.new !== '0' ? 'no cost yet: record a receipt' : `${formatMoney(row.postedValue, currency)} → ${formatMoney(row.newValue, currency)}`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Past days rebuilt with today's mappings and recipes: choose a location and the days, see per
 * ingredient what would change (nothing is written), then reprocess exactly the changed days with
 * progress and a Cancel that stops between days (each day is its own transaction).
 */
export function ReprocessDialog({ opened, onClose, location, lastDays = 30 }: { opened: boolean; onClose: () => void; location?: string; lastDays?: number }) {
  const locations = useLive(() => call('locations:list', {}), anyOf('lightspeed:changed'), []);
  const activated = (locations.data ?? []).filter((one) => one.activatedAt !== null);
  const [chosen, setChosen] = useState<string | null>(location ?? null);
  const businessLocationId = chosen ?? activated[0]?.businessLocationId ?? null;
  const current = activated.find((one) => one.businessLocationId === businessLocationId);
  const yesterday = useYesterday(businessLocationId);
  const [mode, setMode] = useState<'last' | 'range'>('last');
  const [days, setDays] = useState<number | string>(lastDays);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // A preview answers one location and range; changing either hides it until previewed again.
  const [previewed, setPreviewed] = useState<{ key: string; preview: Preview } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const daysValid = typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 400;
  const range = mode === 'last' ? (yesterday && daysValid ? { from: addDays(yesterday, -((days as number) - 1)), to: yesterday } : null) : from && to ? { from, to } : null;
  const rangeProblem = mode === 'range' && from && to && from > to ? 'The first day must come before the last' : null;

  const key = JSON.stringify([businessLocationId, range]);
  const preview = previewed?.key === key ? previewed.preview : null;
  useEffect(
    () =>
      onLarderEvent((event) => {
        if (event.type === 'reprocess:progress' && event.businessLocationId === businessLocationId) setProgress({ done: event.done, total: event.total });
      }),
    [businessLocationId],
  );

  const look = useAction(async () => {
    if (!businessLocationId || !range) return;
    setOutcome(null);
    setPreviewed({ key, preview: await call('reprocess:preview', { businessLocationId, ...range }) });
  });
  const run = useAction(async () => {
    if (!businessLocationId || !range) return;
    setProgress({ done: 0, total: preview?.days.length ?? 0 });
    const result = await call('reprocess:run', { businessLocationId, ...range });
    setOutcome(result);
    setPreviewed(null);
    setProgress(null);
  });
  const cancel = useAction(() => call('reprocess:cancel', {}));
  const currency = current?.currencyCode ?? null;
  const failed = outcome?.days.filter((day) => !day.success).length ?? 0;

  return (
    <Modal opened={opened} onClose={run.busy ? () => undefined : onClose} title="Apply today’s mappings to past days" size="xl" closeOnClickOutside={!run.busy}>
      <Stack>
        <Text size="sm">
          Past days keep what was posted with the mappings of their time. Here you see what today’s mappings and recipes would post instead; nothing changes until you
          confirm, and then only the days that differ are posted again from the sales Larder already has.
        </Text>
        <Group align="flex-end">
          <Select
            label="Location"
            data={activated.map((one) => ({ value: one.businessLocationId, label: one.name }))}
            value={businessLocationId}
            onChange={setChosen}
            disabled={location !== undefined || run.busy}
            w={240}
            allowDeselect={false}
          />
          <SegmentedControl
            aria-label="Which days"
            value={mode}
            onChange={(value) => setMode(value as 'last' | 'range')}
            data={[
              { value: 'last', label: 'Last days' },
              { value: 'range', label: 'Date range' },
            ]}
            disabled={run.busy}
          />
          {mode === 'last' ? (
            <NumberInput label="Number of days" value={days} onChange={setDays} min={1} max={400} w={150} error={daysValid ? null : 'Number of days: 1 to 400'} disabled={run.busy} />
          ) : (
            <>
              <TextInput type="date" label="First day" value={from} onChange={(event) => setFrom(event.currentTarget.value)} max={yesterday ?? undefined} error={rangeProblem} disabled={run.busy} />
              <TextInput type="date" label="Last day" value={to} onChange={(event) => setTo(event.currentTarget.value)} max={yesterday ?? undefined} disabled={run.busy} />
            </>
          )}
        </Group>
        {activated.length === 0 && locations.data ? <Alert color="blue">No location is activated yet: nothing has been posted that could be corrected.</Alert> : null}
        {range && mode === 'last' ? (
          <Text size="sm" c="dimmed">
            Business days {formatDay(range.from)} to {formatDay(range.to)}
            {current ? ` (${current.timezone})` : ''}.
          </Text>
        ) : null}
        <ErrorNotice error={look.error ?? run.error ?? cancel.error} />
        {preview ? (
          preview.days.length === 0 ? (
            <Alert color="green" title="Nothing to correct">
              Every day in this range already posts what today’s mappings would.
            </Alert>
          ) : (
            <Stack gap="xs">
              <Alert color="yellow" title={`${preview.days.length} ${preview.days.length === 1 ? 'day' : 'days'} would change`}>
                <Text size="sm">{preview.days.map(formatDay).join(', ')}</Text>
              </Alert>
              <PreviewTable preview={preview} currency={currency} />
            </Stack>
          )
        ) : null}
        {run.busy && progress ? (
          <Stack gap={4} role="status">
            <Text size="sm">
              Reprocessing: {progress.done} of {progress.total} days done
            </Text>
            <Progress value={progress.total > 0 ? (progress.done / progress.total) * 100 : 0} aria-label="Reprocess progress" />
          </Stack>
        ) : null}
        {outcome ? (
          <Alert color={failed > 0 ? 'red' : outcome.cancelled ? 'yellow' : 'green'} title={outcome.cancelled ? 'Stopped' : failed > 0 ? 'Some days failed' : 'Done'} role="status">
            {outcome.days.length} {outcome.days.length === 1 ? 'day' : 'days'} posted again with today’s mappings
            {failed > 0 ? `; ${failed} failed — open their transfer logs, then preview again` : ''}
            {outcome.cancelled ? '. The days not done yet still show the old deductions: preview again to finish them.' : '.'}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          {run.busy ? (
            <Button color="red" variant="light" onClick={() => void cancel.run()} loading={cancel.busy}>
              Cancel
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          )}
          <Button variant={preview ? 'default' : 'filled'} onClick={() => void look.run()} loading={look.busy} disabled={!range || Boolean(rangeProblem) || run.busy}>
            Preview changes
          </Button>
          {preview && preview.days.length > 0 ? (
            <Button onClick={() => void run.run()} loading={run.busy}>
              Reprocess {preview.days.length} {preview.days.length === 1 ? 'day' : 'days'}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
