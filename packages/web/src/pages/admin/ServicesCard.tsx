import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Organisation, Service } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { ServiceForm } from '../services/ServiceForm';
import { domainsText, serviceFacts } from '../services/serviceText';

/**
 * The organisation's entries in the service catalogue: what it offers, each changed in place, and a new one added.
 * An admin may choose the organisation; an organisation's admin works on their own.
 */
export function ServicesCard({ isAdmin, organisationId, organisations }: { isAdmin: boolean; organisationId: string; organisations: Organisation[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [orgId, setOrgId] = useState(organisationId);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const services = useQuery({ queryKey: ['services', orgId], queryFn: () => api<Page<Service>>('GET', `/api/v1/organisations/${orgId}/services?limit=200`) });
  const done = async (s: Service) => {
    setSaved(t('services.saved', { name: s.name }));
    setEditing(null);
    setAdding((n) => n + 1);
    await queryClient.invalidateQueries({ queryKey: ['services'] });
  };

  return (
    <section aria-labelledby="services-title" className="gp-card">
      <Heading2 id="services-title">{t('services.title')}</Heading2>
      <Paragraph>{t('services.intro')}</Paragraph>
      {isAdmin && (
        <SelectField id="services-organisation" label={t('services.organisation')} value={orgId} onChange={(e) => { setOrgId(e.target.value); setEditing(null); }}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
      )}
      {saved && <Alert type="ok" role="status"><Paragraph>{saved}</Paragraph></Alert>}
      <QueryState query={services}>
        {(page) => page.items.length === 0 ? <Paragraph>{t('services.none')}</Paragraph> : (
          <ul className="gp-list">
            {page.items.map((s) => (
              <li key={s.id}>
                <span>
                  <strong>{s.name}</strong>{s.status === 'inactive' && <span className="gp-meta"> ({t('services.inactive')})</span>}
                  <br /><span className="gp-meta">{domainsText(s.lifeDomains)} · {serviceFacts(s)}</span>
                </span>
                <Button appearance="subtle-button" aria-label={t('services.editLabel', { name: s.name })} onClick={() => setEditing(editing === s.id ? null : s.id)}>{t('services.edit')}</Button>
                {editing === s.id && <div className="gp-inline-form"><ServiceForm id={`service-${s.id}`} organisationId={orgId} service={s} onSaved={(x) => void done(x)} /></div>}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <details className="gp-details" key={`${orgId}-${adding}`}>
        <summary>{t('services.add')}</summary>
        <ServiceForm id="service-new" organisationId={orgId} onSaved={(x) => void done(x)} />
      </details>
    </section>
  );
}
