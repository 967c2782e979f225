import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: ReactNode;
  options: { value: string; label: string }[];
  error?: string | undefined;
  description?: ReactNode;
}

/** A labelled choice from a short list. */
export function SelectField({ id, label, options, error, description, ...select }: SelectFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  const hintId = description ? `${id}-hint` : undefined;
  return (
    <FormField invalid={!!error} label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={hintId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
      input={<Select id={id} invalid={!!error} aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined} {...select}>{options.map((o) => <SelectOption key={o.value} value={o.value}>{o.label}</SelectOption>)}</Select>} />
  );
}
