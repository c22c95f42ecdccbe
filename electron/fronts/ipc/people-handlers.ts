import { listActivity } from '../../core/people/activity';
import { listUsers } from '../../core/people/users';
import type { Engine } from '../../core/engine';
import type * as peopleContracts from '../../../shared/ipc/contracts/people';
import type { ChannelsOf, Handlers } from './handler-types';

export function createPeopleHandlers(engine: Engine): Pick<Handlers, ChannelsOf<typeof peopleContracts>> {
  return {
    'people:list': async () => await listUsers(engine.scope),
    'activity:list': async (input) => await listActivity(engine.scope, input),
  };
}
