import type { InputHTMLAttributes, ReactNode } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textbox } from '@utrecht/component-library-react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  /** What is wrong with the value, in plain words; marks the field invalid for assistive technology too. */
  error?: string | undefined;
}

/** A labelled text input in the NL Design System form-field layout, with its hint and error tied to it. */
export function TextField({ id, label, description, error, ...input }: TextFieldProps) {
  const hintId = description ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      invalid={!!error}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={hintId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
      input={<Textbox id={id} invalid={!!error} aria-describedby={describedBy} {...input} />}
    />
  );
}
