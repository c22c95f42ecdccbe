import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { InventoryScreen } from '../inventory/InventoryScreen';
import { LedgerScreen } from '../ledger/LedgerScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { NotConnectedYet } from './NotConnectedYet';
import { sectionLabels, sections, useNavigation, type Section } from './navigation-store';

const pending: Partial<Record<Section, string>> = {
  connection: 'Here you will connect your Lightspeed Restaurant (K-Series) account, see its status and reauthorize it.',
  locations: 'Here you will see your Lightspeed business locations and link each one to a storage unit.',
  items: 'Here you will map each Lightspeed POS item to an ingredient or a recipe.',
  logs: 'Here you will review every transfer of POS sales into the ledger, also without a network connection.',
};

function Content({ section }: { section: Section }) {
  switch (section) {
    case 'inventory':
      return <InventoryScreen />;
    case 'ledger':
      return <LedgerScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <NotConnectedYet title={sectionLabels[section]} what={pending[section] ?? ''} />;
  }
}

export function App() {
  const { section, go } = useNavigation();
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
            active={item === section}
            aria-current={item === section ? 'page' : undefined}
            onClick={() => go(item)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Content section={section} />
      </AppShell.Main>
    </AppShell>
  );
}
