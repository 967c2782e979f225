import type { InputHTMLAttributes, ReactNode } from 'react';
import { FormField, FormFieldDescription, FormLabel, Textbox } from '@utrecht/component-library-react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
}

/** A labelled text input in the NL Design System form-field layout, with its hint tied to it for screen readers. */
export function TextField({ id, label, description, ...input }: TextFieldProps) {
  const hintId = description ? `${id}-hint` : undefined;
  return (
    <FormField
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={hintId}>{description}</FormFieldDescription> : undefined}
      input={<Textbox id={id} aria-describedby={hintId} {...input} />}
    />
  );
}
