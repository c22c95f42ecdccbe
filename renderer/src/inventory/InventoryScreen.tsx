import { Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
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
import type { IpcChannel } from '../../../shared/ipc/channels';
import { can, usePerson } from '../app/person-store';

/** Each tab with what the person must reach to use it (a group's shared lists are the owner's to keep). */
const allTabs = [
  { value: 'storage-units', label: 'Storage units', Panel: StorageUnitsPanel, needs: 'storage-units:save' },
  { value: 'ingredients', label: 'Ingredients', Panel: IngredientsPanel, needs: 'ingredients:save' },
  { value: 'recipes', label: 'Recipes', Panel: RecipesPanel, needs: 'recipes:save' },
  { value: 'receipts', label: 'Receipts', Panel: ReceiptsPanel, needs: 'receipts:create' },
  { value: 'stock', label: 'Stock on hand', Panel: StockPanel, needs: 'stock:list' },
  { value: 'counts', label: 'Counts', Panel: CountsPanel, needs: 'counts:list' },
  { value: 'waste', label: 'Waste and moves', Panel: WastePanel, needs: 'waste:record' },
] as const satisfies readonly { value: string; label: string; Panel: () => ReactNode; needs: IpcChannel }[];

export function InventoryScreen() {
  const { loaded, error, refresh } = useInventory();
  usePerson((state) => state.person);
  const tabs = allTabs.filter((each) => can(each.needs));
  const [tab, setTab] = useTab(
    tabs.map((each) => each.value),
    tabs[0]?.value ?? 'counts',
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>Inventory</Title>
        {can('setup:import') ? <ImportSetupButton /> : null}
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
