import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { StepDown, StepUp, type CareStep, type Referral, type TeamMember } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { PlanT } from '../../api/queries';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { TextAreaField } from '../../components/TextAreaField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { useSession } from '../../session/session';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { emptyHandover, HandoverFields, type HandoverDraft } from './HandoverFields';
import { openActionsOf, ReassignFields, reassignBody } from './ReassignFields';

type Notice = { type: 'ok' | 'error'; text: string };

/** Sends a checked body; a refusal's field errors land on the fields, its words in the alert. */
function useSubmit(familyId: string) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  /** With `leaves`, the reader has just left the team: nothing of the file is refetched (it would be a 404 now). */
  const send = async (schema: Parameters<typeof checkForm>[0], method: 'POST', url: string, body: unknown, done: string, leaves = false): Promise<boolean> => {
    const checked = checkForm(schema, body);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice({ type: 'error', text: t('validation.summary') });
      return false;
    }
    // What was wrong with the last attempt no longer stands while this one is on its way.
    setErrors({});
    setNotice(null);
    try {
      await api(method, url, body);
      setErrors({});
      setNotice({ type: 'ok', text: done });
      if (leaves) queryClient.removeQueries({ queryKey: ['family', familyId] });
      else await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      return true;
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setNotice({ type: 'error', text: problemText(e) });
      return false;
    }
  };
  return { errors, notice, send };
}

function NoticeAlert({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return <Alert type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'}><Paragraph>{notice.text}</Paragraph></Alert>;
}

/**
 * The coordinator records a step up: which specialist on the team takes on the help (and by which accepted
 * referral), and for everyone else whether and how they stay involved.
 */
export function StepUpForm({ familyId, team, coordinatorId, referrals, openSteps }: {
  familyId: string; team: readonly TeamMember[]; coordinatorId: string | undefined; referrals: readonly Referral[]; openSteps: readonly CareStep[];
}) {
  const { t } = useTranslation();
  const { errors, notice, send } = useSubmit(familyId);
  const stepped = new Set(openSteps.map((s) => s.specialist.userId));
  const specialists = team.filter((m) => m.active && m.userId !== coordinatorId && !stepped.has(m.userId));
  const [specialistUserId, setSpecialist] = useState('');
  const [referralId, setReferral] = useState('');
  const [staying, setStaying] = useState<Record<string, string | undefined>>(coordinatorId ? { [coordinatorId]: t('continuity.keepsRole') } : {});
  const [note, setNote] = useState('');
  const others = team.filter((m) => m.active && m.userId !== specialistUserId);
  const accepted = referrals.filter((r) => (r.status === 'accepted' || r.status === 'in-progress') && r.acceptedBy?.userId === specialistUserId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      specialistUserId, note, ...(referralId ? { referralId } : {}),
      staying: others.filter((m) => staying[m.userId] !== undefined).map((m) => ({ userId: m.userId, involvement: staying[m.userId] ?? '' })),
    };
    if (await send(StepUp, 'POST', `/api/v1/families/${familyId}/care-steps`, body, t('continuity.steppedUp'))) {
      setSpecialist('');
      setReferral('');
      setNote('');
    }
  };
  // Once the last specialist has stepped in there is nobody left to choose; what was just done is still said.
  if (specialists.length === 0) return <NoticeAlert notice={notice} />;
  return (
    <details className="gp-details gp-no-print">
      <summary>{t('continuity.stepUp')}</summary>
      <NoticeAlert notice={notice} />
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-label={t('continuity.stepUp')}>
        <Paragraph className="gp-meta">{t('continuity.stepUpHint')}</Paragraph>
        <SelectField id="step-specialist" label={t('continuity.specialist')} value={specialistUserId} error={errors.specialistUserId}
          onChange={(e) => { setSpecialist(e.target.value); setReferral(''); }}
          options={[{ value: '', label: t('continuity.chooseSpecialist') }, ...specialists.map((m) => ({ value: m.userId, label: `${m.name} (${m.organisationName})` }))]} />
        {accepted.length > 0 && (
          <SelectField id="step-referral" label={t('continuity.referral')} value={referralId} error={errors.referralId} onChange={(e) => setReferral(e.target.value)}
            options={[{ value: '', label: t('continuity.noReferral') }, ...accepted.map((r) => ({ value: r.id, label: t('continuity.referralOption', { organisation: r.to.organisationName, goal: r.shared.goal.title }) }))]} />
        )}
        {specialistUserId && others.map((m, i) => {
          const stays = staying[m.userId] !== undefined;
          const index = others.filter((o) => staying[o.userId] !== undefined).findIndex((o) => o.userId === m.userId);
          return (
            <div key={m.userId} className="gp-fieldset">
              <CheckboxField id={`step-stays-${i}`} label={t('continuity.stays', { name: m.name })} checked={stays}
                onChange={(checked) => setStaying((s) => ({ ...s, [m.userId]: checked ? (m.responsibility || '') : undefined }))} />
              {stays && (
                <TextField id={`step-involvement-${i}`} label={t('continuity.involvement', { name: m.name })} description={t('continuity.involvementHint')}
                  value={staying[m.userId] ?? ''} error={errors[`staying.${index}.involvement`] ?? errors[`staying.${index}.userId`]}
                  onChange={(e) => setStaying((s) => ({ ...s, [m.userId]: e.target.value }))} />
              )}
            </div>
          );
        })}
        <TextAreaField id="step-note" label={t('continuity.stepNote')} value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('continuity.saveStepUp')}</Button></div>
      </form>
    </details>
  );
}

/** The specialist (or the coordinator) steps down: the handover note back, and each open action to someone who stays. */
export function StepDownForm({ familyId, step, team, plan, onDone }: {
  familyId: string; step: CareStep; team: readonly TeamMember[]; plan: PlanT | undefined; onDone: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const queryClient = useQueryClient();
  const { errors, notice, send } = useSubmit(familyId);
  const [handover, setHandover] = useState<HandoverDraft>(emptyHandover);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [endMembership, setEndMembership] = useState(true);
  const actions = openActionsOf(plan, step.specialist.userId);
  const candidates = team.filter((m) => m.active && m.userId !== step.specialist.userId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { handover, reassign: reassignBody(actions, chosen), endMembership };
    // The specialist who leaves the team no longer sees the file: back to their own work, which says so.
    const leaves = endMembership && session.data?.user.id === step.specialist.userId;
    if (!(await send(StepDown, 'POST', `/api/v1/families/${familyId}/care-steps/${step.id}/step-down`, body, t('continuity.steppedDown'), leaves))) return;
    if (leaves) {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      return navigate('/', { replace: true, state: { notice: t('continuity.handedBack') } });
    }
    onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="gp-form gp-inline-form gp-no-print" aria-label={t('continuity.stepDownLabel', { name: step.specialist.name })}>
      <NoticeAlert notice={notice} />
      <HandoverFields idPrefix={`down-${step.id}`} value={handover} onChange={setHandover} errors={errors} hint={t('continuity.stepDownHint')} />
      <ReassignFields idPrefix={`down-${step.id}-action`} leaverName={step.specialist.name} actions={actions} candidates={candidates} value={chosen} onChange={setChosen} errors={errors} />
      <CheckboxField id={`down-${step.id}-end`} label={t('continuity.endMembership', { name: step.specialist.name })} checked={endMembership} onChange={setEndMembership} />
      <div className="gp-toolbar">
        <Button type="submit" appearance="primary-action-button">{t('continuity.saveStepDown')}</Button>
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
