import { DecimalInput } from '../ui/DecimalInput';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { isDecimalText } from '../../../shared/decimal-text';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatDay, formatMoney, formatUnitCost } from '../ui/format';
import { useCurrency } from '../ui/use-currency';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';
import { useInventory } from './inventory-store';

const emptyForm = { ingredientId: null as string | null, storageUnitId: null as string | null, quantity: '', value: '', date: '', reference: '' };

export function ReceiptsPanel() {
  const { ingredients, storageUnits, receipts } = useInventory();
  const [form, setForm] = useState(emptyForm);
  const currency = useCurrency();
  const set = (change: Partial<typeof emptyForm>) => setForm((current) => ({ ...current, ...change }));
  const add = useAction(async () => {
    await call('receipts:create', {
      ingredientId: Number(form.ingredientId),
      storageUnitId: Number(form.storageUnitId),
      quantity: form.quantity,
      value: form.value,
      date: form.date,
      reference: form.reference || null,
    });
    setForm({ ...emptyForm, storageUnitId: form.storageUnitId, date: form.date });
  });
  const remove = useAction((id: number) => call('receipts:delete', { id }));
  const ready = form.ingredientId && form.storageUnitId && isDecimalText(form.quantity) && isDecimalText(form.value) && form.date;

  return (
    <Stack>
      <Text c="dimmed" size="sm">
        A receipt is a delivery into a storage unit. Its value sets the ingredient’s weighted average cost, which POS deductions are valued at.
      </Text>
      <Paper withBorder p="md">
        <ActionForm onSubmit={add.run}>
          <Title order={3} size="h5" mb="sm">
            Record a receipt
          </Title>
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            <Select label="Ingredient" data={ingredients.map((item) => ({ value: String(item.id), label: `${item.name} (${item.unit})` }))} value={form.ingredientId} onChange={(ingredientId) => set({ ingredientId })} searchable required />
            <Select label="Storage unit" data={storageUnits.map((unit) => ({ value: String(unit.id), label: unit.name }))} value={form.storageUnitId} onChange={(storageUnitId) => set({ storageUnitId })} required />
            <TextInput label="Date" type="date" value={form.date} onChange={(event) => set({ date: event.currentTarget.value })} required />
            <DecimalInput label="Quantity" placeholder="10" value={form.quantity} onChange={(quantity) => set({ quantity })} required />
            <DecimalInput label="Total value" placeholder="180.00" value={form.value} onChange={(value) => set({ value })} required />
            <TextInput label="Reference (optional)" placeholder="Invoice number" value={form.reference} onChange={(event) => set({ reference: event.currentTarget.value })} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={add.busy} disabled={!ready}>
              Add receipt
            </Button>
          </Group>
        </ActionForm>
        <ErrorNotice error={add.error} onClose={add.clearError} />
      </Paper>
      <ErrorNotice error={remove.error} onClose={remove.clearError} />
      {receipts.length === 0 ? (
        <Text>No receipts yet. Record deliveries so Larder knows what your stock costs.</Text>
      ) : (
        <Table striped aria-label="Receipts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Ingredient</Table.Th>
              <Table.Th>Storage unit</Table.Th>
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th ta="right">Unit cost</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {receipts.map((receipt) => (
              <Table.Tr key={receipt.id}>
                <Table.Td>{formatDay(receipt.date)}</Table.Td>
                <Table.Td>{receipt.ingredient}</Table.Td>
                <Table.Td>{receipt.storageUnit}</Table.Td>
                <Table.Td ta="right">
                  {formatAtUnit(receipt.quantity, receipt.unit)}
                </Table.Td>
                <Table.Td ta="right">{formatUnitCost(receipt.unitCost, currency)}</Table.Td>
                <Table.Td ta="right">{formatMoney(receipt.value, currency)}</Table.Td>
                <Table.Td>{receipt.reference?.startsWith('setup:') ? 'setup file' : receipt.reference}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" loading={remove.busy} onClick={() => void remove.run(receipt.id)} aria-label={`Delete receipt ${receipt.id}`}>
                    Delete
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
