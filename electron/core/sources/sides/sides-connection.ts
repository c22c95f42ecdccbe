// A company's Sides POS connection: the credentials checked before anything is saved, the password
// and the session token sealed in the vault (never in settings, never sent to the renderer), the
// stores synced as polled locations and the products as POS items of the Sides source, and the
// business days a transfer asks for. Everything Sides-specific on the wire is in sides-client.ts.
import { isSecureEndpoint } from '../../../../shared/settings';
import type { SidesView } from '../../../../shared/model/sides';
import type { CompanyScope } from '../../db/company';
import { MONEY_SCALE, parseDecimal, roundToScale, toScaled } from '../../decimal/decimal';
import { DomainError } from '../../domain-error';
import { listItems, savePolledItems } from '../../items/item-sync';
import { listLocations, savePolledLocations, type Location } from '../../locations/location-sync';
import type { PosItemView } from '../../../../shared/model/items';
import type { Clock } from '../../clock';
import type { SecretVault } from '../../secrets/secret-vault';
import { exchangeLimitsFrom } from '../pos-exchange';
import { findSalesSource, listSalesSources, saveSalesSource, type SalesSource } from '../sales-sources';
import type { FetchedDay } from '../../../../shared/model/sales-day';
import type { DayFetcher } from '../sales-day';
import { SidesClient, type SidesCredentials, type SidesSession } from './sides-client';

export const SIDES_SOURCE_NAME = 'Sides POS';
const PASSWORD = 'sides:password';
const SESSION = 'sides:session';

/** What the Sides source keeps in its settings: no secret. */
interface SidesSettings {
  apiUrl: string;
  username: string;
  lastCheckAt: string | null;
  storesSyncedAt: string | null;
  productsSyncedAt: string | null;
}

export class SidesConnection {
  readonly client: SidesClient;

  constructor(
    private readonly scope: CompanyScope,
    private readonly vault: SecretVault,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly clock: Clock,
  ) {
    this.client = new SidesClient(
      () => this.credentials(),
      {
        get: async () => {
          const sealed = await this.vault.find(SESSION);
          return sealed ? (JSON.parse(sealed) as SidesSession) : null;
        },
        set: (session) => this.vault.put(SESSION, JSON.stringify(session)),
      },
      () => this.clock.now().getTime(),
      () => exchangeLimitsFrom(env),
    );
  }

  private async source(): Promise<(SalesSource & { settings: SidesSettings }) | null> {
    const [source] = await listSalesSources(this.scope, 'sides');
    return (source as (SalesSource & { settings: SidesSettings }) | undefined) ?? null;
  }

  private async requireSource(): Promise<SalesSource & { settings: SidesSettings }> {
    const source = await this.source();
    if (!source) throw new DomainError('sides_not_connected', 'Larder is not connected to Sides POS.');
    return source;
  }

  /**
   * SIDES_API_URL (the origin, without /api/v1) overrides the saved address, as LIGHTSPEED_API_URL does;
   * checked at every use, like a typed address: the password travels to it, so https, or plain http to
   * this computer only.
   */
  private apiUrl(saved: string): string {
    return this.env.SIDES_API_URL ? normalizeOrigin(this.env.SIDES_API_URL) : saved;
  }

  private async credentials(): Promise<SidesCredentials> {
    const source = await this.requireSource();
    const password = await this.vault.find(PASSWORD);
    if (password === null) throw new DomainError('sides_not_connected', 'The Sides password is missing; enter the credentials again.');
    return { apiUrl: this.apiUrl(source.settings.apiUrl), username: source.settings.username, password };
  }

  /**
   * Checks the credentials by logging in, and only then saves them: wrong ones create nothing. A
   * second connection is sides_integration_exists unless `update`, which keeps stores, links,
   * mappings and history and replaces the credentials.
   */
  async connect(input: { apiUrl?: string | undefined; username: string; password: string }, options: { update: boolean }): Promise<SidesView> {
    const existing = await this.source();
    if (existing && !options.update) throw new DomainError('sides_integration_exists', 'Sides POS is connected already; use --update to change its user name or password.');
    const apiUrl = normalizeOrigin(input.apiUrl ?? this.env.SIDES_API_URL ?? existing?.settings.apiUrl ?? '');
    if (!input.username.trim() || !input.password) throw new DomainError('invalid_input', 'Give the Sides user name and password.');
    const session = await this.client.login({ apiUrl: this.apiUrl(apiUrl), username: input.username.trim(), password: input.password });
    const at = this.clock.now().toISOString();
    await this.scope.db.write(async () => {
      if (!existing && await findSalesSource(this.scope, SIDES_SOURCE_NAME)) {
        throw new DomainError('invalid_input', `"${SIDES_SOURCE_NAME}" already names another sales source.`);
      }
      const settings: SidesSettings = { ...(existing?.settings ?? { storesSyncedAt: null, productsSyncedAt: null }), apiUrl, username: input.username.trim(), lastCheckAt: at };
      await saveSalesSource(this.scope, { kind: 'sides', name: existing?.name ?? SIDES_SOURCE_NAME, settings }, at);
      await this.vault.put(PASSWORD, input.password);
      await this.vault.put(SESSION, JSON.stringify(session));
    });
    return await this.view();
  }

