import { Button, Checkbox, Drawer, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatMoney } from '../ui/format';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { call } from '../ipc/client';
import type { Item } from './items-store';

/** Ingredients and recipes in one searchable list; the value says which kind ("ingredient:3"). */
function useTargets() {
  const reload = anyOf('inventory:changed');
  const ingredients = useLive(() => call('ingredients:list', {}), reload, []);
  const recipes = useLive(() => call('recipes:list', {}), reload, []);
  return [
    { group: 'Ingredients', items: (ingredients.data ?? []).map((ingredient) => ({ value: `ingredient:${ingredient.id}`, label: `${ingredient.name} (${ingredient.unit})` })) },
    { group: 'Recipes', items: (recipes.data ?? []).map((recipe) => ({ value: `recipe:${recipe.id}`, label: `${recipe.name} (recipe)` })) },
  ];
}

function MappingForm({ item, onClose }: { item: Item; onClose: () => void }) {
  const targets = useTargets();
  const current = item.mapping
    ? (targets.find((group) => group.group === (item.mapping?.type === 'recipe' ? 'Recipes' : 'Ingredients'))?.items.find((option) => option.label.startsWith(`${item.mapping?.name} (`))?.value ?? null)
    : null;
  const [target, setTarget] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(item.mapping?.quantity ?? '1');
  const [isSubtraction, setIsSubtraction] = useState(item.mapping?.isSubtraction ?? false);
  const chosen = target ?? current;
  const save = useAction(async () => {
    const [type, id] = (chosen ?? ':').split(':');
    await call('mappings:save', { posItemId: item.id, mappedObjectType: type as 'ingredient' | 'recipe', mappedObjectId: Number(id), quantity, isSubtraction });
    onClose();
  });
  const remove = useAction(async () => {
    await call('mappings:delete', { posItemId: item.id });
    onClose();
  });
  return (
    <Stack>
      <Table aria-label="POS item">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={110}>Item id</Table.Th>
            <Table.Td>{item.itemId}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Td>{item.sku ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Price</Table.Th>
            <Table.Td>{item.price === null ? '—' : formatMoney(item.price)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <ActionForm onSubmit={save.run}>
        <Stack>
          <Select
            label="Deduct this ingredient or recipe"
            placeholder="Search ingredients and recipes"
            data={targets}
            value={chosen}
            onChange={setTarget}
            searchable
            nothingFoundMessage="No ingredient or recipe by that name; create it under Inventory"
            required
            data-autofocus
          />
          <TextInput
            label="Quantity per item sold"
            description="Example: an espresso takes 0.009 kg coffee beans; a burger takes 1 portion of its recipe"
            value={quantity}
            onChange={(event) => setQuantity(event.currentTarget.value)}
            inputMode="decimal"
            required
          />
          <Checkbox
            label="Subtraction: selling this item gives stock back"
            description="For special cases only, such as a “No bun” modifier or corrections"
            checked={isSubtraction}
            onChange={(event) => setIsSubtraction(event.currentTarget.checked)}
          />
          <ErrorNotice error={save.error ?? remove.error} onClose={save.error ? save.clearError : remove.clearError} />
          <Group justify="space-between">
            {item.mapping ? (
              <Button color="red" variant="subtle" loading={remove.busy} onClick={() => void remove.run()}>
                Delete mapping
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" loading={save.busy} disabled={!chosen}>
              Save mapping
            </Button>
          </Group>
        </Stack>
      </ActionForm>
      <Text size="xs" c="dimmed">
        A new mapping applies to days posted from now on, and to days you run again by hand.
      </Text>
    </Stack>
  );
}

export function MappingSheet({ item, onClose }: { item: Item | null; onClose: () => void }) {
  return (
    <Drawer opened={item !== null} onClose={onClose} position="right" size="md" title={item ? `Map “${item.name}”` : ''}>
      {item ? <MappingForm key={item.id} item={item} onClose={onClose} /> : null}
    </Drawer>
  );
}
