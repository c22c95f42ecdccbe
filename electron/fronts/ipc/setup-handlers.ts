import type { Settings } from '../../../shared/settings';
import type { DemoAccount } from '../../demo/demo-account';
import type { Engine } from '../../core/engine';
import { saveDiagnostics } from '../../core/diagnostics/diagnostics';
import { setupChecklist } from '../../core/setup/checklist';
import type * as setupContracts from '../../../shared/ipc/contracts/setup';
import type { ChannelsOf, Handlers } from './handler-types';

type SetupChannel = ChannelsOf<typeof setupContracts>;

const editable = ['nightlyRunTime', 'startAtLogin', 'closeToTray', 'allowWeakSecretStorage', 'exchangeRates', 'refundsRestock', 'voidsThatAreWaste', 'sessionIdleMinutes', 'serverAddress'] as const;

/** The home checklist, the editable settings and the demo account. */
export function createSetupHandlers(engine: Engine, demo: DemoAccount): Pick<Handlers, SetupChannel> {
  const { settings } = engine.platform;
  const view = () => ({
    nightlyRunTime: settings.get('nightlyRunTime'),
    startAtLogin: settings.get('startAtLogin'),
    closeToTray: settings.get('closeToTray'),
    allowWeakSecretStorage: settings.get('allowWeakSecretStorage'),
    exchangeRates: settings.get('exchangeRates'),
    refundsRestock: settings.get('refundsRestock'),
    voidsThatAreWaste: settings.get('voidsThatAreWaste'),
    sessionIdleMinutes: settings.get('sessionIdleMinutes'),
    serverAddress: settings.get('serverAddress'),
    demoAccount: demo.inUse,
  });
  return {
    'setup:checklist': () => setupChecklist(engine.scope, engine.platform.clock),
    'settings:get': view,
    'settings:save': (input) => {
      const set = <K extends (typeof editable)[number]>(key: K) => input[key] !== undefined && settings.set(key, input[key] as Settings[K]);
      editable.forEach(set);
      // The desktop shell applies start-at-login; the scheduler reads the nightly time on every tick.
      if (input.allowWeakSecretStorage !== undefined) engine.log.info(`weak secret storage ${input.allowWeakSecretStorage ? 'accepted' : 'refused'} in Settings`);
      engine.events.emit({ type: 'settings:changed' });
      return view();
    },
    'diagnostics:save': () => saveDiagnostics(engine),
    'demo:start': async () => {
      const started = await demo.start();
      engine.events.emit({ type: 'connection:changed' });
      engine.events.emit({ type: 'lightspeed:changed', what: 'items' });
      if (started.importedSetup) engine.events.emit({ type: 'inventory:changed', what: 'setup' });
      return started;
    },
  };
}
