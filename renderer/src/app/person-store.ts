// Who uses these screens, so they show what that person's role does and hide the rest. Null on this
// PC's own Larder (desktop or `npm run web`), whose one user does everything. Hiding is for clarity
// only: the server checks every call itself (fronts/ipc/person-dispatch.ts).
import { create } from 'zustand';
import { mayCall } from '../../../shared/ipc/access';
import type { IpcChannel } from '../../../shared/ipc/channels';
import type { SessionView } from '../../../shared/model/people';

export const usePerson = create<{ person: SessionView | null }>(() => ({ person: null }));

const allowed = (person: SessionView | null, channel: IpcChannel) => person === null || mayCall(person.role, channel);

/** Whether the person may call `channel` now (outside React: a store's loader). */
export const can = (channel: IpcChannel): boolean => allowed(usePerson.getState().person, channel);

export function useCan(channel: IpcChannel): boolean {
  return allowed(
    usePerson((state) => state.person),
    channel,
  );
}

/** A list the person may not read is empty for them, not an error on their screen. */
export async function ifAllowed<T>(channel: IpcChannel, read: () => Promise<T[]>): Promise<T[]> {
  return can(channel) ? await read() : [];
}
