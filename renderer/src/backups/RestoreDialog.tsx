import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BackupPreview, RestoreResult } from '../../../shared/model/backups';
import type { IpcError } from '../../../shared/ipc/contract';
import { asIpcError, call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDay, formatInstant } from '../ui/format';
import { useAction } from '../ui/use-action';

/**
 * What a backup holds, read and verified before anything changes, then the restore itself. `channel`
 * is Settings' restore (the current database is backed up first) or the recovery screen's.
 */
export function RestoreDialog({
  file,
  channel,
  onClose,
  onRestored,
}: {
  file: string | null;
  channel: 'backups:restore' | 'recovery:restore';
  onClose: () => void;
  onRestored: (result: RestoreResult) => void;
}) {
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const restore = useAction(async (wanted: string) => onRestored(await call(channel, { file: wanted })));
  // Keyed by the file where it is used: a new file is a new dialog, its preview read afresh.
  useEffect(() => {
    if (!file) return undefined;
    let current = true;
    call('backups:preview', { file }).then(
      (shown) => current && setPreview(shown),
      (caught: unknown) => current && setLoadError(asIpcError(caught)),
    );
    return () => {
      current = false;
    };
  }, [file]);
  return (
    <Modal opened={file !== null} onClose={onClose} title="Restore a backup" size="lg">
      <Stack>
        <ErrorNotice error={loadError} />
        {preview ? (
          <>
            <Text>
              The backup of <strong>{formatInstant(preview.created_at)}</strong> holds {preview.counts.ingredients} ingredients, {preview.counts.recipes} recipes,{' '}
              {preview.counts.mappings} item mappings and {preview.counts.ledger_entries} ledger entries.
            </Text>
            {preview.locations.length > 0 ? (
              <Table aria-label="Last posted day per location" withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Location</Table.Th>
                    <Table.Th>Last posted business day</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.locations.map((location) => (
                    <Table.Tr key={location.business_location_id}>
                      <Table.Td>{location.name}</Table.Td>
                      <Table.Td>{location.last_posted_day ? formatDay(location.last_posted_day) : 'None posted'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            <Alert color="yellow" title="Restoring replaces what Larder holds now">
              Everything entered after this backup (counts, deliveries, waste, posted days) is replaced by the backup’s. {channel === 'backups:restore' ? 'The database as it is now is backed up first, so this can be undone. ' : 'The damaged file is kept beside it for support. '}
              Backups never hold POS sign-ins: afterwards, sign in to Lightspeed or Sides again. Days after the backup are posted again by the next nightly run.
            </Alert>
            <ErrorNotice error={restore.error} onClose={restore.clearError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={restore.busy}>
                Cancel
              </Button>
              <Button color="red" loading={restore.busy} onClick={() => void restore.run(preview.file)}>
                Restore this backup
              </Button>
            </Group>
          </>
        ) : !loadError ? (
          <Text c="dimmed">Checking the backup…</Text>
        ) : null}
      </Stack>
    </Modal>
  );
}
