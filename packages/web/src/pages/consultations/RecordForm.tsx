import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, FormField, FormLabel, Heading2, Paragraph, Textarea } from '@utrecht/component-library-react';
import { RecordConsultation, type Consultation } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { useMembers, usePlan, useSupporters, useTeam } from '../../api/queries';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';

interface DecisionDraft { text: string; goalId: string }
interface ActionDraft { title: string; goalId: string; assignee: string; dueDate: string }
const newAction = (): ActionDraft => ({ title: '', goalId: '', assignee: '', dueDate: '' });

/** Who does an action: `user:…`, `member:…` or `supporter:…`, as the plan's action takes it. */
function assigneeOf(value: string): Record<string, string> {
  const [kind, id] = value.split(':');
  if (!id) return {};
  return kind === 'user' ? { assigneeUserId: id } : kind === 'member' ? { assigneeMemberId: id } : { assigneeSupporterId: id };
}

/**
 * Recording a consultation afterwards: attendance ticked off the invitees, the decisions (for a goal, or in general)
 * and the new actions, each on a goal with who does it and by when; the actions land in the plan.
 */
export function RecordForm({ consultation: c, onRecorded }: { consultation: Consultation; onRecorded: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = usePlan(c.familyId);
  const team = useTeam(c.familyId);
  const members = useMembers(c.familyId);
  const supporters = useSupporters(c.familyId);
  const [userIds, setUserIds] = useState(c.invitees.professionals.map((p) => p.userId));
  const [memberIds, setMemberIds] = useState(c.invitees.members.map((m) => m.id));
  const [supporterIds, setSupporterIds] = useState(c.invitees.supporters.map((s) => s.id));
  const [notes, setNotes] = useState('');
  const [decisions, setDecisions] = useState<DecisionDraft[]>([{ text: '', goalId: '' }]);
  const [actions, setActions] = useState<ActionDraft[]>([newAction()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const goals = (plan.data?.goals ?? []).filter((g) => g.view === 'full');
  const people = [
    ...(team.data?.items ?? []).filter((m) => m.active).map((m) => ({ value: `user:${m.userId}`, label: `${m.name} (${m.organisationName})` })),
    ...(members.data?.items ?? []).map((m) => ({ value: `member:${m.id}`, label: `${m.givenName} ${m.familyName}` })),
    ...(supporters.data?.items ?? []).map((s) => ({ value: `supporter:${s.id}`, label: s.name })),
  ];
  const setDecision = (n: number, d: Partial<DecisionDraft>) => setDecisions((all) => all.map((x, i) => (i === n ? { ...x, ...d } : x)));
  const setAction = (n: number, a: Partial<ActionDraft>) => setActions((all) => all.map((x, i) => (i === n ? { ...x, ...a } : x)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      attended: { userIds, memberIds, supporterIds }, notes,
      decisions: decisions.filter((d) => d.text.trim()).map((d) => ({ text: d.text, ...(d.goalId ? { goalId: d.goalId } : {}) })),
      actions: actions.filter((a) => a.title.trim() || a.goalId || a.assignee)
        .map((a) => ({ goalId: a.goalId, title: a.title, ...(a.dueDate ? { dueDate: a.dueDate } : {}), ...assigneeOf(a.assignee) })),
    };
    const checked = checkForm(RecordConsultation, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage(t('validation.summary'));
    try {
      await api('POST', `/api/v1/families/${c.familyId}/consultations/${c.id}/record`, body);
      await queryClient.invalidateQueries({ queryKey: ['family', c.familyId] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      onRecorded();
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage(problemText(e));
    }
  };

  return (
    <section aria-labelledby="record-title" className="gp-card gp-no-print">
      <Heading2 id="record-title">{t('consultations.record')}</Heading2>
      <Paragraph>{t('consultations.recordIntro')}</Paragraph>
      {message && <Alert type="error" role="alert"><Paragraph>{message}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-labelledby="record-title">
        <Fieldset>
          <FieldsetLegend>{t('consultations.who')}</FieldsetLegend>
          <CheckboxGroup id="attended-team" legend={t('consultations.team')} selected={userIds} onChange={setUserIds}
            options={c.invitees.professionals.map((p) => ({ value: p.userId, label: `${p.name} (${p.organisationName})` }))} />
          {c.invitees.members.length > 0 && <CheckboxGroup id="attended-family" legend={t('consultations.family')} selected={memberIds} onChange={setMemberIds}
            options={c.invitees.members.map((m) => ({ value: m.id, label: m.name }))} />}
          {c.invitees.supporters.length > 0 && <CheckboxGroup id="attended-supporters" legend={t('consultations.supporters')} selected={supporterIds} onChange={setSupporterIds}
            options={c.invitees.supporters.map((s) => ({ value: s.id, label: s.name }))} />}
        </Fieldset>
        <FormField label={<FormLabel htmlFor="record-notes">{t('consultations.notes')}</FormLabel>}
          input={<Textarea id="record-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />} />
        <Fieldset>
          <FieldsetLegend>{t('consultations.decisions')}</FieldsetLegend>
          {decisions.map((d, n) => (
            <Fieldset key={n}>
              <FieldsetLegend>{t('consultations.decision', { n: n + 1 })}</FieldsetLegend>
              <FormField label={<FormLabel htmlFor={`decision-${n}-text`}>{t('consultations.decisionText')}</FormLabel>}
                input={<Textarea id={`decision-${n}-text`} rows={2} value={d.text} onChange={(e) => setDecision(n, { text: e.target.value })} />} />
              <SelectField id={`decision-${n}-goal`} label={t('consultations.decisionGoal')} value={d.goalId} error={errors[`decisions.${n}.goalId`]}
                onChange={(e) => setDecision(n, { goalId: e.target.value })}
                options={[{ value: '', label: t('consultations.noGoal') }, ...goals.map((g) => ({ value: g.id, label: g.title }))]} />
              <Button appearance="subtle-button" aria-label={`${t('consultations.remove')}: ${t('consultations.decision', { n: n + 1 })}`} onClick={() => setDecisions((all) => all.filter((_, i) => i !== n))}>{t('consultations.remove')}</Button>
            </Fieldset>
          ))}
          <Button appearance="secondary-action-button" onClick={() => setDecisions((all) => [...all, { text: '', goalId: '' }])}>{t('consultations.addDecision')}</Button>
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t('consultations.actions')}</FieldsetLegend>
          {actions.map((a, n) => (
            <Fieldset key={n}>
              <FieldsetLegend>{t('consultations.action', { n: n + 1 })}</FieldsetLegend>
              <TextField id={`action-${n}-title`} label={t('consultations.actionTitle')} value={a.title} error={errors[`actions.${n}.title`]} onChange={(e) => setAction(n, { title: e.target.value })} />
              <SelectField id={`action-${n}-goal`} label={t('consultations.actionGoal')} value={a.goalId} error={errors[`actions.${n}.goalId`]}
                onChange={(e) => setAction(n, { goalId: e.target.value })}
                options={[{ value: '', label: t('consultations.chooseGoal') }, ...goals.map((g) => ({ value: g.id, label: g.title }))]} />
              <SelectField id={`action-${n}-assignee`} label={t('consultations.assignee')} value={a.assignee} error={errors[`actions.${n}.assigneeUserId`]}
                onChange={(e) => setAction(n, { assignee: e.target.value })} options={[{ value: '', label: t('consultations.choosePerson') }, ...people]} />
              <TextField id={`action-${n}-due`} type="date" label={t('consultations.due')} value={a.dueDate} error={errors[`actions.${n}.dueDate`]} onChange={(e) => setAction(n, { dueDate: e.target.value })} />
              <Button appearance="subtle-button" aria-label={`${t('consultations.remove')}: ${t('consultations.action', { n: n + 1 })}`} onClick={() => setActions((all) => all.filter((_, i) => i !== n))}>{t('consultations.remove')}</Button>
            </Fieldset>
          ))}
          <Button appearance="secondary-action-button" onClick={() => setActions((all) => [...all, newAction()])}>{t('consultations.addAction')}</Button>
        </Fieldset>
        <div className="gp-form-actions">
          <Button type="submit" appearance="primary-action-button">{t('consultations.saveRecord')}</Button>
        </div>
      </form>
    </section>
  );
}
