// The composition root of the engine: one per process (the Electron app, the web host, the CLI).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDefaultCompany, type CompanyScope } from './db/company';
import { ConnectionService } from './sources/lightspeed/connection-service';
import { TokenManager } from './sources/lightspeed/token-manager';
import { openDatabase, sqliteOf, type LarderDb } from './db/open-database';
import { openPostgres } from './db/postgres/open-postgres';
import { databaseUrlOf, passwordIn, pgMigrationsFolderOf } from './backup/database-server';
import { ActivityLog } from './platform/activity-log';
import { EventBus } from './event-bus';
import { LightspeedApi } from './sources/lightspeed/api-client';
import { CLIENT_SECRET_NAME, resolveLightspeedConfig, type LightspeedConfig } from './sources/lightspeed/environments';
import type { Platform } from './platform/platform';
import { SecretVault } from './secrets/secret-vault';
import { realSleep, retryDelaysFrom } from './transfer/retry';
import type { TransferContext } from './transfer/transfer-day';
import { exchangeLimitsFrom } from './sources/pos-exchange';
import { SidesConnection } from './sources/sides/sides-connection';
import { daySources } from './transfer/day-sources';
import { lightspeedDays } from './sources/lightspeed/lightspeed-days';
import { backupIfDue, backupStatus, dueKind, listBackups, takeBackup, type BackupKind, type BackupPlace, type BackupRecord, type BackupStatus } from './backup/backups';
import { backupPlaceOf, DATABASE_FILE, LOG_FILE } from './backup/data-folder';

/** `server`: `npm run server`, a group's Larder that, like the desktop app, posts each night by itself. */
export type Runtime = 'electron' | 'web' | 'server' | 'cli';

export interface Engine {
  readonly runtime: Runtime;
  readonly platform: Platform;
  readonly db: LarderDb;
  readonly scope: CompanyScope;
  readonly vault: SecretVault;
  readonly events: EventBus;
  /** larder.log in the data folder: transfer attempts, weak-storage changes, internal errors (redacted). */
  readonly log: ActivityLog;
  readonly lightspeed: {
    config(): Promise<LightspeedConfig>;
    readonly tokens: TokenManager;
    readonly api: LightspeedApi;
    readonly connection: ConnectionService;
  };
  readonly sides: SidesConnection;
  readonly backups: EngineBackups;
  /** What every transfer, migration and run-due in this process works with. */
  readonly transfers: TransferContext;
  close(): void;
}

export { DATABASE_FILE, LOG_FILE };

/** The database's backups, as this process takes them (see backup/backups.ts). */
export interface EngineBackups {
  place(): BackupPlace;
  take(kind: BackupKind): Promise<BackupRecord>;
  /** A backup asked for by a person: today's automatic one if it is still due, else a before-change one. */
  now(): Promise<BackupRecord>;
  /** The day's automatic backup when none was taken today (announced with `backups:changed`). */
  ifDue(): Promise<BackupRecord | null>;
  status(): BackupStatus;
}

/** The store the engine writes through: a PostgreSQL server when `url` names one, else SQLite in the data folder. */
async function openStore(platform: Platform, url: string | null): Promise<LarderDb> {
  if (url) {
    return openPostgres({ url, migrationsFolder: pgMigrationsFolderOf(platform), ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}) });
  }
  return openDatabase({
    file: join(platform.dataFolder, DATABASE_FILE),
    migrationsFolder: platform.migrationsFolder,
    ...(platform.nativeBinding ? { nativeBinding: platform.nativeBinding } : {}),
  });
}

export async function createEngine(platform: Platform, runtime: Runtime): Promise<Engine> {
  const fileBefore = existsSync(join(platform.dataFolder, DATABASE_FILE));
  const url = databaseUrlOf(platform);
  const db = await openStore(platform, url);
  const created = db.kind === 'sqlite' && !fileBefore;
  const scope = { db, companyId: await ensureDefaultCompany(db) };
  const vault = new SecretVault(db, () => platform.secretBackend(), platform.clock);
  const config = () => resolveLightspeedConfig(platform.settings, platform.env, () => vault.find(CLIENT_SECRET_NAME));
  const events = new EventBus();
  // The log redacts the secrets stored when it opened, and every one this process meets after.
  await vault.values().catch(() => []);
  const serverPassword = url ? passwordIn(url) : '';
  const log = new ActivityLog(join(platform.dataFolder, LOG_FILE), platform.clock, () => (serverPassword ? [...vault.seen(), serverPassword] : vault.seen()));
  // The log then shows Larder kept data here: a database missing later is missing, not a first start.
  if (created) log.info(`Created a new database at ${join(platform.dataFolder, DATABASE_FILE)}.`);
  // One token manager per process: its single-flight refresh is shared by every caller in it.
  const tokens = new TokenManager(scope, vault, config, platform.clock, () => events.emit({ type: 'connection:changed' }));
  const api = new LightspeedApi(tokens, async () => (await config()).endpoints.apiUrl, Date.now, () => exchangeLimitsFrom(platform.env));
  const sides = new SidesConnection(scope, vault, platform.env, platform.clock);
  const backupPlace = () => backupPlaceOf(platform);
  const days = daySources(scope, { lightspeed: lightspeedDays(api), sides: sides.days() });
  return {
    runtime,
    platform,
    db,
    scope,
    vault,
    events,
    log,
    lightspeed: { config, tokens, api, connection: new ConnectionService(scope, vault, config, api, platform.clock) },
    sides,
    backups: {
      place: backupPlace,
      take: (kind) => takeBackup(sqliteOf(db, 'A backup'), backupPlace(), kind),
      now: () => takeBackup(sqliteOf(db, 'A backup'), backupPlace(), dueKind(listBackups(backupPlace()), platform.clock.now()) ?? 'before-change'),
      // The server's own backups (pg_dump, the host's) cover a PostgreSQL database: nothing is due here.
      ifDue: async () => {
        const taken = db.sqlite ? await backupIfDue(db.sqlite, backupPlace()) : null;
        if (taken) events.emit({ type: 'backups:changed' });
        return taken;
      },
      status: () => backupStatus(backupPlace()),
    },
    transfers: {
      scope,
      days,
      clock: platform.clock,
      sleep: realSleep,
      retryDelaysMs: retryDelaysFrom(platform.env),
      lockWaitMs: 60_000,
      log,
      events,
      beforeLargeChange: async (what) => {
        if (!db.sqlite) return;
        const backup = await takeBackup(db.sqlite, backupPlace(), 'before-change');
        log.info(`Backed up to ${backup.file} before ${what}.`);
      },
      salesRules: () => ({ refundsRestock: platform.settings.get('refundsRestock'), wasteVoidReasons: platform.settings.get('voidsThatAreWaste') }),
    },
    close: () => db.close(),
  };
}
