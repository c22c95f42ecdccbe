import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEngine, refusal, type TestEngine, checkpoint } from '../../../test/support/test-engine';
import { fakeSafeStorage } from '../../../test/support/fake-safe-storage';
import { AesGcmSecretBackend } from './aes-gcm-secret-backend';
import { SafeStorageSecretBackend } from './safe-storage-secret-backend';
import { SecretVault } from './secret-vault';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.access-token-that-must-never-be-stored-in-clear';

let engine: TestEngine;
beforeEach(async () => (engine = await createTestEngine()));
afterEach(() => engine.dispose());

/** Every byte under the data folder (database, WAL, settings, key file). */
function dataFolderBytes(): Buffer {
  return Buffer.concat(readdirSync(engine.platform.dataFolder).map((name) => readFileSync(join(engine.platform.dataFolder, name))));
}

describe('the Node secret backend (AES-256-GCM)', () => {
  it('creates its key file with mode 0600 and seals to ciphertext only', () => {
    const backend = new AesGcmSecretBackend(join(engine.platform.dataFolder, 'secret.key'));
    const sealed = backend.seal(TOKEN);
    expect(statSync(join(engine.platform.dataFolder, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(sealed.includes(Buffer.from(TOKEN))).toBe(false);
    expect(backend.open(sealed)).toBe(TOKEN);
    expect(backend.seal(TOKEN).equals(sealed)).toBe(false);
  });

  it('refuses a tampered blob and a damaged key file with clear codes', async () => {
    const keyFile = join(engine.platform.dataFolder, 'secret.key');
    const sealed = new AesGcmSecretBackend(keyFile).seal(TOKEN);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect((await refusal(() => new AesGcmSecretBackend(keyFile).open(tampered))).code).toBe('secret_corrupted');
    expect((await refusal(() => new AesGcmSecretBackend(keyFile).open(Buffer.from('short')))).code).toBe('secret_corrupted');
    writeFileSync(keyFile, 'too short');
    expect((await refusal(() => new AesGcmSecretBackend(keyFile).open(sealed))).code).toBe('secret_key_invalid');
  });
});

describe('the secret vault', () => {
  it('stores only ciphertext anywhere in the data folder and records the backend', async () => {
    await engine.vault.put('lightspeed.refresh-token', TOKEN);
    expect(await engine.vault.get('lightspeed.refresh-token')).toBe(TOKEN);
    checkpoint(engine.db);
    expect(dataFolderBytes().includes(Buffer.from(TOKEN))).toBe(false);
    const row = (await engine.db.statement('SELECT backend, sealed FROM sealed_secrets').get()) as { backend: string; sealed: Buffer };
    expect(row.sealed.includes(Buffer.from(TOKEN))).toBe(false);
    expect(row.backend).toBe('node-aes-256-gcm');
  });

  it('refuses a secret sealed by another backend instead of misreading it', async () => {
    await engine.vault.put('lightspeed.refresh-token', TOKEN);
    const electronVault = new SecretVault(engine.db, () => new SafeStorageSecretBackend(fakeSafeStorage(), 'linux', () => false), engine.platform.clock);
    const fault = await refusal(() => electronVault.get('lightspeed.refresh-token'));
    expect(fault.code).toBe('secret_backend_mismatch');
    expect(fault.message).not.toContain(TOKEN);
    expect((await refusal(() => engine.vault.get('nothing-here'))).code).toBe('secret_not_found');
  });
});

describe('the Electron safeStorage backend', () => {
  it('seals through safeStorage and stores only its ciphertext', async () => {
    const safeStorage = fakeSafeStorage();
    const vault = new SecretVault(engine.db, () => new SafeStorageSecretBackend(safeStorage, 'linux', () => false), engine.platform.clock);
    vault.assertUsable();
    await vault.put('token', TOKEN);
    expect(await vault.get('token')).toBe(TOKEN);
    expect(vault.backendId).toBe('electron-safe-storage:gnome_libsecret');
    checkpoint(engine.db);
    expect(dataFolderBytes().includes(Buffer.from(TOKEN))).toBe(false);
  });

  it('fails closed: no encryption, or Linux basic_text without the explicit opt-in, seals nothing', async () => {
    const unavailable = fakeSafeStorage({ available: false });
    expect((await refusal(() => new SafeStorageSecretBackend(unavailable, 'win32', () => true).seal(TOKEN))).code).toBe('secret_storage_unavailable');
    expect(unavailable.sealedCount).toBe(0);

    const basic = fakeSafeStorage({ backend: 'basic_text' });
    let optedIn = false;
    const backend = new SafeStorageSecretBackend(basic, 'linux', () => optedIn);
    expect((await refusal(() => backend.seal(TOKEN))).code).toBe('secret_storage_weak');
    expect(basic.sealedCount).toBe(0);
    optedIn = true;
    expect(backend.open(backend.seal(TOKEN))).toBe(TOKEN);
    expect(backend.id).toBe('electron-safe-storage:basic_text');
  });

  it('reports a blob the OS cannot decrypt as corrupted', async () => {
    const backend = new SafeStorageSecretBackend(fakeSafeStorage(), 'darwin', () => false);
    expect(backend.id).toBe('electron-safe-storage:darwin');
    expect((await refusal(() => backend.open(Buffer.from('garbage')))).code).toBe('secret_corrupted');
  });
});
