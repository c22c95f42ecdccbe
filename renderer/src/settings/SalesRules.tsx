import { Button, Checkbox, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';

/** Lightspeed's own void reasons (Financial V1): the ones a till offers. */
const VOID_REASONS = ['Broken', 'Cooking', 'Other', 'Taste', 'Unhappy Client', 'User Mistake', 'Waited too long'];

/** How refunds and voided lines count; the rest of the sale-type policy is fixed (README: Sale types, voids and refunds). */
export function SalesRules({ settings }: { settings: ContractOutput<Contracts['settings:get']> }) {
  const [reasons, setReasons] = useState<string[]>(settings.voidsThatAreWaste);
  const save = useAction((change: { refundsRestock?: boolean; voidsThatAreWaste?: string[] }) => call('settings:save', change));
  const changed = [...reasons].sort().join('|') !== [...settings.voidsThatAreWaste].sort().join('|');
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Refunds and voids
      </Title>
      <Stack>
        <Switch
          label="Refunds put stock back"
          description="Off: a refund on its own restocks nothing, because the dish was made. A refund inside a reopened bill always nets."
          checked={settings.refundsRestock}
          onChange={(event) => void save.run({ refundsRestock: event.currentTarget.checked })}
        />
        <Checkbox.Group
          label="Voids that are waste"
          description="A dish voided for one of these reasons was made and thrown away: it is posted as waste (reason “void: …”) instead of vanishing."
          value={reasons}
          onChange={setReasons}
        >
          <Group mt="xs">
            {VOID_REASONS.map((reason) => (
              <Checkbox key={reason} value={reason} label={reason} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <Button variant="default" disabled={!changed} loading={save.busy} onClick={() => void save.run({ voidsThatAreWaste: reasons })}>
            Save void reasons
          </Button>
          <Text size="xs" c="dimmed">
            Applies to days posted from now on; run a past day again by hand to apply it there.
          </Text>
        </Group>
        <ErrorNotice error={save.error} onClose={save.clearError} />
      </Stack>
    </Paper>
  );
}
