import type { ReactNode } from 'react';
import { Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, RadioButton } from '@utrecht/component-library-react';

interface RadioGroupProps {
  id: string;
  legend: ReactNode;
  options: { value: string; label: string; description?: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Short scales (1–5, −2…+2) read best side by side. */
  inline?: boolean;
}

/** One choice out of a few, each visible at once (a scale, a reason), under one legend. */
export function RadioGroup({ id, legend, options, value, onChange, error, inline = false }: RadioGroupProps) {
  return (
    <Fieldset invalid={!!error} aria-describedby={error ? `${id}-error` : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className={inline ? 'gp-radios gp-radios--inline' : 'gp-radios'}>
        {options.map((o) => {
          const optionId = `${id}-${o.value.replace(/[^\w-]/g, '_')}`;
          return (
            <FormField key={o.value} type="radio"
              description={o.description ? <FormFieldDescription id={`${optionId}-hint`}>{o.description}</FormFieldDescription> : undefined}
              label={(
                <FormLabel htmlFor={optionId} type="radio">
                  <RadioButton id={optionId} name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)}
                    aria-describedby={o.description ? `${optionId}-hint` : undefined} /> {o.label}
                </FormLabel>
              )} />
          );
        })}
      </div>
    </Fieldset>
  );
}
