// Connecting a company to Lightspeed: OAuth with PKCE and `state` through the system browser, back
// through a loopback listener or a pasted address; reauthorize, disconnect, status and a test call.
import { z } from 'zod';
import type { ConnectionView } from '../../../../shared/model/connection';
import type { CompanyScope } from '../../db/company';
import { DomainError } from '../../domain-error';
import type { LightspeedApi } from './api-client';
import { issuerOf, LIGHTSPEED_SCOPES, type LightspeedConfig } from './environments';
import { codeFromCallback, listenForCallback, paramsFromPastedAddress } from './oauth-callback';
import { createPkce, createState } from './pkce';
import { exchangeCode, TokenEndpointError } from './token-client';
import type { Clock } from '../../clock';
import type { SecretVault } from '../../secrets/secret-vault';
import { listOpenAlerts, resolveOpenAlerts } from '../../alerts/alerts';
import { eraseTokens, findConnection, storeTokens } from './connection-store';

/** A sign-in started but not finished; sealed, so a pasted address can finish it from another process. */
const PENDING_FLOW = 'lightspeed:pending-flow';
const PENDING_FLOW_TTL_MS = 10 * 60_000;

const pendingFlow = z.object({ state: z.string(), verifier: z.string(), redirectUri: z.string(), startedAt: z.string(), reauthorize: z.boolean() });
type PendingFlow = z.infer<typeof pendingFlow>;

/** A damaged blob reads as no flow at all. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface StartedConnect {
  authorizeUrl: string;
  /** 'loopback': `completion` settles when the browser comes back; 'paste': finish with the pasted address. */
  mode: 'loopback' | 'paste';
  completion: Promise<ConnectionView> | null;
  /** Stops waiting for the browser (the loopback listener closes). */
  cancel(): void;
}

