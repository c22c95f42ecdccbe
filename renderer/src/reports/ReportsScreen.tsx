import { Stack, Tabs, Title } from '@mantine/core';
import { useTab } from '../ui/navigation-store';
import { FoodCostPanel } from './FoodCostReport';
import { MenuPanel } from './MenuReport';
import { VariancePanel } from './VarianceReport';

/** What a manager buys stock software for: the variance between counts, food cost, and what each dish earns. */
export function ReportsScreen() {
  const [tab, setTab] = useTab(['variance', 'food-cost', 'menu'], 'variance');
  return (
    <Stack>
      <Title order={2}>Reports</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="variance">Variance</Tabs.Tab>
          <Tabs.Tab value="food-cost">Food cost</Tabs.Tab>
          <Tabs.Tab value="menu">Menu</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="variance" pt="md">
          <VariancePanel />
        </Tabs.Panel>
        <Tabs.Panel value="food-cost" pt="md">
          <FoodCostPanel />
        </Tabs.Panel>
        <Tabs.Panel value="menu" pt="md">
          <MenuPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
