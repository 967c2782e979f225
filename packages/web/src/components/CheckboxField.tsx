import type { ReactNode } from 'react';
import { Checkbox, FormField, FormLabel } from '@utrecht/component-library-react';

/** One labelled checkbox. */
export function CheckboxField({ id, label, checked, onChange }: { id: string; label: ReactNode; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <FormField type="checkbox"
      label={<FormLabel htmlFor={id} type="checkbox"><Checkbox id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}</FormLabel>} />
  );
}
