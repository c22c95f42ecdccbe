import { Accordion, Alert, Code, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ActivityRow } from '../../../shared/model/people';
import { call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatInstant } from '../ui/format';
import { anyOf, useLive } from '../ui/use-live';
import { VirtualTable, type Column } from '../ui/VirtualTable';
import { roleLabels } from './AccountMenu';

/** What a change was, in the manager's words (the contract's name stays in the technical details). */
const deeds: Partial<Record<string, string>> = {
  'counts:start': 'Started a count',
  'counts:save': 'Saved a count sheet',
  'counts:finish': 'Finished a count',
  'counts:reopen': 'Reopened a count',
  'receipts:create': 'Recorded a delivery',
  'receipts:delete': 'Deleted a delivery',
  'waste:record': 'Recorded waste',
  'stock:move': 'Moved stock',
  'stock:undo': 'Undid waste or a move',
  'mappings:save': 'Mapped an item',
  'mappings:save-many': 'Mapped items',
  'mappings:delete': 'Removed a mapping',
  'transfers:run': 'Posted a day by hand',
  'reprocess:run': 'Reprocessed days',
  'backups:restore': 'Restored a backup',
  'recovery:restore': 'Restored a backup',
  'backups:now': 'Took a backup',
  'csv:upload': 'Uploaded sales',
  'csv:revert': 'Took back an upload',
  'settings:save': 'Changed settings',
  'recipes:save': 'Saved a recipe',
  'ingredients:save': 'Saved an ingredient',
  'migrations:start': 'Started a backfill',
  'demo:start': 'Started the demo account',
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

function shown(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? 'line' : 'lines'}`;
  if (typeof value === 'object' && value !== null) return '…';
  if (typeof value === 'string' && INSTANT.test(value)) return formatInstant(value);
  return String(value);
}

/** What was asked, as "storageUnit: Bar Storage, at: …": the request's fields without JSON's punctuation. */
function asked(summary: string): string {
  try {
    const fields = JSON.parse(summary) as Record<string, unknown>;
    return (
      Object.entries(fields)
        // A sheet's version is how Larder spots two people saving at once, nothing a reader needs.
        .filter(([key]) => key !== 'version')
        .map(([key, value]) => `${key}: ${shown(value)}`)
        .join(', ')
    );
  } catch {
    // A summary cut at its length limit is no longer JSON: shown as kept.
    return summary;
  }
}

const columns: Column<ActivityRow>[] = [
  { header: 'When', width: '190px', cell: (row) => formatInstant(row.at) },
  { header: 'Who', width: '170px', cell: (row) => row.name },
  { header: 'What', width: '200px', cell: (row) => deeds[row.channel] ?? row.channel },
  {
    header: 'Details',
    width: '1fr',
    cell: (row) => (
      <Text size="xs" title={`${row.channel} ${row.summary}`} lineClamp={2}>
        {asked(row.summary)}
      </Text>
    ),
  },
];

/** The owner's view of a Larder server's people: who signs in with which role, and who did what. */
export function PeopleScreen() {
  const people = useLive(() => call('people:list', {}), () => false, []);
  const locations = useLive(() => call('locations:list', {}), anyOf('lightspeed:changed'), []);
  const [who, setWho] = useState<string | null>(null);
  const activity = useLive(() => call('activity:list', { limit: 2000, ...(who ? { login: who } : {}) }), anyOf('inventory:changed', 'lightspeed:changed', 'transfer:finished', 'data:restored', 'settings:changed'), [who]);
  const nameOf = (id: string) => locations.data?.find((location) => location.businessLocationId === id)?.name ?? id;
  return (
    <Stack>
      <Title order={2}>People</Title>
      <Text size="sm" c="dimmed">
        Who signs in to this Larder and what each may do. People are added and their roles changed on the server with <Code>npm run cli -- users …</Code> (see the README).
      </Text>
      <ErrorNotice error={people.error ?? activity.error} />
      {people.data ? (
        <Paper withBorder>
          <Table aria-label="People" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Signs in as</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Works for</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.map((person) => (
                <Table.Tr key={person.login}>
                  <Table.Td>{person.name}</Table.Td>
                  <Table.Td>{person.login}</Table.Td>
                  <Table.Td>{roleLabels[person.role]}</Table.Td>
                  <Table.Td>
                    {person.role === 'owner'
                      ? 'Every location'
                      : [...person.locations.map(nameOf), ...person.storage_units].join(', ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      <Title order={3}>Who did what</Title>
      <Select
        label="Person"
        placeholder="Everyone"
        clearable
        w={260}
        data={(people.data ?? []).map((person) => ({ value: person.login, label: person.name }))}
        value={who}
        onChange={setWho}
      />
      {activity.data && activity.data.length === 0 ? <Alert color="blue">No changes made through the server yet.</Alert> : null}
      {activity.data && activity.data.length > 0 ? <VirtualTable label="Who did what" rows={activity.data} columns={columns} rowHeight={44} height={480} /> : null}
      <Accordion variant="contained">
        <Accordion.Item value="technical">
          <Accordion.Control>Technical details</Accordion.Control>
          <Accordion.Panel>
            <Text size="xs">Each change is kept with the contract it called and what was asked, without passwords, secrets or file contents. Hover a row’s details for its contract.</Text>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
