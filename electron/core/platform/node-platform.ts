import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { settingsSchema, type Settings, type SettingKey } from '../../../shared/settings';
import { defaultMigrationsFolder } from '../db/open-database';
import { DomainError } from '../domain-error';
import { AesGcmSecretBackend } from '../secrets/aes-gcm-secret-backend';
import type { SecretBackend } from '../secrets/secret-backend';
import type { Clock } from '../clock';
import type { BrowserOpener, Notifier, Platform, SettingsStore } from './platform';

/** Where the desktop app keeps its data on each OS, so the CLI and the app share one folder. */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LARDER_HOME) return env.LARDER_HOME;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Larder');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Larder');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Larder');
}

/** The real clock, or the fixed instant of LARDER_NOW, which tests and demos use to stand on a given day. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env.LARDER_NOW;
  if (!fixed) return { now: () => new Date() };
  const instant = new Date(fixed);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(fixed) || Number.isNaN(instant.getTime())) {
    throw new DomainError('invalid_larder_now', `LARDER_NOW=${fixed} is not an ISO-8601 instant such as 2026-05-08T10:00:00Z.`);
  }
  return { now: () => new Date(instant.getTime()) };
}

/** settings.json in the data folder, written whole to a temporary file and renamed, so a crash never leaves half a file. */
export class JsonFileSettings implements SettingsStore {
  private values: Settings;

  constructor(private readonly file: string) {
    this.values = settingsSchema.parse(this.readFile());
  }

  get<K extends SettingKey>(key: K): Settings[K] {
    return this.values[key];
  }

  set<K extends SettingKey>(key: K, value: Settings[K]): void {
    this.values = settingsSchema.parse({ ...this.values, [key]: value });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.values, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }

  private readFile(): unknown {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      // A damaged settings file falls back to defaults rather than stopping the app; keep it for inspection.
      renameSync(this.file, `${this.file}.damaged`);
      return {};
    }
  }
}

/**
 * How each OS opens an address in the default browser, as a program and its arguments for spawn()
 * without a shell. Windows gets rundll32's URL handler, not `cmd /c start`: cmd reads `&` in an
 * authorize URL as "run the next command" and `^` as an escape, so part of the URL would run.
 */
export function browserCommand(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  if (platform === 'darwin') return ['open', [url]];
  return ['xdg-open', [url]];
}

export function createSystemBrowser(platform: NodeJS.Platform = process.platform, run: typeof spawn = spawn): BrowserOpener {
  return {
    open(url) {
      const [command, args] = browserCommand(platform, url);
      return new Promise((resolve, reject) => {
        const child = run(command, args, { stdio: 'ignore', detached: true, shell: false, windowsHide: true });
        child.once('error', reject);
        child.once('spawn', () => {
          child.unref();
          resolve();
        });
      });
    },
  };
}

export const stderrNotifier: Notifier = {
  notify: ({ title, body }) => process.stderr.write(`[larder] ${title}: ${body}\n`),
};

export interface NodePlatformOptions {
  env?: NodeJS.ProcessEnv;
  dataFolder?: string;
  clock?: Clock;
  browser?: BrowserOpener;
  notifier?: Notifier;
  secretBackend?: () => SecretBackend;
}

export function createNodePlatform(options: NodePlatformOptions = {}): Platform {
  const env = options.env ?? process.env;
  const dataFolder = options.dataFolder ?? defaultDataFolder(env);
  mkdirSync(dataFolder, { recursive: true, mode: 0o700 });
  let backend: SecretBackend | undefined;
  return {
    dataFolder,
    migrationsFolder: defaultMigrationsFolder,
    clock: options.clock ?? clockFromEnv(env),
    env,
    settings: new JsonFileSettings(join(dataFolder, 'settings.json')),
    secretBackend: options.secretBackend ?? (() => (backend ??= new AesGcmSecretBackend(join(dataFolder, 'secret.key')))),
    browser: options.browser ?? createSystemBrowser(),
    notifier: options.notifier ?? stderrNotifier,
  };
}
