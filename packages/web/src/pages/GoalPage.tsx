import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { ageOn, todayInNetherlands, type Decision, type Family, type HelpOption } from '@gezinsplan/domain';
import { useDecisions, useFamilyReferrals, useMembers, useOptions, usePlan, useSupporters, useTeam } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { BackToFamily, FamilyFrame } from './family/FamilyFrame';
import { lifeDomainName } from './family/PlanView';
import { OptionForm } from './goal/OptionForm';
import { DecisionForm } from './goal/DecisionForm';
import { FindHelp } from './goal/FindHelp';
import { accessText } from './services/serviceText';
import { ReferralCard } from './referrals/ReferralCard';
import { ReferralForm } from './referrals/ReferralForm';
import { useSession } from '../session/session';

/**
 * Shared decisions for one goal: the help options side by side (what each asks of the family, what it may bring),
 * the decisions taken together with the family's preference and who does what, and the forms to add both.
 */
export function GoalPage() {
  const { familyId = '', goalId = '' } = useParams();
  return <FamilyFrame familyId={familyId} active="other">{(family) => <GoalChoices family={family} goalId={goalId} />}</FamilyFrame>;
}

function GoalChoices({ family, goalId }: { family: Family; goalId: string }) {
  const { t } = useTranslation();
  const plan = usePlan(family.id);
  const goal = plan.data?.goals.find((g) => g.id === goalId);
  const options = useOptions(family.id, goalId);
  const decisions = useDecisions(family.id, goalId);
  const members = useMembers(family.id);
  const team = useTeam(family.id);
  const supporters = useSupporters(family.id);
  const referrals = useFamilyReferrals(family.id);
  const professional = useSession().data?.user.kind === 'professional';
  const canWrite = family.allowedActions.includes('plan:write');
  // The search is open when the goal has no options yet; it stays as the reader leaves it once they add one.
  const [findOpen, setFindOpen] = useState<boolean | null>(null);
  if (findOpen === null && options.data) setFindOpen(options.data.items.length === 0);
  // Help is searched for whom the goal is about: the youngest of them, as services are bound by age.
  const youngestAge = (memberIds: string[]) => {
    const ages = (members.data?.items ?? []).filter((m) => memberIds.includes(m.id)).map((m) => ageOn(m.birthDate, todayInNetherlands()));
    return ages.length > 0 ? Math.min(...ages) : null;
  };

  return (
    <>
      <BackToFamily familyId={family.id} />
      <section aria-labelledby="choice-title" className="gp-card">
        <Heading2 id="choice-title">{t('process.choice.title')}</Heading2>
        {goal && <Paragraph><strong>{goal.title}</strong><br /><span className="gp-meta">{lifeDomainName(goal.lifeDomain)}</span></Paragraph>}
        {goal?.view === 'overview' && <Paragraph>{t('process.choice.overviewOnly')}</Paragraph>}
      </section>
      {goal?.view !== 'overview' && (
        <>
          <section aria-labelledby="options-title" className="gp-card">
            <Heading2 id="options-title">{t('process.choice.options')}</Heading2>
            <QueryState query={options}>
              {(page) => page.items.length === 0 ? <Paragraph>{t('process.choice.noOptions')}</Paragraph> : (
                <div className="gp-options">{page.items.map((o) => <OptionCard key={o.id} option={o} familyId={family.id} mayRefer={canWrite && professional} />)}</div>
              )}
            </QueryState>
            {canWrite && <OptionForm familyId={family.id} goalId={goalId} />}
            {canWrite && goal && (
              <details className="gp-details" open={findOpen ?? false}>
                <summary>{t('services.find')}</summary>
                <FindHelp familyId={family.id} goalId={goalId} lifeDomain={goal.lifeDomain} age={youngestAge(goal.memberIds)} />
              </details>
            )}
          </section>
          <section aria-labelledby="referrals-title" className="gp-card">
            <Heading2 id="referrals-title">{t('referrals.title')}</Heading2>
            <QueryState query={referrals}>
              {(page) => {
                const mine = page.items.filter((r) => r.goalId === goalId);
                return mine.length === 0 ? <Paragraph>{t('referrals.none')}</Paragraph> : <>{mine.map((r) => <ReferralCard key={r.id} referral={r} />)}</>;
              }}
            </QueryState>
            {canWrite && professional && (
              <details className="gp-details">
                <summary>{t('referrals.refer')}</summary>
                <ReferralForm familyId={family.id} goalId={goalId} />
              </details>
            )}
          </section>
          <section aria-labelledby="decisions-title" className="gp-card">
            <Heading2 id="decisions-title">{t('process.choice.decisions')}</Heading2>
            <QueryState query={decisions}>
              {(page) => page.items.length === 0 ? <Paragraph>{t('process.choice.noDecisions')}</Paragraph> : (
                <ol className="gp-decisions">{page.items.map((d) => <DecisionItem key={d.id} decision={d} />)}</ol>
              )}
            </QueryState>
            {canWrite && options.data && decisions.data && (
              <DecisionForm familyId={family.id} goalId={goalId} options={options.data.items} current={decisions.data.items.find((d) => d.status === 'current') ?? null}
                members={members.data?.items ?? []} team={(team.data?.items ?? []).filter((m) => m.active)} supporters={supporters.data?.items ?? []} />
            )}
          </section>
        </>
      )}
    </>
  );
}

