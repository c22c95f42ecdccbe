// "Use demo account": the same fake K-Series the tests use, started inside this process with generated
// sales (three time zones, about 150 items, 120 days), so a newcomer can try every screen without a
// Lightspeed account. Sign-in runs the real OAuth flow; the fake approves it by itself.
import { DEMO_CLIENT, startFakeLightspeed, type FakeLightspeed } from './fake-lightspeed/fake-lightspeed';
import { startFakeSides, type FakeSides } from './fake-sides/fake-sides';
import type { Engine } from '../core/engine';
import { listIngredients } from '../core/inventory/ingredients';
import { importSetupFile } from '../core/setup/setup-import';
import { listStorageUnits } from '../core/inventory/storage-units';
import { configureLightspeed } from '../core/sources/lightspeed/configure';
import { listLocations } from '../core/locations/location-sync';
import { DomainError } from '../core/domain-error';
import { DEMO_SETUP } from './demo-setup';
import { tellDemoStory } from './demo-story';
import { syncItems, syncLocations } from '../core/sources/lightspeed/lightspeed-sync';

const ITEMS_PER_BUSINESS = 50;

/** Plays the manager's click on Authorize. Once more on a dropped socket: after a restart on the same
 * port, fetch may first reuse a kept-alive connection to the fake that was closed. */
async function approve(authorizeUrl: string): Promise<void> {
  try {
    await fetch(authorizeUrl, { redirect: 'follow' });
  } catch {
    await fetch(authorizeUrl, { redirect: 'follow' });
  }
}

/** The demo Sides account's sign-in (the fake accepts only this). */
const DEMO_SIDES = { username: 'demo@larder.test', password: 'demo-password' };

export class DemoAccount {
  private fake: FakeLightspeed | null = null;
  private sidesFake: FakeSides | null = null;

  constructor(private readonly engine: Engine) {}

  get inUse(): boolean {
    return this.engine.platform.settings.get('demoAccount') !== null;
  }

  /** Starts the demo: the fake, the client configuration, the sign-in, a first sync and (into an empty inventory) a demo setup. */
  async start(): Promise<{ locations: number; items: number; importedSetup: boolean }> {
    const { scope, lightspeed, platform } = this.engine;
    if (!this.inUse && (await lightspeed.connection.view()).status !== 'not_connected') {
      throw new DomainError('lightspeed_integration_exists', 'Larder is connected to a Lightspeed account; disconnect it before using the demo account.');
    }
    await this.serve();
    const importedSetup = await this.inventoryIsEmpty();
    if (importedSetup) await importSetupFile(scope, JSON.stringify(DEMO_SETUP));
    const at = platform.clock.now().toISOString();
    await syncLocations(scope, lightspeed.api, at);
    const items = await syncItems(scope, lightspeed.api, at);
    // A fresh demo opens on its story (mapped, migrated, a paused location, a failed day, deliveries,
    // counts); a demo started again over the manager's own work leaves it as it is.
    if (importedSetup && this.fake) await tellDemoStory(this.engine, this.fake);
    // The Sides stores come with the demo; its products wait for the manager's "Sync products", so the
    // catalog the demo opens with is the K-Series one.
    if (this.sidesFake) await this.engine.sides.syncStores();
    // Every location the Locations screen then lists (the Sides stores too), so the two never disagree.
    return { locations: (await listLocations(scope)).length, items: items.items, importedSetup };
  }

  /** At launch: the fake lived in the last process, so it starts again and the app signs in to it again. */
  async resume(): Promise<void> {
    if (this.inUse) await this.serve();
  }

  /** Leaving the demo for a real account: the fake stops; local data (mappings, logs, ledger) stays. */
  async leave(): Promise<void> {
    this.engine.platform.settings.set('demoAccount', null);
    await this.close();
  }

  async close(): Promise<void> {
    await this.fake?.close();
    await this.sidesFake?.close();
    this.fake = null;
    this.sidesFake = null;
  }

  private async serve(): Promise<void> {
    const { platform, lightspeed } = this.engine;
    if (!this.fake) {
      const previousPort = platform.settings.get('demoAccount')?.port ?? 0;
      const options = { autoApprove: true, itemsPerBusiness: ITEMS_PER_BUSINESS, historyDays: 120, ...(platform.env.LARDER_NOW ? { now: platform.env.LARDER_NOW } : {}) };
      // The same port as last time keeps the stored endpoints valid; if it is taken, any free one does.
      this.fake = await startFakeLightspeed({ ...options, port: previousPort }).catch(() => startFakeLightspeed({ ...options, port: 0 }));
    }
    const fake = this.fake;
    await configureLightspeed(this.engine, {
      environment: 'custom',
      customEndpoints: { authorizeUrl: fake.authorizeUrl, tokenUrl: fake.tokenUrl, apiUrl: fake.apiUrl },
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      redirectUri: null,
      loopbackPort: null,
    });
    const sidesFake = await this.serveSides();
    platform.settings.set('demoAccount', { port: Number(new URL(fake.url).port), ...(sidesFake ? { sidesPort: Number(new URL(sidesFake.url).port) } : {}) });
    // A fresh fake knows none of the tokens stored last time, so the app always signs in again.
    const started = await lightspeed.connection.start({ reauthorize: true });
    await approve(started.authorizeUrl);
    await started.completion;
  }

  /**
   * The demo's Sides POS (two stores, 120 days of orders) beside the K-Series, unless a real Sides
   * account is connected. A fresh fake listens where it can, so the connection is saved again.
   */
  private async serveSides(): Promise<FakeSides | null> {
    const { platform, sides } = this.engine;
    const demo = platform.settings.get('demoAccount');
    if ((await sides.view()).connected && !demo?.sidesPort) return null;
    if (!this.sidesFake) {
      const options = { demoDays: 120, today: (platform.env.LARDER_NOW ?? platform.clock.now().toISOString()).slice(0, 10) };
      this.sidesFake = await startFakeSides({ ...options, port: demo?.sidesPort ?? 0 }).catch(() => startFakeSides({ ...options, port: 0 }));
    }
    await sides.connect({ apiUrl: this.sidesFake.url, ...DEMO_SIDES }, { update: (await sides.view()).connected });
    return this.sidesFake;
  }

  private async inventoryIsEmpty(): Promise<boolean> {
    const { scope } = this.engine;
    return (await listStorageUnits(scope)).length === 0 && (await listIngredients(scope)).length === 0;
  }
}
