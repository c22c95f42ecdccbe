import { Badge, Box, Button, Group, Modal, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDay, formatInstant, localizeDates } from '../ui/format';
import { useAction } from '../ui/use-action';
import { useNavigation } from '../ui/navigation-store';
import { call } from '../ipc/client';
import { INCOMPLETE_DAY_WORDS } from '../../../shared/model/transfers';

type Migration = NonNullable<ContractOutput<Contracts['locations:overview']>['migration']>;
/** A day's status, and "unmapped" for a posted day whose sales were not all mapped: amber, never green. */
type DayShade = Migration['days'][number]['status'] | 'unmapped';

const dayColors: Record<DayShade, string> = {
  pending: 'var(--mantine-color-gray-3)',
  processing: 'var(--mantine-color-blue-5)',
  success: 'var(--mantine-color-green-6)',
  unmapped: 'var(--mantine-color-orange-3)',
  no_data: 'var(--mantine-color-gray-5)',
  incomplete: 'var(--mantine-color-yellow-5)',
  failed: 'var(--mantine-color-red-6)',
  retry_pending: 'var(--mantine-color-orange-5)',
  skipped: 'var(--mantine-color-teal-3)',
};

const dayWords: Record<DayShade, string> = {
  pending: 'waiting',
  processing: 'being processed',
  success: 'posted',
  unmapped: 'posted; some items not mapped',
  no_data: 'no sales',
  incomplete: INCOMPLETE_DAY_WORDS,
  failed: 'failed',
  retry_pending: 'waiting for a retry',
  skipped: 'skipped (already posted)',
};

const jobWords: Record<Migration['status'], string> = {
  pending: 'Waiting to start',
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Finished with failed days',
};

type Day = Migration['days'][number];
const shadeOf = (day: Day): DayShade => (day.status === 'success' && day.lines_unmapped > 0 ? 'unmapped' : day.status);

// An incomplete day's message is its status word already; other days add their error, if any.
const figures = (day: Day) =>
  `${formatDay(day.date)}: ${dayWords[shadeOf(day)]}${day.lines_unmapped > 0 ? ` (${day.lines_unmapped} lines)` : ''}, ${day.lines_processed} lines, ${day.ledger_entries_created} ledger entries, ${day.attempts} attempt(s)${day.error_message && day.status !== 'incomplete' ? ` — ${localizeDates(day.error_message)}` : ''}`;

/** Green only when every day is posted for good: a day still open at the till, or a stopped job, needs a look. */
function badge(migration: Migration, running: boolean): { color: string; words: string } {
  const open = migration.days.filter((day) => day.status === 'incomplete').length;
  if (migration.status === 'failed' && (migration.error_code === 'lightspeed_api_error' || migration.error_code === 'sides_api_error')) return { color: 'orange', words: 'Paused: the POS could not be reached' };
  if (migration.status === 'completed' && open > 0) return { color: 'yellow', words: `Completed; ${open} day${open === 1 ? '' : 's'} still open at the till` };
  return { color: migration.status === 'completed' ? 'green' : migration.status === 'failed' ? 'red' : running ? 'blue' : 'gray', words: jobWords[migration.status] };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const monthName = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** Monday 0 … Sunday 6, from the calendar date alone (no zone: a business date is a date). */
const weekday = (date: string) => (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;

/**
 * The days as a calendar: a block per month with weekday columns and each square's day of the month;
 * a square opens that day's transfer log (click, Enter or Space), its figures show on hover or focus.
 */
function DayGrid({ days, onPoint, onOpen }: { days: Day[]; onPoint: (day: Day | null) => void; onOpen: (day: Day) => void }) {
  const months = new Map<string, Day[]>();
  for (const day of days) {
    const key = day.date.slice(0, 7);
    const list = months.get(key);
    if (list) list.push(day);
    else months.set(key, [day]);
  }
  return (
    <Box role="group" aria-label="Migration days" style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }} onMouseLeave={() => onPoint(null)}>
      {[...months.values()].map((monthDays) => (
        <div key={monthDays[0]?.date}>
          <Text size="xs" fw={600} mb={2} aria-hidden>
            {monthName(monthDays[0]?.date ?? '')}
          </Text>
          <Box role="list" aria-label={monthName(monthDays[0]?.date ?? '')} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 26px)', gap: 3 }}>
            {WEEKDAYS.map((name) => (
              <Text key={name} size="10px" ta="center" aria-hidden>
                {name.slice(0, 2)}
              </Text>
            ))}
            {monthDays.map((day, index) => (
              <div
                key={day.date}
                role="listitem"
                tabIndex={0}
                title={figures(day)}
                aria-label={figures(day)}
                data-day={day.date}
                data-day-status={day.status}
                data-day-shade={shadeOf(day)}
                onMouseEnter={() => onPoint(day)}
                onFocus={() => onPoint(day)}
                onClick={() => onOpen(day)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' && event.key !== ' ') return;
                  event.preventDefault();
                  onOpen(day);
                }}
                style={{
                  gridColumnStart: index === 0 ? weekday(day.date) + 1 : undefined,
                  width: 26,
                  height: 22,
                  background: dayColors[shadeOf(day)],
                  borderRadius: 3,
                  fontSize: 10,
                  lineHeight: '22px',
                  textAlign: 'center',
                  color: '#111',
                  cursor: day.transfer_log_id === null ? 'default' : 'pointer',
                }}
              >
                {Number(day.date.slice(8))}
              </div>
            ))}
          </Box>
        </div>
      ))}
    </Box>
  );
}

