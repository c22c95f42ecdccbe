import { useEffect, useRef, useState } from 'react';
import type { IpcError } from '../../../shared/ipc/contract';
import type { LarderEvent } from '../../../shared/model/events';
import { liveQuery } from './live-query';

export { anyOf } from './live-query';

/** One screen's data from main, loaded when `key` changes and kept fresh by the live query. */
export function useLive<T>(load: () => Promise<T>, concerns: (event: LarderEvent) => boolean, key: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const latest = useRef({ load, concerns });
  useEffect(() => {
    latest.current = { load, concerns };
  });
  const stableKey = JSON.stringify(key);
  useEffect(() => {
    const query = liveQuery(
      () => latest.current.load(),
      (event) => latest.current.concerns(event),
      {
        data: (next) => {
          setData(next);
          setError(null);
        },
        error: setError,
      },
    );
    return () => query.dispose();
  }, [stableKey]);
  return { data, error };
}
