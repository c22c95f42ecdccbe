import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '../domain-error';
import type { SecretBackend } from './secret-backend';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_VERSION = 1;

/**
 * The backend for plain Node (CLI, web host, tests): AES-256-GCM with a random key kept in a file
 * only the user can read. GCM's tag makes any damaged or foreign blob fail to open instead of
 * decrypting to garbage.
 */
export class AesGcmSecretBackend implements SecretBackend {
  readonly id = 'node-aes-256-gcm';
  private key: Buffer | undefined;

  constructor(private readonly keyFile: string) {}

  assertAvailable(): void {
    this.loadKey();
  }

  seal(plaintext: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): string {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT_VERSION) {
      throw new DomainError('secret_corrupted', 'The sealed secret is not in the expected format.');
    }
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.loadKey(), iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DomainError('secret_corrupted', 'The sealed secret failed its integrity check.');
    }
  }

  private loadKey(): Buffer {
    if (this.key) return this.key;
    mkdirSync(dirname(this.keyFile), { recursive: true });
    try {
      // 'wx' creates the file only if it does not exist, with mode 0600 from the first byte on.
      const fd = openSync(this.keyFile, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(KEY_BYTES));
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DomainError('secret_storage_unavailable', `Cannot create the key file: ${(error as Error).message}`);
      }
    }
    const key = readFileSync(this.keyFile);
    if (key.length !== KEY_BYTES) {
      throw new DomainError('secret_key_invalid', `The key file ${this.keyFile} is damaged.`);
    }
    this.key = key;
    return key;
  }
}
