// The one way the renderer keeps data from main fresh: load it, and load it again whenever main pushes
// an event that concerns it (never on a timer). An answer that arrives after a newer request started
// is dropped, so a fast typist's filters, or two quick changes, never leave a stale answer on screen.
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
  let generation = 0;
  const refresh = () => {
    const mine = ++generation;
    load().then(
      (value) => mine === generation && answer.data(value),
      (caught: unknown) => mine === generation && answer.error(asIpcError(caught)),
    );
  };
  const unsubscribe = onLarderEvent((event) => concerns(event) && refresh());
  refresh();
  return {
    refresh,
    dispose() {
      // Answers still on their way belong to a place the screen has left.
      generation = -1;
      unsubscribe();
    },
  };
}

export const anyOf =
  (...types: LarderEvent['type'][]) =>
  (event: LarderEvent) =>
    types.includes(event.type);
