import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { addDecimals } from '../ui/decimal-sum';
import { formatMoney } from '../ui/format';
import { useCurrency } from '../ui/use-currency';
import { useInventory, type StockLine } from './inventory-store';
import { inPacks } from './pack-units';

export function StockPanel() {
  const stock = useInventory((state) => state.stock);
  const storageUnits = useInventory((state) => state.storageUnits);
  // In the packs the kitchen counts in (2 case 5 bottle), the base quantity on hover.
  const units = useInventory((state) => state.units);
  const [unit, setUnit] = useState('all');
  const currency = useCurrency();
  const shown: StockLine[] = unit === 'all' ? stock : stock.filter((line) => String(line.storageUnitId) === unit);
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        Stock on hand is the sum of every ledger movement (receipts, sales, waste, moves and counts); its value is the sum of their values. Quantities are shown at their
        unit’s precision; point at one for its exact value.
      </Text>
      {storageUnits.length > 1 ? (
        <SegmentedControl
          aria-label="Storage unit"
          value={unit}
          onChange={setUnit}
          data={[{ value: 'all', label: 'All storage units' }, ...storageUnits.map((item) => ({ value: String(item.id), label: item.name }))]}
        />
      ) : null}
      {shown.length === 0 ? (
        <Text>No stock yet. Record a receipt to bring stock in.</Text>
      ) : (
        <Table striped aria-label="Stock on hand">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Storage unit</Table.Th>
              <Table.Th>Ingredient</Table.Th>
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((line) => {
              const negative = line.quantity.startsWith('-');
              // A quantity worth nothing: no receipt has given the ingredient a cost yet.
              const noCost = line.value === '0' && line.quantity !== '0';
              return (
                <Table.Tr key={`${line.storageUnitId}-${line.ingredientId}`} data-negative={negative || undefined}>
                  <Table.Td>{line.storageUnit}</Table.Td>
                  <Table.Td>
                    {line.ingredient}
                    {negative ? (
                      <Text size="xs" c="red">
                        More was sold than received: count this item or record a receipt.
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right" c={negative ? 'red' : undefined} fw={negative ? 600 : undefined} title={`${line.quantity} ${line.unit} exactly`}>
                    {inPacks(line.quantity, line.unit, units.filter((unit) => unit.ingredientId === line.ingredientId))}
                  </Table.Td>
                  <Table.Td ta="right">
                    {noCost ? (
                      <Text span size="sm" c="orange">
                        no cost yet
                      </Text>
                    ) : (
                      formatMoney(line.value, currency)
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>Total value</Table.Th>
              <Table.Th ta="right">{formatMoney(addDecimals(shown.map((line) => line.value)), currency)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Stack>
  );
}
