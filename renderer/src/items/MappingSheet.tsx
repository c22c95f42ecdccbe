import { Badge, Button, Checkbox, Drawer, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatMoney, formatPct } from '../ui/format';
import { DecimalInput, decimalReady } from '../ui/DecimalInput';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { useCurrency } from '../ui/use-currency';
import { call } from '../ipc/client';
import { acceptedSuggestion, type ItemGroup } from './item-groups';
import { SameDish } from './SameDish';
import { mappedAmount } from './mapped-amount';

/** Ingredients and recipes in one searchable list; the value says which kind ("ingredient:3"). */
export function useTargets() {
  const reload = anyOf('inventory:changed');
  const ingredients = useLive(() => call('ingredients:list', {}), reload, []);
  const recipes = useLive(() => call('recipes:list', {}), reload, []);
  return [
    { group: 'Ingredients', items: (ingredients.data ?? []).map((ingredient) => ({ value: `ingredient:${ingredient.id}`, label: `${ingredient.name} (${ingredient.unit})` })) },
    { group: 'Recipes', items: (recipes.data ?? []).map((recipe) => ({ value: `recipe:${recipe.id}`, label: `${recipe.name} (recipe)` })) },
  ];
}

/** "ingredient:3" → the request's target fields. */
export function targetOf(value: string): { mappedObjectType: 'ingredient' | 'recipe'; mappedObjectId: number } {
  const [type, id] = value.split(':');
  return { mappedObjectType: type === 'recipe' ? 'recipe' : 'ingredient', mappedObjectId: Number(id) };
}

type Mapping = NonNullable<ItemGroup['mapping']>;
/** The quantity as it was typed, with its unit when it was not the ingredient's own ("9 g"). */
const typedOf = (mapping: Mapping) => (mapping.unit ? `${mapping.quantity} ${mapping.unit}` : mapping.quantity);
const describe = (mapping: Mapping) => `${mappedAmount(mapping)} ${mapping.name}${mapping.isSubtraction ? ' (gives stock back)' : ''}`;
const GROUP = '';

