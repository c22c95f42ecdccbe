import { Alert, Button, Text } from '@mantine/core';
import type { BackupStatus } from '../../../shared/model/backups';
import { formatInstant } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';

/** Amber, on Home and in Settings: no verified backup for 3 days (or none yet), with the fix. */
export function BackupNotice({ status, withLink = false }: { status: BackupStatus; withLink?: boolean }) {
  const go = useNavigation((state) => state.go);
  if (!status.stale) return null;
  return (
    <Alert color="orange" title={status.last_verified ? 'No verified backup for more than 3 days' : 'No backup yet'} data-notice="backup">
      <Text size="sm">
        {status.last_verified ? `The last verified backup is from ${formatInstant(status.last_verified.created_at)}. ` : 'Larder has not written a verified backup yet. '}
        If this PC fails, counts, deliveries and recipes entered since then are lost.
      </Text>
      <Text size="sm" fw={500} mt={4}>
        What to do: click Back up now under Settings → Backups. If it fails, check that the backup folder ({status.folder}) is reachable and has space.
      </Text>
      {withLink ? (
        <Button size="compact-sm" variant="light" color="orange" mt="xs" onClick={() => go('settings')}>
          Open Backups
        </Button>
      ) : null}
    </Alert>
  );
}
