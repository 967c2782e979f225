import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { AddTeamMember } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/queries';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { teamMemberBody, TeamMemberFields, type TeamMemberDraft } from './TeamMemberFields';
import { emptyHandover } from '../continuity/HandoverFields';

interface Professional { id: string; name: string; organisationName: string }

const emptyDraft: TeamMemberDraft = { role: 'member', lifeDomains: [], responsibility: '', handover: emptyHandover };

/** Checks a team change against its schema (a handover, when it goes along, is checked part by part). */
export function checkTeamChange<S extends Parameters<typeof checkForm>[0]>(schema: S, body: object) {
  const checked = checkForm(schema, body);
  return checked.ok ? {} : { ...checked.errors };
}

/** Adds a professional of any organisation to the team: find them by name, then their role, domains and responsibility. */
export function TeamForm({ familyId, hasCoordinator }: { familyId: string; hasCoordinator: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Professional | null>(null);
  const [draft, setDraft] = useState<TeamMemberDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const found = useQuery({
    queryKey: ['directory', q], enabled: q.trim().length >= 2,
    queryFn: () => api<Page<Professional>>('GET', `/api/v1/directory/professionals?limit=10&q=${encodeURIComponent(q.trim())}`),
  });
  const handsOver = hasCoordinator && draft.role === 'coordinator';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const body = { userId: chosen.id, ...teamMemberBody(draft, handsOver) };
    const problems = checkTeamChange(AddTeamMember, body);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return setMessage({ type: 'error', text: t('validation.summary') });
    try {
      await api('POST', `/api/v1/families/${familyId}/team`, body);
      setMessage({ type: 'ok', text: t('edit.saved') });
      setChosen(null);
      setQ('');
      setDraft(emptyDraft);
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setErrors(problemFieldErrors(e));
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
            <TeamMemberFields idPrefix="team" value={draft} errors={errors} asksHandover={handsOver} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
            <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('edit.addToTeam')}</Button></div>
          </>
        )}
      </form>
    </details>
  );
}
