import { ActionIcon, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { isDecimalText, splitQuantity, typedDecimalProblem } from '../../../shared/decimal-text';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDayShort, formatMoney, formatQuantity, formatUnitCost } from '../ui/format';
import { anyOf, useLive } from '../ui/use-live';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';
import { useInventory } from './inventory-store';

type Preview = ContractOutput<Contracts['recipes:preview']>;

interface LineDraft {
  key: number;
  /** "ingredient:12" or "recipe:5". */
  target: string | null;
  quantity: string;
  trimPct: string;
}

let nextKey = 1;
const blankLine = (): LineDraft => ({ key: nextKey++, target: null, quantity: '', trimPct: '' });

/** What is wrong with a line, field by field, each message naming its field. */
function lineProblems(line: LineDraft, number: number): { target: string | null; quantity: string | null; trimPct: string | null } {
  return {
    target: line.target === null && line.quantity !== '' ? `Line ${number}: choose an ingredient or a recipe` : null,
    // A quantity may carry its unit ("40 ml"); the number is checked here, the unit when saving.
    quantity: line.quantity && !isDecimalText(splitQuantity(line.quantity).number) ? `Line ${number}: quantity: ${typedDecimalProblem(splitQuantity(line.quantity).number)}` : null,
    trimPct: line.trimPct && !isDecimalText(line.trimPct) ? `Line ${number}: trim %: ${typedDecimalProblem(line.trimPct)}` : null,
  };
}

