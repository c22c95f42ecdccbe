import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SalesSourceView } from '../../../shared/model/sources';
import { call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatInstant } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';
import { anyOf, useLive } from '../ui/use-live';
import { useDesktop } from '../ui/use-desktop';
import { sourceCardActions } from './source-card-actions';

const healthText: Record<SalesSourceView['health'], { label: string; color: string }> = {
  ready: { label: 'Ready', color: 'green' },
  attention: { label: 'Needs attention', color: 'orange' },
  failed: { label: 'Stopped', color: 'red' },
  not_connected: { label: 'Not connected', color: 'gray' },
};

/** What a source is; a POS integration posts each night only where the desktop app runs. */
const kindText = (kind: SalesSourceView['kind'], desktop: boolean) =>
  kind === 'csv' ? 'CSV upload · any other till' : `POS integration · ${desktop ? 'posts every night' : 'posts each night from the desktop app'}`;

function SourceCard({ source, desktop }: { source: SalesSourceView; desktop: boolean }) {
  const go = useNavigation((state) => state.go);
  // Never green while something needs doing: unmapped codes turn a ready source amber.
  const health = healthText[source.health === 'ready' && source.attention ? 'attention' : source.health];
  const Actions = sourceCardActions[source.kind];
  return (
    <Paper withBorder p="md" data-source={source.name} data-health={source.health} aria-label={source.name} component="section">
      <Group justify="space-between" align="start" mb={4}>
        <div>
          <Title order={3} size="h4">
            {source.name}
          </Title>
          <Text size="xs" c="dimmed">
            {kindText(source.kind, desktop)}
          </Text>
        </div>
        <Badge color={health.color} variant="light">
          {health.label}
        </Badge>
      </Group>
      <Text size="sm">{source.summary}</Text>
      {source.lastActivityAt ? (
        <Text size="xs" c="dimmed">
          Last activity {formatInstant(source.lastActivityAt)}
        </Text>
      ) : null}
      {source.attention ? (
        <Alert color={source.health === 'failed' ? 'red' : 'orange'} mt="sm" p="xs">
          <Text size="sm">{source.attention}</Text>
        </Alert>
      ) : null}
      <Group mt="sm" gap="xs">
        <Actions source={source} />
        {source.unmappedItems > 0 ? (
          <Button size="xs" variant="default" onClick={() => go('items', null, { source: source.name })}>
            Map {source.kind === 'csv' ? 'codes' : 'items'}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

/** Where sales come from: one card per source, and a way to add a CSV till. */
export function SourcesScreen() {
  const go = useNavigation((state) => state.go);
  const sources = useLive(() => call('sources:list', {}), anyOf('connection:changed', 'lightspeed:changed', 'sources:changed', 'transfer:finished'), []);
  const desktop = useDesktop() ?? true;
  return (
    <Stack maw={980}>
      <Group justify="space-between">
        <Title order={2}>Sales sources</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => go('upload')}>
            Upload sales
          </Button>
          <Button onClick={() => go('csv-profile')}>Add a CSV profile</Button>
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        Where your sales come from: a Lightspeed K-Series or Sides connection posts every night by itself
        {desktop ? '' : ' (in the desktop app: this browser version runs nothing on its own, so run days by hand here)'}; a till without an integration sends its CSV
        export, read with a profile you describe once.
      </Text>
      <ErrorNotice error={sources.error} />
      {sources.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} aria-label="Sales sources">
          {sources.data.map((source) => (
            <SourceCard key={`${source.kind}-${source.name}`} source={source} desktop={desktop} />
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
