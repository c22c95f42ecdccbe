import { postsNightly } from '../ui/use-desktop';
import { SessionIdle, UseServer } from './ServerChoice';
import { Alert, Button, Code, Group, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { catalogEntry } from '../../../shared/errors';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { ActionForm } from '../ui/ActionForm';
import { ExchangeRates } from './ExchangeRates';
import { SalesRules } from './SalesRules';
import { PriceRiseSetting } from './PriceRiseSetting';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { call } from '../ipc/client';
import { BackupsPanel } from '../backups/BackupsPanel';
import { DatabasePanel } from './DatabasePanel';

type Editable = ContractOutput<Contracts['settings:get']>;

/** Where the POS sign-ins are kept, in words: the backend's id is for support, under it. */
function secretStorageWords(backend: string): string {
  if (backend === 'node-aes-256-gcm') return 'A key file in the data folder (the browser version)';
  if (backend.includes('basic_text')) return 'Obfuscation only: this computer has no keyring';
  if (backend.includes('gnome_libsecret') || backend.includes('kwallet')) return 'The system keyring';
  if (backend.includes('win32')) return 'Windows’ own protection for your user account';
  if (backend.includes('darwin')) return 'The macOS Keychain';
  return 'The system’s secret storage';
}

/** The nightly schedule; the tray and start-at-login switches only where they act: the desktop app. */
function Schedule({ settings, desktop }: { settings: Editable; desktop: boolean }) {
  const [time, setTime] = useState(settings.nightlyRunTime);
  const save = useAction((change: Partial<Omit<Editable, 'demoAccount' | 'allowWeakSecretStorage'>>) => call('settings:save', change));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Nightly issue
      </Title>
      <Stack>
        <ActionForm onSubmit={() => save.run({ nightlyRunTime: time })}>
          <Group align="end">
            <TextInput
              type="time"
              label="Run every night at"
              description="On this computer’s clock. Each location’s business day is still taken in its own time zone."
              value={time}
              onChange={(event) => setTime(event.currentTarget.value)}
              required
            />
            <Button type="submit" variant="default" loading={save.busy} disabled={time === settings.nightlyRunTime}>
              Save time
            </Button>
          </Group>
        </ActionForm>
        {desktop ? (
          <>
            <Switch label="Start Larder when I log in to this computer" checked={settings.startAtLogin} onChange={(event) => void save.run({ startAtLogin: event.currentTarget.checked })} />
            <Switch
              label="Closing the window keeps Larder running in the tray (so the nightly issue still runs)"
              checked={settings.closeToTray}
              onChange={(event) => void save.run({ closeToTray: event.currentTarget.checked })}
            />
          </>
        ) : (
          <Alert color="yellow" title="Nightly issues need the desktop app">
            Larder in the browser runs nothing by itself: the nightly issue at this time, start at login and the tray are the desktop app’s. Open the desktop app on
            this data folder to post each night, or run a day by hand from its location’s page.
          </Alert>
        )}
        <ErrorNotice error={save.error} onClose={save.clearError} />
      </Stack>
    </Paper>
  );
}

/** Linux without a keyring: the only way to connect is to accept obfuscated storage, knowingly. */
function WeakStorage({ settings, weakOnly }: { settings: Editable; weakOnly: boolean }) {
  const save = useAction((allow: boolean) => call('settings:save', { allowWeakSecretStorage: allow }));
  if (!weakOnly && !settings.allowWeakSecretStorage) return null;
  return (
    <Paper withBorder p="md" aria-label="Weak secret storage">
      <Title order={3} size="h4" mb="sm">
        Storing the Lightspeed sign-in without a keyring
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          This computer has no system keyring (GNOME Keyring or KWallet), so Larder refuses to store the Lightspeed sign-in. If you accept weak storage, the sign-in is
          only scrambled with a key that is the same on every computer: anyone who can copy Larder’s data folder can use your Lightspeed account until you disconnect
          it. Installing a keyring and restarting Larder is the safe choice.
        </Text>
        <Switch
          label="Accept weak storage of the Lightspeed sign-in on this computer"
          color="orange"
          checked={settings.allowWeakSecretStorage}
          disabled={save.busy}
          onChange={(event) => void save.run(event.currentTarget.checked)}
        />
        <ErrorNotice error={save.error} onClose={save.clearError} />
      </Stack>
    </Paper>
  );
}

