// The one way the renderer keeps data from main fresh: load it, and load it again whenever main pushes
// an event that concerns it (never on a timer). One load at a time: an event during a load drops that
// load's answer and asks once more when it ends, so a burst of events (a migration's ninety days)
// costs two loads, not ninety, and a stale answer never reaches the screen.
// useLive builds on it for one screen's data; the area stores (inventory, items) for data many screens share.
import type { IpcError } from '../../../shared/ipc/contract';
import type { LarderEvent } from '../../../shared/model/events';
import { asIpcError, onLarderEvent } from '../ipc/client';

export interface LiveQuery {
  /** Loads again now. */
  refresh(): void;
  /** Stops listening; answers still on their way are dropped. */
  dispose(): void;
}

export function liveQuery<T>(
  load: () => Promise<T>,
  concerns: (event: LarderEvent) => boolean,
  answer: { data(value: T): void; error(error: IpcError): void },
): LiveQuery {
  let disposed = false;
  let loading = false;
  let stale = false;
  const refresh = () => {
    if (loading) {
      stale = true;
      return;
    }
    loading = true;
    const settle = (show: () => void) => {
      loading = false;
      if (disposed) return;
      if (stale) {
        stale = false;
        refresh();
      } else show();
    };
    load().then(
      (value) => settle(() => answer.data(value)),
      (caught: unknown) => settle(() => answer.error(asIpcError(caught))),
    );
  };
  const unsubscribe = onLarderEvent((event) => concerns(event) && refresh());
  refresh();
  return {
    refresh,
    dispose() {
      // Answers still on their way belong to a place the screen has left.
      disposed = true;
      unsubscribe();
    },
  };
}

export const anyOf =
  (...types: LarderEvent['type'][]) =>
  (event: LarderEvent) =>
    types.includes(event.type);
