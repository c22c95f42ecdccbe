import { useEffect, useState } from 'react';
import type { IpcError } from '../../../shared/ipc/contract';
import type { RecoveryStatus } from '../../../shared/model/backups';
import { RecoveryScreen } from '../backups/RecoveryScreen';
import { asIpcError, call } from '../ipc/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { App } from './App';

/** Larder's screens, or the recovery screen when main could not open the database: asked once, first. */
export function Root() {
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    call('recovery:status', {}).then(setStatus, (caught: unknown) => setError(asIpcError(caught)));
  }, []);
  if (error) return <ErrorNotice error={error} />;
  if (!status) return null;
  if (status.problem) return <RecoveryScreen status={{ ...status, problem: status.problem }} />;
  return <App />;
}
