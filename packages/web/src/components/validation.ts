import type { z } from 'zod';
import i18n from '../i18n';

/** Plain-language messages per field, keyed by the field's path ("members.0.birthDate"). */
export type FieldErrors = Record<string, string>;

/**
 * Checks a form's body against the shared zod schema (the same one the server uses) and turns what fails into a
 * Dutch message per field, so each field can say what is wrong with it.
 */
export function checkForm<S extends z.ZodType>(schema: S, body: unknown): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const checked = schema.safeParse(body);
  if (checked.success) return { ok: true, data: checked.data };
  const errors: FieldErrors = {};
  for (const issue of checked.error.issues) {
    const key = issue.path.join('.');
    errors[key] ??= messageFor(issue);
  }
  return { ok: false, errors };
}

function messageFor(issue: z.core.$ZodIssue): string {
  const field = String(issue.path.at(-1) ?? '');
  if (field === 'bsn') return i18n.t('validation.bsn');
  if (/date$|Date$|^until$/.test(field)) return i18n.t('validation.date');
  if (issue.code === 'too_small' && issue.origin === 'array') return i18n.t('validation.chooseOne');
  if (issue.code === 'too_small') return i18n.t('validation.required');
  if (issue.code === 'too_big') return i18n.t('validation.tooLong', { max: Number(issue.maximum) });
  return i18n.t('validation.invalid');
}
