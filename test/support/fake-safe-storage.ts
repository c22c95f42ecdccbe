import type { SafeStorageLike } from '../../electron/core/secrets/safe-storage-secret-backend';

/** Electron's safeStorage as a test double: real enough to prove only ciphertext is stored. */
export function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & { sealedCount: number } {
  const xor = (buffer: Buffer) => Buffer.from(buffer.map((byte) => byte ^ 0x5a));
  return {
    sealedCount: 0,
    isEncryptionAvailable: () => options.available ?? true,
    encryptString(plaintext) {
      this.sealedCount++;
      return Buffer.concat([Buffer.from('v10'), xor(Buffer.from(plaintext))]);
    },
    decryptString(sealed) {
      if (!sealed.subarray(0, 3).equals(Buffer.from('v10'))) throw new Error('bad blob');
      return xor(sealed.subarray(3)).toString();
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}
