import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { TeamMember } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { TextField } from '../../components/TextField';
import { problemText } from '../../components/problemText';

/**
 * Who helps: each professional with their organisation (and responsibility), the coordinator marked. With a family id
 * (the coordinator's view) a member can be taken off the team, with a reason.
 */
export function TeamList({ members, showResponsibility = false, familyId }: { members: TeamMember[]; showResponsibility?: boolean; familyId?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="gp-list">
      {members.map((m) => (
        <li key={m.id}>
          <span>{m.name}<br /><span className="gp-meta">{m.organisationName}{showResponsibility && m.responsibility && ` · ${m.responsibility}`}</span></span>
          <span className={m.role === 'coordinator' ? 'gp-badge gp-badge--strong' : 'gp-badge'}>{t(`myWork.role.${m.role}`)}</span>
          {familyId && m.role !== 'coordinator' && <EndMembership familyId={familyId} member={m} />}
        </li>
      ))}
    </ul>
  );
}

function EndMembership({ familyId, member }: { familyId: string; member: TeamMember }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api('DELETE', `/api/v1/families/${familyId}/team/${member.id}`, reason ? { reason } : {}, { 'if-match': `"${member.version}"` });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setError(problemText(e));
    }
  };
  if (!open) return <Button appearance="subtle-button" className="gp-no-print" aria-label={`${t('edit.endMembership')}: ${member.name}`} onClick={() => setOpen(true)}>{t('edit.endMembership')}</Button>;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="gp-form gp-inline-form gp-no-print">
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <TextField id={`end-${member.id}`} label={t('edit.endReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="gp-toolbar">
        <Button type="submit" appearance="primary-action-button" hint="danger">{t('edit.endConfirm')}</Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
