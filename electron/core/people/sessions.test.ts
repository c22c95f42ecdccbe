import { afterEach, describe, expect, it } from 'vitest';
import { SCRYPT_TIMEOUT } from '../../../test/support/people';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { refusalOf } from '../../../test/support/test-engine';
import { MAX_FAILURES, sessionUser, signIn, signOut } from './sessions';
import { addUser, resetPassword } from './users';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

const at = (minutes: number) => new Date(Date.parse('2026-05-08T10:00:00.000Z') + minutes * 60_000).toISOString();
const IDLE = 60;

describe('signing in', () => {
  it('opens a session kept only as a hash, which ends when idle, on sign-out and when the password changes', { timeout: SCRYPT_TIMEOUT }, async () => {
    restaurant = await startRestaurant();
    const { scope } = restaurant.engine;
    await addUser(scope, { login: 'sam', name: 'Sam', role: 'manager', password: 'kitchen at dawn', locations: [HARBOUR], storageUnits: ['Main Kitchen'] }, at(0));

    const first = await signIn(scope, ' SAM ', 'kitchen at dawn', at(1));
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.user).toMatchObject({ login: 'sam', name: 'Sam', role: 'manager' });
    expect(first.user.locations).toEqual([HARBOUR]);
    expect(first.user.storageUnits).toEqual(['Main Kitchen']);
    const kept = (await scope.db.statement('SELECT token_hash FROM sessions').pluck().all()) as string[];
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toContain(first.token);

    expect(await sessionUser(scope, first.token, at(30), IDLE)).toMatchObject({ login: 'sam' });
    // Seen at 30: still there at 89, gone at 30 + 60.
    expect(await sessionUser(scope, first.token, at(89), IDLE)).toMatchObject({ login: 'sam' });
    expect(await sessionUser(scope, first.token, at(89 + IDLE), IDLE)).toBeNull();
    expect(await sessionUser(scope, 'not-a-token', at(90), IDLE)).toBeNull();

    const second = await signIn(scope, 'sam', 'kitchen at dawn', at(200));
    const third = await signIn(scope, 'sam', 'kitchen at dawn', at(201));
    await signOut(scope, third.token);
    expect(await sessionUser(scope, third.token, at(202), IDLE)).toBeNull();
    expect(await sessionUser(scope, second.token, at(202), IDLE)).not.toBeNull();
    await resetPassword(scope, 'sam', 'a brand new passphrase', at(203));
    expect(await sessionUser(scope, second.token, at(204), IDLE)).toBeNull();
    expect(await refusalOf(signIn(scope, 'sam', 'kitchen at dawn', at(205)))).toMatchObject({ code: 'sign_in_failed' });
    expect(await signIn(scope, 'sam', 'a brand new passphrase', at(206))).toMatchObject({ user: { login: 'sam' } });
  });

  it('locks a name after 5 wrong passwords for 15 minutes, known or not, with the same answer for a wrong name and a wrong password', { timeout: SCRYPT_TIMEOUT }, async () => {
    restaurant = await startRestaurant();
    const { scope } = restaurant.engine;
    await addUser(scope, { login: 'maria', name: 'Maria', role: 'owner', password: 'the owner’s long passphrase' }, at(0));
    const wrongName = await refusalOf(signIn(scope, 'mario', 'the owner’s long passphrase', at(1)));
    const wrongPassword = await refusalOf(signIn(scope, 'maria', 'not the passphrase', at(1)));
    expect(wrongName).toEqual(wrongPassword);
    expect(wrongName.code).toBe('sign_in_failed');

    for (let attempt = 2; attempt <= MAX_FAILURES; attempt++) await refusalOf(signIn(scope, 'maria', 'not the passphrase', at(1)));
    // Locked: even the right password is not tried.
    expect(await refusalOf(signIn(scope, 'maria', 'the owner’s long passphrase', at(2)))).toMatchObject({ code: 'account_locked' });
    expect(await refusalOf(signIn(scope, 'maria', 'the owner’s long passphrase', at(15)))).toMatchObject({ code: 'account_locked' });
    expect(await signIn(scope, 'maria', 'the owner’s long passphrase', at(17))).toMatchObject({ user: { role: 'owner' } });

    for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) await refusalOf(signIn(scope, 'nobody', 'a guess at a password', at(20)));
    expect(await refusalOf(signIn(scope, 'nobody', 'a guess at a password', at(21)))).toMatchObject({ code: 'account_locked' });
  });
});