function OptionCard({ option, familyId, mayRefer }: { option: HelpOption; familyId: string; mayRefer: boolean }) {
  const { t } = useTranslation();
  return (
    <article className="gp-option" aria-labelledby={`option-${option.id}`}>
      <Heading3 id={`option-${option.id}`}>{option.title}</Heading3>
      {option.service && (
        <Paragraph className="gp-meta">
          {t('services.fromCatalogue', { organisation: option.service.organisationName })} · {t(`services.referrals.${option.service.referral}`)}
          {accessText(option.service) && ` · ${accessText(option.service)}`}
          {option.service.njiRating && ` · NJi: ${t(`services.njiRatings.${option.service.njiRating}`)}`}
        </Paragraph>
      )}
      {option.description && <Paragraph>{option.description}</Paragraph>}
      <dl className="gp-pairs">
        {option.asksOfFamily && <><dt>{t('process.choice.asks')}</dt><dd>{option.asksOfFamily}</dd></>}
        {option.mayBring && <><dt>{t('process.choice.brings')}</dt><dd>{option.mayBring}</dd></>}
      </dl>
      <Paragraph className="gp-meta">{t('process.choice.proposedBy', { name: option.proposedBy.name })}</Paragraph>
      {option.service && mayRefer && (
        <details className="gp-details">
          <summary>{t('referrals.referTo', { name: option.service.organisationName })}</summary>
          <ReferralForm familyId={familyId} goalId={option.goalId} initial={{ organisationId: option.service.organisationId, serviceId: option.service.id }} />
        </details>
      )}
    </article>
  );
}

/** One decision: what was chosen and why, the family's preference, who took part, who does what; revisited ones stay. */
function DecisionItem({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const names = [...d.participants.members.map((m) => m.name), ...d.participants.professionals.map((p) => p.name)].join(', ');
  return (
    <li className={`gp-decision gp-decision--${d.status}`}>
      <Paragraph>
        <span className={d.status === 'current' ? 'gp-badge gp-badge--strong' : 'gp-badge'}>{t(`process.choice.${d.status}`)}</span>
        <span className="gp-meta"> {t('process.choice.decidedOn', { date: formatDate(d.decidedOn) })}</span>
      </Paragraph>
      <Paragraph><strong>{t('process.choice.chosen')}:</strong> {d.chosenOptions.length > 0 ? d.chosenOptions.map((o) => o.title).join(', ') : t('process.choice.noneChosen')}</Paragraph>
      <Paragraph>{d.rationale}</Paragraph>
      {(d.preferredOption || d.familyView) && (
        <Paragraph><strong>{t('process.choice.preferred')}:</strong> {d.preferredOption?.title ?? t('process.choice.noPreference')}{d.familyView && <> — <q>{d.familyView}</q></>}</Paragraph>
      )}
      <Paragraph className="gp-meta">{t('process.choice.withWhom', { names })}</Paragraph>
      {d.expectations.length > 0 && (
        <ul className="gp-list" aria-label={t('process.choice.expectations')}>
          {d.expectations.map((e, i) => (
            <li key={i}>
              <span>{e.what}<br /><span className="gp-meta">{e.assignee.name}{e.dueDate && ` · ${formatDate(e.dueDate)}`}{e.actionId && ` · ${t('process.choice.actionMade')}`}</span></span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
