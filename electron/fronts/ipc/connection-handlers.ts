import type { DemoAccount } from '../../demo/demo-account';
import type { Engine } from '../../core/engine';
import { configureLightspeed, viewConfiguration } from '../../core/sources/lightspeed/configure';
import type * as connectionContracts from '../../../shared/ipc/contracts/connection';
import type { ChannelsOf, Handlers } from './handler-types';

type ConnectionChannel = ChannelsOf<typeof connectionContracts>;

/** Connecting Lightspeed, as the screens reach it; every change is announced, so the banner and the tray follow. */
export function createConnectionHandlers(engine: Engine, demo: DemoAccount): Pick<Handlers, ConnectionChannel> {
  const { events, platform } = engine;
  const { connection } = engine.lightspeed;
  return {
    'connection:status': () => connection.view(),
    'connection:configuration': () => viewConfiguration(engine),
    'connection:configure': async (input) => {
      // Saving a real client's settings leaves the demo account; what was mapped and posted stays.
      if (demo.inUse) await demo.leave();
      const view = await configureLightspeed(engine, input);
      events.emit({ type: 'connection:changed' });
      return view;
    },
    'connection:start': async ({ reauthorize }) => {
      const started = await connection.start({ reauthorize });
      // The screen learns the outcome through the event; a failed sign-in shows as an unchanged status.
      void started.completion?.then(
        () => events.emit({ type: 'connection:changed' }),
        () => events.emit({ type: 'connection:changed' }),
      );
      // In the web host the screen already is the manager's browser: it opens the address in a new tab.
      const openedByApp = engine.runtime !== 'web';
      if (openedByApp) await platform.browser.open(started.authorizeUrl).catch(() => undefined);
      return { authorizeUrl: started.authorizeUrl, mode: started.mode, openedByApp };
    },
    'connection:paste': async ({ address }) => {
      const view = await connection.completeFromPastedAddress(address);
      events.emit({ type: 'connection:changed' });
      return view;
    },
    'connection:test': () => connection.test(),
    'connection:disconnect': async () => {
      const view = await connection.disconnect();
      events.emit({ type: 'connection:changed' });
      return view;
    },
  };
}
