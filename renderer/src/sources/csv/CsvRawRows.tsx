import { Table } from '@mantine/core';
import { ScrollTable } from '../../ui/ScrollTable';

/** The columns a person picks from: the header's names, or positions with the first row's value to recognise them. */
export function columnChoices(rows: string[][], header: boolean): { value: string; label: string }[] {
  const [first = [], second = []] = rows;
  if (header) return first.filter((name) => name.trim() !== '').map((name) => ({ value: name.trim(), label: name.trim() }));
  return first.map((value, index) => ({ value: String(index + 1), label: `${index + 1}: ${value || second[index] || '(empty)'}` }));
}

/** The file's first rows as they split, before the profile is complete: so columns are picked from what is there. */
export function RawRows({ rows, header }: { rows: string[][]; header: boolean }) {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, index) => index);
  const [names, ...data] = header ? rows : [columns.map((index) => String(index + 1)), ...rows];
  return (
    <ScrollTable label="The file’s first rows" minWidth={Math.min(1400, 120 * width)}>
      <Table fz="xs" striped withColumnBorders aria-label="The file’s first rows">
        <Table.Thead>
          <Table.Tr>
            {columns.map((index) => (
              <Table.Th key={index}>{names?.[index] ?? ''}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((row, at) => (
            <Table.Tr key={at}>
              {columns.map((index) => (
                <Table.Td key={index}>{row[index] ?? ''}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
