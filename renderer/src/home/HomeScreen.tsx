import { postsNightly } from '../ui/use-desktop';
import { can } from '../app/person-store';
import { Dashboard, hasActiveLocation, PriceRises } from './Dashboard';
import { BackupNotice } from '../backups/BackupNotice';
import { Alert, Anchor, Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { SetupStep } from '../../../shared/model/setup';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useNavigation, type Section } from '../ui/navigation-store';
import { anyOf, useLive } from '../ui/use-live';
import { DemoAccountButton } from '../sources/lightspeed/DemoAccountButton';
import { useDemoStore } from '../sources/lightspeed/demo-store';
import { call } from '../ipc/client';

/** The seed's recommended setup order, each step in words and where it is done. */
const stepText: Record<SetupStep, { title: string; how: string; screen: Section }> = {
  storage_units: { title: 'Create storage units', how: 'The places stock is kept, such as Main Kitchen and Bar Storage.', screen: 'inventory' },
  ingredients: { title: 'Create ingredients', how: 'What you buy and count, each with its unit.', screen: 'inventory' },
  recipes: { title: 'Create recipes', how: 'Dishes made of ingredients (and of other recipes).', screen: 'inventory' },
  connect: { title: 'Connect your POS', how: 'Sign in to Lightspeed Restaurant (K-Series), or connect Sides POS, under Sales sources.', screen: 'sources' },
  sync_locations: { title: 'Sync locations', how: 'Fetch your business locations (Sides: stores) from the POS.', screen: 'locations' },
  link_storage_units: { title: 'Link storage units', how: 'Choose the storage unit each location’s sales come out of.', screen: 'locations' },
  sync_items: { title: 'Sync items', how: 'Fetch the POS items (till buttons; Sides: products) from the POS.', screen: 'items' },
  map_items: { title: 'Map the important items', how: 'Tell Larder what each item takes from stock: an ingredient or a recipe.', screen: 'items' },
  activate: { title: 'Activate a location', how: 'Starts the 90-day history import (the migration) for that location.', screen: 'locations' },
  check_migration: { title: 'Check the migration', how: 'Watch the 90 days come in; re-run failed days.', screen: 'locations' },
  test_one_day: { title: 'Test one day by hand', how: 'Run a manual issue for one business day and read its result.', screen: 'locations' },
  csv_profile: { title: 'Describe your till’s CSV export', how: 'A CSV profile says which columns hold the code, quantity, date and location.', screen: 'sources' },
  csv_upload: { title: 'Upload a day of sales', how: 'Preview a file, map its codes, then post it.', screen: 'upload' },
  check_ledger: { title: 'Check the ledger', how: 'See what the POS sales took from stock (issue entries), with exact quantities.', screen: 'ledger' },
  auto_issue: { title: 'Enable automatic issue', how: 'Let the nightly run post each closed day by itself.', screen: 'locations' },
};

/** The browser version runs nothing by itself: its checklist says where the nightly run happens. */
const BROWSER_AUTO_ISSUE = 'Turn it on here; the desktop app then posts each closed day every night (this browser version runs nothing by itself).';

