import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636: a 43–128 character verifier from the unreserved set, and its S256 challenge. */
export function challengeFor(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(64).toString('base64url');
  return { verifier, challenge: challengeFor(verifier) };
}

/** An unguessable `state`, tying the callback to the flow this app started. */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}
