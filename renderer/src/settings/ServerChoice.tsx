import { Alert, Button, Group, NumberInput, Paper, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { isSecureEndpoint } from '../../../shared/settings';
import { call } from '../ipc/client';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';

/**
 * The desktop app as a window on the group's Larder server: after a restart it opens the server's
 * address (people sign in there) and runs no engine, scheduler or tray of its own; this PC's data
 * folder stays as it is, for when the choice is undone (the app's Larder menu).
 */
export function UseServer({ address }: { address: string | null }) {
  const [typed, setTyped] = useState(address ?? '');
  const use = useAction(async () => {
    await call('settings:save', { serverAddress: typed.trim() });
  });
  const invalid = typed.trim() !== '' && !isSecureEndpoint(typed.trim());
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        Use a Larder server
      </Title>
      <Text size="sm" mb="sm">
        When the group runs Larder on a server, this computer can be a window on it: people sign in with their own name and see their own part. Larder then restarts and keeps no data or nightly run of its own here.
      </Text>
      <ActionForm onSubmit={() => use.run()}>
        <Group align="end">
          <TextInput
            label="Server address"
            placeholder="https://larder.example.com"
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            error={invalid ? 'Server address: starts with https:// (plain http only to this computer)' : undefined}
            w={360}
          />
          <Button type="submit" loading={use.busy} disabled={invalid || typed.trim() === ''}>
            Use this server
          </Button>
        </Group>
      </ActionForm>
      <ErrorNotice error={use.error} />
    </Paper>
  );
}

/** On a Larder server: how long a session nobody uses stays signed in (a tablet left in the storeroom). */
export function SessionIdle({ minutes }: { minutes: number }) {
  const [value, setValue] = useState<number | string>(minutes);
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    await call('settings:save', { sessionIdleMinutes: Number(value) });
    setSaved(true);
  });
  const invalid = !Number.isInteger(Number(value)) || Number(value) < 5 || Number(value) > 7 * 24 * 60;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        Signing out idle devices
      </Title>
      <ActionForm onSubmit={() => save.run()}>
        <Group align="end">
          <NumberInput
            label="Sign out after this many idle minutes"
            value={value}
            onChange={setValue}
            min={5}
            max={7 * 24 * 60}
            error={invalid ? 'Idle minutes: a whole number from 5 to 10080' : undefined}
            w={300}
          />
          <Button type="submit" loading={save.busy} disabled={invalid}>
            Save
          </Button>
        </Group>
      </ActionForm>
      {saved ? <Alert color="teal" mt="sm">Saved: sessions idle longer than {Number(value)} minutes end.</Alert> : null}
      <ErrorNotice error={save.error} />
    </Paper>
  );
}
