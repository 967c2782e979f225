import { ApiError } from '../api/client';
import i18n from '../i18n';

/** The server's explanation of a refused change, for an alert: its field errors when it gave them. */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('common.error');
  const fields = (error.problem.errors ?? []).map((e) => `${e.pointer.replace('/body/', '')}: ${e.detail}`).join('; ');
  return fields ? i18n.t('edit.invalid', { detail: fields }) : error.problem.detail ?? i18n.t('common.error');
}
