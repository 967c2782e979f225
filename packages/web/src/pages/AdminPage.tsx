import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { CreateOrganisation, CreateUser, organisationKinds, userRoles, type Organisation, type Role, type User } from '@gezinsplan/domain';
import { api } from '../api/client';
import type { Page } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { TextField } from '../components/TextField';
import { SelectField } from '../components/SelectField';
import { CheckboxField } from '../components/CheckboxField';
import { problemText } from '../components/problemText';
import { checkForm, type FieldErrors } from '../components/validation';
import { CollaborationCatalogueCard } from './admin/CollaborationCatalogueCard';
import { ServicesCard } from './admin/ServicesCard';
import { MailOutboxCard } from './admin/MailOutboxCard';

type Notice = { type: 'ok' | 'error'; text: string } | null;

/**
 * Administration: an admin manages every organisation and its people; an organisation's own admin manages its
 * people and whether they all sign in with a second step. Care content is never here.
 */
export function AdminPage({ roles, organisationId }: { roles: Role[]; organisationId: string }) {
  const { t } = useTranslation();
  const isAdmin = roles.includes('admin');
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice>(null);
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => api<Page<Organisation>>('GET', '/api/v1/organisations?limit=200') });
  const people = useQuery({
    queryKey: ['users', isAdmin ? 'all' : organisationId],
    queryFn: () => api<Page<User>>('GET', `/api/v1/users?limit=200${isAdmin ? '' : `&organisationId=${organisationId}`}`),
  });
  const run = async (work: () => Promise<unknown>, ok: string) => {
    try {
      await work();
      setNotice({ type: 'ok', text: ok });
    } catch (e) {
      setNotice({ type: 'error', text: problemText(e) });
    }
    await queryClient.invalidateQueries({ queryKey: ['organisations'] });
    await queryClient.invalidateQueries({ queryKey: ['users'] });
  };
  const setTwoFactor = (o: Organisation, on: boolean) =>
    run(() => api('PATCH', `/api/v1/organisations/${o.id}`, { requireTwoFactor: on }, { 'if-match': `"${o.version}"` }), t('edit.saved'));
  const setMaxGoalsNow = (o: Organisation, maxGoalsNow: number) =>
    run(() => api('PATCH', `/api/v1/organisations/${o.id}`, { maxGoalsNow }, { 'if-match': `"${o.version}"` }), t('edit.saved'));
  const reset = (u: User) => run(() => api('POST', `/api/v1/users/${u.id}/two-factor/reset`), t('admin.resetDone', { name: u.name }));

  return (
    <>
      <Heading1>{t('admin.title')}</Heading1>
      {notice && <Alert type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'}><Paragraph>{notice.text}</Paragraph></Alert>}
      <section aria-labelledby="organisations-title" className="gp-card">
        <Heading2 id="organisations-title">{t('admin.organisations')}</Heading2>
        <QueryState query={organisations}>
          {(page) => (
            <ul className="gp-list">
              {page.items.filter((o) => isAdmin || o.id === organisationId).map((o) => (
                <li key={o.id}>
                  <span>{o.name}<br /><span className="gp-meta">{t(`admin.kinds.${o.kind}`)} · {o.requireTwoFactor ? t('admin.twoFactorOn') : t('admin.twoFactorOff')}</span></span>
                  <Button appearance="secondary-action-button" aria-label={`${o.requireTwoFactor ? t('admin.turnOff') : t('admin.turnOn')}: ${t('admin.requireTwoFactor')}, ${o.name}`}
                    onClick={() => void setTwoFactor(o, !o.requireTwoFactor)}>
                    {o.requireTwoFactor ? t('admin.turnOff') : t('admin.turnOn')}
                  </Button>
                  <SelectField id={`max-now-${o.id}`} label={t('admin.maxGoalsNow', { name: o.name })} value={String(o.maxGoalsNow)}
                    onChange={(e) => void setMaxGoalsNow(o, Number(e.target.value))}
                    options={Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: t('admin.goalsAtOnce', { count: i + 1 }) }))} />
                </li>
              ))}
            </ul>
          )}
        </QueryState>
        {isAdmin && <NewOrganisation onDone={run} />}
      </section>
      <section aria-labelledby="people-title" className="gp-card">
        <Heading2 id="people-title">{t('admin.people')}</Heading2>
        <QueryState query={people}>
          {(page) => (
            <ul className="gp-list">
              {page.items.map((u) => (
                <li key={u.id}>
                  <span>{u.name} <span className="gp-meta">({u.email})</span><br /><span className="gp-meta">{u.organisationName} · {u.roles.map((r) => t(`admin.role.${r}`)).join(', ')}</span></span>
                  <Button appearance="subtle-button" aria-label={`${t('admin.resetTwoFactor')}: ${u.name}`} onClick={() => void reset(u)}>{t('admin.resetTwoFactor')}</Button>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
        <NewPerson onDone={run} isAdmin={isAdmin} organisationId={organisationId} organisations={organisations.data?.items ?? []} />
      </section>
      <ServicesCard isAdmin={isAdmin} organisationId={organisationId} organisations={organisations.data?.items ?? []} />
      {isAdmin && <CollaborationCatalogueCard />}
      {isAdmin && <MailOutboxCard />}
    </>
  );
}

type Run = (work: () => Promise<unknown>, ok: string) => Promise<void>;

function NewOrganisation({ onDone }: { onDone: Run }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState('wijkteam');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name, kind };
    if (!CreateOrganisation.safeParse(body).success) return;
    void onDone(() => api('POST', '/api/v1/organisations', body), t('edit.saved')).then(() => setName(''));
  };
  return (
    <details className="gp-details">
      <summary>{t('admin.newOrganisation')}</summary>
      <form onSubmit={submit} noValidate className="gp-form">
        <TextField id="org-name" label={t('admin.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField id="org-kind" label={t('admin.kind')} value={kind} onChange={(e) => setKind(e.target.value)}
          options={organisationKinds.map((k) => ({ value: k, label: t(`admin.kinds.${k}`) }))} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('admin.add')}</Button></div>
      </form>
    </details>
  );
}

function NewPerson({ onDone, isAdmin, organisationId, organisations }: { onDone: Run; isAdmin: boolean; organisationId: string; organisations: Organisation[] }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const [org, setOrg] = useState(organisationId);
  const [roles, setRoles] = useState<Role[]>(['professional']);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const offered = userRoles.filter((r) => isAdmin || r !== 'admin');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name, email, password, organisationId: org, roles, ...(phone.trim() ? { phone } : {}) };
    const checked = checkForm(CreateUser, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setError(t('validation.summary'));
    setError(null);
    void onDone(() => api('POST', '/api/v1/users', body), t('edit.saved')).then(() => { setName(''); setEmail(''); setPassword(''); setPhone(''); });
  };
  return (
    <details className="gp-details">
      <summary>{t('admin.newPerson')}</summary>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <form onSubmit={submit} noValidate className="gp-form">
        <TextField id="user-name" label={t('admin.name')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
        <TextField id="user-email" type="email" autoComplete="off" label={t('admin.email')} value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        <TextField id="user-phone" type="tel" autoComplete="off" label={t('admin.phone')} description={t('admin.phoneHint')} value={phone} error={errors.phone} onChange={(e) => setPhone(e.target.value)} />
        <TextField id="user-password" type="password" autoComplete="new-password" label={t('admin.password')} description={t('admin.passwordHint')} value={password} error={errors.password} onChange={(e) => setPassword(e.target.value)} />
        {isAdmin && (
          <SelectField id="user-organisation" label={t('admin.organisation')} value={org} onChange={(e) => setOrg(e.target.value)}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
        )}
        <Fieldset>
          <FieldsetLegend>{t('admin.roles')}</FieldsetLegend>
          {offered.map((r) => <CheckboxField key={r} id={`role-${r}`} label={t(`admin.role.${r}`)} checked={roles.includes(r)}
            onChange={(on) => setRoles((rs) => (on ? [...rs, r] : rs.filter((x) => x !== r)))} />)}
        </Fieldset>
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('admin.add')}</Button></div>
      </form>
    </details>
  );
}
