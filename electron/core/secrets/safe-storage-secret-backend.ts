import { DomainError } from '../domain-error';
import type { SecretBackend } from './secret-backend';

/** The part of Electron's `safeStorage` we use; injected, so this file never imports Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plaintext: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Electron's OS-backed store (Keychain, DPAPI, libsecret/kwallet). It fails closed: when encryption is
 * unavailable, or Linux falls back to "basic_text" (a hard-coded key), it refuses to seal unless the
 * user opted in to weak storage in Settings. There is no plaintext fallback.
 */
export class SafeStorageSecretBackend implements SecretBackend {
  readonly id: string;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform,
    private readonly allowWeak: () => boolean,
  ) {
    this.id = `electron-safe-storage:${this.linuxBackend() ?? platform}`;
  }

  assertAvailable(): void {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new DomainError('secret_storage_unavailable', 'The operating system offers no encryption for secrets right now.');
    }
    if (this.linuxBackend() === 'basic_text' && !this.allowWeak()) {
      throw new DomainError(
        'secret_storage_weak',
        'Only the weak "basic_text" storage is available (no keyring found). Set up a keyring, or accept weak storage in Settings.',
      );
    }
  }

  seal(plaintext: string): Buffer {
    this.assertAvailable();
    return this.safeStorage.encryptString(plaintext);
  }

  open(sealed: Buffer): string {
    this.assertAvailable();
    try {
      return this.safeStorage.decryptString(sealed);
    } catch {
      throw new DomainError('secret_corrupted', 'The operating system could not decrypt the stored secret.');
    }
  }

  private linuxBackend(): string | undefined {
    return this.platform === 'linux' ? this.safeStorage.getSelectedStorageBackend?.() : undefined;
  }
}
