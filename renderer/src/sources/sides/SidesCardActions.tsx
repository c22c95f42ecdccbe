import { Button } from '@mantine/core';
import type { SalesSourceView } from '../../../../shared/model/sources';
import { useNavigation } from '../../ui/navigation-store';

/** On Sides' card: connect or manage the connection, and its stores once synced. */
export function SidesCardActions({ source }: { source: SalesSourceView }) {
  const go = useNavigation((state) => state.go);
  return (
    <>
      <Button size="xs" onClick={() => go('sides')}>
        {source.health === 'not_connected' ? 'Connect' : 'Manage connection'}
      </Button>
      {source.locations > 0 ? (
        <Button size="xs" variant="default" onClick={() => go('locations')}>
          Stores
        </Button>
      ) : null}
    </>
  );
}
