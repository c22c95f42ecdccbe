import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
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
  }
}

export function App() {
  const place = useNavigation();
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="xs">
          <Title order={1} size="h3">
            Larder
          </Title>
          <Text c="dimmed" size="sm">
            POS sales into your inventory ledger
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Sections">
        {sections.map((item) => (
          <NavLink
            key={item}
            component="button"
            label={sectionLabels[item]}
            active={item === sectionOf(place.section)}
            aria-current={item === sectionOf(place.section) ? 'page' : undefined}
            onClick={() => place.go(item)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
        <Content {...place} />
      </AppShell.Main>
    </AppShell>
  );
}
