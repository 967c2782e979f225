import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { defaultLifeDomains, goalFocuses, type Goal } from '@gezinsplan/domain';
import { formatDate } from '../../format';
import i18n from '../../i18n';
import type { GoalPlace } from './useMoveGoal';

export function lifeDomainName(code: string): string {
  const d = defaultLifeDomains.find((x) => x.code === code);
  if (!d) return code;
  return i18n.language === 'en' ? d.nameEn : d.plainNl;
}

/** Groups a goal may be dragged into: the ones that are about what to work on, not how it ended. */
const dropFocuses: readonly Goal['focus'][] = ['now', 'later'];

/**
 * The plan in the family's words, grouped by focus: now, later, achieved (and stopped), each goal with its actions.
 * With `onMove`, goals can be dragged to another place or into another group; the goal tools offer the same moves
 * by keyboard.
 */
export function PlanView({ goals, memberName, renderActionTools, renderGoalTools, onMove }: {
  goals: Goal[];
  memberName: (id: string) => string;
  renderActionTools?: (action: Goal['actions'][number]) => ReactNode;
  renderGoalTools?: (goal: Goal) => ReactNode;
  onMove?: (goal: Goal, to: GoalPlace) => void;
}) {
  const { t } = useTranslation();
  // The goal being dragged is read by the drop targets at once, before React has drawn the drag state.
  const draggedRef = useRef<Goal | null>(null);
  const [dragged, setDraggedState] = useState<Goal | null>(null);
  const setDragged = (goal: Goal | null) => { draggedRef.current = goal; setDraggedState(goal); };
  const [over, setOver] = useState<string | null>(null);
  if (goals.length === 0) return <Paragraph>{t('family.noGoals')}</Paragraph>;

  // A drop target accepts the goal being dragged, unless it is that goal itself.
  const target = (key: string, place: (goal: Goal) => GoalPlace | null) => onMove ? {
    onDragOver: (e: DragEvent) => {
      const moving = draggedRef.current;
      if (moving && place(moving)) { e.preventDefault(); e.stopPropagation(); e.dataTransfer.dropEffect = 'move'; setOver(key); }
    },
    onDragLeave: () => setOver((o) => (o === key ? null : o)),
    onDrop: (e: DragEvent) => {
      const moving = draggedRef.current;
      const to = moving && place(moving);
      e.preventDefault();
      e.stopPropagation();
      setDragged(null);
      setOver(null);
      if (moving && to) onMove(moving, to);
    },
  } : {};

  return (
    <>
      {goalFocuses.map((focus) => {
        const inFocus = goals.filter((g) => g.focus === focus);
        const acceptsDrops = !!onMove && dropFocuses.includes(focus);
        if (inFocus.length === 0 && !acceptsDrops) return null;
        // Dropped on the group itself (not on a goal): last in the group, or where it is when the group is empty.
        const intoGroup = (goal: Goal): GoalPlace | null => acceptsDrops && (goal.focus !== focus || inFocus.length > 1)
          ? { priority: inFocus.at(-1)?.priority ?? goal.priority, focus } : null;
        return (
          <section key={focus} aria-labelledby={`focus-${focus}`} {...target(`group-${focus}`, intoGroup)}
            className={`gp-focus-group${over === `group-${focus}` ? ' gp-drop-target' : ''}`}>
            <Heading3 id={`focus-${focus}`}>{t(`focus.${focus}`)}</Heading3>
            {inFocus.length === 0 && <Paragraph className="gp-meta gp-no-print">{t('family.dropHere')}</Paragraph>}
            {inFocus.map((goal) => {
              const ontoGoal = (moving: Goal): GoalPlace | null => moving.id === goal.id || !dropFocuses.includes(goal.focus) ? null : { priority: goal.priority, focus: goal.focus };
              return (
                <article key={goal.id} aria-labelledby={`goal-${goal.id}`} {...target(goal.id, ontoGoal)}
                  className={`gp-goal gp-goal--${goal.focus}${over === goal.id ? ' gp-drop-target' : ''}${dragged?.id === goal.id ? ' gp-dragging' : ''}`}
                  draggable={!!onMove}
                  onDragStart={onMove ? (e) => { e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', goal.title); setDragged(goal); } : undefined}
                  onDragEnd={onMove ? () => { setDragged(null); setOver(null); } : undefined}>
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
              );
            })}
          </section>
        );
      })}
    </>
  );
}
