import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, Notification, safeStorage, shell } from 'electron';
import Store from 'electron-store';
import { settingsSchema, type SettingKey, type Settings } from '../../shared/settings';
import { clockFromEnv } from '../core/platform/node-platform';
import { isSignInUrl } from './guards';
import type { Platform, SettingsStore } from '../core/platform/platform';
import { SafeStorageSecretBackend } from '../core/secrets/safe-storage-secret-backend';
import type { SecretBackend } from '../core/secrets/secret-backend';

class ElectronSettings implements SettingsStore {
  private readonly store = new Store<Settings>({ name: 'settings', defaults: settingsSchema.parse({}) });

  get<K extends SettingKey>(key: K): Settings[K] {
    return settingsSchema.shape[key].parse(this.store.get(key)) as Settings[K];
  }

  set<K extends SettingKey>(key: K, value: Settings[K]): void {
    this.store.set(key, settingsSchema.shape[key].parse(value));
  }
}

/** The Electron build of better-sqlite3 that `npm start` keeps beside the Node build (scripts/start-electron.mjs). */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

export function createElectronPlatform(): Platform {
  const settings = new ElectronSettings();
  let backend: SecretBackend | undefined;
  const nativeBinding = electronNativeBinding();
  return {
    dataFolder: process.env.LARDER_HOME ?? app.getPath('userData'),
    migrationsFolder: join(app.getAppPath(), 'electron', 'core', 'db', 'migrations'),
    ...(nativeBinding ? { nativeBinding } : {}),
    clock: clockFromEnv(),
    env: process.env,
    settings,
    secretBackend: () =>
      (backend ??= new SafeStorageSecretBackend(safeStorage, process.platform, () => settings.get('allowWeakSecretStorage'))),
    browser: {
      open: async (url) => {
        if (!isSignInUrl(url)) throw new Error(`Refusing to open ${url}`);
        await shell.openExternal(url);
      },
    },
    notifier: {
      notify: ({ title, body }) => {
        if (Notification.isSupported()) new Notification({ title, body }).show();
      },
    },
  };
}
