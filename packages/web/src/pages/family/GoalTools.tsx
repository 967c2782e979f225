import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { CreateAction, type Goal, type MemberSummary, type TeamMember } from '@gezinsplan/domain';
import { api, ApiError } from '../../api/client';
import type { PlanT } from '../../api/queries';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/SelectField';
import { problemText } from '../../components/problemText';
import { useMoveGoal } from './useMoveGoal';

interface Props { familyId: string; goal: Goal; goalCount: number; team: TeamMember[]; members: MemberSummary[] }

/** Under a goal: change its words (with a clear answer when someone else changed it first) and add an action. */
export function GoalTools(props: Props) {
  return (
    <div className="gp-toolbar gp-no-print">
      <MoveGoal {...props} />
      <EditGoalTitle {...props} />
      {props.goal.view === 'full' && <AddAction {...props} />}
      {props.goal.view === 'full' && <ChooseHelpLink {...props} />}
    </div>
  );
}

/** To the goal's own page: the help options and the decisions taken together. */
function ChooseHelpLink({ familyId, goal }: Props) {
  const { t } = useTranslation();
  return <Link className="utrecht-link gp-tool-link" to={`/gezinnen/${familyId}/doelen/${goal.id}`} aria-label={`${t('process.choice.link')}: ${goal.title}`}>{t('process.choice.link')}</Link>;
}

function EditGoalTitle({ familyId, goal }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(goal.title);
  const [version, setVersion] = useState(goal.version);
  const [theirs, setTheirs] = useState<Goal | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    try {
      await api('PATCH', `/api/v1/families/${familyId}/goals/${goal.id}`, { title }, { 'if-match': `"${version}"` });
      setOpen(false);
      setTheirs(null);
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // Someone else saved first: show their version beside mine, and let the person choose; nothing is lost.
        const plan = await api<PlanT>('GET', `/api/v1/families/${familyId}/plan`);
        const newer = plan.goals.find((g) => g.id === goal.id) ?? null;
        setTheirs(newer);
        if (newer) setVersion(newer.version);
        return;
      }
      setError(problemText(e));
    }
  };

  if (!open) {
    return <Button appearance="subtle-button" aria-label={`${t('edit.editGoal')}: ${goal.title}`} onClick={() => { setTitle(goal.title); setVersion(goal.version); setOpen(true); }}>{t('edit.editGoal')}</Button>;
  }
  return (
    <form onSubmit={(e) => void save(e)} noValidate className="gp-form gp-inline-form">
      {theirs && (
        <Alert type="warning" role="alert">
          <Paragraph><strong>{t('edit.conflict')}</strong></Paragraph>
          <Paragraph>{t('edit.theirs', { title: theirs.title })}</Paragraph>
          <div className="gp-toolbar">
            <Button type="button" appearance="primary-action-button" onClick={() => void save()}>{t('edit.useMine')}</Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => { setOpen(false); setTheirs(null); void queryClient.invalidateQueries({ queryKey: ['family', familyId] }); }}>{t('edit.useTheirs')}</Button>
          </div>
        </Alert>
      )}
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <TextField id={`goal-title-${goal.id}`} label={t('edit.goalTitle')} value={title} onChange={(e) => setTitle(e.target.value)} />
      <div className="gp-toolbar">
        <Button type="submit" appearance="primary-action-button">{t('edit.saveGoal')}</Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

function AddAction({ familyId, goal, team, members }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [who, setWho] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = who.split(':');
    const body = { title, ...(dueDate ? { dueDate } : {}), ...(kind === 'user' ? { assigneeUserId: id } : kind === 'member' ? { assigneeMemberId: id } : {}) };
    const checked = CreateAction.safeParse(body);
    if (!checked.success) return setError(t('edit.invalid', { detail: checked.error.issues.map((i) => i.path.join('.')).join(', ') }));
    try {
      await api('POST', `/api/v1/families/${familyId}/goals/${goal.id}/actions`, body);
      setOpen(false);
      setTitle('');
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      await queryClient.invalidateQueries({ queryKey: ['me'] , exact: false });
    } catch (e) {
      setError(problemText(e));
    }
  };

  if (!open) return <Button appearance="subtle-button" aria-label={`${t('edit.addAction')}: ${goal.title}`} onClick={() => setOpen(true)}>{t('edit.addAction')}</Button>;
  const options = [
    { value: '', label: t('edit.choose_member') },
    ...members.map((m) => ({ value: `member:${m.id}`, label: `${m.givenName} ${m.familyName}` })),
    ...team.filter((m) => m.active).map((m) => ({ value: `user:${m.userId}`, label: `${m.name} (${m.organisationName})` })),
  ];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="gp-form gp-inline-form">
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <TextField id={`action-title-${goal.id}`} label={t('edit.actionTitle')} value={title} onChange={(e) => setTitle(e.target.value)} />
      <SelectField id={`action-who-${goal.id}`} label={t('edit.who')} value={who} onChange={(e) => setWho(e.target.value)} options={options} />
      <TextField id={`action-due-${goal.id}`} type="date" label={t('edit.dueDate')} value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      <div className="gp-toolbar">
        <Button type="submit" appearance="primary-action-button">{t('edit.addAction')}</Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/** Priorities with the keyboard: one place up or down among the goals shown (dragging does the same with a mouse). */
function MoveGoal({ familyId, goal, goalCount }: Props) {
  const { t } = useTranslation();
  const { move, error } = useMoveGoal(familyId);
  if (goalCount <= 1) return null; // One goal has no order to change.
  return (
    <>
      <Button appearance="subtle-button" disabled={goal.priority <= 1} aria-label={`${t('edit.higher')}: ${goal.title}`} onClick={() => void move(goal, { priority: goal.priority - 1 })}>{t('edit.higher')}</Button>
      <Button appearance="subtle-button" disabled={goal.priority >= goalCount} aria-label={`${t('edit.lower')}: ${goal.title}`} onClick={() => void move(goal, { priority: goal.priority + 1 })}>{t('edit.lower')}</Button>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
    </>
  );
}
