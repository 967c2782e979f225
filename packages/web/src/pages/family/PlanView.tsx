import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { defaultLifeDomains, goalFocuses, type Goal } from '@gezinsplan/domain';
import { formatDate } from '../../format';
import i18n from '../../i18n';

export function lifeDomainName(code: string): string {
  const d = defaultLifeDomains.find((x) => x.code === code);
  if (!d) return code;
  return i18n.language === 'en' ? d.nameEn : d.plainNl;
}

/** The plan in the family's words, grouped by focus: now, later, achieved (and stopped), each goal with its actions. */
export function PlanView({ goals, memberName, renderActionTools, renderGoalTools }: {
  goals: Goal[];
  memberName: (id: string) => string;
  renderActionTools?: (action: Goal['actions'][number]) => ReactNode;
  renderGoalTools?: (goal: Goal) => ReactNode;
}) {
  const { t } = useTranslation();
  if (goals.length === 0) return <Paragraph>{t('family.noGoals')}</Paragraph>;
  return (
    <>
      {goalFocuses.map((focus) => {
        const inFocus = goals.filter((g) => g.focus === focus);
        if (inFocus.length === 0) return null;
        return (
          <section key={focus} className="gp-focus-group" aria-labelledby={`focus-${focus}`}>
            <Heading3 id={`focus-${focus}`}>{t(`focus.${focus}`)}</Heading3>
            {inFocus.map((goal) => (
              <article key={goal.id} className={`gp-goal gp-goal--${goal.focus}`} aria-labelledby={`goal-${goal.id}`}>
                <Heading4 id={`goal-${goal.id}`}>{goal.title}</Heading4>
                <Paragraph className="gp-meta">
                  {lifeDomainName(goal.lifeDomain)}
                  {goal.memberIds.length > 0 && ` · ${goal.memberIds.map(memberName).join(', ')}`}
                  {goal.owner && ` · ${t('family.owner', { name: goal.owner.name })}`}
                </Paragraph>
                {goal.view === 'overview' ? <Paragraph className="gp-meta">{t('family.overviewOnly')}</Paragraph>
                  : goal.actions.length === 0 ? <Paragraph className="gp-meta">{t('family.noActions')}</Paragraph> : (
                    <ul className="gp-list" aria-label={t('family.actionsOf')}>
                      {goal.actions.map((a) => (
                        <li key={a.id}>
                          <span>{a.title}<br /><span className="gp-meta">{t('family.whoWhatWhen', { who: a.assignee.name, date: a.dueDate ? formatDate(a.dueDate) : t('myWork.noDue') })}</span></span>
                          <span>
                            <span className={a.status === 'done' ? 'gp-badge gp-badge--strong' : 'gp-badge'}>{t(`status.${a.status}`)}</span>
                            {renderActionTools?.(a)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                {renderGoalTools?.(goal)}
              </article>
            ))}
          </section>
        );
      })}
    </>
  );
}
