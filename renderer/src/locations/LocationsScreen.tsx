import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatInstant } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { call } from '../ipc/client';
import { useCan } from '../app/person-store';

export function LocationsScreen() {
  const go = useNavigation((state) => state.go);
  const reloadOn = anyOf('lightspeed:changed', 'inventory:changed', 'migration:progress', 'connection:changed');
  const locations = useLive(() => call('locations:list', {}), reloadOn, []);
  const units = useLive(() => call('storage-units:list', {}), reloadOn, []);
  const sync = useAction(() => call('locations:sync', {}));
  const canSync = useCan('locations:sync');
  const unitName = (id: number | null) => (id === null ? null : (units.data?.find((unit) => unit.id === id)?.name ?? null));
  const list = locations.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Locations</Title>
        {canSync ? (
          <Button loading={sync.busy} onClick={() => void sync.run()}>
            Sync locations
          </Button>
        ) : null}
      </Group>
      <Text c="dimmed" size="sm">
        Your POS locations: Lightspeed business locations and Sides stores. Link each to the storage unit its sales come out of, then activate it.
      </Text>
      <ErrorNotice error={sync.error ?? locations.error} onClose={sync.clearError} />
      {sync.busy ? <Text role="status">Fetching locations from Lightspeed…</Text> : null}
      {list && list.length === 0 ? (
        <Alert color="blue" title="No locations yet">
          Next step: connect Lightspeed (Sales sources → Lightspeed K-Series), then click Sync locations.{' '}
          <Anchor component="button" type="button" onClick={() => go('connection')}>
            Open the Lightspeed connection
          </Anchor>
        </Alert>
      ) : null}
      {list && list.length > 0 ? (
        <Table striped highlightOnHover aria-label="Locations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Storage unit</Table.Th>
              <Table.Th>Currency</Table.Th>
              <Table.Th>Activated</Table.Th>
              <Table.Th>Auto issue</Table.Th>
              <Table.Th>Last synced</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((location) => (
              <Table.Tr key={location.businessLocationId} data-location={location.businessLocationId}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => go('locations', location.businessLocationId)}>
                    {location.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {location.country} · {location.timezone}
                  </Text>
                  {!location.seenInLastSync ? (
                    <Badge color="orange" variant="light" title="The POS did not list this location in the last sync; its data is kept.">
                      Not seen in last sync
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{unitName(location.storageUnitId) ?? <Badge color="orange" variant="light">No storage unit</Badge>}</Table.Td>
                <Table.Td>{location.currencyCode}</Table.Td>
                <Table.Td>{location.activatedAt ? `Yes, ${formatInstant(location.activatedAt, location.timezone)}` : 'No'}</Table.Td>
                <Table.Td>{location.activatedAt ? (location.autoIssue ? 'On' : 'Paused') : '—'}</Table.Td>
                <Table.Td>{formatInstant(location.lastSyncedAt, location.timezone)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
