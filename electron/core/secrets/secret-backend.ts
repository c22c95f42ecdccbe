/** Seals short secrets (OAuth tokens, the client secret) so that only this user on this machine can open them. */
export interface SecretBackend {
  /** Recorded beside every sealed secret, so one sealed by another backend is recognised, never misread. */
  readonly id: string;
  /** Throws a DomainError (secret_storage_unavailable / secret_storage_weak) when sealing is not possible. */
  assertAvailable(): void;
  seal(plaintext: string): Buffer;
  /** Throws secret_corrupted (or secret_key_invalid) rather than returning garbage. */
  open(sealed: Buffer): string;
}
