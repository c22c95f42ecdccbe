import { List, Paper, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { groupItems } from './item-groups';
import { useItems } from './items-store';
import { mappedAmount } from './mapped-amount';

/** The mappings this location uses instead of its dishes' group mappings (a larger portion at the bar). */
export function LocationOverrides({ businessLocationId }: { businessLocationId: string }) {
  const items = useItems((state) => state.items);
  const overridden = useMemo(
    () =>
      groupItems(items ?? []).flatMap((group) =>
        group.overrides.filter((override) => override.location === businessLocationId).map((override) => ({ group, override })),
      ),
    [items, businessLocationId],
  );
  if (overridden.length === 0) return null;
  return (
    <Paper withBorder p="md" aria-label="Mapping overrides here">
      <Title order={3} size="h5" mb="xs">
        Mappings that apply only here
      </Title>
      <List size="sm" spacing={4}>
        {overridden.map(({ group, override }) => (
          <List.Item key={group.key}>
            <Text span size="sm" fw={500}>
              {group.name}
            </Text>
            : {mappedAmount(override)} {override.name}
            {group.mapping ? (
              <Text span size="sm" c="dimmed">
                {' '}
                (elsewhere {mappedAmount(group.mapping)} {group.mapping.name})
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
