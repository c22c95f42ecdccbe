import { z } from 'zod';

/**
 * What a person may do in a Larder server (issue 32): the owner everything; a manager the locations
 * and storage units assigned; a counter only the count sheets of the storage units assigned (no
 * costs); a viewer reads reports and logs of the locations assigned.
 */
export const roles = ['owner', 'manager', 'counter', 'viewer'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** A sign-in name: what people type, lower-cased; letters, digits and . _ - @ (an e-mail address works). */
export const LOGIN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** A sign-in name as it is kept and looked up: " Maria@Harbour " signs in as "maria@harbour". */
export const loginKey = (typed: string): string => typed.trim().toLowerCase();

/** Long enough to resist guessing once hashed; long passphrases are welcome, megabytes are not. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** A person as every door shows them: never the password or its hash. */
export const userView = z.object({
  login: z.string(),
  name: z.string(),
  role,
  /** Lightspeed business location ids (or a CSV/Sides location's id) assigned; all of them for the owner. */
  locations: z.array(z.string()),
  /** Storage units assigned by name. */
  storage_units: z.array(z.string()),
  password_changed_at: z.string(),
  created_at: z.string(),
});
export type UserView = z.infer<typeof userView>;

/** Who a browser signed in to a Larder server is, as the screens read it (GET /session). */
export const sessionView = userView.pick({ login: true, name: true, role: true, locations: true, storage_units: true });
export type SessionView = z.infer<typeof sessionView>;

/** POST /session/sign-in. */
export const signInRequest = z.object({ login: z.string().max(200), password: z.string().max(PASSWORD_MAX * 4) }).strict();

/** POST /session/password: the current password, then the new one. */
export const passwordChangeRequest = z.object({ current: z.string().max(PASSWORD_MAX * 4), password: z.string().max(PASSWORD_MAX * 4) }).strict();

/** One change in the owner's activity view: who, when, which contract, and what was asked. */
export const activityRow = z.object({ id: z.number().int(), at: z.string(), login: z.string(), name: z.string(), channel: z.string(), summary: z.string() });
export type ActivityRow = z.infer<typeof activityRow>;
