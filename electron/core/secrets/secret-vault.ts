import { eq } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { LarderDb } from '../db/open-database';
import { sealedSecrets } from '../db/schema';
import { DomainError } from '../domain-error';
import type { SecretBackend } from './secret-backend';

/** Named secrets, sealed by the platform's backend and kept in the database as ciphertext only. */
export class SecretVault {
  private readonly opened = new Map<string, string[]>();

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

  /**
   * Every stored secret's value (and, for a secret kept as JSON, each text inside it), for redaction:
   * nothing Larder writes or prints may carry one, whatever a server echoed. Opened once per sealed value.
   */
  values(): string[] {
    const backend = this.backend();
    const values: string[] = [];
    for (const row of this.db.orm.select({ backend: sealedSecrets.backend, sealed: sealedSecrets.sealed }).from(sealedSecrets).all()) {
      if (row.backend !== backend.id) continue;
      const key = row.sealed.toString('base64');
      let opened = this.opened.get(key);
      if (!opened) {
        try {
          opened = textsIn(backend.open(row.sealed));
        } catch {
          opened = [];
        }
        this.opened.set(key, opened);
      }
      values.push(...opened);
    }
    return values;
  }

  delete(name: string): void {
    this.db.orm.delete(sealedSecrets).where(eq(sealedSecrets.name, name)).run();
  }
}

/** A secret's value, and each text inside it when it is JSON (a Sides session, a pending sign-in). */
function textsIn(value: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [value];
  }
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') texts.push(node);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(parsed);
  return texts.length > 0 ? texts : [value];
}
