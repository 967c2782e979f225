import { errorStatus, type ErrorCode, type FieldError } from '@gezinsplan/domain';

/**
 * The one error type of the server. Services throw it with a stable code; the error handler turns it into
 * problem+json. `detail` is for the person reading the response and must never carry personal data.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

/** The one answer for a family, or anything in it, that the actor may not see: identical to a missing one. */
export function notFound(): AppError {
  return new AppError('NOT_FOUND', 'The requested resource does not exist.');
}
