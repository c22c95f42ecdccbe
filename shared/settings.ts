import { z } from 'zod';
import { TIME_OF_DAY } from './dates';
import { POSTGRES_ADDRESS } from './model/database';

export const lightspeedEnvironments = ['trial-v2', 'production-v2', 'trial-v1', 'production-v1', 'custom'] as const;
export type LightspeedEnvironment = (typeof lightspeedEnvironments)[number];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Tokens and client secrets travel to these addresses: https, or plain http to this computer only. */
export function isSecureEndpoint(address: string): boolean {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

const endpoint = z.string().url().refine(isSecureEndpoint, 'must start with https:// (plain http only to 127.0.0.1 or localhost)');

/** Where a custom Lightspeed environment lives. */
export const lightspeedEndpointsSchema = z.object({ authorizeUrl: endpoint, tokenUrl: endpoint, apiUrl: endpoint });

/** Small settings kept outside the database (electron-store in the app, a JSON file under Node). */
export const settingsSchema = z.object({
  /** When the nightly issue runs, on the office PC's clock (HH:MM); after most tills' start of day. */
  nightlyRunTime: z.string().regex(TIME_OF_DAY).default('06:00'),
  startAtLogin: z.boolean().default(false),
  closeToTray: z.boolean().default(true),
  /** Set once the "Larder keeps running in the tray" notice was shown. */
  trayNoticeShown: z.boolean().default(false),
  windowBounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable().default(null),
  /** Linux only: accept Electron's "basic_text" secret storage, which is obfuscation, not encryption. */
  allowWeakSecretStorage: z.boolean().default(false),
  lightspeedEnvironment: z.enum(lightspeedEnvironments).default('trial-v2'),
  /** Only for the "custom" environment. */
  lightspeedCustomEndpoints: lightspeedEndpointsSchema.nullable().default(null),
  lightspeedClientId: z.string().default(''),
  /** The redirect URI registered with Lightspeed; null means the loopback listener's own. */
  lightspeedRedirectUri: z.string().url().nullable().default(null),
  /** A fixed loopback port, for clients registered with one; null picks a free port each time. */
  lightspeedLoopbackPort: z.number().int().min(1024).max(65535).nullable().default(null),
  /** The reasons waste is recorded with: a short list the manager edits (Inventory → Waste and moves). */
  wasteReasons: z.array(z.string().trim().min(1).max(40)).min(1).max(20).default(['spoiled', 'dropped', 'overproduced', 'staff meal', 'other']),
  /** "Refunds put stock back": a refund outside a reopened bill restocks what it refunds (off: the dish was made). */
  refundsRestock: z.boolean().default(false),
  /** "Voids that are waste": a line voided for one of these reasons (Lightspeed's voidReason) posts its quantity as WASTE. */
  voidsThatAreWaste: z.array(z.string().trim().min(1).max(40)).max(20).default(['Broken', 'Cooking', 'Taste', 'Unhappy Client']),
  /** A receipt whose unit cost is more than this % above the ingredient's weighted average before it raises a notice on Home. */
  priceRiseThreshold: z.number().min(0).max(1000).default(10),
  /**
   * What 1 unit of a location's sales currency is in the company's currency (stock is valued in it), by
   * currency code, e.g. {"USD": "0.92"}: food cost % compares sales and costs only in one currency.
   */
  exchangeRates: z.record(z.string().regex(/^[A-Z]{3}$/), z.string().regex(/^\d{1,9}(\.\d{1,9})?$/).refine((rate) => Number(rate) > 0, 'must be above 0')).default({}),
  /** Where backups are written; null: the Backups folder inside the data folder. A synced or network folder keeps them off this PC. */
  backupFolder: z.string().min(1).nullable().default(null),
  /** How many generations of each kind of automatic backup are kept. */
  backupKeep: z
    .object({
      daily: z.number().int().min(1).max(90).default(7),
      weekly: z.number().int().min(0).max(52).default(4),
      monthly: z.number().int().min(0).max(120).default(12),
      beforeChange: z.number().int().min(1).max(50).default(5),
    })
    .default({ daily: 7, weekly: 4, monthly: 12, beforeChange: 5 }),
  /**
   * A group's PostgreSQL server chosen in Settings (LARDER_DATABASE_URL wins over it): its address
   * without the password, and the password sealed by this PC's secret store (base64), never in the clear.
   */
  databaseServer: z
    .object({ address: z.string().regex(POSTGRES_ADDRESS), sealedPassword: z.object({ backend: z.string().min(1), sealed: z.string().min(1) }).nullable() })
    .nullable()
    .default(null),
  /**
   * When SQLite's quick check last passed on this data folder's database (an ISO instant):
   * a start within a day of it skips the check unless the run before did not end cleanly.
   */
  databaseCheckedAt: z.string().datetime().nullable().default(null),
  /** On a Larder server: a session nobody used for this many minutes ends (signed out on a shared tablet). */
  sessionIdleMinutes: z.number().int().min(5).max(7 * 24 * 60).default(8 * 60),
  /** This PC's Larder is a window on a Larder server at this address (https, or http to this PC); null: it keeps its own data. */
  serverAddress: z.string().url().refine(isSecureEndpoint, 'must start with https:// (plain http only to 127.0.0.1 or localhost)').nullable().default(null),
  /** Set while the demo account is in use: the port its fake K-Series listens on, kept across restarts. */
  demoAccount: z.object({ port: z.number().int().min(1).max(65535), sidesPort: z.number().int().min(1).max(65535).optional() }).nullable().default(null),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
