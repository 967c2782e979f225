import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { familyPhases, type FamilyPhase, type PhaseState } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { usePhase } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { problemText } from '../../components/problemText';
import { formatMoment } from '../../format';
import { AftercareCheck, ClosureSummary } from './ClosureSummary';

/**
 * Where the file stands in the care process, as steps; for the coordinator the next step, or what it still needs
 * (the server says so per step: the page never decides it). Closing has its own page, because it asks for more.
 */
export function PhaseCard({ familyId, canMove }: { familyId: string; canMove: boolean }) {
  const { t } = useTranslation();
  const phase = usePhase(familyId);
  return (
    <section aria-labelledby="phase-title" className="gp-card gp-no-print">
      <Heading2 id="phase-title">{t('process.phase.title')}</Heading2>
      <QueryState query={phase}>
        {(state) => (
          <>
            <PhaseSteps current={state.phase} />
            {state.phase === 'afgesloten' && state.closures[0] && <ClosureSummary closure={state.closures[0]} />}
            {canMove ? <NextSteps familyId={familyId} state={state} /> : <Paragraph className="gp-meta">{t('process.phase.onlyCoordinator')}</Paragraph>}
            {canMove && state.phase === 'afgesloten' && state.closures[0] && !state.closures[0].aftercare && <AftercareCheck familyId={familyId} />}
            {state.history.length > 0 && (
              <details className="gp-details">
                <summary>{t('process.phase.history')}</summary>
                <ul className="gp-list">
                  {state.history.map((h) => (
                    <li key={h.id}>
                      <span>{t('process.phase.historyItem', { from: t(`phase.${h.from}`), to: t(`phase.${h.to}`) })}{h.note && <><br /><span className="gp-meta">{h.note}</span></>}</span>
                      <span className="gp-meta">{h.by.name} · {formatMoment(h.at)}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** The phases in order, the current one marked in words too (not by colour alone). */
function PhaseSteps({ current }: { current: FamilyPhase }) {
  const { t } = useTranslation();
  const at = familyPhases.indexOf(current);
  return (
    <ol className="gp-steps" aria-label={t('process.phase.steps')}>
      {familyPhases.map((p, i) => (
        <li key={p} className={i < at ? 'gp-step gp-step--done' : i === at ? 'gp-step gp-step--current' : 'gp-step'} aria-current={i === at ? 'step' : undefined}>
          {t(`phase.${p}`)}{i === at && <span className="gp-visually-hidden"> ({t('process.phase.now')})</span>}
        </li>
      ))}
    </ol>
  );
}

function NextSteps({ familyId, state }: { familyId: string; state: PhaseState }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const move = async (to: FamilyPhase) => {
    setBusy(true);
    try {
      await api('POST', `/api/v1/families/${familyId}/phase`, { to });
      setMessage({ type: 'ok', text: t('process.phase.moved', { phase: t(`phase.${to}`) }) });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gp-next-steps">
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      {state.next.map((n) => {
        if (n.to === 'afgesloten') {
          const href = `/gezinnen/${familyId}/afsluiten`;
          return (
            <Paragraph key={n.to}>
              <ButtonLink href={href} appearance="secondary-action-button" onClick={(e) => { e.preventDefault(); void navigate(href); }}>{t('process.phase.close')}</ButtonLink>
            </Paragraph>
          );
        }
        const label = state.phase === 'afgesloten' ? t('process.phase.reopen') : t('process.phase.goTo', { phase: t(`phase.${n.to}`) });
        if (n.refusals.length > 0) {
          return (
            <div key={n.to} className="gp-missing">
              <Heading3>{t('process.phase.missing', { phase: t(`phase.${n.to}`) })}</Heading3>
              <ul>{n.refusals.map((r) => <li key={r}>{t(`process.phase.refusal.${r}`)}</li>)}</ul>
            </div>
          );
        }
        return (
          <div key={n.to}>
            {state.phase === 'plan' && n.to === 'uitvoering' && <Paragraph className="gp-meta">{t('process.phase.adoptHint')}</Paragraph>}
            {state.phase === 'afgesloten' && <Paragraph className="gp-meta">{t('process.phase.reopenHint')}</Paragraph>}
            <Button appearance="primary-action-button" disabled={busy} onClick={() => void move(n.to)}>{label}</Button>
          </div>
        );
      })}
    </div>
  );
}
