import { ScrollTable } from '../../ui/ScrollTable';
import { Table, Text } from '@mantine/core';
import type { CsvInvalidRow, CsvPreview } from '../../../../shared/model/csv';
import { formatDay, formatMoney, formatQuantity } from '../../ui/format';
import { useCurrency } from '../../ui/use-currency';

/** Rows as the profile reads them: what the preview and the profile editor show first. */
export function CsvRowsTable({ rows, label }: { rows: CsvPreview['first_rows']; label: string }) {
  const currency = useCurrency();
  if (rows.length === 0) return <Text size="sm">No row reads with these settings.</Text>;
  return (
    <ScrollTable label="Scroll the table" minWidth={560}>
      <Table striped aria-label={label} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Code</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Location → storage unit</Table.Th>
            <Table.Th ta="right">Net amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.row}>
              <Table.Td>{row.row}</Table.Td>
              <Table.Td>{row.codes.join(' + ')}</Table.Td>
              <Table.Td>{row.name ?? '—'}</Table.Td>
              <Table.Td ta="right">{formatQuantity(row.quantity)}</Table.Td>
              <Table.Td>{row.date ? formatDay(row.date) : '—'}</Table.Td>
              <Table.Td>
                {row.location === 'default' ? '' : `${row.location} → `}
                {row.storage_unit}
              </Table.Td>
              <Table.Td ta="right">{row.net_amount === null ? '—' : formatMoney(row.net_amount, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Rows that do not read: where (row number, the header being row 1; column), what it held and why. */
export function InvalidRowsTable({ rows }: { rows: CsvInvalidRow[] }) {
  const shown = rows.slice(0, 200);
  return (
    <>
      <Table aria-label="Invalid rows" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Column</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => (
            <Table.Tr key={`${row.row}-${row.column}`} data-row={row.row}>
              <Table.Td>{row.row}</Table.Td>
              <Table.Td>{row.column}</Table.Td>
              <Table.Td>
                <code>{row.value === '' ? '(empty)' : row.value}</code>
              </Table.Td>
              <Table.Td>{row.reason.replace(/^unknown_location: /, '')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length > shown.length ? (
        <Text size="sm" mt={4}>
          … and {(rows.length - shown.length).toLocaleString()} more.
        </Text>
      ) : null}
    </>
  );
}
