// Signing in to a Larder server and staying signed in: the only module that writes sessions and
// sign_in_failures. A session's token goes to the browser in a cookie and only its SHA-256 is kept,
// so neither a backup nor a look at the database opens one. After 5 failed sign-ins a name is locked
// for 15 minutes, whether or not anyone has it (a lockout only real names get would name them).
import { createHash, randomBytes } from 'node:crypto';
import type { CompanyScope } from '../db/company';
import { DomainError } from '../domain-error';
import { loginKey, type Role } from '../../../shared/model/people';
import { hashPassword, verifyPassword } from './passwords';
import { assignmentsOf, resetPassword } from './users';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** Who a request comes from, as every contract checks it: ids for the checks, the name for the logs. */
export interface SessionUser {
  userId: number;
  login: string;
  name: string;
  role: Role;
  /** Business location ids assigned (none kept for an owner, who has them all). */
  locations: string[];
  /** Storage unit names assigned. */
  storageUnits: string[];
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const plusMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Verified against when the name is nobody's, so a wrong name costs the time a wrong password does. */
let decoy: Promise<string> | undefined;

async function recordFailure(scope: CompanyScope, login: string, now: string): Promise<void> {
  await scope.db.write(async () => {
    const row = (await scope.db.statement('SELECT failures FROM sign_in_failures WHERE company_id = ? AND login = ?').get(scope.companyId, login)) as { failures: number } | undefined;
    const failures = Number(row?.failures ?? 0) + 1;
    const lockedUntil = failures >= MAX_FAILURES ? plusMinutes(now, LOCK_MINUTES) : null;
    await scope.db
      .statement(
        `INSERT INTO sign_in_failures (company_id, login, failures, locked_until, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (company_id, login) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
      )
      .run(scope.companyId, login, lockedUntil ? 0 : failures, lockedUntil, now);
  });
}

/**
 * A new session for the person whose name and password these are: its token (for the cookie, shown
 * nowhere else) and who they are. A wrong name or password is `sign_in_failed`, the same words for
 * both; a locked name is `account_locked` until the time it names, without trying the password.
 */
export async function signIn(scope: CompanyScope, typedLogin: string, password: string, now: string): Promise<{ token: string; user: SessionUser }> {
  const login = loginKey(typedLogin);
  const lock = (await scope.db.statement('SELECT locked_until AS "lockedUntil" FROM sign_in_failures WHERE company_id = ? AND login = ?').get(scope.companyId, login)) as
    | { lockedUntil: string | null }
    | undefined;
  if (lock?.lockedUntil && lock.lockedUntil > now) {
    throw new DomainError('account_locked', `Too many wrong passwords for "${login}": signing in is locked until ${lock.lockedUntil}. Ask the owner to reset the password if it is lost.`);
  }
  const user = (await scope.db
    .statement('SELECT id AS "userId", login, name, role, password_hash AS "passwordHash" FROM users WHERE company_id = ? AND login = ?')
    .get(scope.companyId, login)) as (UserRow & { passwordHash: string }) | undefined;
  decoy ??= hashPassword('a password nobody has');
  const right = await verifyPassword(password, user?.passwordHash ?? (await decoy));
  if (!user || !right) {
    await recordFailure(scope, login, now);
    throw new DomainError('sign_in_failed', 'That name and password do not match. Check both and try again.');
  }
  const token = randomBytes(32).toString('base64url');
  await scope.db.write(async () => {
    await scope.db.statement('DELETE FROM sign_in_failures WHERE company_id = ? AND login = ?').run(scope.companyId, login);
    await scope.db.statement('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(hashOf(token), user.userId, now, now);
  });
  return { token, user: await withAssignments(scope, user) };
}

type UserRow = { userId: number; login: string; name: string; role: Role };

async function withAssignments(scope: CompanyScope, user: UserRow): Promise<SessionUser> {
  const userId = Number(user.userId);
  return { userId, login: user.login, name: user.name, role: user.role, ...(await assignmentsOf(scope, userId)) };
}

/**
 * The person a token signs in, or null: unknown, idle longer than `idleMinutes`, or begun before the
 * person's password last changed (a password change ends every session before it). A session in use
 * is marked seen at most once a minute, not written on every request.
 */
export async function sessionUser(scope: CompanyScope, token: string, now: string, idleMinutes: number): Promise<SessionUser | null> {
  const row = (await scope.db
    .statement(
      `SELECT s.id, s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt", u.id AS "userId", u.login, u.name, u.role, u.password_changed_at AS "passwordChangedAt"
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND u.company_id = ?`,
    )
    .get(hashOf(token), scope.companyId)) as
    | (UserRow & { id: number; createdAt: string; lastSeenAt: string; passwordChangedAt: string })
    | undefined;
  if (!row) return null;
  if (row.createdAt < row.passwordChangedAt || plusMinutes(row.lastSeenAt, idleMinutes) <= now) {
    await scope.db.statement('DELETE FROM sessions WHERE id = ?').run(row.id);
    return null;
  }
  if (plusMinutes(row.lastSeenAt, 1) <= now) await scope.db.statement('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, row.id);
  return await withAssignments(scope, row);
}

export async function signOut(scope: CompanyScope, token: string): Promise<void> {
  await scope.db.statement('DELETE FROM sessions WHERE token_hash = ?').run(hashOf(token));
}

/**
 * A person changing their own password: the current one is checked first (a session left open on a
 * shared tablet must not be enough), every other session of theirs ends, and this one goes on under
 * a new token.
 */
export async function changeOwnPassword(scope: CompanyScope, token: string, current: string, next: string, now: string): Promise<{ token: string }> {
  const row = (await scope.db
    .statement('SELECT u.id AS "userId", u.login, u.password_hash AS "passwordHash" FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND u.company_id = ?')
    .get(hashOf(token), scope.companyId)) as { userId: number; login: string; passwordHash: string } | undefined;
  if (!row || !(await verifyPassword(current, row.passwordHash))) {
    throw new DomainError('sign_in_failed', 'The current password is not right, so it was not changed.');
  }
  await resetPassword(scope, row.login, next, now);
  const fresh = randomBytes(32).toString('base64url');
  // Every session of theirs ends here, not only those begun before the change by the clock: two
  // begun in the same millisecond as the change must not survive it.
  await scope.db.write(async () => {
    await scope.db.statement('DELETE FROM sessions WHERE user_id = ?').run(row.userId);
    await scope.db.statement('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(hashOf(fresh), row.userId, now, now);
  });
  return { token: fresh };
}