/** One file with the version, the settings (no secrets) and the last 500 log lines, for support. */
function Diagnostics() {
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(async () => setSaved((await call('diagnostics:save', {})).path));
  return (
    <Paper withBorder p="md" aria-label="Diagnostics">
      <Title order={3} size="h4" mb="sm">
        Help from support
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          Saves a text file with Larder’s version, its settings and its last 500 log lines into the data folder. Tokens and passwords are never in it. Send that file to
          support when something keeps going wrong.
        </Text>
        <Group>
          <Button variant="default" loading={save.busy} onClick={() => void save.run()}>
            Save a diagnostics file
          </Button>
        </Group>
        {saved ? (
          <Alert color="blue" title="Diagnostics file saved" data-diagnostics-path={saved}>
            <Code>{saved}</Code>
          </Alert>
        ) : null}
        <ErrorNotice error={save.error} onClose={save.clearError} />
      </Stack>
    </Paper>
  );
}

export function SettingsScreen() {
  const info = useLive(() => call('app:info', {}), () => false, []);
  const settings = useLive(() => call('settings:get', {}), anyOf('settings:changed'), []);
  const database = useLive(() => call('database:choice', {}), () => false, []);
  const problem = info.data?.secretStorage.problem;
  return (
    <Stack maw={760}>
      <Title order={2}>Settings</Title>
      <ErrorNotice error={info.error ?? settings.error ?? database.error} />
      {settings.data && info.data ? <Schedule key={settings.data.nightlyRunTime} settings={settings.data} desktop={postsNightly(info.data.runtime)} /> : null}
      {settings.data ? <SalesRules key={settings.data.voidsThatAreWaste.join('|')} settings={settings.data} /> : null}
      {settings.data ? <PriceRiseSetting key={settings.data.priceRiseThreshold} threshold={settings.data.priceRiseThreshold} /> : null}
      {settings.data && info.data?.currency ? <ExchangeRates settings={settings.data} companyCurrency={info.data.currency} /> : null}
      {settings.data && info.data?.runtime === 'electron' ? <UseServer address={settings.data.serverAddress} /> : null}
      {settings.data && info.data?.runtime === 'server' ? <SessionIdle minutes={settings.data.sessionIdleMinutes} /> : null}
      {database.data ? <DatabasePanel running={database.data.running} nextStart={database.data.next_start} /> : null}
      {database.data?.running.store === 'sqlite' ? <BackupsPanel /> : null}
      {settings.data ? <WeakStorage settings={settings.data} weakOnly={problem?.code === 'secret_storage_weak' || (info.data?.secretStorage.backend.includes('basic_text') ?? false)} /> : null}
      {info.data ? (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            This installation
          </Title>
          <Table aria-label="About this installation">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>Company</Table.Th>
                <Table.Td>{info.data.companyName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Data folder</Table.Th>
                <Table.Td>
                  <Code>{info.data.dataFolder}</Code>
                  <Text size="xs" c="dimmed">
                    {database.data?.running.store === 'postgres'
                      ? 'Settings, the key that seals secrets on this computer, and the log. The ledger itself is on the PostgreSQL server (Database above).'
                      : 'The database, settings and sealed secrets. Larder keeps verified copies of the database under Backups above; never copy larder.db while Larder runs.'}
                  </Text>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Lightspeed tokens are sealed by</Table.Th>
                <Table.Td>
                  {secretStorageWords(info.data.secretStorage.backend)}
                  <Text size="xs" c="dimmed">
                    Technical name: <Code>{info.data.secretStorage.backend}</Code>
                  </Text>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Td>
                  {info.data.version} ({info.data.runtime})
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {problem ? (
        <Alert color="orange" title="Lightspeed tokens cannot be stored safely on this computer">
          {problem.message} {catalogEntry(problem.code)?.fix ?? ''}
        </Alert>
      ) : null}
      {info.data?.secretStorage.backend.includes('basic_text') ? (
        <Alert color="orange" title="Weak secret storage">
          This computer has no system keyring, so tokens are only obfuscated, not encrypted. Anyone who can read the data folder could use them. Install a keyring
          (GNOME Keyring or KWallet) and reconnect.
        </Alert>
      ) : null}
      {info.data?.secretStorage.backend === 'node-aes-256-gcm' ? (
        <Alert color="yellow" title="Tokens are sealed with a key file, not the system keyring">
          In the browser version, tokens are encrypted with a key kept in the data folder and protected only by file permissions. Anyone who can read that folder as
          you could use them. The desktop app uses the system keyring instead.
        </Alert>
      ) : null}
      <Diagnostics />
    </Stack>
  );
}
