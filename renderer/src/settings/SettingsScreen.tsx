import { Alert, Code, Paper, Stack, Table, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorCatalog, isErrorCode } from '../../../shared/errors';
import type { ContractOutput, IpcError } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { ErrorNotice } from '../app/ErrorNotice';
import { asIpcError, call } from '../ipc/client';

type AppInfo = ContractOutput<Contracts['app:info']>;

export function SettingsScreen() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    call('app:info', {})
      .then(setInfo)
      .catch((caught: unknown) => setError(asIpcError(caught)));
  }, []);
  const problem = info?.secretStorage.problem;
  return (
    <Stack maw={760}>
      <Title order={2}>Settings</Title>
      <ErrorNotice error={error} />
      {info ? (
        <Paper withBorder p="md">
          <Table aria-label="About this installation">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>Company</Table.Th>
                <Table.Td>{info.companyName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Data folder</Table.Th>
                <Table.Td>
                  <Code>{info.dataFolder}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Tokens are sealed by</Table.Th>
                <Table.Td>
                  <Code>{info.secretStorage.backend}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Td>
                  {info.version} ({info.runtime})
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {problem ? (
        <Alert color="orange" title="Lightspeed tokens cannot be stored safely on this computer">
          {problem.message} {isErrorCode(problem.code) ? errorCatalog[problem.code].fix : ''}
        </Alert>
      ) : null}
    </Stack>
  );
}
