import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DatabaseChoice } from '../../../shared/model/database';
import { call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { reloadSoon } from './reload-soon';

/**
 * The recovery screen's part for a PostgreSQL server Larder cannot open at start: nothing is wrong
 * with any data, so the way out is to try again once the server is back, or (when the choice was made
 * in Settings, not by LARDER_DATABASE_URL) to go back to this computer's own database.
 */
export function ServerRecovery({ address }: { address: string }) {
  const [choice, setChoice] = useState<DatabaseChoice | null>(null);
  const [leaving, setLeaving] = useState<string | null>(null);
  useEffect(() => {
    void call('database:choice', {}).then((answer) => setChoice(answer.next_start), () => setChoice(null));
  }, []);
  const leave = (what: string) => {
    setLeaving(what);
    reloadSoon();
  };
  const retry = useAction(async () => {
    await call('recovery:retry', {});
    leave('Larder is trying the server again…');
  });
  const local = useAction(async () => {
    await call('database:use-data-folder', {});
    leave('Larder is starting on this computer’s database…');
  });
  if (leaving) {
    return (
      <Alert color="blue" title="Starting again" role="status">
        {leaving}
      </Alert>
    );
  }
  return (
    <>
      <Alert color="red" title="Larder cannot reach its database server" role="alert" data-error-code="database_unreachable">
        <Text size="sm">
          Larder keeps this group’s data on the PostgreSQL server {address || 'named for it'}, and the server did not answer or refused the sign-in. Nothing
          was changed, here or on the server.
        </Text>
        <Text size="sm" fw={500} mt={6}>
          What to do: check that this computer is on the group’s network and that the server is running (ask whoever looks after it), then choose Try
          again.
        </Text>
      </Alert>
      <Group>
        <Button size="md" onClick={() => retry.run()} loading={retry.busy}>
          Try again
        </Button>
        {choice?.set_by === 'settings' ? (
          <Button size="md" variant="default" onClick={() => local.run()} loading={local.busy}>
            Use this computer’s database
          </Button>
        ) : null}
      </Group>
      {choice?.set_by === 'settings' ? (
        <Text size="sm" c="dimmed">
          This computer’s own database is not the group’s: what is entered there stays on this computer. Settings → Database points Larder at the server again.
        </Text>
      ) : choice?.set_by === 'environment' ? (
        <Text size="sm" c="dimmed">
          The server was named for this Larder by whoever set it up (LARDER_DATABASE_URL); only they can point it elsewhere.
        </Text>
      ) : null}
      <ErrorNotice error={retry.error ?? local.error} onClose={() => (retry.error ? retry.clearError() : local.clearError())} />
    </>
  );
}
