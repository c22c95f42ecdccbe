import { Alert, Button, Stack } from '@mantine/core';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDemoStore } from './demo-store';

/** One click to try everything without a Lightspeed account: the built-in demo K-Series. */
export function DemoAccountButton({ variant = 'light', label = 'Use demo account' }: { variant?: 'light' | 'filled'; label?: string }) {
  const { busy, ready, error, start, clearError } = useDemoStore();
  return (
    <Stack gap="xs">
      <div>
        <Button variant={variant} loading={busy} onClick={() => void start()}>
          {label}
        </Button>
      </div>
      {busy ? <span role="status">Starting the demo K-Series and signing in…</span> : null}
      {ready ? (
        <Alert color="green" role="status">
          {ready}
        </Alert>
      ) : null}
      <ErrorNotice error={error} onClose={clearError} />
    </Stack>
  );
}
