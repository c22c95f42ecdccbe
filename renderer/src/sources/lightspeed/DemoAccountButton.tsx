import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useAction } from '../../ui/use-action';
import { call } from '../../ipc/client';

/** One click to try everything without a Lightspeed account: the built-in demo K-Series. */
export function DemoAccountButton({ variant = 'light', label = 'Use demo account' }: { variant?: 'light' | 'filled'; label?: string }) {
  const demo = useAction(() => call('demo:start', {}));
  const [ready, setReady] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <div>
        <Button
          variant={variant}
          loading={demo.busy}
          onClick={async () => {
            const result = await demo.run();
            if (result) setReady(`Demo account ready: ${result.locations} locations and ${result.items} items${result.importedSetup ? ', with a demo inventory' : ''}.`);
          }}
        >
          {label}
        </Button>
      </div>
      {demo.busy ? <span role="status">Starting the demo K-Series and signing in…</span> : null}
      {ready ? (
        <Alert color="green" role="status">
          {ready}
        </Alert>
      ) : null}
      <ErrorNotice error={demo.error} onClose={demo.clearError} />
    </Stack>
  );
}
