import { Autocomplete, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatMoney } from '../ui/format';
import { useCurrency } from '../ui/use-currency';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';
import { useInventory, type Ingredient } from './inventory-store';

const commonUnits = ['kg', 'g', 'l', 'ml', 'piece', 'bottle', 'can', 'portion'];

interface Draft {
  id?: number;
  name: string;
  unit: string;
}

function IngredientForm({ draft, onDone }: { draft: Draft; onDone: () => void }) {
  const [name, setName] = useState(draft.name);
  const [unit, setUnit] = useState(draft.unit);
  const save = useAction(async () => {
    await call('ingredients:save', { ...(draft.id ? { id: draft.id } : {}), name, unit });
    onDone();
  });
  return (
    <ActionForm onSubmit={save.run}>
      <Stack>
        <TextInput label="Name" placeholder="Coffee beans" value={name} onChange={(event) => setName(event.currentTarget.value)} required data-autofocus />
        <Autocomplete label="Unit" description="The unit stock is counted in" placeholder="kg" data={commonUnits} value={unit} onChange={setUnit} required />
        <ErrorNotice error={save.error} onClose={save.clearError} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy}>
            Save ingredient
          </Button>
        </Group>
      </Stack>
    </ActionForm>
  );
}

export function IngredientsPanel() {
  const ingredients = useInventory((state) => state.ingredients);
  const stock = useInventory((state) => state.stock);
  const [draft, setDraft] = useState<Draft | null>(null);
  const currency = useCurrency();
  const [deleting, setDeleting] = useState<Ingredient | null>(null);
  const remove = useAction(async (id: number) => {
    await call('ingredients:delete', { id });
    setDeleting(null);
  });
  const onHand = (id: number) => stock.filter((line) => line.ingredientId === id);
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          Ingredients are what POS sales deduct from stock, directly or through recipes.
        </Text>
        <Button onClick={() => setDraft({ name: '', unit: '' })}>New ingredient</Button>
      </Group>
      {ingredients.length === 0 ? (
        <Text>No ingredients yet. Add what you buy and count, such as “Coffee beans” in kg.</Text>
      ) : (
        <Table striped highlightOnHover aria-label="Ingredients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Unit</Table.Th>
              <Table.Th>On hand</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ingredients.map((ingredient) => (
              <Table.Tr key={ingredient.id}>
                <Table.Td>{ingredient.name}</Table.Td>
                <Table.Td>{ingredient.unit}</Table.Td>
                <Table.Td>
                  {onHand(ingredient.id).map((line) => (
                    <Text key={line.storageUnitId} size="sm">
                      {formatAtUnit(line.quantity, line.unit)} in {line.storageUnit} ({formatMoney(line.value, currency)})
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="subtle" onClick={() => setDraft(ingredient)}>
                      Edit
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(ingredient)} aria-label={`Delete ${ingredient.name}`}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={draft !== null} onClose={() => setDraft(null)} title={draft?.id ? `Edit ${draft.name}` : 'New ingredient'}>
        {draft ? <IngredientForm draft={draft} onDone={() => setDraft(null)} /> : null}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => {
          remove.clearError();
          setDeleting(null);
        }} title={`Delete ${deleting?.name ?? ''}?`}>
        <Stack>
          <Text>Ingredients used by a recipe or with ledger entries are kept; Larder will tell you if so.</Text>
          <ErrorNotice error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Keep
            </Button>
            <Button color="red" loading={remove.busy} onClick={() => deleting && void remove.run(deleting.id)}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
