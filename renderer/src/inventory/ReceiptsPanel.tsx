import { DecimalInput, decimalReady } from '../ui/DecimalInput';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { isDecimalText } from '../../../shared/decimal-text';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatAtUnit, formatDay, formatMoney, formatUnitCost } from '../ui/format';
import { useCurrency } from '../ui/use-currency';
import { VirtualTable, type Column } from '../ui/VirtualTable';
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
  // A year of deliveries is hundreds of receipts: the table draws only the rows in view.
  const columns: Column<(typeof receipts)[number]>[] = [
    { header: 'Date', width: '0.9fr', cell: (receipt) => formatDay(receipt.date) },
    { header: 'Ingredient', width: '1.4fr', cell: (receipt) => receipt.ingredient },
    { header: 'Storage unit', width: '1.1fr', cell: (receipt) => receipt.storageUnit },
    { header: 'Quantity', width: '1fr', align: 'right', cell: (receipt) => formatAtUnit(receipt.quantity, receipt.unit) },
    { header: 'Unit cost', width: '0.9fr', align: 'right', cell: (receipt) => formatUnitCost(receipt.unitCost, currency) },
    { header: 'Value', width: '0.9fr', align: 'right', cell: (receipt) => formatMoney(receipt.value, currency) },
    { header: 'Reference', width: '1fr', cell: (receipt) => (receipt.reference?.startsWith('setup:') ? 'setup file' : receipt.reference) },
    {
      header: '',
      width: '0.7fr',
      cell: (receipt) => (
        <Button size="xs" variant="subtle" color="red" loading={remove.busy} onClick={() => void remove.run(receipt.id)} aria-label={`Delete the receipt of ${receipt.ingredient} on ${formatDay(receipt.date)}`}>
          Delete
        </Button>
      ),
    },
  ];
  const ready = form.ingredientId && form.storageUnitId && decimalReady(form.quantity, true, true) && isDecimalText(form.value) && form.date;

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
            <DecimalInput positive withUnit label="Quantity" placeholder="10, or 3 case" value={form.quantity} onChange={(quantity) => set({ quantity })} required />
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
        <VirtualTable label="Receipts" rows={receipts} columns={columns} rowHeight={40} height={480} rowProps={(receipt) => ({ 'data-receipt-id': receipt.id })} />
      )}
    </Stack>
  );
}
