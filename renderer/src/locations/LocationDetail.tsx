import { CoverageCard } from '../items/CoverageCard';
import { TransactionsCompare } from '../sources/lightspeed/TransactionsCompare';
import { LocationOverrides } from '../items/LocationOverrides';
import { ReprocessDialog } from '../items/ReprocessDialog';
import { Alert, Anchor, Autocomplete, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import type { LarderEvent } from '../../../shared/model/events';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDay } from '../ui/format';
import { useNavigation } from '../ui/navigation-store';
import { useAction } from '../ui/use-action';
import { useLive } from '../ui/use-live';
import { call } from '../ipc/client';
import { useInventory } from '../inventory/inventory-store';
import { MigrationPanel } from './MigrationPanel';
import { TransferResultPanel } from './TransferResultPanel';
import { INCOMPLETE_DAY_WORDS } from '../../../shared/model/transfers';
import { useCan } from '../app/person-store';

type Location = ContractOutput<Contracts['locations:list']>[number];
type Overview = ContractOutput<Contracts['locations:overview']>;


/** Every time zone this computer knows, for the location's time zone field. */
const TIME_ZONES = Intl.supportedValuesOf('timeZone');
function Stat({ label, value, detail, onClick }: { label: string; value: string; detail?: string; onClick?: () => void }) {
  return (
    <Paper withBorder p="sm" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {onClick ? (
        <Anchor component="button" type="button" fz="xl" fw={700} onClick={onClick}>
          {value}
        </Anchor>
      ) : (
        <Text fz="xl" fw={700}>
          {value}
        </Text>
      )}
      {detail ? <Text size="xs">{detail}</Text> : null}
    </Paper>
  );
}

function HealthBanners({ overview }: { overview: Overview }) {
  const { health } = overview;
  return (
    <Stack gap="xs" aria-label="Health">
      {health.noStorageUnit ? (
        <Alert color="orange" title="No storage unit linked">
          Sales cannot be posted until you choose the storage unit they come out of, below.
        </Alert>
      ) : null}
      {health.recentFailedTransfers > 0 ? (
        <Alert color="red" title="Recent transfers failed">
          {health.recentFailedTransfers} transfer(s) failed in the last 7 days. Open the logs for the reasons, then run those days again.
        </Alert>
      ) : null}
      {health.recentUnmappedNames.length > 0 ? (
        <Alert color="yellow" title="Recent transfers contain unmapped items">
          Nothing was deducted for: {health.recentUnmappedNames.slice(0, 12).join(', ')}
          {health.recentUnmappedNames.length > 12 ? ` and ${health.recentUnmappedNames.length - 12} more` : ''}. Map them on the Items screen.
        </Alert>
      ) : null}
      {health.incompleteDays.length > 0 ? (
        <Alert color="yellow" title="Days still open at the till when they were posted" data-incomplete-days={health.incompleteDays.join(' ')}>
          {health.incompleteDays.map(formatDay).join(', ')}: {INCOMPLETE_DAY_WORDS}. What was sold until then is posted; the nightly run transfers
          {health.incompleteDays.length === 1 ? ' this day' : ' these days'} again once the till has closed {health.incompleteDays.length === 1 ? 'it' : 'them'}.
        </Alert>
      ) : null}
      {health.migrationInProgress ? (
        <Alert color="blue" title="A migration is in progress">
          The 90-day history is being imported; its progress is below.
        </Alert>
      ) : null}
    </Stack>
  );
}

