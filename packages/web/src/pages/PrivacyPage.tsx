import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { fixedCategoryPlainNl, isFixedCategory, PrivacyAuditQuery, type AuditRecord, type BreakGlassGrant } from '@gezinsplan/domain';
import { api } from '../api/client';
import type { Page } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { TextField } from '../components/TextField';
import { SelectField } from '../components/SelectField';
import { CheckboxField } from '../components/CheckboxField';
import { problemText } from '../components/problemText';
import { formatMoment } from '../format';
import { lifeDomainName } from './family/PlanView';

const categoryName = (c: string) => (isFixedCategory(c) ? fixedCategoryPlainNl[c] : lifeDomainName(c));

/** The privacy officer's desk: break-the-glass grants waiting for review, and the search of the audit log. */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <>
      <Heading1>{t('privacy.title')}</Heading1>
      <ReviewQueue />
      <AuditSearch />
    </>
  );
}

function ReviewQueue() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [flagging, setFlagging] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const queue = useQuery({ queryKey: ['privacy', 'reviews'], queryFn: () => api<Page<BreakGlassGrant>>('GET', '/api/v1/privacy/break-glass-reviews?limit=50') });
  const review = async (g: BreakGlassGrant, decision: 'justified' | 'flagged') => {
    try {
      await api('POST', `/api/v1/privacy/break-glass-reviews/${g.id}`, decision === 'flagged' ? { decision, note } : { decision }, { 'if-match': `"${g.version}"` });
      setNotice({ type: 'ok', text: t('privacy.reviewed') });
      setFlagging(null);
      setNote('');
    } catch (e) {
      setNotice({ type: 'error', text: problemText(e) });
    }
    await queryClient.invalidateQueries({ queryKey: ['privacy'] });
  };
  return (
    <section aria-labelledby="reviews-title" className="gp-card">
      <Heading2 id="reviews-title">{t('privacy.reviews')}</Heading2>
      {notice && <Alert type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'}><Paragraph>{notice.text}</Paragraph></Alert>}
      <QueryState query={queue}>
        {(page) => page.items.length === 0 ? <Paragraph>{t('privacy.noReviews')}</Paragraph> : (
          <ul className="gp-list">
            {page.items.map((g) => (
              <li key={g.id}>
                <span>
                  {t('privacy.grant', { who: g.user.name, org: g.user.organisationName, what: g.categories.map(categoryName).join(', '), when: formatMoment(g.openedAt), reads: g.emergencyReads })}
                  <br /><span className="gp-meta">{t('privacy.reason', { reason: g.reason })}</span>
                </span>
                <span className="gp-toolbar">
                  <Button appearance="primary-action-button" aria-label={`${t('privacy.justified')}: ${g.user.name}`} onClick={() => void review(g, 'justified')}>{t('privacy.justified')}</Button>
                  <Button appearance="secondary-action-button" aria-label={`${t('privacy.flag')}: ${g.user.name}`} onClick={() => setFlagging(g.id)}>{t('privacy.flag')}</Button>
                </span>
                {flagging === g.id && (
                  <form className="gp-form gp-inline-form" noValidate onSubmit={(e) => { e.preventDefault(); void review(g, 'flagged'); }}>
                    <TextField id={`flag-${g.id}`} label={t('privacy.flagNote')} value={note} onChange={(e) => setNote(e.target.value)} />
                    <Button type="submit" appearance="primary-action-button" hint="danger">{t('privacy.flagSubmit')}</Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function AuditSearch() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ familyId: '', from: '', to: '', outcome: '', emergency: false });
  const [query, setQuery] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const results = useQuery({
    queryKey: ['privacy', 'audit', query], enabled: query !== null,
    queryFn: () => api<Page<AuditRecord>>('GET', `/api/v1/privacy/audit?limit=100&${query}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = Object.fromEntries(Object.entries({ ...form, emergency: form.emergency ? 'true' : '' }).filter(([, v]) => v !== ''));
    if (!PrivacyAuditQuery.safeParse(params).success) return setError(t('edit.invalid', { detail: Object.keys(params).join(', ') }));
    setError(null);
    setQuery(new URLSearchParams(params as Record<string, string>).toString());
  };
  return (
    <section aria-labelledby="search-title" className="gp-card">
      <Heading2 id="search-title">{t('privacy.search')}</Heading2>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <form onSubmit={submit} noValidate className="gp-form">
        <TextField id="audit-family" label={t('privacy.family')} value={form.familyId} onChange={(e) => setForm({ ...form, familyId: e.target.value.trim() })} />
        <TextField id="audit-from" type="date" label={t('privacy.from')} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        <TextField id="audit-to" type="date" label={t('privacy.to')} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        <SelectField id="audit-outcome" label={t('privacy.outcome')} value={form.outcome} onChange={(e) => setForm({ ...form, outcome: e.target.value })}
          options={[{ value: '', label: t('privacy.any') }, ...(['success', 'denied', 'failure'] as const).map((o) => ({ value: o, label: t(`privacy.outcomes.${o}`) }))]} />
        <CheckboxField id="audit-emergency" label={t('privacy.emergencyOnly')} checked={form.emergency} onChange={(emergency) => setForm({ ...form, emergency })} />
        <div className="gp-form-actions">
          <Button type="submit" appearance="primary-action-button">{t('privacy.searchSubmit')}</Button>
          {query !== null && <ButtonLink appearance="secondary-action-button" href={`/api/v1/privacy/audit.csv?${query}`} download>{t('privacy.csv')}</ButtonLink>}
        </div>
      </form>
      {query !== null && (
        <QueryState query={results}>
          {(page) => page.items.length === 0 ? <Paragraph role="status">{t('privacy.noRecords')}</Paragraph> : (
            <ul className="gp-list" aria-label={t('privacy.search')}>
              {page.items.map((r) => (
                <li key={r.id}>
                  <span>{t('privacy.record', { who: r.user.name ?? '—', event: r.eventType, when: formatMoment(r.occurredAt) })}<br /><span className="gp-meta">{r.user.organisationName ?? ''}</span></span>
                  <span className={r.outcome === 'success' ? 'gp-badge' : 'gp-badge gp-badge--strong'}>{t(`privacy.outcomes.${r.outcome}`)} · {r.checks}</span>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      )}
    </section>
  );
}
