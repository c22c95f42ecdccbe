import { AppShell, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useEffect } from 'react';
import type { IpcChannel } from '../../../shared/ipc/channels';
import { ConnectionScreen } from '../sources/lightspeed/ConnectionScreen';
import { HomeScreen } from '../home/HomeScreen';
import { InventoryScreen } from '../inventory/InventoryScreen';
import { ItemsScreen } from '../items/ItemsScreen';
import { LedgerScreen } from '../ledger/LedgerScreen';
import { LocationDetail } from '../locations/LocationDetail';
import { LocationsScreen } from '../locations/LocationsScreen';
import { LogDetail } from '../logs/LogDetail';
import { LogsScreen } from '../logs/LogsScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { ConnectionBanner } from './ConnectionBanner';
import { sectionLabels, sectionOf, sections, useNavigation, type Place } from '../ui/navigation-store';
import { CsvProfileEditor } from '../sources/csv/CsvProfileEditor';
import { CsvUploadScreen } from '../sources/csv/CsvUploadScreen';
import { SourcesScreen } from '../sources/SourcesScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { SidesScreen } from '../sources/sides/SidesScreen';
import { AccountMenu } from '../people/AccountMenu';
import { PeopleScreen } from '../people/PeopleScreen';
import { CountsPanel } from '../inventory/CountsPanel';
import { useInventory } from '../inventory/inventory-store';
import { can, usePerson } from './person-store';

/** What a section needs the person to reach (on a Larder server; this PC's own user reaches all). */
const sectionChannel: Record<(typeof sections)[number], IpcChannel> = {
  home: 'home:dashboard',
  sources: 'connection:configure',
  locations: 'locations:list',
  // Items are for mapping: a viewer reads reports and logs instead.
  items: 'mappings:save',
  logs: 'logs:list',
  ledger: 'ledger:list',
  inventory: 'counts:list',
  reports: 'reports:food-cost',
  settings: 'settings:save',
  people: 'people:list',
};

function Content({ section, detail }: Place) {
  switch (section) {
    case 'home':
      return <HomeScreen />;
    case 'sources':
      return <SourcesScreen />;
    case 'connection':
      return <ConnectionScreen />;
    case 'sides':
      return <SidesScreen />;
    case 'csv-profile':
      return <CsvProfileEditor name={detail} />;
    case 'upload':
      return <CsvUploadScreen profile={detail} />;
    case 'locations':
      return detail ? <LocationDetail businessLocationId={detail} /> : <LocationsScreen />;
    case 'items':
      return <ItemsScreen />;
    case 'logs':
      return detail ? <LogDetail id={Number(detail)} /> : <LogsScreen />;
    case 'ledger':
      return <LedgerScreen />;
    case 'inventory':
      return <InventoryScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'people':
      return <PeopleScreen />;
  }
}

function Header() {
  return (
    <Group h="100%" px="md" gap="xs" wrap="nowrap">
      <Title order={1} size="h3">
        Larder
      </Title>
      <Text c="dimmed" size="sm" visibleFrom="sm">
        POS sales into your inventory ledger
      </Text>
      <AccountMenu />
    </Group>
  );
}

/** A counter's Larder: the count sheets of their storage units, full width for a tablet in the storeroom. */
function CounterApp() {
  const { loaded, error, refresh } = useInventory();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <AppShell header={{ height: 52 }} padding="md">
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Main>
        <Stack>
          <Title order={2}>Counts</Title>
          <ErrorNotice error={error} />
          {loaded ? <CountsPanel /> : <Loader aria-label="Loading the storage units" />}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}

export function App() {
  const place = useNavigation();
  const person = usePerson((state) => state.person);
  if (person?.role === 'counter') return <CounterApp />;
  // People are a server's: this PC's own Larder has one user and no sign-in.
  const shown = sections.filter((item) => can(sectionChannel[item]) && (item !== 'people' || person !== null));
  const section = sectionOf(place.section);
  const here = shown.includes(section) ? place : { ...place, section: shown[0] ?? 'home', detail: null };
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Sections">
        {shown.map((item) => (
          <NavLink
            key={item}
            component="button"
            label={sectionLabels[item]}
            active={item === sectionOf(here.section)}
            aria-current={item === sectionOf(here.section) ? 'page' : undefined}
            onClick={() => place.go(item)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {can('connection:status') ? <ConnectionBanner /> : null}
        <Content {...here} />
      </AppShell.Main>
    </AppShell>
  );
}
