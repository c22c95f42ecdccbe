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
          This screen is not built yet. Larder can already connect to Lightspeed and sync locations and items from the command line
          (npm run cli -- connect); the screens for it come next. Your inventory (storage units, ingredients, recipes and receipts) is fully
          usable now, and everything you set up there is kept.
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
