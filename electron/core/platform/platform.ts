// What the engine needs from the machine it runs on. Electron implements these in electron/main/;
// plain Node implements them (node-platform.ts) for the CLI, the web host and the tests.
import type { Settings, SettingKey } from '../../../shared/settings';
import type { Clock } from '../clock';
import type { SecretBackend } from '../secrets/secret-backend';

export interface SettingsStore {
  get<K extends SettingKey>(key: K): Settings[K];
  set<K extends SettingKey>(key: K, value: Settings[K]): void;
}

export interface BrowserOpener {
  open(url: string): Promise<void>;
}

export interface Notification {
  title: string;
  body: string;
}

export interface Notifier {
  notify(notification: Notification): void;
}

export interface Platform {
  /** Database, settings and sealed secrets live here. */
  readonly dataFolder: string;
  readonly migrationsFolder: string;
  /** Set in the Electron app, where better-sqlite3 is built for Electron's ABI beside the Node build. */
  readonly nativeBinding?: string;
  readonly clock: Clock;
  /** Environment variables that override settings (LIGHTSPEED_*), for the CLI, tests and demos. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly settings: SettingsStore;
  /** Created lazily: some backends read settings, and a missing keyring must not stop the app. */
  secretBackend(): SecretBackend;
  readonly browser: BrowserOpener;
  readonly notifier: Notifier;
}
