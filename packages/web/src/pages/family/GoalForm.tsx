import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CreateGoal, defaultLifeDomains, goalFocuses, type MemberSummary } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { lifeDomainName } from './PlanView';
import { isNowFull } from './useMoveGoal';

/** A new goal for the plan, in the family's words, with its life domain, whom it is about and when. */
export function GoalForm({ familyId, members, nowLimit, nowTaken }: { familyId: string; members: MemberSummary[]; nowLimit: number; nowTaken: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [lifeDomain, setLifeDomain] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const nowFull = nowTaken >= nowLimit;
  // Not everything at once: when "now" is full, a new goal starts under "later" unless the person chooses otherwise.
  const [chosenFocus, setFocus] = useState<string | null>(null);
  const focus = chosenFocus ?? (nowFull ? 'later' : 'now');
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { title, lifeDomain, memberIds, focus };
    const checked = checkForm(CreateGoal, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage({ type: 'error', text: t('validation.summary') });
    try {
      await api('POST', `/api/v1/families/${familyId}/goals`, body);
      setTitle('');
      setMemberIds([]);
      setMessage({ type: 'ok', text: t('edit.saved') });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage({ type: 'error', text: isNowFull(e) ? t('edit.nowFull', { limit: nowLimit }) : problemText(e) });
    }
  };

  return (
    <details className="gp-details gp-no-print">
      <summary>{t('edit.addGoal')}</summary>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <FormField invalid={!!errors.title} label={<FormLabel htmlFor="goal-title">{t('edit.goalTitle')}</FormLabel>}
          errorMessage={errors.title ? <FormFieldErrorMessage id="goal-title-error">{errors.title}</FormFieldErrorMessage> : undefined}
          input={<Textarea id="goal-title" value={title} invalid={!!errors.title} aria-describedby={errors.title ? 'goal-title-error' : undefined} onChange={(e) => setTitle(e.target.value)} rows={2} />} />
        <SelectField id="goal-domain" label={t('edit.lifeDomain')} value={lifeDomain} error={errors.lifeDomain} onChange={(e) => setLifeDomain(e.target.value)}
          options={[{ value: '', label: t('edit.choose_member') }, ...defaultLifeDomains.map((d) => ({ value: d.code, label: lifeDomainName(d.code) }))]} />
        <CheckboxGroup id="goal-member" legend={t('edit.about')} selected={memberIds} onChange={setMemberIds}
          options={members.map((m) => ({ value: m.id, label: m.givenName }))} />
        <SelectField id="goal-focus" label={t('edit.focus')} value={focus} onChange={(e) => setFocus(e.target.value)}
          description={nowFull ? t('edit.nowFullHint', { limit: nowLimit }) : undefined}
          options={goalFocuses.filter((f) => f !== 'stopped').map((f) => ({ value: f, label: t(`focus.${f}`) }))} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('edit.addGoal')}</Button></div>
      </form>
    </details>
  );
}
