import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';
import { useInventory, type StorageUnit } from './inventory-store';

function StorageUnitRow({ unit }: { unit: StorageUnit }) {
  const [name, setName] = useState<string | null>(null);
  const rename = useAction(async (next: string) => {
    await call('storage-units:save', { id: unit.id, name: next });
    setName(null);
  });
  const remove = useAction(() => call('storage-units:delete', { id: unit.id }));
  return (
    <Table.Tr>
      <Table.Td>
        {name === null ? (
          unit.name
        ) : (
          <TextInput aria-label={`New name for ${unit.name}`} value={name} onChange={(event) => setName(event.currentTarget.value)} autoFocus />
        )}
        <ErrorNotice error={rename.error ?? remove.error} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          {name === null ? (
            <Button size="xs" variant="subtle" onClick={() => setName(unit.name)}>
              Rename
            </Button>
          ) : (
            <>
              <Button size="xs" loading={rename.busy} onClick={() => void rename.run(name)}>
                Save
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setName(null)}>
                Cancel
              </Button>
            </>
          )}
          <Button size="xs" variant="subtle" color="red" loading={remove.busy} onClick={() => void remove.run()} aria-label={`Delete ${unit.name}`}>
            Delete
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function StorageUnitsPanel() {
  const units = useInventory((state) => state.storageUnits);
  const [name, setName] = useState('');
  const add = useAction(async () => {
    await call('storage-units:save', { name });
    setName('');
  });
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        A storage unit is a place stock is kept in (Main Kitchen, Bar Storage). Each Lightspeed location will deduct from one storage unit.
      </Text>
      <ActionForm onSubmit={add.run}>
        <Group align="flex-end">
          <TextInput label="New storage unit" placeholder="Main Kitchen" value={name} onChange={(event) => setName(event.currentTarget.value)} required />
          <Button type="submit" loading={add.busy}>
            Add storage unit
          </Button>
        </Group>
      </ActionForm>
      <ErrorNotice error={add.error} onClose={add.clearError} />
      {units.length === 0 ? (
        <Text>No storage units yet. Add the first place you keep stock in, such as “Main Kitchen”.</Text>
      ) : (
        <Table striped highlightOnHover aria-label="Storage units">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((unit) => (
              <StorageUnitRow key={unit.id} unit={unit} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
