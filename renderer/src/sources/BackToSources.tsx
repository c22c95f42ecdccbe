import { Anchor } from '@mantine/core';
import { useNavigation } from '../ui/navigation-store';

/** The way back from a source's own screen to the list of sources. */
export function BackToSources() {
  const go = useNavigation((state) => state.go);
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => go('sources')} style={{ alignSelf: 'flex-start' }}>
      ‹ Sales sources
    </Anchor>
  );
}
