import { Button, FileButton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { call } from '../ipc/client';

type ImportResult = ContractOutput<Contracts['setup:import']>;

function summary(result: ImportResult): string {
  return (Object.entries(result) as [string, { created: number; updated: number }][])
    .map(([kind, count]) => `${kind.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${count.created} new, ${count.updated} updated`)
    .join('; ');
}

/** Imports a setup file (storage units, ingredients, recipes, receipts): all of it, or nothing. */
export function ImportSetupButton() {
  const [result, setResult] = useState<ImportResult | null>(null);
  const importFile = useAction(async (file: File) => {
    setResult(await call('setup:import', { content: await file.text() }));
  });
  return (
    <Stack gap="xs" align="flex-end">
      <FileButton accept="application/json,.json" onChange={(file) => file && void importFile.run(file)}>
        {(props) => (
          <Button variant="light" loading={importFile.busy} {...props}>
            Import setup file
          </Button>
        )}
      </FileButton>
      {result ? (
        <Text size="sm" role="status">
          Imported — {summary(result)}.
        </Text>
      ) : null}
      <ErrorNotice error={importFile.error} onClose={importFile.clearError} />
    </Stack>
  );
}
