import { Alert, Button, Group, Text } from '@mantine/core';
import { call } from '../ipc/client';
import { useNavigation } from '../ui/navigation-store';
import { anyOf, useLive } from '../ui/use-live';

/** On every screen but the Lightspeed connection's: a lost Lightspeed connection is the one thing that stops the nightly issue. */
export function ConnectionBanner() {
  const { section, go } = useNavigation();
  const { data } = useLive(() => call('connection:status', {}), anyOf('connection:changed'), []);
  // A disconnect the manager chose is not a problem to shout about on every screen; the connection says it.
  if (!data || section === 'connection' || data.disconnectedByUserAt || (data.status !== 'disconnected' && data.status !== 'refresh_failed')) return null;
  return (
    <Alert color="red" mb="md" title="Lightspeed is disconnected" role="alert" data-banner="disconnected">
      <Group justify="space-between">
        <Text size="sm">
          Larder cannot fetch POS sales until you sign in to Lightspeed again. Your mappings, logs and ledger are kept.
        </Text>
        <Button size="xs" color="red" onClick={() => go('connection')}>
          Open the Lightspeed connection
        </Button>
      </Group>
    </Alert>
  );
}
