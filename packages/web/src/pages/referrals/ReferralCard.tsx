import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormLabel, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import type { Referral, ReferralStatus } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { problemText } from '../../components/problemText';
import { formatMoment } from '../../format';
import { lifeDomainName } from '../family/PlanView';

/**
 * One referral as either side reads it: where it stands, what it shares, how it went, and the steps this reader may
 * take (the server says which: the page never decides it).
 */
export function ReferralCard({ referral: r, headingLevel = 3 }: { referral: Referral; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const move = async (to: ReferralStatus) => {
    setBusy(true);
    try {
      await api('POST', `/api/v1/referrals/${r.id}/status`, { to, ...(note ? { note } : {}) });
      setNote('');
      setMessage({ type: 'ok', text: t('referrals.changed', { status: t(`referrals.status.${to}`) }) });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.invalidateQueries({ queryKey: ['family', r.familyId] });
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e) });
    } finally {
      setBusy(false);
    }
  };
  const Heading = headingLevel === 3 ? Heading3 : 'h4';
  const who = r.shared.who.map((w) => t('referrals.whoItem', { name: w.givenName, age: w.age })).join(', ');
  return (
    <article className="gp-referral" aria-labelledby={`referral-${r.id}`}>
      <Heading id={`referral-${r.id}`} className="gp-referral-title">{r.side === 'receiver' ? t('referrals.from', { name: r.from.name, organisation: r.from.organisationName }) : t('referrals.to', { organisation: r.to.organisationName })}{r.service && ` · ${r.service.name}`}</Heading>
      <Paragraph>
        <span className={r.status === 'requested' || r.status === 'draft' ? 'gp-badge' : 'gp-badge gp-badge--strong'}>{t(`referrals.status.${r.status}`)}</span>
        {r.overdue && <span className="gp-badge gp-badge--late"> {t('referrals.overdue')}</span>}
      </Paragraph>
      {r.side === 'receiver' && (
        <>
          <Paragraph><strong>{t('referrals.goal', { title: r.shared.goal.title })}</strong> <span className="gp-meta">({lifeDomainName(r.shared.goal.lifeDomain)})</span></Paragraph>
          {r.shared.familyName && <Paragraph>{t('referrals.familyName', { name: r.shared.familyName })}{who && ` · ${t('referrals.who', { who })}`}</Paragraph>}
          <Paragraph className="gp-meta">{t('referrals.contact', { email: r.from.email })}{r.from.phone && ` · ${r.from.phone}`}</Paragraph>
        </>
      )}
      <Paragraph>{r.shared.reason}</Paragraph>
      {r.shared.summary && <Paragraph className="gp-quote">{r.shared.summary}</Paragraph>}
      <details className="gp-details">
        <summary>{t('referrals.history')}</summary>
        <ul className="gp-list">
          {r.history.map((h, i) => (
            <li key={i}><span>{t('referrals.historyItem', { status: t(`referrals.status.${h.status}`), by: h.by, organisation: h.organisationName })}{h.note && <><br /><span className="gp-meta">{h.note}</span></>}</span>
              <span className="gp-meta">{formatMoment(h.at)}</span></li>
          ))}
        </ul>
      </details>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      {r.allowedTransitions.length > 0 && (
        <div className="gp-form">
          <FormField label={<FormLabel htmlFor={`referral-${r.id}-note`}>{t('referrals.note')}</FormLabel>}
            input={<Textarea id={`referral-${r.id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />} />
          <div className="gp-form-actions">
            {r.allowedTransitions.map((to) => (
              <Button key={to} appearance={to === 'accepted' || to === 'requested' || to === 'completed' ? 'primary-action-button' : 'secondary-action-button'} disabled={busy}
                aria-label={t('referrals.actionLabel', { action: t(`referrals.action.${to}`), to: r.to.organisationName })} onClick={() => void move(to)}>
                {t(`referrals.action.${to}`)}
              </Button>
            ))}
          </div>
        </div>
      )}
    </article>
  );
}
