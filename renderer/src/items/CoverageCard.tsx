import { Anchor, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { formatMoney } from '../ui/format';
import { anyOf, useLive } from '../ui/use-live';
import { call } from '../ipc/client';

type Coverage = ContractOutput<Contracts['items:coverage']>[number];

/** The aim the setup checklist sets: below it, unmapped sales are worth an hour of mapping. */
const AIM_PERCENT = 80;

const colorOf = (percent: number | null) => (percent === null ? 'gray' : percent >= 100 ? 'green' : percent >= AIM_PERCENT ? 'blue' : 'orange');

function CoverageRow({ coverage, showName }: { coverage: Coverage; showName: boolean }) {
  const { percentValue, percentLines } = coverage;
  return (
    <Stack gap={4} data-coverage={coverage.businessLocationId}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {showName ? `${coverage.name}: ` : ''}
          {percentValue === null ? 'no sales in the last 30 days' : `${percentValue} % of sales value mapped`}
        </Text>
        {percentLines === null ? null : (
          <Text size="sm" c="dimmed">
            {percentLines} % of sales lines · {formatMoney(coverage.mappedValue, coverage.currencyCode)} of {formatMoney(coverage.salesValue, coverage.currencyCode)}
          </Text>
        )}
      </Group>
      <Progress value={percentValue ?? 0} color={colorOf(percentValue)} aria-label={`${coverage.name}: share of sales value mapped`} />
    </Stack>
  );
}

/** Mapping coverage of activated locations over their last 30 closed business days; one location's with `businessLocationId`. */
export function CoverageCard({ businessLocationId, onMap }: { businessLocationId?: string; onMap?: () => void }) {
  const { data } = useLive(() => call('items:coverage', {}), anyOf('lightspeed:changed', 'transfer:finished', 'migration:progress', 'inventory:changed'), []);
  const shown = (data ?? []).filter((coverage) => businessLocationId === undefined || coverage.businessLocationId === businessLocationId);
  if (shown.length === 0) return null;
  const short = shown.some((coverage) => coverage.percentValue !== null && coverage.percentValue < AIM_PERCENT);
  return (
    <Paper withBorder p="md" aria-label="Mapping coverage">
      <Title order={3} size="h5" mb="xs">
        Mapping coverage, last 30 days
      </Title>
      <Stack gap="sm">
        {shown.map((coverage) => (
          <CoverageRow key={coverage.businessLocationId} coverage={coverage} showName={businessLocationId === undefined} />
        ))}
      </Stack>
      {short ? (
        <Text size="sm" mt="sm">
          Sales of unmapped items take nothing from stock. Aim for {AIM_PERCENT} % of sales value:{' '}
          {onMap ? (
            <Anchor component="button" type="button" size="sm" onClick={onMap}>
              map the best-selling items first
            </Anchor>
          ) : (
            'map the best-selling items first'
          )}
          .
        </Text>
      ) : null}
    </Paper>
  );
}
