import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import { AddTeamMember } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/queries';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/SelectField';
import { problemText } from '../../components/problemText';

interface Professional { id: string; name: string; organisationName: string }

/** Adds a professional of any organisation to the team: find them by name, give them a role and a responsibility. */
export function TeamForm({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Professional | null>(null);
  const [role, setRole] = useState('member');
  const [responsibility, setResponsibility] = useState('');
  const [handoverNote, setHandoverNote] = useState('');
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const found = useQuery({
    queryKey: ['directory', q], enabled: q.trim().length >= 2,
    queryFn: () => api<Page<Professional>>('GET', `/api/v1/directory/professionals?limit=10&q=${encodeURIComponent(q.trim())}`),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const body = { userId: chosen.id, role, lifeDomains: [], responsibility, ...(role === 'coordinator' ? { handoverNote } : {}) };
    if (!AddTeamMember.safeParse(body).success) return setMessage({ type: 'error', text: t('edit.invalid', { detail: t('edit.teamRole') }) });
    try {
      await api('POST', `/api/v1/families/${familyId}/team`, body);
      setMessage({ type: 'ok', text: t('edit.saved') });
      setChosen(null);
      setQ('');
      setResponsibility('');
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  return (
    <details className="gp-details gp-no-print">
      <summary>{t('edit.addProfessional')}</summary>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <TextField id="team-search" type="search" label={t('edit.search')} description={t('edit.searchHint')} value={q} onChange={(e) => { setQ(e.target.value); setChosen(null); }} />
        {!chosen && found.data && (
          <ul className="gp-list">
            {found.data.items.map((p) => (
              <li key={p.id}>
                <span>{p.name}<br /><span className="gp-meta">{p.organisationName}</span></span>
                <Button type="button" appearance="secondary-action-button" aria-label={`${t('edit.choose')}: ${p.name}`} onClick={() => setChosen(p)}>{t('edit.choose')}</Button>
              </li>
            ))}
          </ul>
        )}
        {chosen && (
          <>
            <Paragraph role="status">{t('edit.chosen', { name: `${chosen.name} (${chosen.organisationName})` })}</Paragraph>
            <SelectField id="team-role" label={t('edit.teamRole')} value={role} onChange={(e) => setRole(e.target.value)}
              options={(['member', 'coordinator', 'experienceExpert'] as const).map((r) => ({ value: r, label: t(`myWork.role.${r}`) }))} />
            <TextField id="team-responsibility" label={t('edit.responsibility')} value={responsibility} onChange={(e) => setResponsibility(e.target.value)} />
            {role === 'coordinator' && (
              <FormField label={<FormLabel htmlFor="team-handover">{t('edit.handoverNote')}</FormLabel>}
                input={<Textarea id="team-handover" value={handoverNote} onChange={(e) => setHandoverNote(e.target.value)} rows={3} />} />
            )}
            <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('edit.addToTeam')}</Button></div>
          </>
        )}
      </form>
    </details>
  );
}
