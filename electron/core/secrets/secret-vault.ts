import { eq } from 'drizzle-orm';
import type { Clock } from '../platform/platform';
import type { LarderDb } from '../db/open-database';
import { sealedSecrets } from '../db/schema';
import { DomainError } from '../domain-error';
import type { SecretBackend } from './secret-backend';

/** Named secrets, sealed by the platform's backend and kept in the database as ciphertext only. */
export class SecretVault {
  constructor(
    private readonly db: LarderDb,
    private readonly backend: () => SecretBackend,
    private readonly clock: Clock,
  ) {}

  get backendId(): string {
    return this.backend().id;
  }

  /** Proves a secret can be sealed and opened again, before anything worth keeping is fetched. */
  assertUsable(): void {
    const backend = this.backend();
    backend.assertAvailable();
    const probe = `probe-${this.clock.now().getTime()}`;
    if (backend.open(backend.seal(probe)) !== probe) {
      throw new DomainError('secret_storage_unavailable', 'Sealed secrets do not open again on this machine.');
    }
  }

  put(name: string, plaintext: string): void {
    const backend = this.backend();
    const row = { name, backend: backend.id, sealed: backend.seal(plaintext), updatedAt: this.clock.now().toISOString() };
    this.db.orm
      .insert(sealedSecrets)
      .values(row)
      .onConflictDoUpdate({ target: sealedSecrets.name, set: { backend: row.backend, sealed: row.sealed, updatedAt: row.updatedAt } })
      .run();
  }

  get(name: string): string {
    const row = this.db.orm.select().from(sealedSecrets).where(eq(sealedSecrets.name, name)).get();
    if (!row) throw new DomainError('secret_not_found', `No secret named ${name} is stored.`);
    const backend = this.backend();
    if (row.backend !== backend.id) {
      throw new DomainError(
        'secret_backend_mismatch',
        `The secret ${name} was sealed by ${row.backend}, but this machine seals with ${backend.id}.`,
      );
    }
    return backend.open(row.sealed);
  }

  /** Like get, but null when nothing is stored under the name. */
  find(name: string): string | null {
    try {
      return this.get(name);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'secret_not_found') return null;
      throw error;
    }
  }

  delete(name: string): void {
    this.db.orm.delete(sealedSecrets).where(eq(sealedSecrets.name, name)).run();
  }
}
