import { Accordion, Alert, Button, Code, Container, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { catalogEntry } from '../../../shared/errors';
import type { RecoveryStatus, RestoreResult } from '../../../shared/model/backups';
import { formatInstant } from '../ui/format';
import { BackupTable } from './BackupTable';
import { reloadSoon } from './reload-soon';
import { RestoreDialog } from './RestoreDialog';
import { ServerRecovery } from './ServerRecovery';

/**
 * Shown instead of Larder's screens when its database is damaged or missing: what happened in words,
 * the newest verified backup offered first, every other backup below, the technical facts folded away.
 * A database server that does not answer has its own way out (ServerRecovery): no backup is needed.
 */
export function RecoveryScreen({ status }: { status: RecoveryStatus & { problem: NonNullable<RecoveryStatus['problem']> } }) {
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const { problem, backups } = status;
  const newest = backups.find((backup) => backup.verified) ?? null;
  const missing = problem.code === 'database_missing';
  const onRestored = (result: RestoreResult) => {
    setRestoring(null);
    setRestored(result);
    reloadSoon();
  };
  return (
    <Container size="md" py="xl">
      <Stack>
        <Title order={1} size="h2">
          Larder cannot open its data
        </Title>
        {problem.code === 'database_unreachable' ? (
          <ServerRecovery address={problem.path} />
        ) : restored ? (
          <Alert color="green" title="The backup was restored" role="status">
            Larder is starting again on it. {restored.previous_saved_as ? 'The damaged file was kept aside for support.' : ''}
          </Alert>
        ) : (
          <>
            <Alert color="red" title={missing ? 'Larder’s database file is missing' : 'Larder’s database file is damaged'} role="alert" data-error-code={problem.code}>
              <Text size="sm">
                {missing
                  ? 'Larder has run on this computer before, but its database file is gone (deleted, moved, or the disk was replaced). Larder did not start an empty one in its place.'
                  : 'The file that holds your counts, deliveries, recipes and ledger cannot be read safely (a disk fault, a crash while copying it, or another program writing over it). Larder has not changed it.'}
              </Text>
              <Text size="sm" fw={500} mt={6}>
                What to do: {newest ? 'restore the newest verified backup below. Anything entered after it must be entered again; the POS sales are posted again by the next nightly run.' : catalogEntry(problem.code)?.fix}
              </Text>
            </Alert>
            {newest ? (
              <Button size="md" color="blue" onClick={() => setRestoring(newest.file)} aria-label="Restore the newest backup">
                Restore the backup of {formatInstant(newest.created_at)}
              </Button>
            ) : (
              <Alert color="orange" title="No verified backup was found">
                Larder looked in its backup folder and found none that opens. If you keep backups elsewhere (a USB disk, a network share), copy the newest
                larder-backup-….db file into the backup folder named below and reload this page.
              </Alert>
            )}
            <Title order={2} size="h4">
              Every backup
            </Title>
            <BackupTable backups={backups} onRestore={setRestoring} label="Backups to restore" />
          </>
        )}
        <Accordion variant="contained" aria-label="Technical details">
          <Accordion.Item value="technical">
            <Accordion.Control>Technical details</Accordion.Control>
            <Accordion.Panel>
              <Stack gap={4}>
                <Text size="sm">
                  Code: <Code>{problem.code}</Code>
                </Text>
                <Text size="sm">
                  {problem.code === 'database_unreachable' ? 'Server' : 'Database'}: <Code>{problem.path}</Code>
                </Text>
                <Text size="sm">{problem.message}</Text>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
      <RestoreDialog key={restoring ?? 'none'} file={restoring} channel="recovery:restore" onClose={() => setRestoring(null)} onRestored={onRestored} />
    </Container>
  );
}
