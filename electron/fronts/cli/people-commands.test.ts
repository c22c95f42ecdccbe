import { afterEach, describe, expect, it } from 'vitest';
import { SCRYPT_TIMEOUT } from '../../../test/support/people';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { runCliIn } from '../../../test/support/run-cli';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

describe('larder users', () => {
  it('adds, lists, sets roles and resets passwords in the README formats, reading passwords from standard input only', { timeout: SCRYPT_TIMEOUT }, async () => {
    restaurant = await startRestaurant();
    // The CLI opens the test engine's own database: its data folder, or its PostgreSQL database.
    const { dataFolder, env: engineEnv } = restaurant.engine.platform;
    const env = { LARDER_HOME: dataFolder, ...(engineEnv.LARDER_DATABASE_URL ? { LARDER_DATABASE_URL: engineEnv.LARDER_DATABASE_URL } : {}) };
    const added = await runCliIn(env, ['users', 'add', 'Maria', '--name', 'Maria Lopez', '--role', 'owner'], 'the owner’s long passphrase\n');
    expect(added.code).toBe(0);
    expect(added.json).toEqual({ user: { login: 'maria', name: 'Maria Lopez', role: 'owner', locations: [], storage_units: [], password_changed_at: expect.any(String), created_at: expect.any(String) } });
    const manager = await runCliIn(env, ['users', 'add', 'sam', '--name', 'Sam', '--role', 'manager', '--location', HARBOUR, '--storage-unit', 'Main Kitchen', '--storage-unit', 'Bar Storage'], 'kitchen at dawn\n');
    expect(manager.json).toMatchObject({ user: { login: 'sam', role: 'manager', locations: [HARBOUR], storage_units: ['Bar Storage', 'Main Kitchen'] } });

    const listed = await runCliIn(env, ['users', 'list']);
    expect((listed.json.users as { login: string }[]).map((user) => user.login)).toEqual(['maria', 'sam']);
    expect(listed.text).not.toContain('scrypt');

    expect((await runCliIn(env, ['users', 'set-role', 'sam', 'counter', '--storage-unit', 'Main Kitchen'])).json).toMatchObject({ user: { role: 'counter', locations: [], storage_units: ['Main Kitchen'] } });
    expect((await runCliIn(env, ['users', 'set-role', 'maria', 'viewer', '--location', HARBOUR])).json).toMatchObject({ error: { code: 'last_owner' } });
    expect((await runCliIn(env, ['users', 'set-role', 'sam', 'chef'])).json).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await runCliIn(env, ['users', 'reset-password', 'sam'], 'short\n')).json).toMatchObject({ error: { code: 'password_rejected' } });
    const reset = await runCliIn(env, ['users', 'reset-password', 'sam'], 'a new passphrase for sam\n');
    expect(reset.code).toBe(0);
    // No password on the command line: there is no option for it.
    expect((await runCliIn(env, ['users', 'add', 'kim', '--name', 'Kim', '--role', 'owner', '--password', 'visible in ps'])).json).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await runCliIn(env, ['users', 'add', 'kim', '--name', 'Kim', '--role', 'owner'])).json).toMatchObject({ error: { code: 'invalid_input' } });
  });
});
