import { Alert, Anchor, List, Text } from '@mantine/core';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { catalogEntry } from '../../../shared/errors';
import { useNavigation } from '../app/navigation-store';

type Result = ContractOutput<Contracts['transfers:run']>;

/** What one day's issue did, in the seed's terms, with the way to its log. */
export function TransferResultPanel({ result }: { result: Result }) {
  const go = useNavigation((state) => state.go);
  const stats = result.stats;
  const failed = !result.success;
  const entry = result.error ? catalogEntry(result.error.code) : null;
  return (
    <Alert color={failed ? 'red' : result.no_data ? 'gray' : 'green'} title={failed ? `${result.date}: the issue failed` : result.no_data ? `${result.date}: no sales that day` : `${result.date}: posted`} aria-label="Transfer result" data-transfer-result={result.date}>
      {result.error ? (
        <Text size="sm">
          {entry?.meaning ?? result.error.code} {result.error.message} {entry ? `What to do: ${entry.fix}` : ''}
        </Text>
      ) : null}
      {stats ? (
        <List size="sm" spacing={2}>
          <List.Item>
            {stats.sales_count} sales, {stats.lines_processed} lines processed, {stats.lines_skipped} skipped
          </List.Item>
          <List.Item>
            {stats.ledger_entries_created} ledger entries created{stats.idempotent ? ' (the day was already posted; nothing was added twice)' : ''}
          </List.Item>
          <List.Item>{stats.used_cache ? 'Used the sales already fetched' : 'Fetched fresh from Lightspeed'}{result.data_complete === false ? ' — Lightspeed says the day is not complete yet' : ''}</List.Item>
          {stats.unmapped_names.length > 0 ? <List.Item>Unmapped (nothing deducted): {stats.unmapped_names.join(', ')}</List.Item> : null}
          {stats.exceptions.length > 0 ? <List.Item>Exceptions: {stats.exceptions.join('; ')}</List.Item> : null}
        </List>
      ) : null}
      {result.log_id ? (
        <Anchor component="button" type="button" size="sm" onClick={() => go('logs', String(result.log_id))}>
          Open the transfer log
        </Anchor>
      ) : null}
    </Alert>
  );
}
