import { ApiError } from '../api/client';
import i18n from '../i18n';
import type { FieldErrors } from './validation';

/**
 * A refused request, explained for an alert. The server explains in English; in Dutch the app says what the stable
 * problem code means, so nobody meets an English sentence in a Dutch screen.
 */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('problem.network');
  if (i18n.language === 'en' && error.problem.detail) return error.problem.detail;
  const code = error.problem.code ?? (error.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
  return i18n.t(`problem.${code}`, { defaultValue: i18n.t('common.error') });
}

/** The fields the server refused, keyed like the form's own checks ("members.0.birthDate"), to show at each field. */
export function problemFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const e of error.problem.errors ?? []) {
    if (!e.pointer.startsWith('/body/')) continue;
    errors[e.pointer.slice('/body/'.length).replaceAll('/', '.')] ??= i18n.t('validation.invalid');
  }
  return errors;
}
