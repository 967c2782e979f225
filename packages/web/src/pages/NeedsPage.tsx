import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Family, MemberSummary } from '@gezinsplan/domain';
import { useMembers } from '../api/queries';
import { SelectField } from '../components/SelectField';
import { FamilyFrame } from './family/FamilyFrame';
import { AssessmentForm } from './needs/AssessmentForm';
import { MemberNeeds } from './needs/NeedsViews';

const HOUSEHOLD = 'household';

/**
 * Mapping needs together: per member (or the household) the life-domain web with the family's view and the
 * professionals' overlaid, earlier rounds behind the latest; the same numbers in a table where a large difference is
 * marked to talk about; and a form to record a new view.
 */
export function NeedsPage() {
  const { familyId = '' } = useParams();
  return <FamilyFrame familyId={familyId} active="needs">{(family) => <Needs family={family} />}</FamilyFrame>;
}

function Needs({ family }: { family: Family }) {
  const { t } = useTranslation();
  const members = useMembers(family.id);
  const [whom, setWhom] = useState<string | null>(null);
  const list = members.data?.items ?? [];
  const selected = whom ?? list.find((m) => m.role === 'parent')?.id ?? list[0]?.id ?? HOUSEHOLD;
  const memberId = selected === HOUSEHOLD ? null : selected;
  const member = list.find((m) => m.id === memberId);
  const name = member ? member.givenName : t('process.needs.household');

  return (
    <>
      <section aria-labelledby="needs-title" className="gp-card">
        <Heading2 id="needs-title">{t('process.needs.title')}</Heading2>
        <Paragraph>{t('process.needs.intro')}</Paragraph>
        <SelectField id="needs-whom" label={t('process.needs.whom')} value={selected} onChange={(e) => setWhom(e.target.value)}
          options={[...list.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` })), { value: HOUSEHOLD, label: t('process.needs.household') }]} />
        <MemberNeeds familyId={family.id} memberId={memberId} name={name} />
      </section>
      {family.allowedActions.includes('plan:write') && (
        <AssessmentForm familyId={family.id} memberId={memberId} aboutName={name} groupsFirst={groupsFor(member)} />
      )}
    </>
  );
}

/** The domains to offer first: a child's, the household's, or an adult's own. */
function groupsFor(member: MemberSummary | undefined): ('zrm' | 'household' | 'child')[] {
  if (!member) return ['household', 'zrm', 'child'];
  return member.role === 'child' ? ['child', 'zrm', 'household'] : ['zrm', 'household', 'child'];
}