export class ConnectionService {
  constructor(
    private readonly scope: CompanyScope,
    private readonly vault: SecretVault,
    private readonly config: () => Promise<LightspeedConfig>,
    private readonly api: LightspeedApi,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts a sign-in. Checks come first, so nothing is opened in vain: the client is configured, no
   * connection exists (unless reauthorizing), and secrets can be sealed here — otherwise a one-time
   * code would be spent with nowhere to keep the tokens.
   */
  async start(options: { reauthorize?: boolean } = {}): Promise<StartedConnect> {
    const config = await this.config();
    const existing = await findConnection(this.scope);
    const reauthorize = options.reauthorize ?? false;
    if (existing && existing.status !== 'disconnected' && !reauthorize) {
      throw new DomainError('lightspeed_integration_exists', 'This company is already connected to Lightspeed; use Reauthorize to renew the connection.');
    }
    this.vault.assertUsable();
    const { verifier, challenge } = createPkce();
    const state = createState();
    const startedAt = this.clock.now().toISOString();
    // The flow is sealed before the browser can come back; the listener finishes it with its code.
    let flow: PendingFlow | null = null;
    const listener = config.redirectUri
      ? null
      : await listenForCallback({
          state,
          issuer: issuerOf(config.endpoints.authorizeUrl),
          port: config.loopbackPort,
          complete: (code) => this.finish(flow as PendingFlow, code),
        });
    const redirectUri = config.redirectUri ?? (listener?.redirectUri as string);
    flow = { state, verifier, redirectUri, startedAt, reauthorize };
    await this.vault.put(PENDING_FLOW, JSON.stringify(flow));

    const authorizeUrl = new URL(config.endpoints.authorizeUrl);
    authorizeUrl.search = new URLSearchParams({
      response_type: 'code',
      client_id: config.clientId,
      scope: LIGHTSPEED_SCOPES,
      redirect_uri: redirectUri,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    const completion = listener ? listener.result : null;
    return { authorizeUrl: authorizeUrl.toString(), mode: listener ? 'loopback' : 'paste', completion, cancel: () => listener?.close() };
  }

  /** Finishes a sign-in from the address the browser landed on (clients registered with https://localhost/). */
  async completeFromPastedAddress(address: string): Promise<ConnectionView> {
    const flow = await this.pendingFlow();
    return await this.finish(flow, codeFromCallback(paramsFromPastedAddress(address), flow.state, issuerOf((await this.config()).endpoints.authorizeUrl)));
  }

  private async pendingFlow(): Promise<PendingFlow> {
    const stored = await this.vault.find(PENDING_FLOW);
    const parsed = stored === null ? null : pendingFlow.safeParse(parseJson(stored));
    if (!parsed?.success) throw new DomainError('oauth_flow_not_found', 'No Lightspeed sign-in is waiting; start Connect first.');
    const flow = parsed.data;
    if (Date.parse(flow.startedAt) + PENDING_FLOW_TTL_MS < this.clock.now().getTime()) {
      await this.vault.delete(PENDING_FLOW);
      throw new DomainError('oauth_flow_not_found', 'The Lightspeed sign-in expired after 10 minutes; start Connect again.');
    }
    return flow;
  }

  private async finish(flow: PendingFlow, code: string): Promise<ConnectionView> {
    const config = await this.config();
    // Used once: a second callback or paste for the same sign-in finds nothing to finish.
    await this.vault.delete(PENDING_FLOW);
    let tokens;
    try {
      tokens = await exchangeCode(config, { code, verifier: flow.verifier, redirectUri: flow.redirectUri }, this.clock.now());
    } catch (error) {
      if (error instanceof TokenEndpointError && error.failure === 'client') throw error;
      throw new DomainError('lightspeed_oauth_exchange_failed', `The authorization code could not be exchanged: ${(error as Error).message}`);
    }
    const refreshToken = tokens.refreshToken;
    if (refreshToken === null) {
      // Without a refresh token the connection would end with the access token, in minutes.
      throw new DomainError(
        'lightspeed_no_offline_access',
        `Lightspeed signed Larder in but granted no offline access (no refresh token). Scopes granted: ${tokens.scope || '(none stated)'}; asked for: ${LIGHTSPEED_SCOPES}.`,
      );
    }
    const at = this.clock.now().toISOString();
    await this.scope.db.write(async () => {
      await storeTokens(this.scope, this.vault, { ...tokens, refreshToken }, at, config.environment);
      await resolveOpenAlerts(this.scope, at);
    });
    return await this.view();
  }

  async disconnect(): Promise<ConnectionView> {
    if (!await findConnection(this.scope)) throw new DomainError('lightspeed_not_connected', 'Lightspeed is not connected.');
    await eraseTokens(this.scope, this.vault, this.clock.now().toISOString());
    await this.vault.delete(PENDING_FLOW);
    return await this.view();
  }

  async view(): Promise<ConnectionView> {
    const connection = await findConnection(this.scope);
    const businesses = await this.scope.db.statement(`SELECT DISTINCT l.business_name AS name FROM locations l JOIN sales_sources s ON s.id = l.source_id
         WHERE l.company_id = ? AND s.kind = 'lightspeed' ORDER BY l.business_name`)
      .all(this.scope.companyId) as { name: string }[];
    return {
      status: connection?.status ?? 'not_connected',
      environment: connection?.environment ?? null,
      connectedAt: connection?.connectedAt ?? null,
      accessExpiresAt: connection?.accessExpiresAt ?? null,
      refreshExpiresAt: connection?.refreshExpiresAt ?? null,
      lastRefreshAt: connection?.lastRefreshAt ?? null,
      disconnectedByUserAt: connection?.status === 'disconnected' ? (connection.disconnectedByUserAt ?? null) : null,
      businessNames: businesses.map((business) => business.name),
      alerts: await listOpenAlerts(this.scope),
    };
  }

  /** One real API call, so "connected" means Lightspeed answers, not only that tokens exist. */
  async test(): Promise<{ ok: true; businesses: number; locations: number }> {
    const body = (await this.api.get('/f/data/businesses')) as { _embedded?: { businessList?: { businessLocations?: unknown[] }[] } };
    const list = body._embedded?.businessList ?? [];
    return { ok: true, businesses: list.length, locations: list.reduce((sum, business) => sum + (business.businessLocations?.length ?? 0), 0) };
  }
}
