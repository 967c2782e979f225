import type { z } from 'zod';
import type { FieldError } from '@gezinsplan/domain';
import { AppError } from './app-error';

/** Parses one part of a request with its shared schema; a failure is a 400 naming every bad field. */
export function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, part: 'params' | 'query' | 'body'): z.infer<T> {
  if (!schema) {
    if (part === 'body' && value !== undefined && value !== null && !(typeof value === 'object' && Object.keys(value).length === 0)) {
      throw new AppError('VALIDATION_FAILED', 'This endpoint takes no request body.', [{ pointer: '/body', detail: 'unexpected body' }]);
    }
    return {} as z.infer<T>;
  }
  const result = schema.safeParse(part === 'body' ? (value ?? undefined) : (value ?? {}));
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.slice(0, 50).map((issue) => ({
    pointer: `/${part}${issue.path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`,
    detail: issue.message,
  }));
  throw new AppError('VALIDATION_FAILED', `The ${part === 'body' ? 'request body' : part} is not valid.`, errors);
}

/** Reads `If-Match: "3"` (or `W/"3"`) as version 3. */
export function parseIfMatch(header: string | string[] | undefined, mode: 'required' | 'optional' | undefined): number | null {
  if (!mode) return null;
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) {
    if (mode === 'required') throw new AppError('PRECONDITION_REQUIRED', 'Send If-Match with the version you last read (its ETag).');
    return null;
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!match) {
    throw new AppError('VALIDATION_FAILED', 'If-Match must be an ETag of this API, such as "3".', [
      { pointer: '/headers/if-match', detail: 'not a version ETag' },
    ]);
  }
  return Number(match[1]);
}
