import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { call } from '../ipc/client';
import { mappedAmount } from './mapped-amount';

/**
 * Items renamed in the POS while mapped: deductions go on through the SKU, and the manager confirms
 * the mapping still fits the new name or remaps it ("Cappuccino → Cappuccino (oat)" may need oat milk).
 */
export function RenamesReview({ onRemap }: { onRemap: (posItemId: number) => void }) {
  const { data } = useLive(() => call('items:renames', {}), anyOf('lightspeed:changed'), []);
  const confirm = useAction((id: number) => call('items:confirm-rename', { id }));
  if (!data || data.length === 0) return null;
  return (
    <Alert color="yellow" title={`${data.length} ${data.length === 1 ? 'item was' : 'items were'} renamed in the POS`} aria-label="Renamed items">
      <Text size="sm" mb="xs">
        They still deduct what they deducted before (their SKU did not change). Check that still fits the new name.
      </Text>
      <Stack gap={6}>
        {data.map((rename) => (
          <Group key={rename.id} justify="space-between" wrap="nowrap" data-rename={rename.id}>
            <Text size="sm">
              <strong>
                {rename.oldName} → {rename.newName}
              </strong>{' '}
              ({rename.source}){rename.mapping ? ` deducts ${mappedAmount(rename.mapping)} ${rename.mapping.name}` : ''}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="light" onClick={() => void confirm.run(rename.id)} loading={confirm.busy} aria-label={`Keep the mapping of ${rename.newName}`}>
                Keep mapping
              </Button>
              <Button size="xs" variant="default" onClick={() => onRemap(rename.posItemId)}>
                Remap…
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      <ErrorNotice error={confirm.error} onClose={confirm.clearError} />
    </Alert>
  );
}
