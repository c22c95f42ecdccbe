// A Larder server's door for one signed-in person (issue 32): a contract their role does not reach is
// refused with `forbidden` before its input is read or its handler runs, whatever the screens showed;
// the answer names the role, never what the contract would have done or returned.
import { mayCall } from '../../../shared/ipc/access';
import { ipcChannels, type IpcChannel } from '../../../shared/ipc/channels';
import type { Role } from '../../../shared/model/people';
import type { Dispatch } from './dispatch';

const known = new Set<string>(ipcChannels);

export function dispatchFor(person: { role: Role }, dispatch: Dispatch): Dispatch {
  return async (channel, input) => {
    if (known.has(channel) && !mayCall(person.role, channel as IpcChannel)) {
      return { ok: false, error: { code: 'forbidden', message: `This is not part of what a ${person.role} does in Larder. Ask the group’s owner if you need it.` } };
    }
    return await dispatch(channel, input);
  };
}
