import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { EndTeamMember, UpdateTeamMember, type TeamMember } from '@gezinsplan/domain';
import { api, ApiError } from '../../api/client';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { usePlan } from '../../api/queries';
import { emptyHandover, HandoverFields, type HandoverDraft } from '../continuity/HandoverFields';
import { openActionsOf, ReassignFields, reassignBody } from '../continuity/ReassignFields';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { lifeDomainName } from './PlanView';
import { checkTeamChange } from './TeamForm';
import { teamMemberBody, TeamMemberFields, type TeamMemberDraft } from './TeamMemberFields';

type Notice = { type: 'ok' | 'error'; text: string } | null;

/**
 * Who helps: each professional with their organisation, the life domains they work on and their responsibility, the
 * coordinator marked. With a family id (the coordinator's view) a member's role can be changed in place, coordination
 * handed over with a note, and a member taken off the team with a reason.
 */
/** How to reach a professional: their work phone and email, as links a phone can follow and a printout shows. */
function Contact({ member }: { member: TeamMember }) {
  const { t } = useTranslation();
  return (
    <span className="gp-contact">
      {member.phone && <a className="utrecht-link" href={`tel:${member.phone.replace(/[^+0-9]/g, '')}`} aria-label={t('family.call', { name: member.name, phone: member.phone })}>{member.phone}</a>}
      <a className="utrecht-link" href={`mailto:${member.email}`} aria-label={t('family.mail', { name: member.name, email: member.email })}>{member.email}</a>
    </span>
  );
}

export function TeamList({ members, showResponsibility = false, familyId }: { members: TeamMember[]; showResponsibility?: boolean; familyId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ id: string; form: 'edit' | 'end' } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const close = (next: Notice) => { setOpen(null); setNotice(next); };
  return (
    <div>
      {notice && <Alert type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'}><Paragraph>{notice.text}</Paragraph></Alert>}
      <ul className="gp-list">
        {members.map((m) => (
          <li key={m.id}>
            <span>
              {m.name}<br />
              <span className="gp-meta">{m.organisationName}{showResponsibility && m.responsibility && ` · ${m.responsibility}`}</span>
              {showResponsibility && m.lifeDomains.length > 0 && <><br /><span className="gp-meta">{m.lifeDomains.map(lifeDomainName).join(', ')}</span></>}
              {m.active && <><br /><Contact member={m} /></>}
            </span>
            <span className="gp-toolbar">
              <span className={m.role === 'coordinator' ? 'gp-badge gp-badge--strong' : 'gp-badge'}>{t(`myWork.role.${m.role}`)}</span>
              {familyId && open?.id !== m.id && (
                <>
                  <Button appearance="subtle-button" className="gp-no-print" aria-label={t('edit.editTeamLabel', { name: m.name })} onClick={() => { setOpen({ id: m.id, form: 'edit' }); setNotice(null); }}>{t('edit.editTeam')}</Button>
                  {m.role !== 'coordinator' && (
                    <Button appearance="subtle-button" className="gp-no-print" aria-label={`${t('edit.endMembership')}: ${m.name}`} onClick={() => { setOpen({ id: m.id, form: 'end' }); setNotice(null); }}>{t('edit.endMembership')}</Button>
                  )}
                </>
              )}
            </span>
            {familyId && open?.id === m.id && open.form === 'edit' && <EditTeamMember familyId={familyId} member={m} onDone={close} />}
            {familyId && open?.id === m.id && open.form === 'end' && <EndMembership familyId={familyId} member={m} team={members} onDone={close} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

function EditTeamMember({ familyId, member, onDone }: { familyId: string; member: TeamMember; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TeamMemberDraft>({ role: member.role, lifeDomains: member.lifeDomains, responsibility: member.responsibility, handover: emptyHandover });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const handsOver = member.role !== 'coordinator' && draft.role === 'coordinator';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = teamMemberBody(draft, handsOver);
    const problems = checkTeamChange(UpdateTeamMember, body);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return setFailure(t('validation.summary'));
    try {
      await api('PATCH', `/api/v1/families/${familyId}/team/${member.id}`, body, { 'if-match': `"${member.version}"` });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      onDone({ type: 'ok', text: t('edit.teamSaved', { name: member.name }) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        await queryClient.invalidateQueries({ queryKey: ['family', familyId, 'team'] });
        return onDone({ type: 'error', text: t('edit.teamConflict') });
      }
      setErrors(problemFieldErrors(e));
      setFailure(problemText(e));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="gp-form gp-inline-form gp-no-print" aria-label={t('edit.editTeamLabel', { name: member.name })}>
      {failure && <Alert type="error" role="alert"><Paragraph>{failure}</Paragraph></Alert>}
      <TeamMemberFields idPrefix={`team-${member.id}`} value={draft} errors={errors} asksHandover={handsOver} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
      <div className="gp-toolbar">
        <Button type="submit" appearance="primary-action-button">{t('common.save')}</Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => onDone(null)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/**
 * Ends a membership. Whoever still holds open actions hands over first: a note for the coordinator, and someone who
 * stays for every open action (the server holds the same rule).
 */
function EndMembership({ familyId, member, team, onDone }: { familyId: string; member: TeamMember; team: readonly TeamMember[]; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = usePlan(familyId);
  const [reason, setReason] = useState('');
  const [handover, setHandover] = useState<HandoverDraft>(emptyHandover);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const actions = openActionsOf(plan.data, member.userId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { ...(reason ? { reason } : {}), ...(actions.length > 0 ? { handover, reassign: reassignBody(actions, chosen) } : {}) };
    const checked = checkForm(EndTeamMember, body);
    if (!checked.ok) {
      setErrors(checked.errors);
      return setError(t('validation.summary'));
    }
    try {
      await api('DELETE', `/api/v1/families/${familyId}/team/${member.id}`, body, { 'if-match': `"${member.version}"` });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      onDone(null);
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setError(problemText(e));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="gp-form gp-inline-form gp-no-print" aria-label={`${t('edit.endMembership')}: ${member.name}`}>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <TextField id={`end-${member.id}`} label={t('edit.endReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      {actions.length > 0 && (
        <>
          <HandoverFields idPrefix={`end-${member.id}-handover`} value={handover} onChange={setHandover} errors={errors} hint={t('edit.leaveHint', { name: member.name })} />
          <ReassignFields idPrefix={`end-${member.id}-action`} leaverName={member.name} actions={actions} value={chosen} onChange={setChosen} errors={errors}
            candidates={team.filter((m) => m.active && m.userId !== member.userId)} />
        </>
      )}
      <div className="gp-toolbar">
        <Button type="submit" appearance="primary-action-button" hint="danger">{t('edit.endConfirm')}</Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => onDone(null)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
