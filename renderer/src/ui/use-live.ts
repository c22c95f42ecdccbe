import { useEffect, useRef, useState } from 'react';
import type { IpcError } from '../../../shared/ipc/contract';
import type { LarderEvent } from '../../../shared/model/events';
import { asIpcError, onLarderEvent } from '../ipc/client';

/**
 * Data a screen shows, loaded when `key` changes and again whenever main pushes an event that
 * concerns it (never on a timer). An answer that arrives after a newer request started is dropped,
 * so a fast typist's filters never show a stale page.
 */
export function useLive<T>(load: () => Promise<T>, concerns: (event: LarderEvent) => boolean, key: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const latest = useRef({ load, concerns });
  useEffect(() => {
    latest.current = { load, concerns };
  });
  const stableKey = JSON.stringify(key);
  useEffect(() => {
    let generation = 0;
    const refresh = () => {
      const mine = ++generation;
      latest.current.load().then(
        (next) => {
          if (mine !== generation) return;
          setData(next);
          setError(null);
        },
        (caught: unknown) => mine === generation && setError(asIpcError(caught)),
      );
    };
    refresh();
    const unsubscribe = onLarderEvent((event) => latest.current.concerns(event) && refresh());
    return () => {
      // Answers still on their way belong to a place the screen has left.
      generation = -1;
      unsubscribe();
    };
  }, [stableKey]);
  return { data, error };
}

export const anyOf =
  (...types: LarderEvent['type'][]) =>
  (event: LarderEvent) =>
    types.includes(event.type);
