import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { defaultLifeDomains, type Service } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { problemText } from '../../components/problemText';
import { lifeDomainName } from '../family/PlanView';
import { domainsText, serviceFacts } from '../services/serviceText';

interface Search { lifeDomain: string; age: string; place: string; q: string }

const searchUrl = (s: Search) => `/api/v1/catalogue/search?${new URLSearchParams(Object.entries({ ...s, limit: '50' }).filter(([, v]) => v !== '')).toString()}`;

/**
 * "Who can help with this?": the service catalogue searched from a goal, starting from the goal's life domain and the
 * age of whom it is about; a service found is put forward as a help option in one step.
 */
export function FindHelp({ familyId, goalId, lifeDomain, age }: { familyId: string; goalId: string; lifeDomain: string; age: number | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initial: Search = { lifeDomain, age: age === null ? '' : String(age), place: '', q: '' };
  const [form, setForm] = useState<Search>(initial);
  const [search, setSearch] = useState<Search>(initial);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const results = useQuery({ queryKey: ['catalogue', 'search', search], queryFn: () => api<Page<Service>>('GET', searchUrl(search)) });
  const field = (key: keyof Search) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })) });

  const propose = async (s: Service) => {
    try {
      await api('POST', `/api/v1/families/${familyId}/goals/${goalId}/options`, { serviceId: s.id });
      setMessage({ type: 'ok', text: t('services.proposed', { name: s.name }) });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId, 'goal', goalId] });
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e) });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(form);
  };

  return (
    <div className="gp-find-help">
      <Heading3 id="find-help-title" className="gp-visually-hidden">{t('services.find')}</Heading3>
      <Paragraph className="gp-meta">{t('services.findIntro')}</Paragraph>
      <form onSubmit={submit} noValidate className="gp-search-form" aria-labelledby="find-help-title">
        <SelectField id="find-domain" label={t('services.findDomain')} {...field('lifeDomain')}
          options={[{ value: '', label: t('services.anyDomain') }, ...defaultLifeDomains.map((d) => ({ value: d.code, label: lifeDomainName(d.code) }))]} />
        <TextField id="find-age" type="number" inputMode="numeric" min={0} max={120} label={t('services.findAge')} {...field('age')} />
        <TextField id="find-place" label={t('services.findPlace')} {...field('place')} />
        <TextField id="find-words" type="search" label={t('services.findWords')} {...field('q')} />
        <div className="gp-form-actions"><Button type="submit" appearance="secondary-action-button">{t('services.search')}</Button></div>
      </form>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <QueryState query={results}>
        {(page) => page.items.length === 0 ? <Paragraph>{t('services.noResults')}</Paragraph> : (
          <ul className="gp-list" aria-label={t('services.results')}>
            {page.items.map((s) => (
              <li key={s.id}>
                <span>
                  <strong>{s.name}</strong> · {s.organisation.name}
                  <br /><span className="gp-meta">{domainsText(s.lifeDomains)} · {serviceFacts(s)}</span>
                  <br /><span className="gp-meta">{t(`services.referrals.${s.referral}`)}{s.njiRating && ` · NJi: ${t(`services.njiRatings.${s.njiRating}`)}`}{s.locations.length > 0 && ` · ${s.locations.map((l) => l.city).join(', ')}`}</span>
                </span>
                <Button appearance="secondary-action-button" aria-label={`${t('services.propose')}: ${s.name}`} onClick={() => void propose(s)}>{t('services.propose')}</Button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
