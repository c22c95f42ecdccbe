// A Larder server's doors over one engine: the people gate in front of the web host, each signed-in
// person's own door (role and scope checked, changes written with their name) behind it.
import { readFileSync } from 'node:fs';
import type { Engine } from '../../core/engine';
import { recordActivity } from '../../core/people/activity';
import { countStorageUnitOf, storageUnitNameOf } from '../../core/people/reach';
import type { SessionUser } from '../../core/people/sessions';
import { bugLogger, createDispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { dispatchFor } from '../ipc/person-dispatch';
import { peopleGate } from '../web-host/people-gate';
import { startWebHost, type WebHost } from '../web-host/web-host';
import type { ServerConfig } from './server-config';

export async function serveGroup(engine: Engine, config: ServerConfig, rendererFolder: string): Promise<WebHost> {
  const { scope } = engine;
  const dispatch = createDispatch(createHandlers(engine), bugLogger(engine));
  const now = () => engine.platform.clock.now();
  const door = (person: SessionUser) =>
    dispatchFor(person, dispatch, {
      storageUnitName: (id) => storageUnitNameOf(scope, id),
      countStorageUnit: (id) => countStorageUnitOf(scope, id),
      record: (channel, input) => recordActivity(scope, { userId: person.userId, userName: person.name, channel, input, at: now().toISOString() }),
    });
  return await startWebHost({
    gate: peopleGate({ scope, now, idleMinutes: () => engine.platform.settings.get('sessionIdleMinutes'), dispatchFor: door, behindProxy: config.behindProxy }),
    events: engine.events,
    rendererFolder,
    address: config.address,
    port: config.port,
    origins: config.origins,
    ...(config.tls ? { tls: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } } : {}),
  });
}
