// The weak-storage opt-in as the Settings screen and the app's info reach it (moved here from the
// secrets tests: it drives the IPC handlers, and core's tests never import a door).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SafeStorageSecretBackend } from '../../core/secrets/safe-storage-secret-backend';
import { SecretVault } from '../../core/secrets/secret-vault';
import { fakeSafeStorage } from '../../../test/support/fake-safe-storage';
import { createTestEngine, refusal, type TestEngine } from '../../../test/support/test-engine';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.access-token-that-must-never-be-stored-in-clear';

let engine: TestEngine;
beforeEach(async () => (engine = await createTestEngine()));
afterEach(() => engine.dispose());

describe('the Electron safeStorage backend', () => {
  it('Linux without a keyring: the Settings switch is the explicit opt-in, off by default, and app:info stops reporting the refusal', async () => {
    const basic = fakeSafeStorage({ backend: 'basic_text' });
    const vault = new SecretVault(engine.db, () => new SafeStorageSecretBackend(basic, 'linux', () => engine.platform.settings.get('allowWeakSecretStorage')), engine.platform.clock);
    const dispatch = createDispatch(createHandlers({ ...engine, vault }), () => undefined);
    expect(await dispatch('app:info', {})).toMatchObject({ ok: true, data: { secretStorage: { problem: { code: 'secret_storage_weak' } } } });
    expect(await dispatch('settings:get', {})).toMatchObject({ ok: true, data: { allowWeakSecretStorage: false } });
    expect((await refusal(() => vault.put('lightspeed:1:access-token', TOKEN))).code).toBe('secret_storage_weak');

    expect(await dispatch('settings:save', { allowWeakSecretStorage: true })).toMatchObject({ ok: true, data: { allowWeakSecretStorage: true } });
    expect(await dispatch('app:info', {})).toMatchObject({ ok: true, data: { secretStorage: { problem: null } } });
    await vault.put('lightspeed:1:access-token', TOKEN);
    expect(await vault.get('lightspeed:1:access-token')).toBe(TOKEN);
  });

});