/** The 90-day migration: progress, the days as a calendar (each opens its log), Re-run (after a confirmation) and Cancel. */
export function MigrationPanel({ businessLocationId, migration, timeZone }: { businessLocationId: string; migration: Migration | null; timeZone: string }) {
  const go = useNavigation((state) => state.go);
  const [pointed, setPointed] = useState<Day | null>(null);
  const [confirmRerun, setConfirmRerun] = useState(false);
  const act = useAction((action: 'start' | 'rerun' | 'cancel') => call(`migrations:${action}`, { businessLocationId }));
  const running = migration?.status === 'running' || migration?.status === 'pending';
  const state = migration ? badge(migration, running) : null;
  return (
    <Paper withBorder p="md" aria-label="90-day migration">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          90-day migration
        </Title>
        {migration ? (
          <Badge size="lg" color={state?.color} data-migration-status={migration.status}>
            {state?.words}
          </Badge>
        ) : null}
      </Group>
      {migration ? (
        <Stack gap="xs">
          <Progress value={migration.progress_percent} size="lg" aria-label="Migration progress" animated={running} />
          <Text size="sm">
            {migration.progress_percent}% · {formatDay(migration.start_date)} to {formatDay(migration.end_date)} · {migration.days_processed} processed, {migration.days_failed} failed,{' '}
            {migration.days_skipped} skipped of {migration.total_days}
            {migration.current_date ? ` · now at ${formatDay(migration.current_date)}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            Started {formatInstant(migration.started_at, timeZone)}
            {migration.completed_at ? `, finished ${formatInstant(migration.completed_at, timeZone)}` : ''}
            {migration.error_message ? ` · ${localizeDates(migration.error_message)}` : ''}
          </Text>
          <DayGrid days={migration.days} onPoint={setPointed} onOpen={(day) => day.transfer_log_id !== null && go('logs', String(day.transfer_log_id))} />
          {/* One line for the day under the pointer or the keyboard focus: cheaper than a tooltip per square. */}
          <Text size="sm" aria-live="polite" data-day-figures mih={22}>
            {pointed ? figures(pointed) : 'Point at or tab to a day to see its figures.'}
          </Text>
          <Group gap="md" aria-label="What the colours mean">
            {(Object.keys(dayColors) as DayShade[]).map((status) => (
              <Group key={status} gap={4} wrap="nowrap">
                <Box w={12} h={12} style={{ background: dayColors[status], borderRadius: 2 }} />
                <Text size="xs">{dayWords[status]}</Text>
              </Group>
            ))}
          </Group>
        </Stack>
      ) : (
        <Text size="sm">No migration yet. Activating the location starts one for the last 90 completed days.</Text>
      )}
      <ErrorNotice error={act.error} onClose={act.clearError} />
      <Modal opened={confirmRerun} onClose={() => setConfirmRerun(false)} title="Re-run the 90-day migration?">
        <Stack>
          <Text size="sm">
            Larder fetches the sales of {migration ? `${formatDay(migration.start_date)} to ${formatDay(migration.end_date)}` : 'the 90 days'} from the POS again and posts each day anew.
            What the sales of those days took from stock (their issue entries) is replaced by what today’s sales data, mappings and recipes give. Counts, receipts and waste stay as they are.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmRerun(false)}>
              Keep the days as they are
            </Button>
            <Button
              onClick={() => {
                setConfirmRerun(false);
                void act.run('rerun');
              }}
            >
              Re-run and replace
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Group mt="sm">
        {running ? (
          <Button variant="default" color="red" loading={act.busy} onClick={() => void act.run('cancel')}>
            Cancel migration
          </Button>
        ) : null}
        {migration && !running ? (
          <Button variant="default" loading={act.busy} onClick={() => setConfirmRerun(true)}>
            Re-run migration…
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