  /** A real call (the store list); the time of the last success is kept and shown. */
  async test(): Promise<{ ok: true; checkedAt: string }> {
    await this.client.stores();
    const checkedAt = this.clock.now().toISOString();
    await this.updateSettings({ lastCheckAt: checkedAt });
    return { ok: true, checkedAt };
  }

  async syncStores(): Promise<{ stores: number; added: number; notSeen: number }> {
    const source = await this.requireSource();
    const stores = await this.client.stores();
    const at = this.clock.now().toISOString();
    return await this.scope.db.write(async () => {
      const result = await savePolledLocations(
        this.scope,
        source.id,
        stores.map((store) => ({
          businessLocationId: store.id,
          name: store.name,
          country: '',
          timezone: store.timezone,
          currencyCode: store.currency ?? 'EUR',
          businessId: '',
          businessName: SIDES_SOURCE_NAME,
          lastSyncedAt: at,
          seenInLastSync: true,
        })),
        at,
      );
      await this.updateSettings({ storesSyncedAt: at, lastCheckAt: at });
      return { stores: result.locations, added: result.added, notSeen: result.notSeen };
    });
  }

  /** Every seen store's products; the same product id in two stores is one product. */
  async syncProducts(): Promise<{ products: number; stores: number }> {
    const source = await this.requireSource();
    const stores = await this.scope.db
      .statement('SELECT id, business_location_id AS storeId FROM locations WHERE source_id = ? AND seen_in_last_sync = TRUE ORDER BY id')
      .all(source.id) as { id: number; storeId: string }[];
    if (stores.length === 0) throw new DomainError('no_locations', 'No Sides stores are synced yet; sync the stores first.');
    const byId = new Map<string, { itemId: string; name: string; sku: string | null; active: boolean; price: number | null; locationIds: number[] }>();
    for (const store of stores) {
      for (const product of await this.client.products(store.storeId)) {
        const seen = byId.get(product.id) ?? {
          itemId: product.id,
          name: product.name,
          sku: product.number,
          active: product.active,
          price: product.price === null ? null : toScaled(roundToScale(parseDecimal(product.price, 'sides_api_error', 'Price'), MONEY_SCALE), MONEY_SCALE, 'sides_api_error', 'Price'),
          locationIds: [],
        };
        seen.locationIds.push(store.id);
        byId.set(product.id, seen);
      }
    }
    const at = this.clock.now().toISOString();
    await this.scope.db.write(async () => {
      await savePolledItems(this.scope, source.id, [...byId.values()], stores.map((store) => store.id), at, true);
      await this.updateSettings({ productsSyncedAt: at, lastCheckAt: at });
    });
    return { products: byId.size, stores: stores.length };
  }

  /** The stores, as locations (none before the first connection). */
  async stores(): Promise<Location[]> {
    const source = await this.source();
    return source ? (await listLocations(this.scope)).filter((location) => location.sourceId === source.id) : [];
  }

  /** The products, from the local cache (Sync products refreshes it). */
  async products(): Promise<PosItemView[]> {
    const source = await this.source();
    return source ? await listItems(this.scope, { source: source.name }) : [];
  }

  /** A store's business day, for the transfer (no read-ahead bytes to hold: the pages are read as they come). */
  days(): DayFetcher<FetchedDay> {
    return { request: (day) => this.client.day(day.businessLocationId, day.date), read: (answer) => answer };
  }

  async view(): Promise<SidesView> {
    const source = await this.source();
    if (!source) return { connected: false, name: SIDES_SOURCE_NAME, apiUrl: this.env.SIDES_API_URL ?? null, username: null, lastCheckAt: null, storesSyncedAt: null, productsSyncedAt: null };
    const { apiUrl, username, lastCheckAt, storesSyncedAt, productsSyncedAt } = source.settings;
    return { connected: true, name: source.name, apiUrl: this.env.SIDES_API_URL || apiUrl, username, lastCheckAt, storesSyncedAt, productsSyncedAt };
  }

  private async updateSettings(changes: Partial<SidesSettings>): Promise<void> {
    const source = await this.requireSource();
    await saveSalesSource(this.scope, { kind: 'sides', name: source.name, settings: { ...source.settings, ...changes } }, this.clock.now().toISOString());
  }
}

/** An origin as the user types it ("https://pos.example.com/"), checked: https, or plain http to this computer only. */
function normalizeOrigin(address: string): string {
  const text = address.trim().replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  if (!text) throw new DomainError('invalid_input', 'Give the Sides address (such as https://pos.example.com), or set SIDES_API_URL.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DomainError('invalid_input', `"${address}" is not an address such as https://pos.example.com.`);
  }
  if (!isSecureEndpoint(url.origin)) throw new DomainError('invalid_input', `${url.origin} must use https:// (plain http is allowed only to this computer).`);
  return url.origin;
}
