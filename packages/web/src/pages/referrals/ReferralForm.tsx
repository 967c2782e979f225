import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CreateReferral, type Organisation, type Service } from '@gezinsplan/domain';
import { api, ApiError } from '../../api/client';
import type { Page } from '../../api/queries';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';

/**
 * Refers the family, for this goal, to another organisation (optionally for one of its services): why, and what it
 * should know. The server refuses what the family did not consent to share with that organisation, and the form
 * says so in words.
 */
export function ReferralForm({ familyId, goalId, initial }: { familyId: string; goalId: string; initial?: { organisationId: string; serviceId: string } }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Several of these forms may share a page (one per service option): each its own ids.
  const id = (name: string) => `referral-${initial?.serviceId ?? goalId}-${name}`;
  const [organisationId, setOrganisationId] = useState(initial?.organisationId ?? '');
  const [serviceId, setServiceId] = useState(initial?.serviceId ?? '');
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const [includeWho, setIncludeWho] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => api<Page<Organisation>>('GET', '/api/v1/organisations?limit=200') });
  const services = useQuery({
    queryKey: ['services', organisationId], enabled: organisationId !== '',
    queryFn: () => api<Page<Service>>('GET', `/api/v1/organisations/${organisationId}/services?limit=200`),
  });
  const orgName = organisations.data?.items.find((o) => o.id === organisationId)?.name ?? '';

  const submit = async (event: FormEvent, send: boolean) => {
    event.preventDefault();
    const body = { goalId, toOrganisationId: organisationId, ...(serviceId ? { serviceId } : {}), reason, summary, includeWho, send };
    const checked = checkForm(CreateReferral, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage({ type: 'error', text: t('validation.summary') });
    try {
      await api('POST', `/api/v1/families/${familyId}/referrals`, body);
      setReason(''); setSummary('');
      setMessage({ type: 'ok', text: send ? t('referrals.sent', { name: orgName }) : t('referrals.drafted') });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      const noConsent = e instanceof ApiError && e.problem.errors?.some((x) => x.detail === 'not covered by the family’s consent');
      setMessage({ type: 'error', text: noConsent ? t('referrals.noConsent', { name: orgName }) : problemText(e) });
    }
  };

  return (
    <>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e, true)} noValidate className="gp-form" aria-label={initial ? t('referrals.referTo', { name: orgName }) : t('referrals.refer')}>
        <SelectField id={id('organisation')} label={t('referrals.organisation')} value={organisationId} error={errors.toOrganisationId}
          onChange={(e) => { setOrganisationId(e.target.value); setServiceId(''); }}
          options={[{ value: '', label: t('edit.choose_member') }, ...(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]} />
        {organisationId && (
          <SelectField id={id('service')} label={t('referrals.service')} value={serviceId} error={errors.serviceId} onChange={(e) => setServiceId(e.target.value)}
            options={[{ value: '', label: t('referrals.noService') }, ...(services.data?.items ?? []).filter((s) => s.status === 'active').map((s) => ({ value: s.id, label: s.name }))]} />
        )}
        <FormField invalid={!!errors.reason} label={<FormLabel htmlFor={id('reason')}>{t('referrals.reason')}</FormLabel>}
          errorMessage={errors.reason ? <FormFieldErrorMessage id={id('reason-error')}>{errors.reason}</FormFieldErrorMessage> : undefined}
          input={<Textarea id={id('reason')} rows={3} value={reason} invalid={!!errors.reason} aria-describedby={errors.reason ? id('reason-error') : undefined} onChange={(e) => setReason(e.target.value)} />} />
        <FormField label={<FormLabel htmlFor={id('summary')}>{t('referrals.summary')}</FormLabel>}
          input={<Textarea id={id('summary')} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />} />
        <CheckboxField id={id('who')} label={t('referrals.includeWho')} checked={includeWho} onChange={setIncludeWho} />
        <div className="gp-form-actions">
          <Button type="submit" appearance="primary-action-button">{t('referrals.send')}</Button>
          <Button appearance="secondary-action-button" onClick={(e) => void submit(e, false)}>{t('referrals.draft')}</Button>
        </div>
      </form>
    </>
  );
}