export function RecipeEditor({ recipeId, onSaved }: { recipeId: number | null; onSaved: (id: number) => void }) {
  const ingredients = useInventory((state) => state.ingredients);
  const recipes = useInventory((state) => state.recipes);
  const [name, setName] = useState('');
  const [yieldQty, setYieldQty] = useState('1');
  const [lines, setLines] = useState<LineDraft[]>([blankLine()]);
  const [preview, setPreview] = useState<Preview | null>(null);

  const load = useAction(async (id: number) => {
    const recipe = await call('recipes:get', { id });
    setName(recipe.name);
    setYieldQty(recipe.yield);
    // A line typed in another unit than the ingredient's shows it: "40 ml" of a litre-based gin.
    const baseOf = new Map(useInventory.getState().ingredients.map((item) => [item.id, item.unit]));
    setLines(
      recipe.lines.map((line) => ({
        key: nextKey++,
        target: `${line.kind}:${line.targetId}`,
        quantity: line.kind === 'ingredient' && line.unit && line.unit !== baseOf.get(line.targetId) ? `${line.quantity} ${line.unit}` : line.quantity,
        trimPct: line.trimPct ?? '',
      })),
    );
    setPreview(await call('recipes:preview', { id, portions: '1' }));
  });
  const { run: loadRecipe } = load;
  useEffect(() => {
    if (recipeId !== null) void loadRecipe(recipeId);
  }, [recipeId, loadRecipe]);

  const targets = useMemo(
    () => [
      { group: 'Ingredients', items: ingredients.map((item) => ({ value: `ingredient:${item.id}`, label: `${item.name} (${item.unit})` })) },
      { group: 'Recipes', items: recipes.filter((item) => item.id !== recipeId).map((item) => ({ value: `recipe:${item.id}`, label: `${item.name} (recipe)` })) },
    ],
    [ingredients, recipes, recipeId],
  );

  const save = useAction(async () => {
    const saved = await call('recipes:save', { ...(recipeId !== null ? { id: recipeId } : {}), name, yield: yieldQty, lines: linesOf(lines) });
    setPreview(await call('recipes:preview', { id: saved.id, portions: '1' }));
    onSaved(saved.id);
  });

  const update = (key: number, change: Partial<LineDraft>) => setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));
  const problems = lines.map((line, index) => lineProblems(line, index + 1));

  return (
    <ActionForm onSubmit={save.run}>
      <Stack>
        <Group align="flex-start">
          <TextInput label="Recipe name" placeholder="Classic Burger recipe" value={name} onChange={(event) => setName(event.currentTarget.value)} required style={{ flex: 1 }} />
          <TextInput
            label="Yield"
            description="Portions one batch makes"
            value={yieldQty}
            onChange={(event) => setYieldQty(event.currentTarget.value)}
            error={yieldQty && !isDecimalText(yieldQty) ? `Yield: ${typedDecimalProblem(yieldQty)}` : null}
            required
            w={160}
          />
        </Group>
        <Table aria-label="Recipe lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ingredient or recipe</Table.Th>
              <Table.Th w={130}>Quantity per batch</Table.Th>
              <Table.Th w={110}>Trim %</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => (
              <Table.Tr key={line.key}>
                <Table.Td>
                  <Select
                    aria-label={`Line ${index + 1}: ingredient or recipe`}
                    placeholder="Search ingredients and recipes"
                    data={targets}
                    value={line.target}
                    onChange={(target) => update(line.key, { target })}
                    searchable
                    nothingFoundMessage="Nothing found: create it first"
                    error={problems[index]?.target}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Line ${index + 1}: quantity`}
                    inputMode="decimal"
                    value={line.quantity}
                    onChange={(event) => update(line.key, { quantity: event.currentTarget.value })}
                    error={problems[index]?.quantity}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Line ${index + 1}: trim %`}
                    inputMode="decimal"
                    placeholder="0"
                    value={line.trimPct}
                    onChange={(event) => update(line.key, { trimPct: event.currentTarget.value })}
                    error={problems[index]?.trimPct}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove line ${index + 1}`} onClick={() => setLines((current) => current.filter((other) => other.key !== line.key))}>
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Button variant="light" onClick={() => setLines((current) => [...current, blankLine()])}>
            Add line
          </Button>
          <Button type="submit" loading={save.busy} disabled={problems.some((problem) => Object.values(problem).some(Boolean))}>
            Save recipe
          </Button>
        </Group>
        <ErrorNotice error={save.error ?? load.error} onClose={save.clearError} />
        {preview ? (
          <Stack gap={4} aria-label="One portion takes">
            <Text fw={600}>One portion takes from stock</Text>
            {preview.ingredients.map((item) => (
              <Text size="sm" key={item.ingredientId}>
                {formatQuantity(item.quantity)} {item.unit} {item.name}
              </Text>
            ))}
            {preview.exceptions.map((exception) => (
              <Text size="sm" c="red" key={exception}>
                {exception}
              </Text>
            ))}
          </Stack>
        ) : null}
        {recipeId !== null && preview ? <CostHistory recipeId={recipeId} savedAs={preview} /> : null}
        <PlateCost
          draft={problems.some((problem) => Object.values(problem).some(Boolean)) || lines.some((line) => line.target === null && line.quantity !== '') ? null : { name, yield: yieldQty, lines: linesOf(lines) }}
        />
      </Stack>
    </ActionForm>
  );
}

/** A saved recipe's portion cost over the last 90 days, a step on each delivery that moved it: where a price jump shows. */
function CostHistory({ recipeId, savedAs }: { recipeId: number; savedAs: Preview }) {
  const history = useLive(() => call('recipes:cost-history', { id: recipeId }), anyOf('inventory:changed'), [recipeId, savedAs]);
  const points = history.data ?? [];
  if (points.length < 2) return null;
  return (
    <Stack gap={4} aria-label="Cost history">
      <Text fw={600}>Cost of a portion, the last 90 days</Text>
      <ResponsiveContainer width="100%" height={140}>
        <LineChart data={points.map((point) => ({ date: formatDayShort(point.date), cost: Number(point.cost) }))}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" fontSize={11} />
          <YAxis fontSize={11} width={56} domain={['auto', 'auto']} tickFormatter={(value: number) => value.toFixed(2)} allowDecimals />
          <Tooltip formatter={(value) => [Number(value).toFixed(2), 'a portion']} />
          <Line type="stepAfter" dataKey="cost" stroke="#228be6" dot isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Stack>
  );
}

/** The editor's lines as the engine takes them (blank lines left out). */
function linesOf(lines: LineDraft[]) {
  return lines
    .filter((line) => line.target !== null || line.quantity !== '')
    .map((line) => {
      const [kind, id] = (line.target ?? ':').split(':');
      return {
        ...(kind === 'recipe' ? { recipeId: Number(id) } : { ingredientId: Number(id) }),
        quantity: line.quantity,
        trimPct: line.trimPct === '' ? null : line.trimPct,
      };
    });
}

type Draft = { name: string; yield: string; lines: ReturnType<typeof linesOf> };

/**
 * What one portion costs at today's weighted average costs, line by line, as the recipe is edited (a
 * pause in typing, then one reading); a line without a cost yet is flagged with its fix. Null while
 * a field is at fault: the last figures stay until the recipe reads again.
 */
function PlateCost({ draft }: { draft: Draft | null }) {
  const key = JSON.stringify(draft);
  const [shown, setShown] = useState<ContractOutput<Contracts['recipes:cost-draft']> | null>(null);
  useEffect(() => {
    const asked = JSON.parse(key) as Draft | null;
    if (!asked || asked.lines.length === 0 || !isDecimalText(asked.yield)) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      // A unit that does not convert is the quantity field's to say when saving; the figures just wait.
      call('recipes:cost-draft', asked).then((answer) => current && setShown(answer), () => undefined);
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (!shown) return null;
  const money = (text: string) => formatMoney(text, shown.currency ?? '');
  return (
    <Stack gap={4} aria-label="Plate cost">
      <Text fw={600}>
        Plate cost: {money(shown.cost)} a portion{shown.yield === '1' ? '' : ` (the batch makes ${formatQuantity(shown.yield)})`}
      </Text>
      <Table fz="sm" aria-label="Plate cost by line">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th ta="right">Unit cost</Table.Th>
            <Table.Th ta="right">Cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.lines.map((line, index) => (
            <Table.Tr key={`${line.ingredient}-${index}`}>
              <Table.Td>{line.ingredient}</Table.Td>
              <Table.Td ta="right" title={line.unit === 'portion' ? undefined : `${formatQuantity(line.base_quantity)} in the ingredient's unit`}>
                {formatQuantity(line.quantity)} {line.unit}
              </Table.Td>
              <Table.Td ta="right">{line.unit_cost === null ? '—' : formatUnitCost(line.unit_cost, shown.currency ?? '')}</Table.Td>
              <Table.Td ta="right">
                {line.cost === null ? (
                  <Badge color="orange" variant="light">
                    No cost yet
                  </Badge>
                ) : (
                  money(line.cost)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {shown.missing_costs.length > 0 ? (
        <Text size="sm" c="orange">
          {shown.missing_costs.join(', ')} {shown.missing_costs.length === 1 ? 'has' : 'have'} no cost yet: record a receipt, and the plate cost counts{' '}
          {shown.missing_costs.length === 1 ? 'it' : 'them'}.
        </Text>
      ) : null}
    </Stack>
  );
}
