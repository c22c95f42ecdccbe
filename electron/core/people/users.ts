// The people of a Larder server and what each may reach: the only module that writes users,
// user_locations and user_storage_units. A password comes in, a hash goes to the database
// (passwords.ts), and nothing here ever hands a hash back: every answer is a UserView.
import type { CompanyScope } from '../db/company';
import { DomainError } from '../domain-error';
import { requireAnyLocation } from '../locations/location-sync';
import { findStorageUnitByName } from '../inventory/storage-units';
import { LOGIN, loginKey, type Role, type UserView } from '../../../shared/model/people';
import { hashPassword } from './passwords';

export interface Assignments {
  /** Business location ids. */
  locations?: readonly string[] | undefined;
  /** Storage unit names. */
  storageUnits?: readonly string[] | undefined;
}

export interface NewUser extends Assignments {
  login: string;
  name: string;
  role: Role;
  password: string;
}

function normalLogin(typed: string): string {
  const login = loginKey(typed);
  if (!LOGIN.test(login)) {
    throw new DomainError('invalid_input', `"${typed}" cannot be a sign-in name: 2 to 64 letters, digits or . _ - @, starting with a letter or digit.`);
  }
  return login;
}

function normalName(typed: string): string {
  const name = typed.trim();
  if (name.length === 0 || name.length > 100) throw new DomainError('invalid_input', 'A person’s name is 1 to 100 characters (the name Larder shows beside what they did).');
  return name;
}

/**
 * What a role needs assigned: an owner has everything (nothing is kept for them); a manager at least
 * one location, a counter at least one storage unit, a viewer at least one location.
 */
function checkScope(role: Role, locationIds: readonly number[], storageUnitIds: readonly number[]): void {
  if (role === 'owner') return;
  if ((role === 'manager' || role === 'viewer') && locationIds.length === 0) {
    throw new DomainError('role_needs_scope', `A ${role} works for the locations assigned: name at least one (--location).`);
  }
  if (role === 'counter' && storageUnitIds.length === 0) throw new DomainError('role_needs_scope', 'A counter counts the storage units assigned: name at least one (--storage-unit).');
}

async function resolveAssignments(scope: CompanyScope, role: Role, assigned: Assignments): Promise<{ locationIds: number[]; storageUnitIds: number[] }> {
  if (role === 'owner') return { locationIds: [], storageUnitIds: [] };
  const locationIds: number[] = [];
  for (const id of new Set(assigned.locations ?? [])) locationIds.push((await requireAnyLocation(scope, id)).id);
  const storageUnitIds: number[] = [];
  for (const name of new Set(assigned.storageUnits ?? [])) {
    const unit = await findStorageUnitByName(scope, name);
    if (!unit) throw new DomainError('storage_unit_not_found', `No storage unit is named "${name}".`);
    storageUnitIds.push(unit.id);
  }
  // A viewer reads reports: storage units are not theirs to keep.
  if (role === 'viewer' && storageUnitIds.length > 0) throw new DomainError('invalid_input', 'A viewer reads reports and logs of locations; storage units are assigned to managers and counters.');
  checkScope(role, locationIds, storageUnitIds);
  return { locationIds, storageUnitIds };
}

async function replaceAssignments(scope: CompanyScope, userId: number, locationIds: readonly number[], storageUnitIds: readonly number[]): Promise<void> {
  await scope.db.statement('DELETE FROM user_locations WHERE user_id = ?').run(userId);
  await scope.db.statement('DELETE FROM user_storage_units WHERE user_id = ?').run(userId);
  const location = scope.db.statement('INSERT INTO user_locations (user_id, location_id) VALUES (?, ?)');
  for (const id of locationIds) await location.run(userId, id);
  const unit = scope.db.statement('INSERT INTO user_storage_units (user_id, storage_unit_id) VALUES (?, ?)');
  for (const id of storageUnitIds) await unit.run(userId, id);
}

type UserRow = { id: number; login: string; name: string; role: Role; passwordChangedAt: string; createdAt: string };

const USER_COLUMNS = 'id, login, name, role, password_changed_at AS "passwordChangedAt", created_at AS "createdAt"';

