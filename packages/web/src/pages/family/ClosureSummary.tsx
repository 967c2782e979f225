import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormLabel, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import { RecordAftercareCheck, type Closure } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { formatDate } from '../../format';

/** Why the file closed, what the family can do themselves now, and the aftercare check (done or still to come). */
export function ClosureSummary({ closure }: { closure: Closure }) {
  const { t } = useTranslation();
  return (
    <div className="gp-closure">
      <Paragraph>{t('process.closure.summary', { date: formatDate(closure.closedOn), reason: t(`process.closure.reasons.${closure.reason}`) })}</Paragraph>
      <Paragraph className="gp-quote">{closure.canDoThemselves}</Paragraph>
      {closure.aftercare
        ? <Paragraph>{t('process.closure.aftercareDone', { date: formatDate(closure.aftercare.checkedOn), outcome: t(`process.closure.outcomes.${closure.aftercare.outcome}`) })}{closure.aftercare.note && ` ${closure.aftercare.note}`}</Paragraph>
        : closure.aftercareOn && <Paragraph><strong>{t('process.closure.aftercare', { date: formatDate(closure.aftercareOn) })}</strong></Paragraph>}
      {closure.aftercare?.outcome === 'needs-help' && <Paragraph className="gp-meta">{t('process.closure.needsHelpHint')}</Paragraph>}
    </div>
  );
}

/** The coordinator records the aftercare check: how the family is doing some months on. */
export function AftercareCheck({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState('');
  const [checkedOn, setCheckedOn] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { outcome, note, ...(checkedOn ? { checkedOn } : {}) };
    const checked = checkForm(RecordAftercareCheck, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage({ type: 'error', text: t('validation.summary') });
    try {
      await api('POST', `/api/v1/families/${familyId}/aftercare`, body);
      setMessage({ type: 'ok', text: t('process.closure.checkSaved') });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  return (
    <details className="gp-details">
      <summary>{t('process.closure.checkTitle')}</summary>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-label={t('process.closure.checkTitle')}>
        <Heading3 className="gp-visually-hidden">{t('process.closure.checkTitle')}</Heading3>
        <RadioGroup id="aftercare-outcome" legend={t('process.closure.outcome')} value={outcome} onChange={setOutcome} error={errors.outcome}
          options={(['going-well', 'needs-help'] as const).map((o) => ({ value: o, label: t(`process.closure.outcomes.${o}`) }))} />
        <TextField id="aftercare-date" type="date" label={t('process.evaluation.date')} value={checkedOn} onChange={(e) => setCheckedOn(e.target.value)} error={errors.checkedOn} />
        <FormField label={<FormLabel htmlFor="aftercare-note">{t('process.closure.checkNote')}</FormLabel>}
          input={<Textarea id="aftercare-note" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('process.closure.checkTitle')}</Button></div>
      </form>
    </details>
  );
}
