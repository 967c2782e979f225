import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading2, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import type { Signal } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/queries';
import { problemText } from '../../components/problemText';
import { formatDate } from '../../format';

/** My open signals (only coordinators receive them). */
export const useMySignals = () => useQuery({ queryKey: ['me', 'signals'], queryFn: () => api<Page<Signal>>('GET', '/api/v1/me/signals?limit=100') });

/**
 * Mijn werk › Signalen: another organisation's file holds a child of a family I coordinate. Shows only how to reach
 * that side's coordinator, and the two ways forward the server allows: one care team, or a recorded reason why not.
 */
export function SignalsSection({ familyNames }: { familyNames: Map<string, string | null> }) {
  const { t } = useTranslation();
  const signals = useMySignals();
  // What became of a signal that was just dealt with: it leaves the list, the confirmation stays.
  const [resolved, setResolved] = useState<string | null>(null);
  const items = signals.data?.items ?? [];
  if (items.length === 0 && !resolved) return null;
  return (
    <section aria-labelledby="signals-title" className="gp-card">
      <Heading2 id="signals-title">{t('signals.title')}</Heading2>
      {resolved && <Alert type="ok" role="status"><Paragraph>{resolved}</Paragraph></Alert>}
      {items.length > 0 && <Paragraph>{t('signals.intro')}</Paragraph>}
      <div className="gp-referrals">
        {items.map((s) => <SignalCard key={s.id} signal={s} familyName={familyNames.get(s.mine.familyId) ?? null} onResolved={setResolved} />)}
      </div>
    </section>
  );
}

function SignalCard({ signal: s, familyName, onResolved }: { signal: Signal; familyName: string | null; onResolved: (text: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (step: 'propose-team' | 'accept-team' | 'decline', done: string) => {
    setBusy(true);
    try {
      await api('POST', `/api/v1/signals/${s.id}/${step}`, step === 'decline' ? { reason } : undefined);
      if (step === 'propose-team') setMessage({ type: 'ok', text: done });
      else onResolved(done);
      setDeclining(false);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.invalidateQueries({ queryKey: ['family', s.mine.familyId] });
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e) });
    } finally {
      setBusy(false);
    }
  };
  const submitReason = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('signals.reasonRequired'));
      return;
    }
    setReasonError(null);
    void act('decline', t('signals.declined'));
  };
  const id = `signal-${s.id}`;
  return (
    <article className="gp-referral" aria-labelledby={`${id}-title`}>
      <Heading3 id={`${id}-title`} className="gp-referral-title">{t('signals.heading')}</Heading3>
      <Paragraph>
        <span className="gp-badge gp-badge--strong">{t('signals.badge')}</span>{' '}
        <Link className="utrecht-link" to={`/gezinnen/${s.mine.familyId}`}>{familyName ?? t('myWork.nameHidden')}</Link>
      </Paragraph>
      {s.other ? (
        <>
          <Paragraph>{t('signals.contact', { name: s.other.name, organisation: s.other.organisationName })}</Paragraph>
          <ul className="gp-list">
            <li><span>{t('signals.email')}: <a className="utrecht-link" href={`mailto:${s.other.email}`}>{s.other.email}</a></span></li>
            {s.other.phone && <li><span>{t('signals.phone')}: <a className="utrecht-link" href={`tel:${s.other.phone}`}>{s.other.phone}</a></span></li>}
          </ul>
        </>
      ) : <Paragraph>{t('signals.noContact')}</Paragraph>}
      {s.proposal && <Paragraph>{s.proposal.by === 'me' ? t('signals.proposedByMe') : t('signals.proposedByOther', { name: s.other?.name ?? '' })}</Paragraph>}
      <Paragraph className="gp-meta">{t('signals.activeUntil', { date: formatDate(s.activeUntil) })}</Paragraph>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      {!declining && s.allowedActions.length > 0 && (
        <div className="gp-form-actions">
          {s.allowedActions.includes('propose-team') && (
            <Button appearance="primary-action-button" disabled={busy} aria-describedby={`${id}-propose-hint`} onClick={() => void act('propose-team', t('signals.proposed'))}>{t('signals.propose')}</Button>
          )}
          {s.allowedActions.includes('accept-team') && (
            <Button appearance="primary-action-button" disabled={busy} onClick={() => void act('accept-team', t('signals.joined'))}>{t('signals.accept')}</Button>
          )}
          {s.allowedActions.includes('decline') && (
            <Button appearance="secondary-action-button" disabled={busy} onClick={() => setDeclining(true)}>{t('signals.decline')}</Button>
          )}
        </div>
      )}
      {!declining && s.allowedActions.includes('propose-team') && <Paragraph id={`${id}-propose-hint`} className="gp-meta">{t('signals.proposeHint')}</Paragraph>}
      {declining && (
        <form className="gp-form" onSubmit={submitReason} noValidate>
          <FormField invalid={!!reasonError}
            label={<FormLabel htmlFor={`${id}-reason`}>{t('signals.reason')}</FormLabel>}
            description={<FormFieldDescription id={`${id}-reason-hint`}>{t('signals.reasonHint')}</FormFieldDescription>}
            errorMessage={reasonError ? <FormFieldErrorMessage id={`${id}-reason-error`}>{reasonError}</FormFieldErrorMessage> : undefined}
            input={<Textarea id={`${id}-reason`} rows={3} required aria-required="true" invalid={!!reasonError} maxLength={1000}
              aria-describedby={[reasonError ? `${id}-reason-error` : '', `${id}-reason-hint`].filter(Boolean).join(' ')}
              value={reason} onChange={(e) => setReason(e.target.value)} />} />
          <div className="gp-form-actions">
            <Button type="submit" appearance="primary-action-button" disabled={busy}>{t('signals.saveReason')}</Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => { setDeclining(false); setReasonError(null); }}>{t('signals.cancel')}</Button>
          </div>
        </form>
      )}
    </article>
  );
}

/** On the family page: a small notice that this file has an open signal (its details are in Mijn werk). */
export function SignalNotice({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const signals = useMySignals();
  if (!signals.data?.items.some((s) => s.mine.familyId === familyId)) return null;
  return (
    <Alert type="info" role="status">
      <Paragraph>{t('signals.notice')} <Link className="utrecht-link" to="/">{t('signals.toMyWork')}</Link></Paragraph>
    </Alert>
  );
}
