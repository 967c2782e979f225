import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CreateHelpOption } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';

const empty = { title: '', description: '', asksOfFamily: '', mayBring: '' };

/** Names a possible help for the goal, with what it asks of the family and what it may bring. */
export function OptionForm({ familyId, goalId }: { familyId: string; goalId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const field = (key: keyof typeof empty) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''));
    const checked = checkForm(CreateHelpOption, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage({ type: 'error', text: t('validation.summary') });
    try {
      await api('POST', `/api/v1/families/${familyId}/goals/${goalId}/options`, body);
      setForm(empty);
      setMessage({ type: 'ok', text: t('process.choice.optionSaved') });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId, 'goal', goalId] });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  const area = (key: 'description' | 'asksOfFamily' | 'mayBring', label: string) => (
    <FormField label={<FormLabel htmlFor={`option-${key}`}>{label}</FormLabel>}
      input={<Textarea id={`option-${key}`} rows={2} {...field(key)} />} />
  );
  return (
    <details className="gp-details gp-no-print">
      <summary>{t('process.choice.addOption')}</summary>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-label={t('process.choice.addOption')}>
        <TextField id="option-title" label={t('process.choice.optionTitle')} error={errors.title} {...field('title')} />
        {area('description', t('process.choice.description'))}
        {area('asksOfFamily', t('process.choice.asks'))}
        {area('mayBring', t('process.choice.brings'))}
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('process.choice.addOption')}</Button></div>
      </form>
    </details>
  );
}
