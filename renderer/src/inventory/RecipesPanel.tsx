import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatQuantity } from '../ui/format';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';
import { RecipeEditor } from './RecipeEditor';
import { useInventory } from './inventory-store';

/** Which recipe the editor shows: a saved one, a new one, or none (closed). */
type Editing = { id: number | null } | null;

export function RecipesPanel() {
  const recipes = useInventory((state) => state.recipes);
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useAction(async (id: number) => {
    await call('recipes:delete', { id });
    setEditing(null);
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          A recipe lists what one batch takes; a line can be an ingredient or another recipe, with a trim loss in percent.
        </Text>
        <Button onClick={() => setEditing({ id: null })}>New recipe</Button>
      </Group>
      {recipes.length === 0 ? (
        <Text>No recipes yet. Create one for every POS item made of several ingredients, such as a burger.</Text>
      ) : (
        <Table striped highlightOnHover aria-label="Recipes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Yield</Table.Th>
              <Table.Th>Lines</Table.Th>
              <Table.Th>Used in recipes</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recipes.map((recipe) => (
              <Table.Tr key={recipe.id}>
                <Table.Td>{recipe.name}</Table.Td>
                <Table.Td>{formatQuantity(recipe.yield)}</Table.Td>
                <Table.Td>{recipe.lineCount}</Table.Td>
                <Table.Td>{recipe.usedBy}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setEditing({ id: recipe.id })} aria-label={`Edit ${recipe.name}`}>
                    Edit
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        size="xl"
        opened={editing !== null}
        onClose={() => {
          remove.clearError();
          setEditing(null);
        }}
        title={editing?.id ? 'Edit recipe' : 'New recipe'}
      >
        {editing ? (
          <Stack>
            <RecipeEditor key={editing.id ?? 'new'} recipeId={editing.id} onSaved={(id) => setEditing({ id })} />
            {editing.id !== null ? (
              <Group justify="flex-start">
                <Button variant="subtle" color="red" loading={remove.busy} onClick={() => editing.id !== null && void remove.run(editing.id)}>
                  Delete recipe
                </Button>
              </Group>
            ) : null}
            <ErrorNotice error={remove.error} />
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
