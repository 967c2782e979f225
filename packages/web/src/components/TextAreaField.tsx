import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textarea } from '@utrecht/component-library-react';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

/** A labelled multi-line text in the NL Design System form-field layout, with its hint and error tied to it. */
export function TextAreaField({ id, label, description, error, rows = 3, ...textarea }: TextAreaFieldProps) {
  const hintId = description ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormField invalid={!!error}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={hintId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
      input={<Textarea id={id} rows={rows} invalid={!!error} aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined} {...textarea} />} />
  );
}
