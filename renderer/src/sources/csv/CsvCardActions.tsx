import { Button } from '@mantine/core';
import type { SalesSourceView } from '../../../../shared/model/sources';
import { useNavigation } from '../../ui/navigation-store';

/** On a CSV profile's card: upload a file with it, or edit it. */
export function CsvCardActions({ source }: { source: SalesSourceView }) {
  const go = useNavigation((state) => state.go);
  return (
    <>
      <Button size="xs" onClick={() => go('upload', source.name)}>
        Upload a file
      </Button>
      <Button size="xs" variant="default" onClick={() => go('csv-profile', source.name)}>
        Edit profile
      </Button>
    </>
  );
}
