import { Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useEffect } from 'react';
import { ErrorNotice } from '../app/ErrorNotice';
import { ImportSetupButton } from './ImportSetupButton';
import { IngredientsPanel } from './IngredientsPanel';
import { ReceiptsPanel } from './ReceiptsPanel';
import { RecipesPanel } from './RecipesPanel';
import { StockPanel } from './StockPanel';
import { StorageUnitsPanel } from './StorageUnitsPanel';
import { useInventory } from './inventory-store';

export function InventoryScreen() {
  const { loaded, error, refresh } = useInventory();
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
        <Tabs defaultValue="storage-units" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="storage-units">Storage units</Tabs.Tab>
            <Tabs.Tab value="ingredients">Ingredients</Tabs.Tab>
            <Tabs.Tab value="recipes">Recipes</Tabs.Tab>
            <Tabs.Tab value="receipts">Receipts</Tabs.Tab>
            <Tabs.Tab value="stock">Stock on hand</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="storage-units" pt="md">
            <StorageUnitsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="ingredients" pt="md">
            <IngredientsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="recipes" pt="md">
            <RecipesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="receipts" pt="md">
            <ReceiptsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="stock" pt="md">
            <StockPanel />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
