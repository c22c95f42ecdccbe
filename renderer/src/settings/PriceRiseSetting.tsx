import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';

/** When Home names a delivery: more than this % above the ingredient's weighted average cost before it. */
export function PriceRiseSetting({ threshold }: { threshold: number }) {
  const [value, setValue] = useState<number | string>(threshold);
  const save = useAction(() => call('settings:save', { priceRiseThreshold: Number(value) }));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Price rises
      </Title>
      <Stack gap="xs">
        <Group align="end">
          <NumberInput
            label="Name a delivery on Home when it costs more than"
            suffix=" %"
            min={0}
            max={1000}
            decimalScale={1}
            w={320}
            value={value}
            onChange={setValue}
            description="above the ingredient’s average cost before it"
          />
          <Button variant="default" disabled={value === '' || Number(value) === threshold} loading={save.busy} onClick={() => void save.run()}>
            Save
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Home lists such deliveries of the last 30 days, so a plate cost that moved with them is checked in time.
        </Text>
        <ErrorNotice error={save.error} onClose={save.clearError} />
      </Stack>
    </Paper>
  );
}