function Configuration({ location, overview }: { location: Location; overview: Overview }) {
  // The storage units the Inventory screens keep (they follow every inventory change from main).
  const { storageUnits, loaded, refresh } = useInventory();
  useEffect(() => {
    if (!loaded) void refresh();
  }, [loaded, refresh]);
  const [unit, setUnit] = useState<string | null>(location.storageUnitId === null ? null : String(location.storageUnitId));
  const [confirmActivate, setConfirmActivate] = useState(false);
  const [date, setDate] = useState(overview.yesterday);
  const [force, setForce] = useState(true);
  const link = useAction(() => call('locations:link', { businessLocationId: location.businessLocationId, storageUnitId: unit === null ? null : Number(unit) }));
  const activate = useAction(async () => {
    await call('migrations:activate', { businessLocationId: location.businessLocationId });
    setConfirmActivate(false);
  });
  const autoIssue = useAction((on: boolean) => call('locations:auto-issue', { businessLocationId: location.businessLocationId, on }));
  const [zone, setZone] = useState(location.timezone);
  const saveZone = useAction(() => call('locations:time-zone', { businessLocationId: location.businessLocationId, timezone: zone }));
  const transfer = useAction((replaceWithEmpty: boolean = false) => call('transfers:run', { businessLocationId: location.businessLocationId, date, force, replaceWithEmpty }));
  const [result, setResult] = useState<ContractOutput<Contracts['transfers:run']> | null>(null);
  const changed = unit !== (location.storageUnitId === null ? null : String(location.storageUnitId));
  // Linking, the time zone, activation and auto issue are the owner's; a manager posts and reprocesses days.
  const configure = useCan('locations:link');
  return (
    <Paper withBorder p="md" aria-label="Configuration">
      <Title order={3} size="h4" mb="sm">
        Configuration
      </Title>
      <Stack>
        {configure ? (
          <>
            <Group align="end">
              <Select
                label="Storage unit"
                description="Where this location’s sales are deducted"
                placeholder="Unmapped"
                data={storageUnits.map((option) => ({ value: String(option.id), label: option.name }))}
                value={unit}
                onChange={setUnit}
                searchable
                w={300}
              />
              <Button onClick={() => void link.run()} loading={link.busy} disabled={!changed}>
                Save
              </Button>
            </Group>
            <ErrorNotice error={link.error} onClose={link.clearError} />
            <Group align="end">
              <Autocomplete
                label="Time zone"
                description="Decides the business days. The POS sends it with each sync where it names one; set it where it names none"
                data={TIME_ZONES}
                value={zone}
                onChange={setZone}
                error={
                  saveZone.error
                    ? 'Not a time zone such as Europe/Vienna'
                    : location.timeZoneKnown
                      ? undefined
                      : 'The POS names no time zone for this location: choose it before activating (Europe/Berlin only stands in)'
                }
                limit={20}
                w={300}
              />
              <Button variant="default" onClick={() => void saveZone.run()} loading={saveZone.busy} disabled={zone.trim() === location.timezone && location.timeZoneKnown}>
                Save time zone
              </Button>
            </Group>
            <Group>
              {location.activatedAt ? (
                <Text>
                  <strong>Activated.</strong> Daily issues run for this location.
                </Text>
              ) : (
                <Button color="green" onClick={() => setConfirmActivate(true)} disabled={location.storageUnitId === null} title={location.storageUnitId === null ? 'Link a storage unit first' : undefined}>
                  Activate location…
                </Button>
              )}
              <Switch
                label="Auto issue (nightly)"
                checked={location.autoIssue}
                disabled={!location.activatedAt || autoIssue.busy}
                onChange={(event) => void autoIssue.run(event.currentTarget.checked)}
              />
            </Group>
          </>
        ) : (
          <Text size="sm">
            Sales come out of <strong>{overview.storageUnitName ?? 'no storage unit yet'}</strong>; business days in {location.timezone}; {location.activatedAt ? 'activated' : 'not activated yet'}, auto issue{' '}
            {location.autoIssue ? 'on' : 'off'}. The group’s owner changes these.
          </Text>
        )}
        <ErrorNotice error={autoIssue.error} onClose={autoIssue.clearError} />
        <Modal opened={confirmActivate} onClose={() => setConfirmActivate(false)} title={`Activate ${location.name}?`}>
          <Stack>
            <Text>
              Activating cannot be undone. It starts the 90-day migration: Larder fetches the sales of the last 90 completed business days from the POS and
              posts what the sales took from stock (issue entries) into <strong>{overview.storageUnitName ?? 'the linked storage unit'}</strong> for every mapped item. After that, each closed day is
              posted every night while Auto issue is on.
            </Text>
            <ErrorNotice error={activate.error} onClose={activate.clearError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmActivate(false)}>
                Not now
              </Button>
              <Button color="green" loading={activate.busy} onClick={() => void activate.run()}>
                Activate and start the migration
              </Button>
            </Group>
          </Stack>
        </Modal>
        <ActionForm
          onSubmit={async () => {
            setResult(null);
            const answer = await transfer.run();
            if (answer) setResult(answer);
          }}
        >
          <Group align="end">
            <TextInput
              type="date"
              label="Manual issue: business date"
              description={`A closed business day in ${location.timezone}`}
              value={date}
              max={overview.yesterday}
              onChange={(event) => setDate(event.currentTarget.value)}
              required
            />
            <Checkbox label="Fetch fresh data from the POS (force refresh)" checked={force} onChange={(event) => setForce(event.currentTarget.checked)} mb={8} />
            <Button type="submit" loading={transfer.busy} disabled={location.storageUnitId === null}>
              Run issue for this day
            </Button>
          </Group>
        </ActionForm>
        {transfer.busy ? <Text role="status">Fetching the day’s sales and posting them…</Text> : null}
        <ErrorNotice error={transfer.error} onClose={transfer.clearError} />
        {result ? (
          <TransferResultPanel
            result={result}
            migrationDays={overview.migration ? { from: overview.migration.start_date, to: overview.migration.end_date } : null}
            replaceWithEmpty={{
              busy: transfer.busy,
              run: () =>
                void transfer.run(true).then((answer) => {
                  if (answer) setResult(answer);
                }),
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

export function LocationDetail({ businessLocationId }: { businessLocationId: string }) {
  const go = useNavigation((state) => state.go);
  const canReprocess = useCan('reprocess:run');
  const concerns = (event: LarderEvent) => event.type === 'lightspeed:changed' || event.type === 'inventory:changed' || ('businessLocationId' in event && event.businessLocationId === businessLocationId);
  const location = useLive(async () => (await call('locations:list', {})).find((candidate) => candidate.businessLocationId === businessLocationId) ?? null, concerns, [businessLocationId]);
  const overview = useLive(() => call('locations:overview', { businessLocationId }), concerns, [businessLocationId]);
  const here = location.data;
  const data = overview.data;
  const { issues, catalog, salesLines } = data?.stats ?? {};
  const [reprocessing, setReprocessing] = useState(false);
  return (
    <Stack>
      {reprocessing ? <ReprocessDialog opened location={businessLocationId} onClose={() => setReprocessing(false)} /> : null}
      <Group justify="space-between">
        <div>
          <Anchor component="button" type="button" size="sm" onClick={() => go('locations')}>
            ← All locations
          </Anchor>
          <Title order={2}>{here?.name ?? businessLocationId}</Title>
          {here ? (
            <Text c="dimmed" size="sm">
              Location {[here.businessLocationId, here.businessName, here.country, here.timezone, here.currencyCode].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
        </div>
        <Group>
          {here?.activatedAt && canReprocess ? (
            <Button variant="default" onClick={() => setReprocessing(true)}>
              Reprocess days…
            </Button>
          ) : null}
          <Button variant="default" onClick={() => go('logs', null, { location: businessLocationId })}>
            See all logs
          </Button>
        </Group>
      </Group>
      <ErrorNotice error={location.error ?? overview.error} />
      {data && here ? (
        <>
          <HealthBanners overview={data} />
          {issues && catalog && salesLines ? (
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Stat label="Days posted" value={String(issues.lifetime.total)} detail={issues.lifetime.failed > 0 ? `${issues.lifetime.failed} ${issues.lifetime.failed === 1 ? 'day' : 'days'} failed` : 'None failed'} />
              <Stat
                label="Days posted, last 7 / 30"
                value={`${issues.last7Days.total} / ${issues.last30Days.total}`}
                detail={issues.last30Days.failed > 0 ? `${issues.last7Days.failed} / ${issues.last30Days.failed} days failed` : 'None failed'}
              />
              <Stat label="Catalog mapped" value={`${catalog.mapped} of ${catalog.total}`} detail="Open the items" onClick={() => go('items')} />
              <Stat label="Sales (7d / 30d)" value={`${salesLines.last7Days} / ${salesLines.last30Days}`} detail="Sales lines seen" />
            </SimpleGrid>
          ) : null}
          <CoverageCard businessLocationId={businessLocationId} onMap={() => go('items')} />
          <LocationOverrides businessLocationId={businessLocationId} />
          <Configuration key={`${here.storageUnitId}`} location={here} overview={data} />
          <MigrationPanel businessLocationId={businessLocationId} migration={data.migration} timeZone={here.timezone} />
          {here.sourceKind === 'lightspeed' && here.activatedAt ? <TransactionsCompare businessLocationId={businessLocationId} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
