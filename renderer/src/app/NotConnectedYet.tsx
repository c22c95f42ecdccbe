import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigation } from './navigation-store';

/** An honest empty state for sections whose part of Larder is not built yet. */
export function NotConnectedYet({ title, what }: { title: string; what: string }) {
  const go = useNavigation((state) => state.go);
  return (
    <Paper withBorder p="xl" maw={640}>
      <Stack gap="sm">
        <Title order={2}>{title}</Title>
        <Text>{what}</Text>
        <Text c="dimmed">
          Lightspeed is not connected yet: this version of Larder cannot connect to Lightspeed. Your inventory (storage units, ingredients,
          recipes and receipts) is fully usable now, and everything you set up there is kept.
        </Text>
        <div>
          <Button variant="light" onClick={() => go('inventory')}>
            Set up inventory
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
