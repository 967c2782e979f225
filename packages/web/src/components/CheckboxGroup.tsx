import type { ReactNode } from 'react';
import { Fieldset, FieldsetLegend, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { CheckboxField } from './CheckboxField';

interface CheckboxGroupProps {
  id: string;
  legend: ReactNode;
  options: { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
  /** Long lists (the life domains) read better in two columns on a wide screen. */
  columns?: boolean;
}

/** A set of choices of which any number may be ticked, under one legend. */
export function CheckboxGroup({ id, legend, options, selected, onChange, error, columns = false }: CheckboxGroupProps) {
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <Fieldset invalid={!!error} aria-describedby={error ? `${id}-error` : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className={columns ? 'gp-columns' : undefined}>
        {options.map((o) => <CheckboxField key={o.value} id={`${id}-${o.value}`} label={o.label} checked={selected.includes(o.value)} onChange={(on) => toggle(o.value, on)} />)}
      </div>
    </Fieldset>
  );
}
