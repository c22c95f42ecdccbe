import { Accordion, Anchor, Badge, Button, Code, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useAction } from '../ui/use-action';
import { catalogEntry } from '../../../shared/errors';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDay, formatInstant, formatMoney, formatQuantity, localizeDates } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';
import { InvalidRowsTable } from '../sources/csv/csv-tables';
import { anyOf, useLive } from '../ui/use-live';
import { VirtualTable } from '../ui/VirtualTable';
import { call } from '../ipc/client';
import { useState } from 'react';
import { entryColumns } from '../ledger/entry-columns';
import { EntryLines } from '../ledger/EntryLines';
import { INCOMPLETE_DAY_WORDS, type Reconciliation } from '../../../shared/model/transfers';
import { ranBy, transferOutcome, unmappedShare } from './outcome';

type Log = NonNullable<ReturnType<typeof useLiveLog>['data']>;
const useLiveLog = (id: number) => useLive(() => call('logs:get', { id }), anyOf('transfer:finished', 'migration:progress', 'sources:changed'), [id]);

/** The log in one sentence: what a manager wants before any figure. */
function whatHappened(log: Log): string {
  const day = `${log.locationName}'s business day ${formatDay(log.reportDate)}`;
  if (log.status === 'processing') return `The sales of ${day} are being posted.`;
  if (log.status === 'failed') return `Nothing was posted for ${day}: the run failed (see above).`;
  if (log.noData) return `${day} had no sales: nothing to post.`;
  if (log.idempotent) return `${day} was posted before; this run found nothing new to post.`;
  if (log.ledgerEntriesCreated === 0 && log.linesProcessed === 0 && log.linesUnmapped > 0) {
    return `The ${log.salesCount} ${log.salesCount === 1 ? 'sale' : 'sales'} of ${day} took nothing from stock: none of their ${log.linesUnmapped} sold lines is of a mapped item.`;
  }
  const unmapped = log.linesUnmapped > 0 ? ` ${log.linesUnmapped} sold ${log.linesUnmapped === 1 ? 'line' : 'lines'} of unmapped items took nothing from stock.` : '';
  return `${log.salesCount} ${log.salesCount === 1 ? 'sale' : 'sales'} of ${day} took stock from ${log.storageUnit ?? 'the storage unit'} in ${log.ledgerEntriesCreated} ledger ${log.ledgerEntriesCreated === 1 ? 'entry' : 'entries'}.${unmapped}`;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** A failed day run again from its log: a new run (and log) of the same day, opened when it is done. */
function RunAgain({ businessLocationId, date }: { businessLocationId: string; date: string }) {
  const go = useNavigation((state) => state.go);
  const run = useAction(async () => {
    const result = await call('transfers:run', { businessLocationId, date, force: false });
    if (result.log_id !== null) go('logs', String(result.log_id));
  });
  return (
    <Stack gap={4} mt="sm" align="flex-start">
      <Button color="red" loading={run.busy} onClick={() => void run.run()}>
        Run {formatDay(date)} again
      </Button>
      <ErrorNotice error={run.error} onClose={run.clearError} />
    </Stack>
  );
}

/** The day against Lightspeed's own totals: amber with both figures per group when they differ. */
function ReconciliationPanel({ reconciliation, currency }: { reconciliation: Reconciliation; currency: string | null }) {
  if (reconciliation.status === 'unavailable') {
    return (
      <Text size="sm" c="dimmed">
        Lightspeed gave no totals of this day to check it against, so whether every sale arrived is not proven.
      </Text>
    );
  }
  if (reconciliation.status === 'match') {
    return (
      <Text size="sm" c="dimmed" data-reconciliation="match">
        Checked against Lightspeed’s own totals of the day: every accounting group matches, so every sale arrived.
      </Text>
    );
  }
  return (
    <Paper withBorder p="md" bg="yellow.0" data-reconciliation="differs">
      <Text fw={600}>Lightspeed’s totals differ from the sales Larder read</Text>
      <Text size="sm">
        Some sales of this day may not have reached Larder (or Lightspeed counts them differently). The ledger was posted from what arrived. What to do: run the day again by
        hand with fresh data; if the figures still differ, send the diagnostics file to support.
      </Text>
      <Table mt="xs" aria-label="Lightspeed’s totals against Larder’s">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Accounting group</Table.Th>
            <Table.Th ta="right">Lightspeed</Table.Th>
            <Table.Th ta="right">Larder</Table.Th>
            <Table.Th ta="right">Lines (Lightspeed / Larder)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reconciliation.groups.map((group) => (
            <Table.Tr key={group.group}>
              <Table.Td>{group.group || '(none)'}</Table.Td>
              <Table.Td ta="right">{formatMoney(group.lightspeed_amount, currency)}</Table.Td>
              <Table.Td ta="right">{formatMoney(group.larder_amount, currency)}</Table.Td>
              <Table.Td ta="right">
                {group.lightspeed_lines} / {group.larder_lines}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function LogDetail({ id }: { id: number }) {
  const go = useNavigation((state) => state.go);
  const [linesOf, setLinesOf] = useState<number | null>(null);
  const log = useLiveLog(id);
  const locations = useLive(() => call('locations:list', {}), () => false, []);
  const data = log.data;
  const here = locations.data?.find((location) => location.businessLocationId === data?.businessLocationId);
  const zone = here?.timezone;
  const currency = here?.currencyCode ?? null;
  const summary = data && 'source' in data.apiResponseSummary ? data.apiResponseSummary : null;
  const error = data?.errorCode ? catalogEntry(data.errorCode) : null;
  const outcome = data ? transferOutcome(data) : null;
  const share = data ? unmappedShare(data.salesValue, data.unmappedValue) : null;
  return (
    <Stack>
      <div>
        <Anchor component="button" type="button" size="sm" onClick={() => go('logs', null, data ? { location: data.businessLocationId } : {})}>
          ← Transfer logs
        </Anchor>
        <Group>
          <Title order={2}>{data ? `${data.locationName}, business day ${formatDay(data.reportDate)}` : 'Transfer log'}</Title>
          {outcome ? (
            <Badge color={outcome.color} size="lg" data-outcome={outcome.color}>
              {outcome.label}
            </Badge>
          ) : null}
        </Group>
      </div>
      <ErrorNotice error={log.error} />
      {data ? (
        <>
          {data.errorMessage ? (
            <Paper withBorder p="md" bg="red.0" role="alert">
              <Text fw={600}>{error?.meaning ?? data.errorCode}</Text>
              <Text size="sm">{localizeDates(data.errorMessage)}</Text>
              {error ? <Text size="sm" fw={500}>What to do: {error.fix}</Text> : null}
              {data.status === 'failed' && data.csvUploadId === null ? <RunAgain businessLocationId={data.businessLocationId} date={data.reportDate} /> : null}
            </Paper>
          ) : null}
          {data.replacedByLogId ? (
            <Paper withBorder p="md" bg="gray.0" data-replaced-by={data.replacedByLogId}>
              <Text size="sm">
                Replaced by{' '}
                <Anchor component="button" type="button" onClick={() => go('logs', String(data.replacedByLogId))}>
                  a later run of this day
                </Anchor>{' '}
                on {formatInstant(data.replacedAt, zone)}: a later forced run of the same day deleted the {data.ledgerEntriesCreated} entries this one created and posted the day
                again, so none of them is listed below.
              </Text>
            </Paper>
          ) : null}
          {data.csvUploadId !== null ? (
            <Paper withBorder p="md" bg={data.revertedAt ? 'gray.0' : undefined} data-reverted={Boolean(data.revertedAt)}>
              <Text size="sm">
                Posted from the CSV file <strong>{data.csvFileName}</strong> (upload {data.csvUploadId}).
                {data.revertedAt
                  ? ` The upload was reverted on ${formatInstant(data.revertedAt)}: its entries were taken out of the ledger; this log stays as the record.`
                  : ''}
              </Text>
              {data.csvInvalidRows.length > 0 ? (
                <>
                  <Text size="sm" mt="xs">
                    {data.csvInvalidRows.length === 1 ? 'One row' : `${data.csvInvalidRows.length} rows`} of the file could not be read and
                    {data.csvInvalidRows.length === 1 ? ' was' : ' were'} skipped:
                  </Text>
                  <InvalidRowsTable rows={data.csvInvalidRows} />
                </>
              ) : null}
            </Paper>
          ) : null}
          {data.status === 'success' && data.dataComplete === false ? (
            <Paper withBorder p="md" bg="yellow.0">
              <Text size="sm">
                This day is {INCOMPLETE_DAY_WORDS}. What was sold until then is posted; the nightly run transfers the day again once Lightspeed has closed it.
              </Text>
            </Paper>
          ) : null}
          {data.reconciliation ? <ReconciliationPanel reconciliation={data.reconciliation} currency={currency} /> : null}
          {data.linesUnmapped > 0 ? (
            <Paper withBorder p="md" bg="yellow.0">
              <Text size="sm">
                {data.linesUnmapped} of {data.linesSold} sold lines
                {share ? ` (${share} of the sales value)` : ''} deducted nothing: their
                items are not mapped.{' '}
                {data.source === 'csv'
                  ? 'Map their codes under Items, then upload the file again and choose Replace for this day.'
                  : 'Map them under Items, then run the day again from the location’s page.'}
              </Text>
            </Paper>
          ) : null}
          <Paper withBorder p="md">
            <Text mb="sm" aria-label="What happened">
              {whatHappened(data)}
            </Text>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              <Field label="Location">
                {data.source === 'csv' ? (
                  data.locationName
                ) : (
                  <Anchor component="button" type="button" onClick={() => go('locations', data.businessLocationId)}>
                    {data.locationName}
                  </Anchor>
                )}
              </Field>
              <Field label="Business day">{formatDay(data.reportDate)}</Field>
              <Field label="Storage unit">{data.storageUnit ?? '—'}</Field>
              <Field label="Run by">{ranBy(data)}</Field>
              <Field label="Sales">{data.salesCount}</Field>
              <Field label="Sales lines deducted">{data.linesProcessed}</Field>
              <Field label="Ledger entries">
                {data.ledgerEntriesCreated} posted{data.entriesReplaced > 0 ? `, ${data.entriesReplaced} replaced` : ''}
              </Field>
              <Field label="When">{formatInstant(data.finishedAt ?? data.startedAt, zone)}</Field>
            </SimpleGrid>
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md" aria-label="Unmapped names">
              <Title order={3} size="h5" mb={4}>
                Items not mapped ({data.unmappedNames.length})
              </Title>
              {data.unmappedNames.length > 0 ? (
                <List size="sm">
                  {data.unmappedNames.map((name) => (
                    <List.Item key={name}>{name}</List.Item>
                  ))}
                </List>
              ) : data.status === 'failed' || data.salesCount === 0 ? (
                <Text size="sm">No sales were read for this day{data.status === 'failed' ? ': the run failed before it could read them' : ''}.</Text>
              ) : (
                <Text size="sm">Every sold item was mapped.</Text>
              )}
            </Paper>
            <Paper withBorder p="md" aria-label="Recipes used">
              <Title order={3} size="h5" mb={4}>
                Recipes and ingredients used
              </Title>
              {data.recipesUsed.length === 0 ? (
                <Text size="sm">None.</Text>
              ) : (
                <List size="sm">
                  {data.recipesUsed.map((use) => (
                    <List.Item key={`${use.type}-${use.name}`}>
                      {formatQuantity(use.quantity)} × {use.name} ({use.type})
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          </SimpleGrid>
          <Accordion variant="contained" aria-label="Technical details">
            <Accordion.Item value="technical">
              <Accordion.Control>Technical details</Accordion.Control>
              <Accordion.Panel>
                <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
                  <Field label="Log id">{data.id}</Field>
                  <Field label="Location id">{data.businessLocationId}</Field>
                  <Field label="Request UUID">
                    <Code>{data.requestUuid}</Code>
                  </Field>
                  <Field label="Attempt number">{data.attempt}</Field>
                  <Field label="Trigger">{data.trigger}</Field>
                  <Field label="Force refresh">{data.forceRefresh ? 'Yes' : 'No'}</Field>
                  <Field label="Data complete">{data.dataComplete === null ? '—' : data.dataComplete ? 'Yes' : 'No (the day may still change)'}</Field>
                  <Field label="Lines skipped">{data.linesSkipped}</Field>
                  <Field label="No data">{data.noData ? 'Yes, no sales that day' : 'No'}</Field>
                  <Field label="Used cache">{data.usedCache ? 'Yes' : 'No'}</Field>
                  <Field label="Already posted (idempotent)">{data.idempotent ? 'Yes' : 'No'}</Field>
                  <Field label="Started / finished">
                    {formatInstant(data.startedAt, zone)} / {formatInstant(data.finishedAt, zone)}
                  </Field>
                </SimpleGrid>
                <Title order={4} size="h6" mt="sm" mb={4}>
                  Exceptions ({data.exceptions.length})
                </Title>
                {data.exceptions.length === 0 ? <Text size="sm">None.</Text> : <List size="sm">{data.exceptions.map((text) => <List.Item key={text}>{text}</List.Item>)}</List>}
                <Title order={4} size="h6" mt="sm" mb={4}>
                  API summary
                </Title>
                {summary ? (
                  <Text size="sm">
                    {summary.source === 'api' ? 'Fetched from the POS' : 'From sales fetched earlier'} {formatInstant(summary.fetchedAt, zone)}: {summary.sales} sales, {summary.lines} lines, data{' '}
                    {summary.dataComplete ? 'complete' : 'not complete'}
                    {summary.nextStartOfDay ? `, next start of day ${formatInstant(summary.nextStartOfDay, zone)}` : ''}.
                  </Text>
                ) : (
                  <Text size="sm">No call was made.</Text>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb={4}>
              Ledger entries created ({data.ledgerEntries.length})
            </Title>
            {data.ledgerEntries.length > 0 ? (
              <VirtualTable
                label="Ledger entries of this transfer"
                rows={data.ledgerEntries}
                columns={entryColumns(() => data.locationName, null, setLinesOf, currency)}
                rowHeight={38}
                height={420}
                rowProps={(entry) => ({ 'data-entry-id': entry.id })}
              />
            ) : (
              <Text size="sm">None.</Text>
            )}
            <EntryLines entryId={linesOf} onClose={() => setLinesOf(null)} />
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
