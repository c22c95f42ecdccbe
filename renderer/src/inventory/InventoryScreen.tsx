import { Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useEffect } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';
import { CountsPanel } from './CountsPanel';
import { ImportSetupButton } from './ImportSetupButton';
import { IngredientsPanel } from './IngredientsPanel';
import { ReceiptsPanel } from './ReceiptsPanel';
import { RecipesPanel } from './RecipesPanel';
import { StockPanel } from './StockPanel';
import { StorageUnitsPanel } from './StorageUnitsPanel';
import { WastePanel } from './WastePanel';
import { useInventory } from './inventory-store';
import { useTab } from '../ui/navigation-store';

const tabs = [
  { value: 'storage-units', label: 'Storage units', Panel: StorageUnitsPanel },
  { value: 'ingredients', label: 'Ingredients', Panel: IngredientsPanel },
  { value: 'recipes', label: 'Recipes', Panel: RecipesPanel },
  { value: 'receipts', label: 'Receipts', Panel: ReceiptsPanel },
  { value: 'stock', label: 'Stock on hand', Panel: StockPanel },
  { value: 'counts', label: 'Counts', Panel: CountsPanel },
  { value: 'waste', label: 'Waste and moves', Panel: WastePanel },
];

export function InventoryScreen() {
  const { loaded, error, refresh } = useInventory();
  const [tab, setTab] = useTab(
    tabs.map((each) => each.value),
    'storage-units',
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>Inventory</Title>
        <ImportSetupButton />
      </Group>
      <ErrorNotice error={error} />
      {!loaded ? (
        <Loader aria-label="Loading inventory" />
      ) : (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.value} value={tab.value}>
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map(({ value, Panel }) => (
            <Tabs.Panel key={value} value={value} pt="md">
              <Panel />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
