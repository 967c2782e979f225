/**
 * Stable error codes shared by server and clients. The server maps each to an HTTP status and
 * an RFC 9457 problem document; clients may switch on `code` without parsing prose.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SECOND_FACTOR_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  TWO_FACTOR_ENROLMENT_REQUIRED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  VERSION_MISMATCH: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One invalid field, located by a JSON pointer into the request (`/body/title`, `/query/limit`). */
export interface FieldError {
  pointer: string;
  detail: string;
}

/** RFC 9457 problem details, with our stable `code` and per-field `errors`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldError[];
  correlationId?: string;
}

export const problemTitles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  UNAUTHENTICATED: 'Not signed in',
  INVALID_CREDENTIALS: 'Email address or password is wrong',
  SECOND_FACTOR_REQUIRED: 'Enter the code from your authenticator app first',
  TWO_FACTOR_ENROLMENT_REQUIRED: 'Set up two-factor sign-in first',
  FORBIDDEN: 'Not allowed for your role',
  CSRF_TOKEN_INVALID: 'Missing or wrong CSRF token',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  CONFLICT: 'Conflict with the current state',
  IDEMPOTENCY_IN_PROGRESS: 'A request with this Idempotency-Key is still in progress',
  VERSION_MISMATCH: 'Someone else changed this in the meantime',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  UNPROCESSABLE: 'The request cannot be carried out',
  IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was used with a different request',
  PRECONDITION_REQUIRED: 'If-Match header required',
  RATE_LIMITED: 'Too many requests',
  ACCOUNT_LOCKED: 'Account temporarily locked',
  INTERNAL: 'Internal error',
  SERVICE_UNAVAILABLE: 'Service temporarily unavailable',
};
