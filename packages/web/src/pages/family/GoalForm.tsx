import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CreateGoal, defaultLifeDomains, goalFocuses, type MemberSummary } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import { CheckboxField } from '../../components/CheckboxField';
import { problemText } from '../../components/problemText';
import { lifeDomainName } from './PlanView';

/** A new goal for the plan, in the family's words, with its life domain, whom it is about and when. */
export function GoalForm({ familyId, members }: { familyId: string; members: MemberSummary[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [lifeDomain, setLifeDomain] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [focus, setFocus] = useState('now');
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { title, lifeDomain, memberIds, focus };
    const checked = CreateGoal.safeParse(body);
    if (!checked.success) return setMessage({ type: 'error', text: t('edit.invalid', { detail: checked.error.issues.map((i) => i.path.join('.')).join(', ') }) });
    try {
      await api('POST', `/api/v1/families/${familyId}/goals`, body);
      setTitle('');
      setMemberIds([]);
      setMessage({ type: 'ok', text: t('edit.saved') });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  return (
    <details className="gp-details gp-no-print">
      <summary>{t('edit.addGoal')}</summary>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <FormField label={<FormLabel htmlFor="goal-title">{t('edit.goalTitle')}</FormLabel>}
          input={<Textarea id="goal-title" value={title} onChange={(e) => setTitle(e.target.value)} rows={2} />} />
        <SelectField id="goal-domain" label={t('edit.lifeDomain')} value={lifeDomain} onChange={(e) => setLifeDomain(e.target.value)}
          options={[{ value: '', label: t('edit.choose_member') }, ...defaultLifeDomains.map((d) => ({ value: d.code, label: lifeDomainName(d.code) }))]} />
        <Fieldset>
          <FieldsetLegend>{t('edit.about')}</FieldsetLegend>
          {members.map((m) => (
            <CheckboxField key={m.id} id={`goal-member-${m.id}`} label={m.givenName} checked={memberIds.includes(m.id)}
              onChange={(on) => setMemberIds((ids) => (on ? [...ids, m.id] : ids.filter((x) => x !== m.id)))} />
          ))}
        </Fieldset>
        <SelectField id="goal-focus" label={t('edit.focus')} value={focus} onChange={(e) => setFocus(e.target.value)}
          options={goalFocuses.filter((f) => f !== 'stopped').map((f) => ({ value: f, label: t(`focus.${f}`) }))} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('edit.addGoal')}</Button></div>
      </form>
    </details>
  );
}
