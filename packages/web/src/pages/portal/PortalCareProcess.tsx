import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/client';
import { useAssessments, useComparison, type PlanT } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { problemText } from '../../components/problemText';
import { formatDate } from '../../format';
import { AssessmentForm } from '../needs/AssessmentForm';
import { NeedsTable, NeedsWeb } from '../needs/NeedsViews';

/**
 * The family member's say in their plan: whether they agree with the goals the family works on now. Their
 * agreement is their own; others in the family agree for themselves.
 */
export function PortalAgreement({ familyId, memberId, plan }: { familyId: string; memberId: string; plan: PlanT }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const agreement = plan.agreement;
  const mine = agreement?.agreedBy.some((m) => m.id === memberId) ?? false;
  if (!plan.goals.some((g) => g.focus === 'now')) return null;

  const agree = async () => {
    try {
      await api('POST', `/api/v1/families/${familyId}/plan/agreements`, { agreedBy: [memberId] });
      setMessage({ type: 'ok', text: t('process.agreement.saved') });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  return (
    <div className={`gp-agreement${agreement?.current && mine ? ' gp-agreement--current' : ''}`}>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      {agreement?.current && mine
        ? <Paragraph>{t('process.agreement.portalAgreed', { date: formatDate(agreement.agreedOn) })}</Paragraph>
        : (
          <>
            <Paragraph><strong>{t('process.agreement.portalQuestion')}</strong>{agreement && mine && !agreement.current && ` ${t('process.agreement.portalChanged')}`}</Paragraph>
            <Button appearance="primary-action-button" onClick={() => void agree()}>{t('process.agreement.portalAgree')}</Button>
          </>
        )}
    </div>
  );
}

/** How things are going for me: my own view beside my professionals' on the life domains, and giving my view. */
export function PortalNeeds({ familyId, memberId, name }: { familyId: string; memberId: string; name: string }) {
  const { t } = useTranslation();
  const assessments = useAssessments(familyId);
  const comparison = useComparison(familyId);
  return (
    <>
      <section aria-labelledby="my-needs-title" className="gp-card">
        <Heading2 id="my-needs-title">{t('process.needs.title')}</Heading2>
        <Paragraph>{t('process.needs.intro')}</Paragraph>
        <QueryState query={assessments}>
          {(page) => {
            const mine = page.items.filter((a) => a.memberId === memberId);
            if (mine.length === 0) return <Paragraph>{t('process.needs.none', { name })}</Paragraph>;
            return (
              <div className="gp-needs">
                <NeedsWeb assessments={mine} name={name} />
                <NeedsTable rows={(comparison.data?.items ?? []).filter((c) => c.memberId === memberId)} />
              </div>
            );
          }}
        </QueryState>
      </section>
      <AssessmentForm familyId={familyId} memberId={memberId} aboutName={name} groupsFirst={['zrm', 'household', 'child']} fixedView="family" />
    </>
  );
}
