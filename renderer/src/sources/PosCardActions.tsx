import { Button } from '@mantine/core';
import type { SalesSourceView } from '../../../shared/model/sources';
import { useNavigation, type Place } from '../ui/navigation-store';

/** On a POS integration's card: connect or manage it on its own screen, and its locations once synced (`places`: what the POS calls them). */
export function PosCardActions({ source, screen, places }: { source: SalesSourceView; screen: Place['section']; places: string }) {
  const go = useNavigation((state) => state.go);
  return (
    <>
      <Button size="xs" onClick={() => go(screen)}>
        {source.health === 'not_connected' ? 'Connect' : 'Manage connection'}
      </Button>
      {source.locations > 0 ? (
        <Button size="xs" variant="default" onClick={() => go('locations')}>
          {places}
        </Button>
      ) : null}
    </>
  );
}
