import { typedDecimalProblem } from '../../../shared/decimal-text';
import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { IpcError } from '../../../shared/ipc/contract';
import { useState } from 'react';
import type { CountSheet } from '../../../shared/model/stock';
import { asIpcError, call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatInstant, formatMoney, formatPct, PC_ZONE } from '../ui/format';
import { useCurrency } from '../ui/use-currency';
import { addDecimals, compareDecimals } from '../ui/decimal-sum';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { useInventory } from './inventory-store';
import { inPacks } from './pack-units';
import { useCan } from '../app/person-store';
import { useMediaQuery } from '@mantine/hooks';

/** Counted − expected at the unit's precision, with its share of what was expected. */
const difference = (row: CountSheet['rows'][number]) =>
  row.difference === null ? '' : `${formatAtUnit(row.difference, row.unit)}${row.difference_pct === null ? '' : ` (${formatPct(row.difference_pct)})`}`;

/** The local date and time of now, as a datetime-local field holds it. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * What a person typed, checked as the engine will read it: a quantity ("0,5" and "0.5"), with a unit
 * or several added up ("2 case + 5 bottle + 0,4 bottle"; the engine checks the units); null when not.
 */
const readTyped = (text: string) => (text.split('+').every((part) => /^\d+([.,]\d+)?(\s*[^\d\s.,+][^+]*)?$/.test(part.trim())) ? text.trim() : null);

/** Each line as it was typed ("2 case + 5 bottle"), or as counted in the ingredient's unit. */
const valuesOf = (sheet: CountSheet): Record<string, string> => Object.fromEntries(sheet.rows.map((row) => [row.ingredient, row.typed ?? row.counted ?? '']));

/**
 * One count's sheet: every ingredient of the unit with what the ledger expects; blank ones are not
 * counted. The sheet remembers the draft's version and figures it was opened at (its base): a save
 * sends what this person changed from the base, and one made after someone else saved is refused
 * (count_changed) with what differs; the sheet then takes the other figures for the lines this person
 * did not touch, keeps theirs, and a second Save is a choice made knowingly.
 */
