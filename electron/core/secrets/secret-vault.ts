import { eq } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { LarderDb } from '../db/open-database';
import { sealedSecrets } from '../db/schema';
import { DomainError } from '../domain-error';
import type { SecretBackend } from './secret-backend';

/** Named secrets, sealed by the platform's backend and kept in the database as ciphertext only. */
export class SecretVault {
  private readonly opened = new Map<string, string[]>();
  /** Every value this process sealed or opened (and the texts inside): what its log may have met. */
  private readonly known = new Set<string>();

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

  /**
   * The secrets' values this process has met (every one stored when the engine opened, and each it
   * stored or read since), for the log's redaction, which cannot wait for the database: a line can
   * only carry a secret stored before the process started or one it held, and it held it through here.
   */
  seen(): string[] {
    return [...this.known];
  }

  private remember(value: string): string {
    for (const text of textsIn(value)) this.known.add(text);
    return value;
  }

  async put(name: string, plaintext: string): Promise<void> {
    const backend = this.backend();
    const row = { name, backend: backend.id, sealed: backend.seal(this.remember(plaintext)), updatedAt: this.clock.now().toISOString() };
    await this.db.exec(this.db.orm
      .insert(sealedSecrets)
      .values(row)
      .onConflictDoUpdate({ target: sealedSecrets.name, set: { backend: row.backend, sealed: row.sealed, updatedAt: row.updatedAt } }));
  }

  async get(name: string): Promise<string> {
    // A statement, not the builder: a call to a POS opens its token here, and must not wait for a write.
    const row = (await this.db.statement('SELECT backend, sealed FROM sealed_secrets WHERE name = ?').get(name)) as { backend: string; sealed: Buffer } | undefined;
    if (!row) throw new DomainError('secret_not_found', `No secret named ${name} is stored.`);
    const backend = this.backend();
    if (row.backend !== backend.id) {
      throw new DomainError(
        'secret_backend_mismatch',
        `The secret ${name} was sealed by ${row.backend}, but this machine seals with ${backend.id}.`,
      );
    }
    return this.remember(backend.open(row.sealed));
  }

  /** Like get, but null when nothing is stored under the name. */
  async find(name: string): Promise<string | null> {
    try {
      return await this.get(name);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'secret_not_found') return null;
      throw error;
    }
  }

  /**
   * Every stored secret's value (and, for a secret kept as JSON, each text inside it), for redaction:
   * nothing Larder writes or prints may carry one, whatever a server echoed. Opened once per sealed value.
   */
  async values(): Promise<string[]> {
    const backend = this.backend();
    const values: string[] = [];
    for (const row of await this.db.many(this.db.orm.select({ backend: sealedSecrets.backend, sealed: sealedSecrets.sealed }).from(sealedSecrets))) {
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
      for (const text of opened) this.known.add(text);
      values.push(...opened);
    }
    return values;
  }

  async delete(name: string): Promise<void> {
    await this.db.exec(this.db.orm.delete(sealedSecrets).where(eq(sealedSecrets.name, name)));
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
