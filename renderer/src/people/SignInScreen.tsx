import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { IpcError } from '../../../shared/ipc/contract';
import type { SessionView } from '../../../shared/model/people';
import { transport } from '../ipc/transport';
import { ErrorNotice } from '../ui/ErrorNotice';

/** A Larder server's front door: a name and a password; the server answers who that is. */
export function SignInScreen({ onSignedIn }: { onSignedIn: (person: SessionView) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const submit = async () => {
    setBusy(true);
    const result = await transport.signIn(login, password);
    setBusy(false);
    if (result.ok) onSignedIn(result.data);
    else {
      setError(result.error);
      setPassword('');
    }
  };
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={420} maw="100%" component="main">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Title order={1} size="h2">
              Sign in to Larder
            </Title>
            <Text size="sm" c="dimmed">
              Your group’s Larder server. Ask the owner for your sign-in name if you do not have one yet.
            </Text>
            <TextInput label="Sign-in name" autoComplete="username" autoCapitalize="none" value={login} onChange={(event) => setLogin(event.currentTarget.value)} required size="md" />
            <PasswordInput label="Password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.currentTarget.value)} required size="md" />
            <ErrorNotice error={error} />
            <Button type="submit" loading={busy} size="md" disabled={!login.trim() || !password}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