export function HomeScreen() {
  const go = useNavigation((state) => state.go);
  const { data, error } = useLive(() => call('setup:checklist', {}), () => true, []);
  // The POS sign-in, backups and the checklist are the owner's on a Larder server; this PC's own user has them all.
  const owner = can('connection:configuration');
  const configuration = useLive(() => (owner ? call('connection:configuration', {}) : Promise.resolve(null)), anyOf('connection:changed'), [owner]);
  const connected = data?.steps.find((step) => step.step === 'connect')?.done ?? false;
  // While the demo starts, its card stays (the connection comes before the demo is marked in use).
  const demoStarting = useDemoStore((state) => state.busy);
  const info = useLive(() => call('app:info', {}), () => false, []);
  const desktop = info.data ? postsNightly(info.data.runtime) : true;
  const dashboard = useLive(() => call('home:dashboard', {}), () => true, []);
  const backups = useLive(() => (owner ? call('backups:overview', {}) : Promise.resolve(null)), anyOf('backups:changed', 'data:restored'), [owner]);
  const autoIssue = data?.steps.find((step) => step.step === 'auto_issue')?.done ?? false;
  const active = dashboard.data ? hasActiveLocation(dashboard.data) : false;
  const done = data?.steps.filter((step) => step.done).length ?? 0;
  const checklist = data && owner ? (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          Setup checklist
        </Title>
        <Badge color={data.next ? 'blue' : 'green'} size="lg">
          {done} of {data.steps.length} done
        </Badge>
      </Group>
      {data.next ? (
        <Text mb="sm">
          Next: <strong>{stepText[data.next].title}</strong>. {data.next === 'auto_issue' && !desktop ? BROWSER_AUTO_ISSUE : stepText[data.next].how}
        </Text>
      ) : (
        <Text mb="sm">
          {desktop
            ? 'Everything is set up. Larder posts each closed business day every night.'
            : 'Everything is set up. The desktop app posts each closed business day every night; here, run a day by hand from its location.'}
        </Text>
      )}
      <List spacing="xs" aria-label="Setup checklist" listStyleType="none">
        {data.steps.map(({ step, done: ticked, detail }, index) => (
          <List.Item
            key={step}
            data-step={step}
            data-done={ticked}
            icon={
              <ThemeIcon color={ticked ? 'green' : step === data.next ? 'blue' : 'gray'} radius="xl" size={24} aria-hidden>
                {ticked ? '✓' : index + 1}
              </ThemeIcon>
            }
          >
            <Anchor component="button" type="button" fw={step === data.next ? 700 : 500} onClick={() => go(stepText[step].screen)}>
              {stepText[step].title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {ticked ? 'Done' : 'To do'}: {detail}. {step === 'auto_issue' && !desktop ? BROWSER_AUTO_ISSUE : stepText[step].how}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  ) : null;
  return (
    <Stack maw={980}>
      <Title order={2}>Home</Title>
      <ErrorNotice error={error} />
      {backups.data ? <BackupNotice status={backups.data} withLink /> : null}
      {info.data && !postsNightly(info.data.runtime) && autoIssue ? (
        <Alert color="yellow" title="Nightly issues need the desktop app" aria-label="Nightly runs">
          This is Larder in the browser: it posts nothing by itself. Each night’s sales are posted by the desktop app (open it on the same data folder), or run a
          day by hand from its location’s page.
        </Alert>
      ) : null}
      {configuration.data && ((!configuration.data.complete && !connected) || configuration.data.demoAccount || demoStarting) ? (
        <Alert color="blue" title={configuration.data.demoAccount ? 'You are using the demo account' : 'No Lightspeed account at hand?'}>
          <Text size="sm" mb="xs">
            {configuration.data.demoAccount
              ? 'Sales, items and locations come from Larder’s built-in demo K-Series. Save your own Lightspeed client under Sales sources → Lightspeed K-Series to leave it; what you set up here stays.'
              : 'Try every screen with the demo account: Larder’s built-in K-Series with three restaurants in three time zones, about 150 items, recipes and 120 days of sales. Your own account can replace it later under Sales sources → Lightspeed K-Series.'}
          </Text>
          <DemoAccountButton variant="filled" label={configuration.data.demoAccount ? 'Sync the demo account again' : 'Use demo account'} />
        </Alert>
      ) : null}
      {/* Once a location is active, what happened and what is wrong come first; the checklist follows. */}
      {active ? null : checklist}
      {dashboard.data ? <Dashboard dashboard={dashboard.data} /> : null}
      {/* A till without a synced location (a CSV profile's) has no dashboard yet: its deliveries' price rises still say so. */}
      {dashboard.data && !active ? <PriceRises rises={dashboard.data.priceRises} /> : null}
      {active ? checklist : null}
    </Stack>
  );
}
