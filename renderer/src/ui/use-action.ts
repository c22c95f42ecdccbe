import { useCallback, useRef, useState } from 'react';
import type { IpcError } from '../../../shared/ipc/contract';
import { asIpcError } from '../ipc/client';

/**
 * Runs one user action at a time: while it runs, `busy` is true and a second click is ignored, so
 * nothing is submitted twice. A refusal lands in `error` for an ErrorNotice instead of being thrown.
 */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        return await action(...args);
      } catch (caught) {
        setError(asIpcError(caught));
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, clearError: () => setError(null) };
}
