import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import type { ItemGroup } from './item-groups';

/**
 * Tills number their items independently, so another till's item is the same dish only when a person
 * says so: linked here, it joins this dish and deducts what this dish deducts. A linked item can be
 * made a dish of its own again, keeping what it deducted.
 */
export function SameDish({ group, onChanged }: { group: ItemGroup; onChanged: () => void }) {
  const items = useLive(() => call('items:list', { unmapped: false }), anyOf('lightspeed:changed', 'sources:changed'), []);
  const [picked, setPicked] = useState<string | null>(null);
  const link = useAction(async (otherId: number) => {
    await call('items:link', { posItemId: group.first.id, otherIds: [otherId] });
    setPicked(null);
    onChanged();
  });
  const unlink = useAction(async (posItemId: number) => {
    await call('items:unlink', { posItemId });
    onChanged();
  });
  const mine = new Set(group.items.map((item) => item.id));
  const others = (items.data ?? [])
    .filter((item) => !mine.has(item.id) && !group.sources.includes(item.source))
    .map((item) => ({ value: String(item.id), label: `${item.name} · ${item.itemId} (${item.source})` }));
  const linked = group.items.filter((item) => item.linked);
  // With one till there is nothing to link: the sheet stays short.
  if (others.length === 0 && linked.length === 0) return null;
  return (
    <Stack gap="xs" aria-label="Same dish in another till">
      <Text size="sm" fw={500}>
        Same dish in another till
      </Text>
      {linked.map((item) => (
        <Group key={item.id} justify="space-between">
          <Text size="sm">
            {item.name} · {item.itemId} ({item.source}) is linked to this dish
          </Text>
          <Button size="compact-xs" variant="default" loading={unlink.busy} onClick={() => void unlink.run(item.id)}>
            Unlink
          </Button>
        </Group>
      ))}
      {others.length > 0 ? (
        <Group align="end">
          <Select
            label="Another till sells it as"
            description="Its code may differ, or match another dish here: tills number their items independently"
            placeholder="Search the other tills’ items"
            data={others}
            value={picked}
            onChange={setPicked}
            searchable
            limit={50}
            w={320}
          />
          <Button variant="default" disabled={picked === null} loading={link.busy} onClick={() => picked && void link.run(Number(picked))}>
            Link
          </Button>
        </Group>
      ) : null}
      <ErrorNotice error={link.error ?? unlink.error ?? items.error} onClose={link.error ? link.clearError : unlink.clearError} />
    </Stack>
  );
}
