import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CreateService, defaultLifeDomains, njiRatings, referralRoutes, UpdateService, type Service } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { CheckboxField } from '../../components/CheckboxField';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { lifeDomainName } from '../family/PlanView';

interface LocationRow { name: string; address: string; postalCode: string; city: string }
const emptyLocation = (): LocationRow => ({ name: '', address: '', postalCode: '', city: '' });
const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v));
const textOrNull = (v: string) => (v.trim() === '' ? null : v.trim());

/**
 * Describes one service of the organisation: new (`service` absent) or changed in place (with If-Match). Every field
 * is checked with the same schema as the server before it is sent, and says per field what is wrong.
 */
export function ServiceForm({ organisationId, service, onSaved, id }: { organisationId: string; service?: Service; onSaved: (s: Service) => void; id: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [lifeDomains, setLifeDomains] = useState<string[]>(service?.lifeDomains ?? []);
  const [minimumAge, setMinimumAge] = useState(service?.minimumAge?.toString() ?? '');
  const [maximumAge, setMaximumAge] = useState(service?.maximumAge?.toString() ?? '');
  const [referral, setReferral] = useState<string>(service?.referral ?? 'self');
  const [needsDecision, setNeedsDecision] = useState(service?.needsMunicipalDecision ?? false);
  const [waitWeeks, setWaitWeeks] = useState(service?.waitWeeks?.toString() ?? '');
  const [locations, setLocations] = useState<LocationRow[]>(service?.locations.map((l) => ({ name: l.name, address: l.address, postalCode: l.postalCode, city: l.city })) ?? []);
  const [email, setEmail] = useState(service?.email ?? '');
  const [phone, setPhone] = useState(service?.phone ?? '');
  const [website, setWebsite] = useState(service?.website ?? '');
  const [nji, setNji] = useState<string>(service?.njiRating ?? '');
  const [njiUrl, setNjiUrl] = useState(service?.njiUrl ?? '');
  const [status, setStatus] = useState<string>(service?.status ?? 'active');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const setLocation = (i: number, patch: Partial<LocationRow>) => setLocations((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name, description, lifeDomains, minimumAge: numberOrNull(minimumAge), maximumAge: numberOrNull(maximumAge), referral,
      needsMunicipalDecision: needsDecision, waitWeeks: numberOrNull(waitWeeks), locations, email: textOrNull(email), phone: textOrNull(phone),
      website: textOrNull(website), njiRating: nji || null, njiUrl: textOrNull(njiUrl), status,
    };
    const checked = checkForm(service ? UpdateService : CreateService, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage(t('validation.summary'));
    try {
      const saved = service
        ? await api<Service>('PATCH', `/api/v1/organisations/${organisationId}/services/${service.id}`, body, { 'if-match': `"${service.version}"` })
        : await api<Service>('POST', `/api/v1/organisations/${organisationId}/services`, body);
      setMessage(null);
      onSaved(saved);
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage(problemText(e));
    }
  };

  const f = (key: string) => `${id}-${key}`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-label={service ? t('services.editLabel', { name: service.name }) : t('services.add')}>
      {message && <Alert type="error" role="alert"><Paragraph>{message}</Paragraph></Alert>}
      <TextField id={f('name')} label={t('services.name')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
      <FormField label={<FormLabel htmlFor={f('description')}>{t('services.description')}</FormLabel>}
        input={<Textarea id={f('description')} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />} />
      <CheckboxGroup id={f('domains')} legend={t('services.lifeDomains')} selected={lifeDomains} onChange={setLifeDomains} error={errors.lifeDomains} columns
        options={defaultLifeDomains.map((d) => ({ value: d.code, label: lifeDomainName(d.code) }))} />
      <div className="gp-field-row">
        <TextField id={f('min-age')} type="number" inputMode="numeric" min={0} max={120} label={t('services.minimumAge')} value={minimumAge} error={errors.minimumAge} onChange={(e) => setMinimumAge(e.target.value)} />
        <TextField id={f('max-age')} type="number" inputMode="numeric" min={0} max={120} label={t('services.maximumAge')} value={maximumAge} error={errors.maximumAge} onChange={(e) => setMaximumAge(e.target.value)} />
      </div>
      <SelectField id={f('referral')} label={t('services.referral')} value={referral} onChange={(e) => setReferral(e.target.value)}
        options={referralRoutes.map((r) => ({ value: r, label: t(`services.referrals.${r}`) }))} />
      <CheckboxField id={f('decision')} label={t('services.needsDecision')} checked={needsDecision} onChange={setNeedsDecision} />
      <TextField id={f('wait')} type="number" inputMode="numeric" min={0} max={104} label={t('services.waitWeeks')} value={waitWeeks} error={errors.waitWeeks} onChange={(e) => setWaitWeeks(e.target.value)} />
      <Fieldset>
        <FieldsetLegend>{t('services.locations')}</FieldsetLegend>
        {locations.map((l, i) => (
          <div key={i} className="gp-fieldset">
            <TextField id={f(`loc-${i}-name`)} label={`${t('services.location', { n: i + 1 })}: ${t('services.locationName')}`} value={l.name} error={errors[`locations.${i}.name`]} onChange={(e) => setLocation(i, { name: e.target.value })} />
            <TextField id={f(`loc-${i}-address`)} label={t('services.address')} value={l.address} error={errors[`locations.${i}.address`]} onChange={(e) => setLocation(i, { address: e.target.value })} />
            <div className="gp-field-row">
              <TextField id={f(`loc-${i}-postal`)} label={t('services.postalCode')} value={l.postalCode} error={errors[`locations.${i}.postalCode`]} autoComplete="off" onChange={(e) => setLocation(i, { postalCode: e.target.value })} />
              <TextField id={f(`loc-${i}-city`)} label={t('services.city')} value={l.city} error={errors[`locations.${i}.city`]} onChange={(e) => setLocation(i, { city: e.target.value })} />
            </div>
            <Button appearance="subtle-button" onClick={() => setLocations((ls) => ls.filter((_, j) => j !== i))}>{t('services.removeLocation', { n: i + 1 })}</Button>
          </div>
        ))}
        <Button appearance="secondary-action-button" onClick={() => setLocations((ls) => [...ls, emptyLocation()])}>{t('services.addLocation')}</Button>
      </Fieldset>
      <TextField id={f('email')} type="email" label={t('services.email')} value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
      <TextField id={f('phone')} type="tel" label={t('services.phone')} value={phone} error={errors.phone} onChange={(e) => setPhone(e.target.value)} />
      <TextField id={f('website')} type="url" label={t('services.website')} value={website} error={errors.website} onChange={(e) => setWebsite(e.target.value)} />
      <SelectField id={f('nji')} label={t('services.nji')} value={nji} onChange={(e) => setNji(e.target.value)}
        options={[{ value: '', label: t('services.njiNone') }, ...njiRatings.map((r) => ({ value: r, label: t(`services.njiRatings.${r}`) }))]} />
      <TextField id={f('nji-url')} type="url" label={t('services.njiUrl')} value={njiUrl} error={errors.njiUrl} onChange={(e) => setNjiUrl(e.target.value)} />
      {service && (
        <SelectField id={f('status')} label={t('services.status')} value={status} onChange={(e) => setStatus(e.target.value)}
          options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`services.statuses.${s}`) }))} />
      )}
      <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('common.save')}</Button></div>
    </form>
  );
}
