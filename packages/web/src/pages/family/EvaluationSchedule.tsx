import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { UpdatePlanSchedule } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { PlanT } from '../../api/queries';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { formatDate } from '../../format';

/** When the family and the team evaluate next, how often they do, and for the coordinator a way to change both. */
export function EvaluationSchedule({ familyId, plan, canEdit }: { familyId: string; plan: PlanT; canEdit: boolean }) {
  const { t } = useTranslation();
  const { nextOn, status, intervalWeeks } = plan.evaluation;
  return (
    <div className="gp-schedule">
      <Paragraph>
        {nextOn ? <strong>{t('process.schedule.next', { date: formatDate(nextOn) })}</strong> : plan.adoptedAt ? t('process.schedule.none') : t('process.schedule.startsAtAdoption')}
        {status && <span className={status === 'overdue' ? 'gp-badge gp-badge--late' : 'gp-badge'}> {t(`process.schedule.status.${status}`)}</span>}
        <span className="gp-meta"> · {t('process.schedule.every', { count: intervalWeeks })}</span>
      </Paragraph>
      {canEdit && <EditSchedule familyId={familyId} plan={plan} />}
    </div>
  );
}

function EditSchedule({ familyId, plan }: { familyId: string; plan: PlanT }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [weeks, setWeeks] = useState(String(plan.evaluation.intervalWeeks));
  const [nextOn, setNextOn] = useState(plan.evaluation.nextOn ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { evaluationIntervalWeeks: Number(weeks), ...(nextOn ? { nextEvaluationOn: nextOn } : {}) };
    const checked = checkForm(UpdatePlanSchedule, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage({ type: 'error', text: t('validation.summary') });
    try {
      await api('PATCH', `/api/v1/families/${familyId}/plan`, body, { 'if-match': `"${plan.version}"` });
      setMessage({ type: 'ok', text: t('process.schedule.saved') });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  return (
    <details className="gp-details gp-no-print">
      <summary>{t('process.schedule.edit')}</summary>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-label={t('process.schedule.edit')}>
        <TextField id="schedule-weeks" type="number" min={1} max={52} inputMode="numeric" label={t('process.schedule.interval')} value={weeks}
          onChange={(e) => setWeeks(e.target.value)} error={errors.evaluationIntervalWeeks} />
        <TextField id="schedule-next" type="date" label={t('process.schedule.nextDate')} value={nextOn} onChange={(e) => setNextOn(e.target.value)} error={errors.nextEvaluationOn} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('common.save')}</Button></div>
      </form>
    </details>
  );
}
