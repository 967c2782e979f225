import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemTitles, type ErrorCode, type FieldError, type ProblemDetails } from '@gezinsplan/domain';
import { AppError } from './app-error';
import { isDatabaseUnavailable } from '../db/database';

const PROBLEM_BASE = 'https://gezinsplan.nl/problems/';
/** What a 503 tells the client to wait before trying again: the database is usually back within seconds. */
const RETRY_AFTER_SECONDS = '5';

/** Fastify's own 4xx errors, mapped onto our codes so every client sees one vocabulary. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  status: number,
  detail?: string,
  errors?: FieldError[],
): FastifyReply {
  const problem: ProblemDetails = {
    type: PROBLEM_BASE + code.toLowerCase().replaceAll('_', '-'),
    title: problemTitles[code],
    status,
    code,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0],
    ...(errors?.length ? { errors } : {}),
    ...(status >= 500 ? { correlationId: request.id } : {}),
  };
  // Every 503 says when to come back, whichever path produced it (the gate, the audit log, readiness, the driver).
  if (status === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', RETRY_AFTER_SECONDS);
  return reply.status(status).type('application/problem+json').send(problem);
}

/**
 * Every error leaves as RFC 9457 problem+json. Unknown errors become a 500 with a correlation id; the log gets the
 * error's class and code only, because driver errors carry the SQL parameters, which may be personal data.
 */
/**
 * `appPage` answers requests that no route matched but that the web app handles itself (its own client-side pages);
 * everything else unmatched is a 404 problem.
 */
export function registerProblemHandler(app: FastifyInstance, appPage?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return sendProblem(reply, request, error.code, error.status, error.detail, error.fields);
    }
    const fastifyCode = 'code' in error && typeof error.code === 'string' ? fastifyCodes[error.code] : undefined;
    const statusCode = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : undefined;
    if (fastifyCode) return sendProblem(reply, request, fastifyCode, statusCode ?? 400, error.message);
    if (statusCode === 429) return sendProblem(reply, request, 'RATE_LIMITED', 429, 'Try again later.');
    if (statusCode === 403 || statusCode === 404) {
      // What the static file server refuses (a path too long for the file system, say) simply is not there.
      return sendProblem(reply, request, 'NOT_FOUND', 404, 'No such page.');
    }
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return sendProblem(reply, request, 'VALIDATION_FAILED', statusCode, 'The request could not be understood.');
    }
    if (isDataException(error)) {
      // A value the database cannot hold that the schemas let through: the client's input, so a 400, never a 500.
      request.log.warn({ errCode: (error as { code?: string }).code }, 'data exception reached the database');
      return sendProblem(reply, request, 'VALIDATION_FAILED', 400, 'A value in the request cannot be stored.');
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ errClass: error.name, errCode: (error as { code?: string }).code }, 'database unavailable');
      return sendProblem(reply, request, 'SERVICE_UNAVAILABLE', 503, 'The database cannot be reached.');
    }
    request.log.error(
      { errClass: error.name, errCode: (error as { code?: string }).code, stack: redactStack(error.stack) },
      'unhandled error',
    );
    // A broken response contract is only ever checked in tests; say exactly what broke there.
    const detail = error.message.includes('outside its contract') ? error.message : 'Something went wrong on our side.';
    return sendProblem(reply, request, 'INTERNAL', 500, detail);
  });

  app.setNotFoundHandler((request, reply) => appPage?.(request, reply) ?? sendProblem(reply, request, 'NOT_FOUND', 404, 'No such endpoint.'));
}

/** PostgreSQL's class 22 (data exception): invalid text, dates out of range, numbers that overflow. */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** Framework errors before any route runs (a malformed URL, a too-long parameter) answer problem+json too. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendProblem(reply, request, 'NOT_FOUND', 404, 'The requested resource does not exist.');
    return;
  }
  void sendProblem(reply, request, 'VALIDATION_FAILED', 400, 'The request URL could not be understood.');
}

/** Keep the stack frames, drop the message line (driver messages can quote values). */
function redactStack(stack: string | undefined): string | undefined {
  return stack?.split('\n').slice(1, 8).join('\n');
}
