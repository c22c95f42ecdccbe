// Who the work under way is for: a Larder server's door runs each signed-in person's call as theirs,
// and what that call writes (a transfer's log, a finished count) keeps their name. Work nobody asked
// for (the nightly run, this PC's own user) has none. AsyncLocalStorage carries it through every
// await of the call, and into work the call starts (a backfill runs as whoever started it).
import { AsyncLocalStorage } from 'node:async_hooks';

const acting = new AsyncLocalStorage<string>();

export function actingAs<T>(name: string, work: () => Promise<T>): Promise<T> {
  return acting.run(name, work);
}

/** The name of the person the current work is for, or null. */
export const actorName = (): string | null => acting.getStore() ?? null;
