import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FormField, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: ReactNode;
  options: { value: string; label: string }[];
}

/** A labelled choice from a short list. */
export function SelectField({ id, label, options, ...select }: SelectFieldProps) {
  return (
    <FormField label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      input={<Select id={id} {...select}>{options.map((o) => <SelectOption key={o.value} value={o.value}>{o.label}</SelectOption>)}</Select>} />
  );
}
