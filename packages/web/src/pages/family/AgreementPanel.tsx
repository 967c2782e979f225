import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CreatePlanAgreement, type MemberSummary } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { PlanT } from '../../api/queries';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { formatDate } from '../../format';

/**
 * Whether the family agrees with the goals they work on now: agreed (by whom, when), out of date because the goals
 * changed since, or not yet; and for the team, recording who of the family agreed. The plan is adopted only with
 * a current agreement.
 */
export function AgreementPanel({ familyId, plan, members, canRecord }: { familyId: string; plan: PlanT; members: MemberSummary[]; canRecord: boolean }) {
  const { t } = useTranslation();
  const agreement = plan.agreement;
  const goalsNow = plan.goals.filter((g) => g.focus === 'now').length;
  const status = !agreement ? t('process.agreement.none')
    : agreement.current ? t('process.agreement.current', { who: agreement.agreedBy.map((m) => m.name).join(', '), date: formatDate(agreement.agreedOn) })
      : t('process.agreement.stale', { date: formatDate(agreement.agreedOn) });
  return (
    <div className={`gp-agreement${agreement?.current ? ' gp-agreement--current' : ''}`} aria-labelledby="agreement-title" role="group">
      <Paragraph id="agreement-title"><strong>{t('process.agreement.title')}</strong> {status}</Paragraph>
      {canRecord && !agreement?.current && (goalsNow > 0
        ? <RecordAgreement familyId={familyId} members={members} />
        : <Paragraph className="gp-meta">{t('process.agreement.noGoalsNow')}</Paragraph>)}
    </div>
  );
}

function RecordAgreement({ familyId, members }: { familyId: string; members: MemberSummary[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [agreedBy, setAgreedBy] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { agreedBy, ...(note ? { note } : {}) };
    const checked = checkForm(CreatePlanAgreement, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage({ type: 'error', text: t('validation.summary') });
    try {
      await api('POST', `/api/v1/families/${familyId}/plan/agreements`, body);
      setMessage({ type: 'ok', text: t('process.agreement.saved') });
      setAgreedBy([]);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  return (
    <>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <details className="gp-details gp-no-print">
        <summary>{t('process.agreement.record')}</summary>
        <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-label={t('process.agreement.record')}>
          <CheckboxGroup id="agreement-who" legend={t('process.agreement.who')} selected={agreedBy} onChange={setAgreedBy} error={errors.agreedBy}
            options={members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))} />
          <FormField label={<FormLabel htmlFor="agreement-note">{t('process.agreement.note')}</FormLabel>}
            input={<Textarea id="agreement-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} />} />
          <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('process.agreement.record')}</Button></div>
        </form>
      </details>
    </>
  );
}