function Suggestions({ group, onSaved }: { group: ItemGroup; onSaved: () => void }) {
  const { data } = useLive(() => call('items:suggest', { posItemIds: [group.first.id] }), anyOf('inventory:changed'), [group.first.id]);
  const accept = useAction(async (suggestion: { kind: 'ingredient' | 'recipe'; id: number }) => {
    await call('mappings:save', acceptedSuggestion(group, suggestion));
    onSaved();
  });
  const suggestions = data?.[0]?.suggestions ?? [];
  if (group.mapping || suggestions.length === 0) return null;
  return (
    <Stack gap={6} aria-label="Suggestions">
      <Title order={4} size="h6">
        Suggested
      </Title>
      {suggestions.map((suggestion) => (
        <Group key={`${suggestion.kind}:${suggestion.id}`} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {suggestion.name}{' '}
            <Text span c="dimmed" size="xs">
              {suggestion.kind} · {Math.round(suggestion.score * 100)} % alike
            </Text>
          </Text>
          <Button size="xs" variant="light" onClick={() => void accept.run(suggestion)} loading={accept.busy} aria-label={`Accept ${suggestion.name}`}>
            Accept
          </Button>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        Accept maps 1 per item sold; choose below for another quantity.
      </Text>
      <ErrorNotice error={accept.error} onClose={accept.clearError} />
    </Stack>
  );
}

/** What one sale costs through the mapping, at today's weighted average costs, against the POS price. */
function CostPerSale({ posItemId, mapping }: { posItemId: number; mapping: string }) {
  const cost = useLive(() => call('items:cost', { posItemId }), anyOf('inventory:changed', 'lightspeed:changed'), [posItemId, mapping]);
  if (!cost.data) return null;
  const money = (text: string) => formatMoney(text, cost.data?.currency ?? '');
  return (
    <Text size="sm" aria-label="Cost per sale">
      Costs {money(cost.data.cost)} a sale
      {cost.data.price === null ? '' : `; sold at ${money(cost.data.price)}: ${cost.data.cost_pct === null ? '' : `${formatPct(cost.data.cost_pct)} food cost, `}a margin of ${money(cost.data.margin ?? '0')}`}.
      {cost.data.missing_costs.length > 0 ? (
        <Text span c="orange" size="sm">
          {' '}
          {cost.data.missing_costs.join(', ')} {cost.data.missing_costs.length === 1 ? 'has' : 'have'} no cost yet.
        </Text>
      ) : null}
    </Text>
  );
}

function MappingForm({ group, locationNames, onClose, onSaved }: { group: ItemGroup; locationNames: Map<string, string>; onClose: () => void; onSaved: () => void }) {
  const targets = useTargets();
  const [place, setPlace] = useState<string>(GROUP);
  const shown = place === GROUP ? group.mapping : (group.overrides.find((override) => override.location === place) ?? null);
  const currentTarget = shown
    ? (targets.find((list) => list.group === (shown.type === 'recipe' ? 'Recipes' : 'Ingredients'))?.items.find((option) => option.label.startsWith(`${shown.name} (`))?.value ?? null)
    : null;
  const [target, setTarget] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<string | null>(null);
  const [subtraction, setSubtraction] = useState<boolean | null>(null);
  const chosen = target ?? currentTarget;
  const typed = quantity ?? (shown ? typedOf(shown) : '1');
  const isSubtraction = subtraction ?? shown?.isSubtraction ?? false;
  const location = place === GROUP ? undefined : place;
  const choosePlace = (value: string | null) => {
    setPlace(value ?? GROUP);
    setTarget(null);
    setQuantity(null);
    setSubtraction(null);
  };
  const save = useAction(async () => {
    if (!chosen) return;
    await call('mappings:save', { posItemId: group.first.id, ...targetOf(chosen), quantity: typed, isSubtraction, location });
    onSaved();
  });
  const remove = useAction(async (at?: string) => {
    await call('mappings:delete', { posItemId: group.first.id, location: at });
    if (at === undefined) onClose();
  });
  const places = [
    { value: GROUP, label: 'Every place that sells it' },
    ...group.locations.map((id) => ({ value: id, label: `Only at ${locationNames.get(id) ?? id} (override)` })),
  ];
  return (
    <Stack>
      <ActionForm onSubmit={save.run}>
        <Stack>
          {group.locations.length > 1 ? <Select label="Applies to" data={places} value={place} onChange={choosePlace} allowDeselect={false} /> : null}
          <Select
            label="Deduct this ingredient or recipe"
            placeholder="Search ingredients and recipes"
            data={targets}
            value={chosen}
            onChange={setTarget}
            searchable
            nothingFoundMessage="No ingredient or recipe by that name; create it under Inventory"
            required
          />
          <DecimalInput
            positive
            withUnit
            label="Quantity per item sold"
            description="Example: an espresso takes 0.009 kg coffee beans (0,009 or 9 g work too); a burger takes 1 portion of its recipe"
            value={typed}
            onChange={setQuantity}
            required
          />
          <Checkbox
            label="Subtraction: selling this item gives stock back"
            description="For special cases only, such as a “No bun” modifier or corrections"
            checked={isSubtraction}
            onChange={(event) => setSubtraction(event.currentTarget.checked)}
          />
          <ErrorNotice error={save.error ?? remove.error} onClose={save.error ? save.clearError : remove.clearError} />
          <Group justify="space-between">
            {shown ? (
              <Button color="red" variant="subtle" loading={remove.busy} onClick={() => void remove.run(location)}>
                {location ? 'Remove this override' : 'Delete mapping'}
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" loading={save.busy} disabled={!chosen || !decimalReady(typed, true, true)}>
              {location ? 'Save override' : 'Save mapping'}
            </Button>
          </Group>
        </Stack>
      </ActionForm>
      {group.overrides.length > 0 ? (
        <Stack gap={4} aria-label="Overrides">
          <Text size="sm" fw={500}>
            Overrides
          </Text>
          {group.overrides.map((override) => (
            <Text key={override.location} size="sm">
              At {locationNames.get(override.location) ?? override.location}: {describe(override)}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

export function MappingSheet({ group, locationNames, onClose, onSaved }: { group: ItemGroup | null; locationNames: Map<string, string>; onClose: () => void; onSaved: () => void }) {
  const currency = useCurrency();
  const saved = () => {
    onSaved();
    onClose();
  };
  return (
    <Drawer opened={group !== null} onClose={onClose} position="right" size="md" title={group ? `Map “${group.name}”` : ''}>
      {group ? (
        <Stack key={group.key}>
          <Table aria-label="POS item">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={110}>Sold at</Table.Th>
                <Table.Td>{group.locations.map((id) => locationNames.get(id) ?? id).join(', ') || '—'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Td>{group.sku ?? '—'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Price</Table.Th>
                <Table.Td>{group.first.price === null ? '—' : formatMoney(group.first.price, currency)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Items</Table.Th>
                <Table.Td>
                  {group.items.length === 1 ? `${group.first.itemId} · ${group.first.source}` : `${group.items.length} POS items, one dish: mapped once for all`}
                  {group.otherNames.length > 0 ? (
                    <Text size="xs" c="dimmed">
                      Also named {group.otherNames.join(', ')}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {group.mapping ? <Badge variant="light">Now: {describe(group.mapping)}</Badge> : null}
          {group.mapping ? <CostPerSale posItemId={group.first.id} mapping={describe(group.mapping)} /> : null}
          <Suggestions group={group} onSaved={saved} />
          <MappingForm group={group} locationNames={locationNames} onClose={onClose} onSaved={saved} />
          <SameDish group={group} onChanged={saved} />
        </Stack>
      ) : null}
    </Drawer>
  );
}
