// The Lightspeed connection and its configuration as the engine answers them and the screens show
// them: one schema each, and the engine's types are inferred from these.
import { z } from 'zod';
import { lightspeedEndpointsSchema, lightspeedEnvironments } from '../settings';

/** The seed's two connection alerts, two for transfers that keep failing and one for a failed migration (they drive notifications). */
export const alertCodes = ['disconnected', 'token_refresh_failed', 'transfer_failed', 'max_retries_exhausted', 'migration_failed'] as const;
export type AlertCode = (typeof alertCodes)[number];

export const alertView = z.object({
  id: z.number().int(),
  code: z.enum(alertCodes),
  message: z.string(),
  count: z.number().int(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** The location and failed business day the alert links to; null for a connection alert. */
  businessLocationId: z.string().nullable(),
  date: z.string().nullable(),
});
export type Alert = z.infer<typeof alertView>;

/** The connection as the screens show it; tokens never appear in it. */
export const connectionView = z.object({
  status: z.enum(['active', 'disconnected', 'refresh_failed', 'not_connected']),
  environment: z.string().nullable(),
  connectedAt: z.string().nullable(),
  accessExpiresAt: z.string().nullable(),
  refreshExpiresAt: z.string().nullable(),
  lastRefreshAt: z.string().nullable(),
  /** Set when the manager disconnected on purpose (status disconnected); null when Lightspeed refused the sign-in. */
  disconnectedByUserAt: z.string().nullable(),
  businessNames: z.array(z.string()),
  alerts: z.array(alertView),
});
export type ConnectionView = z.infer<typeof connectionView>;

export const configurationView = z.object({
  environment: z.enum(lightspeedEnvironments),
  endpoints: z.object({ authorizeUrl: z.string(), tokenUrl: z.string(), apiUrl: z.string() }).nullable(),
  clientId: z.string(),
  clientSecretStored: z.boolean(),
  redirectUri: z.string().nullable(),
  loopbackPort: z.number().int().nullable(),
  /** Whether Connect can start: an environment, client id and client secret are all there. */
  complete: z.boolean(),
  demoAccount: z.boolean(),
});
export type ConfigurationView = z.infer<typeof configurationView>;

/** What the Connection screen and `configure` may change; the client secret is sealed, never stored in settings. */
export const configurationInput = z
  .object({
    environment: z.enum(lightspeedEnvironments).optional(),
    clientId: z.string().trim().min(1).max(200).optional(),
    clientSecret: z.string().min(1).max(500).optional(),
    redirectUri: z.string().url().nullable().optional(),
    loopbackPort: z.number().int().min(1024).max(65535).nullable().optional(),
    customEndpoints: lightspeedEndpointsSchema.optional(),
  })
  .strict();
export type ConfigurationInput = z.output<typeof configurationInput>;
