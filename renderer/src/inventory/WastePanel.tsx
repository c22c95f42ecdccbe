import { DecimalInput, decimalReady } from '../ui/DecimalInput';
import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call } from '../ipc/client';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { useInventory } from './inventory-store';
import { StockChangesList } from './StockChangesList';

/** Waste (an ingredient, or a recipe exploded like a sale) and moves between storage units. */
export function WastePanel() {
  const storageUnits = useInventory((state) => state.storageUnits).map((unit) => unit.name);
  const ingredients = useInventory((state) => state.ingredients).map((ingredient) => ingredient.name);
  const recipes = useInventory((state) => state.recipes).map((recipe) => recipe.name);
  const [kind, setKind] = useState<'ingredient' | 'recipe'>('ingredient');
  const reasons = useLive(() => call('waste:reasons', {}), anyOf('settings:changed'), []);
  const [waste, setWaste] = useState({ storageUnit: storageUnits[0] ?? null, item: null as string | null, quantity: '', reason: null as string | null, note: '' });
  const [editing, setEditing] = useState<string[] | null>(null);
  const saveReasons = useAction(async (list: string[]) => {
    await call('waste:reasons-save', { reasons: list });
    setEditing(null);
  });
  const reason = waste.reason ?? reasons.data?.[0] ?? null;
  const [move, setMove] = useState({ from: storageUnits[0] ?? null, to: storageUnits[1] ?? null, ingredient: null as string | null, quantity: '' });
  const [done, setDone] = useState<{ text: string; warnings: string[] } | null>(null);
  const recordWaste = useAction(async () => {
    if (!waste.storageUnit || !waste.item || !reason) return;
    const recorded = await call('waste:record', {
      storageUnit: waste.storageUnit,
      ...(kind === 'ingredient' ? { ingredient: waste.item } : { recipe: waste.item }),
      quantity: waste.quantity,
      reason,
      ...(waste.note.trim() ? { note: waste.note } : {}),
      at: new Date().toISOString(),
    });
    setDone({ text: `Waste of ${waste.quantity} ${waste.item} recorded.`, warnings: recorded.warnings });
    setWaste({ ...waste, quantity: '', note: '' });
  });
  const moveStock = useAction(async () => {
    if (!move.from || !move.to || !move.ingredient) return;
    const moved = await call('stock:move', { from: move.from, to: move.to, ingredient: move.ingredient, quantity: move.quantity, at: new Date().toISOString() });
    setDone({ text: `${move.quantity} ${move.ingredient} moved from ${move.from} to ${move.to}.`, warnings: moved.warnings });
    setMove({ ...move, quantity: '' });
  });
  return (
    <Stack maw={760}>
      {done && done.warnings.length === 0 ? (
        <Text role="status" c="teal.9">
          {done.text}
        </Text>
      ) : null}
      {done && done.warnings.length > 0 ? (
        <Alert role="status" color="orange" title={`${done.text} Check the quantity:`}>
          {done.warnings.map((warning) => (
            <Text key={warning} size="sm">
              {warning}
            </Text>
          ))}
          <Text size="sm">If it was a typo, undo it in the list below.</Text>
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          Record waste
        </Title>
        <ActionForm onSubmit={recordWaste.run}>
          <Stack gap="sm">
            <SegmentedControl
              aria-label="Waste of"
              value={kind}
              onChange={(value) => {
                setKind(value as typeof kind);
                setWaste({ ...waste, item: null });
              }}
              data={[
                { value: 'ingredient', label: 'An ingredient' },
                { value: 'recipe', label: 'A recipe' },
              ]}
            />
            <Group grow align="start">
              <Select label="Storage unit" data={storageUnits} value={waste.storageUnit} onChange={(storageUnit) => setWaste({ ...waste, storageUnit })} />
              <Select label={kind === 'ingredient' ? 'Ingredient' : 'Recipe'} data={kind === 'ingredient' ? ingredients : recipes} value={waste.item} onChange={(item) => setWaste({ ...waste, item })} searchable />
              <DecimalInput positive withUnit={kind === 'ingredient'} label={kind === 'ingredient' ? 'Quantity' : 'Portions'} placeholder={kind === 'ingredient' ? '0,5 or 2 bottle' : '1'} value={waste.quantity} onChange={(quantity) => setWaste({ ...waste, quantity })} />
            </Group>
            <Group grow align="start">
              <Select label="Reason" data={reasons.data ?? []} value={reason} allowDeselect={false} onChange={(picked) => setWaste({ ...waste, reason: picked })} />
              <TextInput label="Note" value={waste.note} onChange={(event) => setWaste({ ...waste, note: event.currentTarget.value })} />
            </Group>
            {editing ? (
              <Group align="end">
                <TagsInput label="Waste reasons" description="Press Enter after each" value={editing} onChange={setEditing} w={460} />
                <Button variant="default" disabled={editing.length === 0} loading={saveReasons.busy} onClick={() => void saveReasons.run(editing)}>
                  Save reasons
                </Button>
              </Group>
            ) : (
              <Button variant="subtle" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => setEditing(reasons.data ?? [])}>
                Edit the reasons
              </Button>
            )}
            <ErrorNotice error={recordWaste.error ?? saveReasons.error} onClose={recordWaste.clearError} />
            <Group>
              <Button type="submit" loading={recordWaste.busy} disabled={!waste.item || !decimalReady(waste.quantity, true, kind === 'ingredient')}>
                Record waste
              </Button>
            </Group>
          </Stack>
        </ActionForm>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          Move stock between storage units
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Out of one and into the other at the same cost: a delivery carried from the kitchen to the bar is a variance in neither.
        </Text>
        <ActionForm onSubmit={moveStock.run}>
          <Stack gap="sm">
            <Group grow align="start">
              <Select label="From" data={storageUnits} value={move.from} onChange={(from) => setMove({ ...move, from })} />
              <Select label="To" data={storageUnits} value={move.to} onChange={(to) => setMove({ ...move, to })} />
              <Select label="Ingredient to move" data={ingredients} value={move.ingredient} onChange={(ingredient) => setMove({ ...move, ingredient })} searchable />
              <DecimalInput positive withUnit label="Quantity to move" placeholder="2,5 or 1 case" value={move.quantity} onChange={(quantity) => setMove({ ...move, quantity })} />
            </Group>
            <ErrorNotice error={moveStock.error} onClose={moveStock.clearError} />
            <Group>
              <Button type="submit" loading={moveStock.busy} disabled={!move.ingredient || !decimalReady(move.quantity, true, true) || move.from === move.to}>
                Move
              </Button>
            </Group>
          </Stack>
        </ActionForm>
      </Paper>
      <StockChangesList />
    </Stack>
  );
}