async function requireUser(scope: CompanyScope, login: string): Promise<UserRow> {
  const row = (await scope.db.statement(`SELECT ${USER_COLUMNS} FROM users WHERE company_id = ? AND login = ?`).get(scope.companyId, loginKey(login))) as UserRow | undefined;
  if (!row) throw new DomainError('user_not_found', `Nobody signs in as "${login.trim()}".`);
  return row;
}

/** What a person is assigned, as the contracts name it: business location ids and storage unit names. */
export async function assignmentsOf(scope: CompanyScope, userId: number): Promise<{ locations: string[]; storageUnits: string[] }> {
  const locations = (await scope.db
    .statement('SELECT l.business_location_id FROM user_locations u JOIN locations l ON l.id = u.location_id WHERE u.user_id = ? ORDER BY l.business_location_id')
    .pluck()
    .all(userId)) as string[];
  const storageUnits = (await scope.db
    .statement('SELECT s.name FROM user_storage_units u JOIN storage_units s ON s.id = u.storage_unit_id WHERE u.user_id = ? ORDER BY s.name')
    .pluck()
    .all(userId)) as string[];
  return { locations, storageUnits };
}

async function viewOf(scope: CompanyScope, user: UserRow): Promise<UserView> {
  const { locations, storageUnits } = await assignmentsOf(scope, user.id);
  return { login: user.login, name: user.name, role: user.role, locations, storage_units: storageUnits, password_changed_at: user.passwordChangedAt, created_at: user.createdAt };
}

export async function listUsers(scope: CompanyScope): Promise<UserView[]> {
  const rows = (await scope.db.statement(`SELECT ${USER_COLUMNS} FROM users WHERE company_id = ? ORDER BY login`).all(scope.companyId)) as UserRow[];
  const views: UserView[] = [];
  for (const row of rows) views.push(await viewOf(scope, row));
  return views;
}

export async function addUser(scope: CompanyScope, input: NewUser, now: string): Promise<UserView> {
  const login = normalLogin(input.login);
  const name = normalName(input.name);
  const refuseTaken = async () => {
    const taken = await scope.db.statement('SELECT 1 FROM users WHERE company_id = ? AND login = ?').get(scope.companyId, login);
    if (taken) throw new DomainError('user_login_taken', `Someone already signs in as "${login}".`);
  };
  // Everything refused before the third of a second of scrypt, which runs outside the write
  // transaction so it holds no lock; the unique index settles two people adding one name at once.
  await refuseTaken();
  const { locationIds, storageUnitIds } = await resolveAssignments(scope, input.role, input);
  const passwordHash = await hashPassword(input.password);
  return await scope.db.write(async () => {
    await refuseTaken();
    const row = (await scope.db
      .statement(`INSERT INTO users (company_id, login, name, role, password_hash, password_changed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${USER_COLUMNS}`)
      .get(scope.companyId, login, name, input.role, passwordHash, now, now)) as UserRow;
    await replaceAssignments(scope, row.id, locationIds, storageUnitIds);
    return await viewOf(scope, row);
  });
}

/** A new role and what it reaches; the last owner stays one, so the group is never locked out of itself. */
export async function setRole(scope: CompanyScope, login: string, role: Role, assigned: Assignments): Promise<UserView> {
  return await scope.db.write(async () => {
    const user = await requireUser(scope, login);
    if (user.role === 'owner' && role !== 'owner') {
      const owners = (await scope.db.statement("SELECT count(*) FROM users WHERE company_id = ? AND role = 'owner'").pluck().get(scope.companyId)) as number;
      if (Number(owners) <= 1) throw new DomainError('last_owner', `${user.name} is the only owner: make someone else owner first.`);
    }
    const { locationIds, storageUnitIds } = await resolveAssignments(scope, role, assigned);
    await scope.db.statement('UPDATE users SET role = ? WHERE id = ?').run(role, user.id);
    await replaceAssignments(scope, user.id, locationIds, storageUnitIds);
    return await viewOf(scope, { ...user, role });
  });
}

/** A new password; password_changed_at moves, which ends every session signed in before it. */
export async function resetPassword(scope: CompanyScope, login: string, password: string, now: string): Promise<UserView> {
  await requireUser(scope, login);
  const passwordHash = await hashPassword(password);
  return await scope.db.write(async () => {
    const user = await requireUser(scope, login);
    await scope.db.statement('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(passwordHash, now, user.id);
    return await viewOf(scope, { ...user, passwordChangedAt: now });
  });
}
