import { Alert, Badge, Button, Group, Modal, Paper, PasswordInput, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ContractOutput } from '../../../../shared/ipc/contract';
import type { Contracts } from '../../../../shared/ipc/contracts';
import { ActionForm } from '../../ui/ActionForm';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AlertNotice } from '../../ui/AlertNotice';
import { formatInstant } from '../../ui/format';
import { useAction } from '../../ui/use-action';
import { anyOf, useLive } from '../../ui/use-live';
import { call, onLarderEvent } from '../../ipc/client';
import { DemoAccountButton } from './DemoAccountButton';
import { BackToSources } from '../BackToSources';

type Connection = ContractOutput<Contracts['connection:status']>;
type Configuration = ContractOutput<Contracts['connection:configuration']>;
type Started = ContractOutput<Contracts['connection:start']>;

const statusText: Record<Connection['status'], { label: string; color: string; words: string }> = {
  active: { label: 'Active', color: 'green', words: 'Larder can fetch POS sales.' },
  disconnected: { label: 'Disconnected', color: 'red', words: 'Lightspeed no longer accepts Larder’s sign-in. Reauthorize to continue; nothing local is lost.' },
  refresh_failed: { label: 'Refresh failed', color: 'orange', words: 'Renewing the sign-in failed. Test the connection; reauthorize if it keeps failing.' },
  not_connected: { label: 'Not connected', color: 'gray', words: 'Connect a Lightspeed Restaurant (K-Series) account to start.' },
};

const environments = [
  { value: 'trial-v2', label: 'Lightspeed trial account (current sign-in)' },
  { value: 'production-v2', label: 'Lightspeed live account (current sign-in)' },
  { value: 'trial-v1', label: 'Lightspeed trial account (older sign-in)' },
  { value: 'production-v1', label: 'Lightspeed live account (older sign-in)' },
  { value: 'custom', label: 'Other addresses (for testing)' },
] as const;

