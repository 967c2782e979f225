import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/client';
import type { PlanT } from '../../api/queries';
import { problemText } from '../../components/problemText';
import { formatDate } from '../../format';
import { AssessmentForm } from '../needs/AssessmentForm';
import { MemberNeeds } from '../needs/NeedsViews';

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
  return (
    <>
      <section aria-labelledby="my-needs-title" className="gp-card">
        <Heading2 id="my-needs-title">{t('process.needs.title')}</Heading2>
        <Paragraph>{t('process.needs.intro')}</Paragraph>
        <MemberNeeds familyId={familyId} memberId={memberId} name={name} />
      </section>
      <AssessmentForm familyId={familyId} memberId={memberId} aboutName={name} groupsFirst={['zrm', 'household', 'child']} fixedView="family" />
    </>
  );
}
