import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, FormField, FormFieldErrorMessage, FormLabel, Heading2, Paragraph, Textarea } from '@utrecht/component-library-react';
import { closingReasons, PhaseTransitionRequest, type Family } from '@gezinsplan/domain';
import { api } from '../api/client';
import { usePhase } from '../api/queries';
import { RadioGroup } from '../components/RadioGroup';
import { TextField } from '../components/TextField';
import { checkForm, type FieldErrors } from '../components/validation';
import { problemFieldErrors, problemText } from '../components/problemText';
import { BackToFamily, FamilyFrame } from './family/FamilyFrame';

/** Closing the file with the family: why, what they can do themselves now, and the aftercare check. */
export function ClosePage() {
  const { familyId = '' } = useParams();
  return <FamilyFrame familyId={familyId} active="other">{(family) => <CloseForm family={family} />}</FamilyFrame>;
}

function CloseForm({ family }: { family: Family }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phase = usePhase(family.id);
  const [reason, setReason] = useState('');
  const [canDoThemselves, setCanDoThemselves] = useState('');
  const [aftercareOn, setAftercareOn] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  // What the server says still stands in the way of closing (a closing evaluation, once help has been given).
  const refusals = phase.data?.next.find((n) => n.to === 'afgesloten')?.refusals ?? [];
  const needsEvaluation = refusals.includes('needs-closing-evaluation');
  const evaluationHref = `/gezinnen/${family.id}/evaluaties/nieuw?soort=afsluitend`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { to: 'afgesloten', ...(note ? { note } : {}), closing: { reason, canDoThemselves, ...(aftercareOn ? { aftercareOn } : {}) } };
    const checked = checkForm(PhaseTransitionRequest, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage(t('validation.summary'));
    try {
      await api('POST', `/api/v1/families/${family.id}/phase`, body);
      await queryClient.invalidateQueries({ queryKey: ['family', family.id] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await navigate(`/gezinnen/${family.id}`);
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage(problemText(e));
    }
  };

  if (family.phase === 'afgesloten') return <><BackToFamily familyId={family.id} /><Paragraph>{t('process.closure.closed')}</Paragraph></>;
  return (
    <>
      <BackToFamily familyId={family.id} />
      <section aria-labelledby="close-title" className="gp-card">
        <Heading2 id="close-title">{t('process.closure.title')}</Heading2>
        <Paragraph>{t('process.closure.intro')}</Paragraph>
        {needsEvaluation && (
          <Alert type="warning" role="status">
            <Paragraph>{t('process.closure.needsEvaluation')}</Paragraph>
            <ButtonLink href={evaluationHref} appearance="secondary-action-button" onClick={(e) => { e.preventDefault(); void navigate(evaluationHref); }}>{t('process.closure.goToEvaluation')}</ButtonLink>
          </Alert>
        )}
        {message && <Alert type="error" role="alert"><Paragraph>{message}</Paragraph></Alert>}
        <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-labelledby="close-title">
          <RadioGroup id="close-reason" legend={t('process.closure.reason')} value={reason} onChange={setReason} error={errors['closing.reason']}
            options={closingReasons.map((r) => ({ value: r, label: t(`process.closure.reasons.${r}`) }))} />
          <FormField invalid={!!errors['closing.canDoThemselves']} label={<FormLabel htmlFor="close-can-do">{t('process.closure.canDoThemselves')}</FormLabel>}
            errorMessage={errors['closing.canDoThemselves'] ? <FormFieldErrorMessage id="close-can-do-error">{errors['closing.canDoThemselves']}</FormFieldErrorMessage> : undefined}
            input={<Textarea id="close-can-do" rows={3} value={canDoThemselves} invalid={!!errors['closing.canDoThemselves']}
              aria-describedby={errors['closing.canDoThemselves'] ? 'close-can-do-error' : undefined} onChange={(e) => setCanDoThemselves(e.target.value)} />} />
          <TextField id="close-aftercare" type="date" label={t('process.closure.aftercareOn')} description={t('process.closure.aftercareHint')}
            value={aftercareOn} onChange={(e) => setAftercareOn(e.target.value)} error={errors['closing.aftercareOn']} />
          <FormField label={<FormLabel htmlFor="close-note">{t('process.phase.note')}</FormLabel>}
            input={<Textarea id="close-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />} />
          <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button" disabled={needsEvaluation}>{t('process.closure.submit')}</Button></div>
        </form>
      </section>
    </>
  );
}
