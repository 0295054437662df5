// Domain errors. Handlers map them to RFC 9457 problem details; the core never speaks HTTP.

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `person.idNumber`. */
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: 'validation' | 'not_found' | 'forbidden' | 'conflict' | 'unprocessable',
    message: string,
    readonly fields: FieldProblem[] = [],
    /** Extra members of the problem document, e.g. the state a refused action met. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationError = (fields: FieldProblem[], message = 'The request has invalid fields') =>
  new DomainError('validation', message, fields);
export const unprocessable = (fields: FieldProblem[], message = 'The request cannot be processed as it stands') =>
  new DomainError('unprocessable', message, fields);
export const notFound = (message: string) => new DomainError('not_found', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  new DomainError('conflict', message, [], extensions);
