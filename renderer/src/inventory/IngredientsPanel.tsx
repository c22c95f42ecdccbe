import { Autocomplete, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatMoney } from '../ui/format';
import { useCurrency } from '../ui/use-currency';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';
import { useInventory, type Ingredient } from './inventory-store';
import { inPacks } from './pack-units';

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

/** An ingredient's pack units: how it arrives and is counted (case = 24 bottle), each sized in its unit or another of its units. */
function UnitsForm({ ingredient }: { ingredient: Ingredient }) {
  const units = useInventory((state) => state.units).filter((unit) => unit.ingredientId === ingredient.id);
  const [name, setName] = useState('');
  const [factor, setFactor] = useState('');
  const add = useAction(async () => {
    await call('ingredients:unit-save', { ingredientId: ingredient.id, name, factor });
    setName('');
    setFactor('');
  });
  const remove = useAction(async (unit: string) => {
    await call('ingredients:unit-remove', { ingredientId: ingredient.id, name: unit });
  });
  const countIn = useAction(async (unit: string | null) => {
    await call('ingredients:count-unit', { ingredientId: ingredient.id, name: unit });
  });
  return (
    <Stack>
      <Text size="sm">
        {ingredient.name} is kept in {ingredient.unit}; units of the same family (g and kg, ml and l) convert by themselves. Add how it arrives or is counted: a case, a
        bottle, a sack.
      </Text>
      {units.length > 0 ? (
        <Table fz="sm" aria-label={`Units of ${ingredient.name}`}>
          <Table.Tbody>
            {units.map((unit) => (
              <Table.Tr key={unit.name}>
                <Table.Td>1 {unit.name}</Table.Td>
                <Table.Td>= {formatAtUnit(unit.factor, ingredient.unit)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="subtle" color="red" loading={remove.busy} onClick={() => void remove.run(unit.name)} aria-label={`Remove ${unit.name}`}>
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {units.length > 0 ? (
        <Select
          label="Stock and count sheets show it in"
          description="From this unit down: for example in bottles only, rather than cases and bottles"
          data={[{ value: '', label: 'Its largest units first' }, ...units.map((unit) => ({ value: unit.name, label: `${unit.name} and smaller` }))]}
          value={units.find((unit) => unit.countUnit)?.name ?? ''}
          allowDeselect={false}
          onChange={(value) => void countIn.run(value ? value : null)}
          w={320}
        />
      ) : null}
      <ActionForm onSubmit={add.run}>
        <Group align="end">
          <TextInput label="Unit" placeholder="case" value={name} onChange={(event) => setName(event.currentTarget.value)} w={140} required />
          <TextInput label={`One is`} description={`In ${ingredient.unit}, or another unit: 6 bottle`} placeholder="24" value={factor} onChange={(event) => setFactor(event.currentTarget.value)} w={200} required />
          <Button type="submit" loading={add.busy} disabled={name.trim() === '' || factor.trim() === ''}>
            Add unit
          </Button>
        </Group>
      </ActionForm>
      <ErrorNotice error={add.error ?? remove.error ?? countIn.error} onClose={() => (add.clearError(), remove.clearError(), countIn.clearError())} />
    </Stack>
  );
}

export function IngredientsPanel() {
  const ingredients = useInventory((state) => state.ingredients);
  const units = useInventory((state) => state.units);
  const [unitsOf, setUnitsOf] = useState<Ingredient | null>(null);
  const packsOf = (id: number) => units.filter((unit) => unit.ingredientId === id);
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
              <Table.Th>Packs</Table.Th>
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
                  <Text size="sm">{packsOf(ingredient.id).map((unit) => `${unit.name} = ${formatAtUnit(unit.factor, ingredient.unit)}`).join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  {onHand(ingredient.id).map((line) => (
                    // Counted as the kitchen counts it (2 case 5 bottle); the base quantity on hover.
                    <Text key={line.storageUnitId} size="sm" title={formatAtUnit(line.quantity, line.unit)}>
                      {inPacks(line.quantity, line.unit, packsOf(ingredient.id))} in {line.storageUnit} ({formatMoney(line.value, currency)})
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="subtle" onClick={() => setDraft(ingredient)}>
                      Edit
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => setUnitsOf(ingredient)} aria-label={`Units of ${ingredient.name}`}>
                      Units
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
      <Modal opened={unitsOf !== null} onClose={() => setUnitsOf(null)} title={`Units of ${unitsOf?.name ?? ''}`} size="lg">
        {unitsOf ? <UnitsForm ingredient={unitsOf} /> : null}
      </Modal>
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
