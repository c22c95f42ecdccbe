import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { DecimalInput, decimalReady } from '../ui/DecimalInput';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';
import type { ItemGroup } from './item-groups';
import { targetOf, useTargets } from './MappingSheet';

/** Many dishes mapped to one target with one quantity, in one transaction (all or none). */
export function BulkMapDialog({ groups, onClose, onSaved }: { groups: readonly ItemGroup[] | null; onClose: () => void; onSaved: () => void }) {
  const targets = useTargets();
  const [target, setTarget] = useState<string | null>(null);
  const [quantity, setQuantity] = useState('1');
  const save = useAction(async () => {
    if (!groups || !target) return;
    await call('mappings:save-many', { mappings: groups.map((group) => ({ posItemId: group.first.id, ...targetOf(target), quantity, isSubtraction: false })) });
    onSaved();
  });
  const names = (groups ?? []).map((group) => group.name);
  return (
    <Modal opened={groups !== null} onClose={onClose} title={`Map ${names.length} selected ${names.length === 1 ? 'item' : 'items'}`} size="lg">
      <ActionForm onSubmit={save.run}>
        <Stack>
          <Text size="sm">
            {names.slice(0, 12).join(', ')}
            {names.length > 12 ? ` and ${names.length - 12} more` : ''}
          </Text>
          <Select label="Deduct this ingredient or recipe" placeholder="Search ingredients and recipes" data={targets} value={target} onChange={setTarget} searchable required data-autofocus />
          <DecimalInput positive withUnit label="Quantity per item sold" value={quantity} onChange={setQuantity} required />
          <ErrorNotice error={save.error} onClose={save.clearError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.busy} disabled={!target || !decimalReady(quantity, true, true)}>
              Map {names.length} {names.length === 1 ? 'item' : 'items'}
            </Button>
          </Group>
        </Stack>
      </ActionForm>
    </Modal>
  );
}
