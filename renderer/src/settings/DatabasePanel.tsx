import { Alert, Button, Code, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { POSTGRES_ADDRESS, type DatabaseChoice } from '../../../shared/model/database';
import { call } from '../ipc/client';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';

/** What the engine opened at start (`running`) against what is chosen now: they differ until Larder restarts. */
function restartNeeded(running: DatabaseChoice, chosen: DatabaseChoice): boolean {
  return running.store !== chosen.store || running.address !== chosen.address;
}

function ServerForm({ onChosen }: { onChosen: (choice: DatabaseChoice) => void }) {
  const [address, setAddress] = useState('');
  const [password, setPassword] = useState('');
  const use = useAction(async () => onChosen(await call('database:use-server', { address: address.trim(), password: password === '' ? null : password })));
  const invalid = address.trim() !== '' && !POSTGRES_ADDRESS.test(address.trim());
  return (
    <ActionForm onSubmit={() => use.run()}>
      <Stack gap="sm">
        <TextInput
          label="PostgreSQL server address"
          description="From whoever runs the group's database server: postgres://user@server:5432/database. PostgreSQL 15 or newer."
          placeholder="postgres://larder@db.example.com:5432/larder"
          value={address}
          onChange={(event) => setAddress(event.currentTarget.value)}
          error={invalid ? 'The address starts with postgres://' : undefined}
          required
        />
        <PasswordInput
          label="Password"
          description="Sealed on this computer like the POS sign-ins, never shown again. Leave empty when the server signs you in another way."
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          autoComplete="new-password"
        />
        <Group>
          <Button type="submit" loading={use.busy} disabled={invalid || address.trim() === ''}>
            Test and use this server
          </Button>
        </Group>
        <ErrorNotice error={use.error} onClose={use.clearError} />
      </Stack>
    </ActionForm>
  );
}

/**
 * Settings → Database: the data folder's database (the default) or a group's PostgreSQL server,
 * chosen here and opened from the next start. `running` is what this Larder opened, `nextStart` what it opens next.
 */
export function DatabasePanel({ running, nextStart }: { running: DatabaseChoice; nextStart: DatabaseChoice }) {
  const [chosen, setChosen] = useState(nextStart);
  const [editing, setEditing] = useState(false);
  const back = useAction(async () => setChosen(await call('database:use-data-folder', {})));
  const chosenServer = (choice: DatabaseChoice) => {
    setChosen(choice);
    setEditing(false);
  };
  return (
    <Paper withBorder p="md" component="section" aria-label="Database">
      <Title order={3} size="h4" mb="sm">
        Database
      </Title>
      <Stack>
        {running.store === 'sqlite' ? (
          <Text>
            Larder keeps its data on this computer, in <Code>{running.file}</Code>. A group that counts and buys from several PCs keeps one ledger on a PostgreSQL
            server instead: copy this computer’s data there first (<Code>larder db copy --to postgres://…</Code>), then choose the server here.
          </Text>
        ) : (
          <Text>
            Larder keeps its data on the PostgreSQL server <Code>{running.address}</Code>
            {running.set_by === 'environment' ? ' (set by LARDER_DATABASE_URL where Larder was started; change it there).' : '.'} The server’s own backups (pg_dump) keep it
            safe; Larder’s backups cover only a database on this computer.
          </Text>
        )}
        {restartNeeded(running, chosen) ? (
          <Alert color="yellow" title="Restart Larder to switch">
            {chosen.store === 'postgres' ? (
              <>
                The server <Code>{chosen.address}</Code> answered and is ready{chosen.password_sealed ? '; its password is sealed on this computer' : ''}. Larder opens it when it
                starts next.
              </>
            ) : (
              <>Larder opens the database on this computer when it starts next. The server keeps its data.</>
            )}
          </Alert>
        ) : null}
        {running.set_by !== 'environment' ? (
          editing ? (
            <ServerForm onChosen={chosenServer} />
          ) : (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)}>
                {chosen.store === 'postgres' ? 'Change server or password' : 'Use a PostgreSQL server'}
              </Button>
              {chosen.store === 'postgres' ? (
                <Button variant="default" color="red" loading={back.busy} onClick={() => void back.run()}>
                  Use this computer’s database again
                </Button>
              ) : null}
            </Group>
          )
        ) : null}
        <ErrorNotice error={back.error} onClose={back.clearError} />
      </Stack>
    </Paper>
  );
}
