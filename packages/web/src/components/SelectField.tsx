import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FormField, FormFieldErrorMessage, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: ReactNode;
  options: { value: string; label: string }[];
  error?: string | undefined;
}

/** A labelled choice from a short list. */
export function SelectField({ id, label, options, error, ...select }: SelectFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormField invalid={!!error} label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
      input={<Select id={id} invalid={!!error} aria-describedby={errorId} {...select}>{options.map((o) => <SelectOption key={o.value} value={o.value}>{o.label}</SelectOption>)}</Select>} />
  );
}
