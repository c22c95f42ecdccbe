import { Badge, Button, Table, Text } from '@mantine/core';
import type { BackupRecord } from '../../../shared/model/backups';
import { formatInstant } from '../ui/format';
import { kindWords, sizeWords } from './backup-words';

/** The backups there are, newest first, each with its restore button. */
export function BackupTable({ backups, onRestore, label }: { backups: BackupRecord[]; onRestore: (file: string) => void; label: string }) {
  if (backups.length === 0) return <Text c="dimmed">No backups in this folder yet.</Text>;
  return (
    <Table aria-label={label} striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Taken</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th ta="right">Size</Table.Th>
          <Table.Th>Check</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((backup) => (
          <Table.Tr key={backup.file} data-backup-file={backup.file}>
            <Table.Td>{formatInstant(backup.created_at)}</Table.Td>
            <Table.Td>{kindWords[backup.kind]}</Table.Td>
            <Table.Td ta="right">{sizeWords(backup.bytes)}</Table.Td>
            <Table.Td>
              <Badge color={backup.verified ? 'green' : 'red'} variant="light">
                {backup.verified ? 'Verified' : 'Does not open'}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">
              <Button size="compact-sm" variant="light" disabled={!backup.verified} onClick={() => onRestore(backup.file)}>
                Restore…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