function StatusCard({ connection, onReauthorize }: { connection: Connection; onReauthorize: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const test = useAction(() => call('connection:test', {}));
  const [tested, setTested] = useState<string | null>(null);
  const disconnect = useAction(async () => {
    await call('connection:disconnect', {});
    setConfirming(false);
  });
  const byYou = connection.disconnectedByUserAt;
  const status = byYou
    ? {
        label: 'Disconnected by you',
        color: 'gray',
        words: `Disconnected by you on ${formatInstant(byYou)}. Larder fetches no sales until you connect again; everything local is kept.`,
      }
    : statusText[connection.status];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          Lightspeed account
        </Title>
        <Badge color={status.color} size="lg" data-status={connection.status}>
          {status.label}
        </Badge>
      </Group>
      <Text mb="sm">{status.words}</Text>
      <Table aria-label="Connection details" mb="sm">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={220}>Business</Table.Th>
            <Table.Td>{connection.businessNames.join(', ') || '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Environment</Table.Th>
            <Table.Td>{environments.find((one) => one.value === connection.environment)?.label ?? connection.environment ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Connected</Table.Th>
            <Table.Td>{formatInstant(connection.connectedAt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Access token expires</Table.Th>
            <Table.Td>{formatInstant(connection.accessExpiresAt)} (renewed by itself)</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Sign-in valid until</Table.Th>
            <Table.Td>{connection.refreshExpiresAt ? formatInstant(connection.refreshExpiresAt) : 'No fixed end'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Last renewed</Table.Th>
            <Table.Td>{formatInstant(connection.lastRefreshAt)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {tested ? (
        <Alert color="green" mb="sm" role="status">
          {tested}
        </Alert>
      ) : null}
      <ErrorNotice error={test.error} onClose={test.clearError} />
      <Group>
        {byYou ? null : (
          <Button
            variant="default"
            loading={test.busy}
            onClick={async () => {
              setTested(null);
              const result = await test.run();
              if (result) setTested(`Lightspeed answered: ${result.businesses} business(es), ${result.locations} location(s).`);
            }}
          >
            Test connection
          </Button>
        )}
        <Button variant={connection.status === 'active' ? 'default' : 'filled'} onClick={onReauthorize}>
          {byYou ? 'Connect again' : 'Reauthorize'}
        </Button>
        {byYou ? null : (
          <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
            Disconnect…
          </Button>
        )}
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Disconnect Lightspeed?">
        <ActionForm onSubmit={disconnect.run}>
          <Stack>
            <Text>
              Larder forgets the sign-in and stops fetching sales, including the nightly issue. Locations, items, mappings, logs and the ledger stay.
            </Text>
            <TextInput label="Type DISCONNECT to confirm" value={typed} onChange={(event) => setTyped(event.currentTarget.value)} data-autofocus />
            <ErrorNotice error={disconnect.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Keep connected
              </Button>
              <Button type="submit" color="red" disabled={typed !== 'DISCONNECT'} loading={disconnect.busy}>
                Disconnect
              </Button>
            </Group>
          </Stack>
        </ActionForm>
      </Modal>
    </Paper>
  );
}

function Alerts({ alerts }: { alerts: Connection['alerts'] }) {
  if (alerts.length === 0) return null;
  return (
    <Stack gap="xs" aria-label="Open alerts">
      {alerts.map((alert) => (
        <AlertNotice key={alert.id} alert={alert} />
      ))}
    </Stack>
  );
}

/** The redirect address production clients register: Lightspeed requires HTTPS, and nothing listens there, so the address is pasted. */
const PASTE_REDIRECT = 'https://localhost/';

function ConfigurationForm({ configuration }: { configuration: Configuration }) {
  const [environment, setEnvironment] = useState<Configuration['environment']>(configuration.demoAccount ? 'trial-v2' : configuration.environment);
  const [authorizeUrl, setAuthorizeUrl] = useState(configuration.endpoints?.authorizeUrl ?? '');
  const [tokenUrl, setTokenUrl] = useState(configuration.endpoints?.tokenUrl ?? '');
  const [apiUrl, setApiUrl] = useState(configuration.endpoints?.apiUrl ?? '');
  const [clientId, setClientId] = useState(configuration.demoAccount ? '' : configuration.clientId);
  const [clientSecret, setClientSecret] = useState('');
  // Lightspeed's authorization guide wants HTTPS redirects: production clients register https://localhost/ and paste.
  const [redirect, setRedirect] = useState<'paste' | 'loopback'>(configuration.redirectUri === null && !environment.startsWith('production') ? 'loopback' : 'paste');
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    setSaved(false);
    await call('connection:configure', {
      environment,
      clientId,
      redirectUri: redirect === 'paste' ? (configuration.redirectUri ?? PASTE_REDIRECT) : null,
      ...(clientSecret ? { clientSecret } : {}),
      ...(environment === 'custom' ? { customEndpoints: { authorizeUrl, tokenUrl, apiUrl } } : {}),
    });
    setClientSecret('');
    setSaved(true);
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        Lightspeed client
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The client id and secret Lightspeed gave you for Larder. The secret is sealed on this computer and never shown again.
      </Text>
      <ActionForm onSubmit={save.run}>
        <Stack>
          <Select label="Environment" data={[...environments]} value={environment} onChange={(value) => value && setEnvironment(value as typeof environment)} allowDeselect={false} />
          {environment === 'custom' ? (
            <>
              <TextInput label="Authorize URL" value={authorizeUrl} onChange={(event) => setAuthorizeUrl(event.currentTarget.value)} required />
              <TextInput label="Token URL" value={tokenUrl} onChange={(event) => setTokenUrl(event.currentTarget.value)} required />
              <TextInput label="API URL" value={apiUrl} onChange={(event) => setApiUrl(event.currentTarget.value)} required />
            </>
          ) : null}
          <TextInput label="Client id" value={clientId} onChange={(event) => setClientId(event.currentTarget.value)} required />
          <PasswordInput
            label="Client secret"
            placeholder={configuration.clientSecretStored && !configuration.demoAccount ? 'Stored (type to replace)' : ''}
            value={clientSecret}
            onChange={(event) => setClientSecret(event.currentTarget.value)}
            required={!configuration.clientSecretStored || configuration.demoAccount}
          />
          <Radio.Group
            label="Redirect address registered for this client"
            description="Ask your Lightspeed partner to register exactly this address for the client."
            value={redirect}
            onChange={(value) => setRedirect(value as typeof redirect)}
          >
            <Stack gap={4} mt="xs">
              <Radio value="paste" label={`${configuration.redirectUri ?? PASTE_REDIRECT} — after signing in, paste the address the browser landed on (production clients)`} />
              <Radio value="loopback" label="http://127.0.0.1:PORT/callback — Larder listens on this computer while you sign in (clients that accept it)" />
            </Stack>
          </Radio.Group>
          <ErrorNotice error={save.error} onClose={save.clearError} />
          {saved ? (
            <Text c="green" role="status">
              Saved.
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={save.busy}>
              Save client settings
            </Button>
          </Group>
        </Stack>
      </ActionForm>
    </Paper>
  );
}

function SignIn({ started, onDone }: { started: Started; onDone: () => void }) {
  const [address, setAddress] = useState('');
  const paste = useAction(async () => {
    await call('connection:paste', { address });
    onDone();
  });
  return (
    <Paper withBorder p="md" aria-label="Sign-in in progress">
      <Title order={3} size="h4" mb="xs">
        Approve Larder in your browser
      </Title>
      <Text mb="xs">
        {started.openedByApp ? 'Your browser opened Lightspeed’s sign-in page.' : 'Lightspeed’s sign-in page opened in a new tab.'} Sign in and click Authorize;
        this screen updates by itself when you are back.
      </Text>
      <Text size="sm" mb="sm">
        Nothing opened?{' '}
        <a href={started.authorizeUrl} target="_blank" rel="noreferrer">
          Open the sign-in page
        </a>
        .
      </Text>
      <ActionForm onSubmit={paste.run}>
        <Stack gap="xs">
          <TextInput
            label="Or paste the address your browser landed on"
            description={started.mode === 'paste' ? 'Your Lightspeed client sends you to a page that does not load; copy its full address from the address bar.' : 'Only needed if the browser shows an error after you authorize.'}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
          />
          <ErrorNotice error={paste.error} onClose={paste.clearError} />
          <Group justify="flex-end">
            <Button type="submit" variant="default" disabled={!address} loading={paste.busy}>
              Finish sign-in
            </Button>
          </Group>
        </Stack>
      </ActionForm>
    </Paper>
  );
}

export function ConnectionScreen() {
  const live = anyOf('connection:changed');
  const connection = useLive(() => call('connection:status', {}), live, []);
  const configuration = useLive(() => call('connection:configuration', {}), live, []);
  const [started, setStarted] = useState<Started | null>(null);
  const connect = useAction(async (reauthorize: boolean) => {
    const answer = await call('connection:start', { reauthorize });
    if (!answer.openedByApp) window.open(answer.authorizeUrl, '_blank', 'noopener');
    setStarted(answer);
  });
  const status = connection.data;
  const config = configuration.data;
  // Main announces the end of a sign-in (done or failed) with this event; the panel goes then.
  useEffect(() => onLarderEvent((event) => event.type === 'connection:changed' && setStarted(null)), []);
  return (
    <Stack maw={860}>
      <BackToSources />
      <Title order={2}>Lightspeed K-Series</Title>
      <ErrorNotice error={connection.error ?? configuration.error} />
      {status && config ? (
        <>
          {config.demoAccount ? (
            <Alert color="blue" title="You are using the demo account">
              Sales, items and locations come from Larder’s built-in demo K-Series, not from a real restaurant. Save your own Lightspeed client below to leave it.
            </Alert>
          ) : null}
          <Alerts alerts={status.alerts} />
          {status.status === 'not_connected' ? (
            <Paper withBorder p="md">
              <Text mb="sm">{statusText.not_connected.words}</Text>
              <ErrorNotice error={connect.error} onClose={connect.clearError} />
              <Group align="start">
                <Button disabled={!config.complete} loading={connect.busy} onClick={() => void connect.run(false)}>
                  Connect to Lightspeed
                </Button>
                {!config.complete ? <DemoAccountButton /> : null}
              </Group>
              {!config.complete ? (
                <Text size="sm" c="dimmed" mt="xs">
                  No Lightspeed client yet: fill in the client settings below, or try everything with the demo account (three restaurants in three time zones, 120 days of sales).
                </Text>
              ) : null}
            </Paper>
          ) : (
            <StatusCard connection={status} onReauthorize={() => void connect.run(true)} />
          )}
          {status.status !== 'not_connected' ? <ErrorNotice error={connect.error} onClose={connect.clearError} /> : null}
          {started ? <SignIn started={started} onDone={() => setStarted(null)} /> : null}
          <ConfigurationForm key={`${config.environment}-${config.clientId}-${config.demoAccount}`} configuration={config} />
        </>
      ) : null}
    </Stack>
  );
}