function Sheet({ sheet, onClose }: { sheet: CountSheet; onClose: () => void }) {
  const [base, setBase] = useState(() => ({ version: sheet.count.version, values: valuesOf(sheet) }));
  const [typed, setTyped] = useState<Record<string, string>>(base.values);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const ingredients = useInventory((state) => state.ingredients);
  const units = useInventory((state) => state.units);
  /** An ingredient's pack units by its name (the sheet names its rows). */
  const packsOf = (name: string) => {
    const id = ingredients.find((each) => each.name === name)?.id;
    return units.filter((unit) => unit.ingredientId === id);
  };
  const currency = useCurrency();
  // A counter counts; what the differences are worth is the manager's to read (the server sends none).
  const costs = useCan('items:cost');
  // A tablet in the storeroom: one column of touch-sized fields.
  const narrow = useMediaQuery('(max-width: 62em)') ?? false;
  const [added, setAdded] = useState<string[]>([]);
  const rows = sheet.rows.filter((row) => row.held || added.includes(row.ingredient));
  const others = sheet.rows.filter((row) => !row.held && !added.includes(row.ingredient)).map((row) => row.ingredient);
  const draft = sheet.count.status === 'draft';
  const invalid = Object.entries(typed).filter(([, text]) => text.trim() !== '' && readTyped(text) === null).map(([ingredient]) => ingredient);
  const blank = rows.filter((row) => (typed[row.ingredient] ?? '').trim() === '').length;
  /** After a refusal: the newest figures for the lines this person left alone, theirs for the rest. */
  const rebase = async () => {
    const latest = await call('counts:sheet', { id: sheet.count.id });
    const now = valuesOf(latest);
    setTyped((previous) => Object.fromEntries(Object.entries(now).map(([ingredient, value]) => [ingredient, (previous[ingredient] ?? '') === (base.values[ingredient] ?? '') ? value : (previous[ingredient] ?? '')])));
    setBase({ version: latest.count.version, values: now });
  };
  /** Saves what changed since the base; blank lines are taken off the count. Answers the version saved. */
  const saveLines = async (): Promise<number> => {
    const lines = sheet.rows
      .map((row) => ({ ingredient: row.ingredient, counted: (typed[row.ingredient] ?? '').trim(), was: base.values[row.ingredient] ?? '' }))
      .filter((line) => line.counted !== line.was)
      .map((line) => ({ ingredient: line.ingredient, counted: line.counted === '' ? null : line.counted, was: line.was === '' ? null : line.was }));
    if (lines.length === 0) return base.version;
    try {
      const saved = await call('counts:save', { id: sheet.count.id, version: base.version, lines });
      setBase({ version: saved.version, values: { ...base.values, ...Object.fromEntries(lines.map((line) => [line.ingredient, line.counted ?? ''])) } });
      setSavedNote(`Draft saved ${formatInstant(saved.saved_at ?? new Date().toISOString())}: ${saved.lines} ${saved.lines === 1 ? 'ingredient' : 'ingredients'} counted.`);
      return saved.version;
    } catch (error) {
      if (asIpcError(error).code === 'count_changed') await rebase();
      throw error;
    }
  };
  const save = useAction(async () => {
    setSavedNote(null);
    const before = base.version;
    if ((await saveLines()) === before) setSavedNote('Nothing changed since the last save.');
  });
  // Finishing posts the differences: the person sees them first (saved, as the engine will post them).
  const [review, setReview] = useState<{ version: number; sheet: CountSheet } | null>(null);
  const prepare = useAction(async () => {
    const version = await saveLines();
    setReview({ version, sheet: await call('counts:sheet', { id: sheet.count.id }) });
  });
  const finish = useAction(async () => {
    if (!review) return;
    await call('counts:finish', { id: sheet.count.id, version: review.version });
    setReview(null);
    onClose();
  });
  const reopen = useAction(() => call('counts:reopen', { id: sheet.count.id }));
  const canReopen = useCan('counts:reopen');
  const countedInput = (row: CountSheet['rows'][number]) => (
    <TextInput
      aria-label={`Counted ${row.ingredient}`}
      placeholder="not counted"
      // The ingredient's own unit, unless the line names its units ("2 case + 5 bottle").
      rightSection={/[^\d\s.,]/.test(typed[row.ingredient] ?? '') ? null : <Text size="xs">{row.unit}</Text>}
      value={typed[row.ingredient] ?? ''}
      disabled={!draft}
      error={invalid.includes(row.ingredient) ? `Counted ${row.ingredient}: ${typedDecimalProblem(typed[row.ingredient] ?? '')}` : undefined}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setTyped((previous) => ({ ...previous, [row.ingredient]: value }));
      }}
      w={narrow ? '100%' : 260}
      size={narrow ? 'lg' : 'sm'}
      // A numeric keyboard on a tablet; "2 case" still types on a desktop keyboard.
      inputMode="decimal"
    />
  );
  return (
    <Paper withBorder p="md" aria-label={`Count of ${sheet.count.storage_unit}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {sheet.count.storage_unit}, {formatInstant(sheet.count.counted_at)}
        </Text>
        <Badge color={draft ? 'blue' : 'gray'}>{draft ? 'Draft' : 'Finished'}</Badge>
      </Group>
      {sheet.count.saved_at ? (
        <Text size="sm" c="dimmed" mb="xs" data-last-saved>
          Last saved {formatInstant(sheet.count.saved_at)}
          {sheet.count.version !== base.version ? ' — by someone else since you opened it: saving names what changed.' : '.'}
        </Text>
      ) : null}
      {narrow ? (
        <Stack gap="sm" role="list" aria-label="Count sheet">
          {rows.map((row) => (
            <Paper key={row.ingredient} withBorder p="sm" role="listitem">
              <Group justify="space-between" wrap="nowrap" mb={6}>
                <Text fw={600}>{row.ingredient}</Text>
                <Text size="sm" c="dimmed" title={formatAtUnit(row.expected, row.unit)}>
                  expected {inPacks(row.expected, row.unit, packsOf(row.ingredient))}
                </Text>
              </Group>
              {countedInput(row)}
              {row.difference === null ? null : (
                <Text size="sm" mt={4}>
                  Difference {difference(row)}
                  {costs && row.difference_value !== null ? `, ${formatMoney(row.difference_value, currency)}` : ''}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table aria-label="Count sheet" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ingredient</Table.Th>
              <Table.Th ta="right">Expected</Table.Th>
              <Table.Th>Counted</Table.Th>
              <Table.Th ta="right">Difference</Table.Th>
              {costs ? <Table.Th ta="right">Value</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.ingredient}>
                <Table.Td>{row.ingredient}</Table.Td>
                <Table.Td ta="right" title={formatAtUnit(row.expected, row.unit)}>
                  {inPacks(row.expected, row.unit, packsOf(row.ingredient))}
                </Table.Td>
                <Table.Td>
                  {countedInput(row)}
                </Table.Td>
                <Table.Td ta="right">{difference(row)}</Table.Td>
                {costs ? <Table.Td ta="right">{row.difference_value === null ? '' : formatMoney(row.difference_value, currency)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {draft && blank > 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {blank} of {rows.length} ingredients are blank: they are not counted (a partial count), and their stock stays as the ledger has it.
        </Text>
      ) : null}
      {draft && others.length > 0 ? (
        <Select
          mt="xs"
          w={300}
          label="Add an ingredient to the sheet"
          placeholder="Another ingredient found here"
          data={others}
          value={null}
          searchable
          onChange={(ingredient) => ingredient && setAdded((previous) => [...previous, ingredient])}
        />
      ) : null}
      <ErrorNotice error={save.error ?? prepare.error ?? finish.error ?? reopen.error} />
      {savedNote && !save.error ? (
        <Text size="sm" c="teal.9" mt="xs" role="status">
          {savedNote}
        </Text>
      ) : null}
      <Group mt="sm">
        {draft ? (
          <>
            <Button variant="default" disabled={invalid.length > 0} loading={save.busy} onClick={() => void save.run()}>
              Save draft
            </Button>
            <Button disabled={invalid.length > 0} loading={prepare.busy} onClick={() => void prepare.run()}>
              Finish count…
            </Button>
          </>
        ) : canReopen ? (
          <Button variant="default" loading={reopen.busy} onClick={() => void reopen.run()}>
            Reopen
          </Button>
        ) : null}
        <Button variant="subtle" onClick={onClose}>
          Close
        </Button>
      </Group>
      <FinishSummary review={review?.sheet ?? null} currency={currency} costs={costs} busy={finish.busy} error={finish.error} onConfirm={() => void finish.run()} onCancel={() => setReview(null)} />
    </Paper>
  );
}

/** The largest differences first, by value: what a manager checks before posting a count (a typo of 0,2 for 2 shows as −90 %). */
function FinishSummary({ review, currency, costs, busy, error, onConfirm, onCancel }: { review: CountSheet | null; currency: string | null; costs: boolean; busy: boolean; error: IpcError | null; onConfirm: () => void; onCancel: () => void }) {
  const counted = (review?.rows ?? []).filter((row) => row.counted !== null);
  const size = (text: string | null) => (text ?? '0').replace('-', '');
  const largest = counted
    .filter((row) => row.difference !== '0')
    .sort((a, b) => compareDecimals(size(b.difference_value), size(a.difference_value)) || compareDecimals(size(b.difference_pct), size(a.difference_pct)))
    .slice(0, 5);
  const total = addDecimals(counted.map((row) => row.difference_value ?? '0'));
  return (
    <Modal opened={review !== null} onClose={onCancel} title={review ? `Finish the count of ${review.count.storage_unit}?` : ''} size="lg">
      <Stack>
        <Text size="sm">
          {counted.length} {counted.length === 1 ? 'ingredient' : 'ingredients'} counted; finishing sets {counted.length === 1 ? 'its' : 'their'} stock to what you counted
          {costs ? `, a change worth ${formatMoney(total, currency)} in all.` : '.'}
        </Text>
        {largest.length > 0 ? (
          <Table fz="sm" aria-label="Largest differences">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Largest differences</Table.Th>
                <Table.Th ta="right">Expected</Table.Th>
                <Table.Th ta="right">Counted</Table.Th>
                <Table.Th ta="right">Difference</Table.Th>
                {costs ? <Table.Th ta="right">Value</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {largest.map((row) => (
                <Table.Tr key={row.ingredient}>
                  <Table.Td>{row.ingredient}</Table.Td>
                  <Table.Td ta="right">{formatAtUnit(row.expected, row.unit)}</Table.Td>
                  <Table.Td ta="right">{formatAtUnit(row.counted ?? '0', row.unit)}</Table.Td>
                  <Table.Td ta="right">
                    {formatAtUnit(row.difference ?? '0', row.unit)}
                    {row.difference_pct === null ? '' : ` (${formatPct(row.difference_pct)})`}
                  </Table.Td>
                  {costs ? <Table.Td ta="right">{formatMoney(row.difference_value ?? '0', currency)}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">Every counted ingredient matches what the ledger expected.</Text>
        )}
        <ErrorNotice error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Back to the sheet
          </Button>
          <Button loading={busy} onClick={onConfirm}>
            Finish count
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Stock counts: start one for a storage unit, fill in the sheet, finish it (stock then equals what was counted). */
export function CountsPanel() {
  const storageUnits = useInventory((state) => state.storageUnits);
  const counts = useLive(() => call('counts:list', {}), anyOf('inventory:changed'), []);
  const [unit, setUnit] = useState<string | null>(storageUnits[0]?.name ?? null);
  const [at, setAt] = useState(localNow);
  const [open, setOpen] = useState<number | null>(null);
  const sheet = useLive(() => (open === null ? Promise.resolve(null) : call('counts:sheet', { id: open })), anyOf('inventory:changed'), [open]);
  const start = useAction(async () => {
    if (!unit) return;
    const count = await call('counts:start', { storageUnit: unit, at: new Date(at).toISOString() });
    setOpen(count.id);
  });
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Count what is on the shelf. Finishing a count posts the difference to what the ledger expected, so stock on hand becomes what you counted. Times are this computer’s (
        {PC_ZONE}).
      </Text>
      <Group align="end">
        <Select label="Storage unit" data={storageUnits.map((item) => item.name)} value={unit} onChange={setUnit} allowDeselect={false} w={220} />
        <TextInput type="datetime-local" label="Counted at" value={at} onChange={(event) => setAt(event.currentTarget.value)} />
        <Button disabled={!unit} loading={start.busy} onClick={() => void start.run()}>
          Start a count
        </Button>
      </Group>
      <ErrorNotice error={start.error ?? counts.error ?? sheet.error} />
      {sheet.data ? <Sheet key={`${sheet.data.count.id}-${sheet.data.count.status}`} sheet={sheet.data} onClose={() => setOpen(null)} /> : null}
      {counts.data && counts.data.length > 0 ? (
        <Table striped aria-label="Counts" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Counted at</Table.Th>
              <Table.Th>Storage unit</Table.Th>
              <Table.Th>Ingredients counted</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {counts.data.map((count) => (
              <Table.Tr key={count.id} data-count={count.id}>
                <Table.Td>{formatInstant(count.counted_at)}</Table.Td>
                <Table.Td>{count.storage_unit}</Table.Td>
                <Table.Td>{count.lines === 0 ? 'none yet' : `${count.ingredients.slice(0, 4).join(', ')}${count.lines > 4 ? ` and ${count.lines - 4} more` : ''}`}</Table.Td>
                <Table.Td>
                  <Badge color={count.status === 'draft' ? 'blue' : 'gray'} variant="light">
                    {count.status === 'draft' ? 'Draft' : 'Finished'}
                  </Badge>
                  {count.finished_by ? (
                    <Text span size="xs" c="dimmed" ml={6}>
                      by {count.finished_by}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setOpen(count.id)}>
                    Open
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : counts.data ? (
        <Alert color="blue">No counts yet.</Alert>
      ) : null}
    </Stack>
  );
}
