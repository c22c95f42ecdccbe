import type { ErrorCode } from '../shared/errors';

/** A refusal the user can act on: it carries one of the catalogued codes and never a stack to show. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
