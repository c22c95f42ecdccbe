import { Alert, Anchor, Button, List, Text } from '@mantine/core';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { catalogEntry } from '../../../shared/errors';
import { formatDay, localizeDates } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';
import { transferOutcome, unmappedShare } from '../logs/outcome';

type Result = ContractOutput<Contracts['transfers:run']>;

/** What one day's issue did, in the seed's terms, with the way to its log. */
export function TransferResultPanel({
  result,
  migrationDays,
  replaceWithEmpty,
}: {
  result: Result;
  migrationDays?: { from: string; to: string } | null;
  /** Offered when the POS sent no sales for a day that had some: the second, deliberate step. */
  replaceWithEmpty?: { run: () => void; busy: boolean };
}) {
  const go = useNavigation((state) => state.go);
  const stats = result.stats;
  const failed = !result.success;
  const entry = result.error ? catalogEntry(result.error.code) : null;
  const outcome = transferOutcome({
    status: failed ? 'failed' : 'success',
    noData: result.no_data,
    dataComplete: result.data_complete,
    linesSold: stats?.lines_sold ?? 0,
    linesUnmapped: stats?.lines_unmapped ?? 0,
    reconciliation: result.reconciliation ?? null,
  });
  const share = stats ? unmappedShare(stats.sales_value, stats.unmapped_value) : null;
  return (
    <Alert
      color={outcome.color}
      title={failed ? `${formatDay(result.date)}: the issue failed` : `${formatDay(result.date)}: ${outcome.words}`}
      aria-label="Transfer result"
      data-transfer-result={result.date}
      data-outcome={outcome.color}
    >
      {result.error ? (
        <Text size="sm">
          {entry?.meaning ?? result.error.code} {localizeDates(result.error.message)} {entry ? `What to do: ${entry.fix}` : ''}
        </Text>
      ) : null}
      {result.error?.code === 'pos_returned_no_sales' && replaceWithEmpty ? (
        <Button color="red" variant="outline" size="xs" mt="xs" loading={replaceWithEmpty.busy} onClick={replaceWithEmpty.run}>
          The day really sold nothing: replace its sales with none
        </Button>
      ) : null}
      {stats ? (
        <List size="sm" spacing={2}>
          <List.Item>
            {stats.sales_count} sales, {stats.lines_processed} lines processed, {stats.lines_skipped} skipped
          </List.Item>
          <List.Item>
            {stats.entries_replaced > 0 ? `${stats.entries_replaced} earlier entries replaced, ` : ''}
            {stats.ledger_entries_created} ledger entries created{stats.idempotent ? ' (the day was already posted; nothing was added twice)' : ''}
          </List.Item>
          <List.Item>
            {stats.used_cache ? 'Used the sales already fetched' : 'Fetched fresh from Lightspeed'}
            {result.data_complete === false ? ' — the till had not closed the day yet; the nightly run posts the rest once it has' : ''}
          </List.Item>
          {stats.lines_unmapped > 0 ? (
            <List.Item>
              {stats.lines_unmapped} of {stats.lines_sold} sold lines{share ? ` (${share} of the sales value)` : ''} deducted nothing, because these items are not mapped:{' '}
              {stats.unmapped_names.join(', ')}. Map them under Items, then run the day again.
            </List.Item>
          ) : null}
          {stats.exceptions.length > 0 ? <List.Item>Exceptions: {stats.exceptions.join('; ')}</List.Item> : null}
          {migrationDays && !failed && (result.date < migrationDays.from || result.date > migrationDays.to) ? (
            <List.Item data-outside-window>
              This day is outside the migration’s 90 days ({formatDay(migrationDays.from)} to {formatDay(migrationDays.to)}): it is posted on its own, and the migration grid does not show it.
            </List.Item>
          ) : null}
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
