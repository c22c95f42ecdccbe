import { afterEach, describe, expect, it } from 'vitest';
import { SCRYPT_TIMEOUT } from '../../../test/support/people';
import { HARBOUR, HONOLULU, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { refusalOf } from '../../../test/support/test-engine';
import { hashPassword, verifyPassword } from './passwords';
import { addUser, listUsers, resetPassword, setRole } from './users';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

const NOW = '2026-05-08T10:00:00.000Z';

describe('a password', () => {
  it('is kept as a salted scrypt hash that verifies it and nothing else', { timeout: SCRYPT_TIMEOUT }, async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain('correct');
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'correct horse battery')).toBe(false);
    expect(await refusalOf(hashPassword('short'))).toMatchObject({ code: 'password_rejected' });
  });
});

describe('the people of a group', () => {
  it('have a role and what it reaches, never a hash in what comes back; the last owner stays one', { timeout: SCRYPT_TIMEOUT }, async () => {
    restaurant = await startRestaurant();
    const { scope } = restaurant.engine;
    const owner = await addUser(scope, { login: ' Maria@Harbour.example ', name: 'Maria Lopez', role: 'owner', password: 'the owner’s long passphrase' }, NOW);
    expect(owner).toEqual({ login: 'maria@harbour.example', name: 'Maria Lopez', role: 'owner', locations: [], storage_units: [], password_changed_at: NOW, created_at: NOW });
    const manager = await addUser(scope, { login: 'sam', name: 'Sam', role: 'manager', password: 'kitchen at dawn', locations: [HARBOUR], storageUnits: ['Main Kitchen', 'Bar Storage'] }, NOW);
    expect(manager).toMatchObject({ role: 'manager', locations: [HARBOUR], storage_units: ['Bar Storage', 'Main Kitchen'] });

    expect(await refusalOf(addUser(scope, { login: 'SAM', name: 'Another Sam', role: 'counter', password: 'another passphrase', storageUnits: ['Main Kitchen'] }, NOW))).toMatchObject({ code: 'user_login_taken' });
    expect(await refusalOf(addUser(scope, { login: 'alex', name: 'Alex', role: 'counter', password: 'counting all day' }, NOW))).toMatchObject({ code: 'role_needs_scope' });
    expect(await refusalOf(addUser(scope, { login: 'alex', name: 'Alex', role: 'manager', password: 'counting all day', locations: ['999'] }, NOW))).toMatchObject({ code: 'location_not_found' });
    expect(await refusalOf(addUser(scope, { login: 'alex', name: 'Alex', role: 'counter', password: 'counting all day', storageUnits: ['Cellar'] }, NOW))).toMatchObject({ code: 'storage_unit_not_found' });
    expect(await refusalOf(addUser(scope, { login: 'a b', name: 'Alex', role: 'owner', password: 'counting all day' }, NOW))).toMatchObject({ code: 'invalid_input' });

    const counter = await setRole(scope, 'Sam', 'counter', { storageUnits: ['Island Store'] });
    expect(counter).toMatchObject({ login: 'sam', role: 'counter', locations: [], storage_units: ['Island Store'] });
    expect(await setRole(scope, 'sam', 'viewer', { locations: [HARBOUR, HONOLULU] })).toMatchObject({ role: 'viewer', locations: [HARBOUR, HONOLULU].sort(), storage_units: [] });
    expect(await refusalOf(setRole(scope, 'maria@harbour.example', 'manager', { locations: [HARBOUR] }))).toMatchObject({ code: 'last_owner' });
    await setRole(scope, 'sam', 'owner', {});
    expect(await setRole(scope, 'maria@harbour.example', 'manager', { locations: [HARBOUR] })).toMatchObject({ role: 'manager' });

    const later = '2026-05-09T08:00:00.000Z';
    expect(await resetPassword(scope, 'sam', 'a brand new passphrase', later)).toMatchObject({ password_changed_at: later });
    expect(await refusalOf(resetPassword(scope, 'nobody', 'a brand new passphrase', later))).toMatchObject({ code: 'user_not_found' });
    const stored = (await scope.db.statement("SELECT password_hash FROM users WHERE login = 'sam'").pluck().get()) as string;
    expect(await verifyPassword('a brand new passphrase', stored)).toBe(true);
    expect(await verifyPassword('kitchen at dawn', stored)).toBe(false);

    const everyone = await listUsers(scope);
    expect(everyone.map((user) => [user.login, user.role])).toEqual([['maria@harbour.example', 'manager'], ['sam', 'owner']]);
    expect(JSON.stringify(everyone)).not.toContain('$scrypt$');
  });

  it('has one sign-in name per company, kept by the database itself', { timeout: SCRYPT_TIMEOUT }, async () => {
    restaurant = await startRestaurant();
    const { scope } = restaurant.engine;
    await addUser(scope, { login: 'sam', name: 'Sam', role: 'owner', password: 'kitchen at dawn' }, NOW);
    const insert = scope.db.statement("INSERT INTO users (company_id, login, name, role, password_hash, password_changed_at) VALUES (?, 'sam', 'Sam again', 'owner', 'x', ?)");
    await expect(insert.run(scope.companyId, NOW)).rejects.toThrow(/unique|UNIQUE/);
    const badRole = scope.db.statement("INSERT INTO users (company_id, login, name, role, password_hash, password_changed_at) VALUES (?, 'kim', 'Kim', 'chef', 'x', ?)");
    await expect(badRole.run(scope.companyId, NOW)).rejects.toThrow(/check|CHECK/);
  });
});
