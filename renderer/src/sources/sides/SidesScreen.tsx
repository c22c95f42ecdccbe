import { Alert, Button, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../ipc/client';
import { ActionForm } from '../../ui/ActionForm';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatInstant } from '../../ui/format';
import { useNavigation } from '../../ui/navigation-store';
import { useAction } from '../../ui/use-action';
import { anyOf, useLive } from '../../ui/use-live';
import { BackToSources } from '../BackToSources';

/** The user name and password (and the address), checked by Sides before anything is saved. */
function CredentialsForm({ update, apiUrl, username, onDone }: { update: boolean; apiUrl: string | null; username: string | null; onDone?: () => void }) {
  const [address, setAddress] = useState(apiUrl ?? '');
  const [user, setUser] = useState(username ?? '');
  const [password, setPassword] = useState('');
  const connect = useAction(async () => {
    await call('sides:connect', { ...(address.trim() ? { apiUrl: address } : {}), username: user, password, update });
    setPassword('');
    onDone?.();
  });
  return (
    <ActionForm onSubmit={connect.run}>
      <Stack gap="sm" maw={460}>
        <TextInput label="Sides address" description="As your Sides partner gave it, such as https://pos.example.com" value={address} onChange={(event) => setAddress(event.currentTarget.value)} />
        <TextInput label="User name" required value={user} onChange={(event) => setUser(event.currentTarget.value)} autoComplete="username" />
        <PasswordInput
          label="Password"
          description="Kept sealed on this computer; Larder checks it with Sides before saving"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          autoComplete="current-password"
        />
        <ErrorNotice error={connect.error} onClose={connect.clearError} />
        <Group>
          <Button type="submit" loading={connect.busy} disabled={!user.trim() || !password}>
            {update ? 'Save new credentials' : 'Connect to Sides'}
          </Button>
        </Group>
      </Stack>
    </ActionForm>
  );
}

/** Sides POS: connect, test, sync stores and products; stores are linked and activated under Locations. */
export function SidesScreen() {
  const go = useNavigation((state) => state.go);
  const status = useLive(() => call('sides:status', {}), anyOf('sources:changed'), []);
  const [changing, setChanging] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const test = useAction(async () => {
    const result = await call('sides:test', {});
    setDone(`Sides answered at ${formatInstant(result.checkedAt)}.`);
  });
  const stores = useAction(async () => {
    const result = await call('sides:sync-stores', {});
    setDone(`${result.stores} stores synced (${result.added} new${result.notSeen > 0 ? `, ${result.notSeen} no longer listed by Sides, kept` : ''}).`);
  });
  const products = useAction(async () => {
    const result = await call('sides:sync-products', {});
    setDone(`${result.products} products of ${result.stores} stores synced.`);
  });
  const view = status.data;
  const error = test.error ?? stores.error ?? products.error;
  return (
    <Stack maw={860}>
      <BackToSources />
      <Title order={2}>Sides POS</Title>
      <Text c="dimmed" size="sm">
        SIDES by SimplyDelivery. Larder reads each store’s closed orders every night. Sides publishes no API documentation: the format Larder expects is to be confirmed with a
        Sides partner account (README, “Sides POS”).
      </Text>
      <ErrorNotice error={status.error} />
      {view && !view.connected ? (
        <Paper withBorder p="md">
          <Text mb="sm">Not connected. Enter the Sides account Larder should read the sales with.</Text>
          <CredentialsForm update={false} apiUrl={view.apiUrl} username={null} />
        </Paper>
      ) : null}
      {view?.connected ? (
        <>
          <Paper withBorder p="md" data-status="connected" aria-label="Sides connection">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Text size="sm">
                <strong>Address:</strong> {view.apiUrl}
              </Text>
              <Text size="sm">
                <strong>Signed in as:</strong> {view.username}
              </Text>
              <Text size="sm">
                <strong>Last successful check:</strong> {formatInstant(view.lastCheckAt)}
              </Text>
              <Text size="sm">
                <strong>Stores synced:</strong> {formatInstant(view.storesSyncedAt)}
              </Text>
              <Text size="sm">
                <strong>Products synced:</strong> {formatInstant(view.productsSyncedAt)}
              </Text>
            </SimpleGrid>
            <Group mt="md" gap="xs">
              <Button variant="default" loading={test.busy} onClick={() => void test.run()}>
                Test connection
              </Button>
              <Button loading={stores.busy} onClick={() => void stores.run()}>
                Sync stores
              </Button>
              <Button loading={products.busy} onClick={() => void products.run()}>
                Sync products
              </Button>
              <Button variant="subtle" onClick={() => setChanging(!changing)}>
                Change credentials
              </Button>
            </Group>
          </Paper>
          {done && !error ? (
            <Alert color="green" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setDone(null)}>
              {done}
            </Alert>
          ) : null}
          <ErrorNotice error={error} />
          {changing ? (
            <Paper withBorder p="md">
              <Text size="sm" mb="sm">
                New credentials are checked with Sides first; stores, links, mappings and history stay.
              </Text>
              <CredentialsForm update apiUrl={view.apiUrl} username={view.username} onDone={() => setChanging(false)} />
            </Paper>
          ) : null}
          <Text size="sm">
            Next: link each store to a storage unit and activate it under{' '}
            <Button variant="subtle" size="compact-sm" onClick={() => go('locations')}>
              Locations
            </Button>
            , and map the products under{' '}
            <Button variant="subtle" size="compact-sm" onClick={() => go('items', null, { source: view.name })}>
              Items
            </Button>
            .
          </Text>
        </>
      ) : null}
    </Stack>
  );
}
