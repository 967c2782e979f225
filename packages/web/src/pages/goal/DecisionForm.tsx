import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CreateDecision, type Decision, type HelpOption, type MemberSummary, type TeamMember } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { SupporterT } from '../../api/queries';
import { CheckboxField } from '../../components/CheckboxField';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';

interface ExpectationRow { what: string; who: string; dueDate: string; addAsAction: boolean }
const NO_PREFERENCE = 'none';
const newRow = (): ExpectationRow => ({ what: '', who: '', dueDate: '', addAsAction: true });

interface Props {
  familyId: string;
  goalId: string;
  options: HelpOption[];
  current: Decision | null;
  members: MemberSummary[];
  team: TeamMember[];
  supporters: SupporterT[];
}

/** Whom an expectation names, as the API wants it: one of a professional, a family member or a supporter. */
function assignee(who: string): Record<string, string> {
  const [kind, id] = who.split(':') as [string, string];
  if (!id) return {};
  return kind === 'user' ? { assigneeUserId: id } : kind === 'member' ? { assigneeMemberId: id } : { assigneeSupporterId: id };
}

/**
 * Records a decision taken together: which help (or none for now), what the family prefers in their own words, why,
 * who took part, and who does what (each can go straight into the plan as an action). A new decision while one holds
 * replaces it, and the earlier one stays visible as revisited.
 */
export function DecisionForm({ familyId, goalId, options, current, members, team, supporters }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [preferred, setPreferred] = useState(NO_PREFERENCE);
  const [familyView, setFamilyView] = useState('');
  const [rationale, setRationale] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [userIds, setUserIds] = useState<string[]>([]);
  const [rows, setRows] = useState<ExpectationRow[]>([]);
  const [revisits, setRevisits] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const setRow = (i: number, patch: Partial<ExpectationRow>) => setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      chosenOptionIds: chosen, preferredOptionId: preferred === NO_PREFERENCE ? null : preferred, rationale,
      ...(familyView ? { familyView } : {}), participants: { memberIds, userIds },
      expectations: rows.map((r) => ({ what: r.what, ...assignee(r.who), ...(r.dueDate ? { dueDate: r.dueDate } : {}), addAsAction: r.addAsAction })),
      ...(current && revisits ? { revisits: current.id } : {}),
    };
    const checked = checkForm(CreateDecision, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage({ type: 'error', text: t('validation.summary') });
    try {
      await api('POST', `/api/v1/families/${familyId}/goals/${goalId}/decisions`, body);
      setMessage({ type: 'ok', text: t('process.choice.decisionSaved') });
      setChosen([]); setPreferred(NO_PREFERENCE); setFamilyView(''); setRationale(''); setRows([]);
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  const whoOptions = [
    { value: '', label: t('edit.choose_member') },
    ...team.map((m) => ({ value: `user:${m.userId}`, label: `${m.name} (${m.organisationName})` })),
    ...members.map((m) => ({ value: `member:${m.id}`, label: `${m.givenName} ${m.familyName}` })),
    ...supporters.map((s) => ({ value: `supporter:${s.id}`, label: `${s.name} (${s.relation})` })),
  ];
  return (
    <details className="gp-details gp-no-print">
      <summary>{t('process.choice.decide')}</summary>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-label={t('process.choice.decide')}>
        {options.length > 0 && (
          <CheckboxGroup id="decision-chosen" legend={t('process.choice.chooseOption')} selected={chosen} onChange={setChosen}
            options={options.map((o) => ({ value: o.id, label: o.title }))} />
        )}
        {options.length > 0 && (
          <RadioGroup id="decision-preferred" legend={t('process.choice.preferred')} value={preferred} onChange={setPreferred}
            options={[...options.map((o) => ({ value: o.id, label: o.title })), { value: NO_PREFERENCE, label: t('process.choice.noPreference') }]} />
        )}
        <FormField label={<FormLabel htmlFor="decision-family-view">{t('process.choice.familyView')}</FormLabel>}
          input={<Textarea id="decision-family-view" rows={2} value={familyView} onChange={(e) => setFamilyView(e.target.value)} />} />
        <FormField invalid={!!errors.rationale} label={<FormLabel htmlFor="decision-rationale">{t('process.choice.rationale')}</FormLabel>}
          errorMessage={errors.rationale ? <FormFieldErrorMessage id="decision-rationale-error">{errors.rationale}</FormFieldErrorMessage> : undefined}
          input={<Textarea id="decision-rationale" rows={3} value={rationale} invalid={!!errors.rationale} aria-describedby={errors.rationale ? 'decision-rationale-error' : undefined} onChange={(e) => setRationale(e.target.value)} />} />
        <CheckboxGroup id="decision-members" legend={t('process.choice.familyParticipants')} selected={memberIds} onChange={setMemberIds} error={errors['participants.memberIds']}
          options={members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))} />
        <CheckboxGroup id="decision-team" legend={t('process.choice.teamParticipants')} selected={userIds} onChange={setUserIds}
          options={team.map((m) => ({ value: m.userId, label: `${m.name} (${m.organisationName})` }))} />
        <Fieldset>
          <FieldsetLegend>{t('process.choice.expectations')}</FieldsetLegend>
          {rows.map((row, i) => (
            <div key={i} className="gp-fieldset">
              <TextField id={`expectation-${i}-what`} label={`${t('process.choice.expectation', { n: i + 1 })}: ${t('process.choice.what')}`} value={row.what}
                onChange={(e) => setRow(i, { what: e.target.value })} error={errors[`expectations.${i}.what`]} />
              <SelectField id={`expectation-${i}-who`} label={t('process.choice.who')} value={row.who} onChange={(e) => setRow(i, { who: e.target.value })}
                options={whoOptions} error={errors[`expectations.${i}.assigneeUserId`]} />
              <TextField id={`expectation-${i}-due`} type="date" label={t('process.choice.due')} value={row.dueDate} onChange={(e) => setRow(i, { dueDate: e.target.value })}
                error={errors[`expectations.${i}.dueDate`]} />
              <CheckboxField id={`expectation-${i}-action`} label={t('process.choice.asAction')} checked={row.addAsAction} onChange={(on) => setRow(i, { addAsAction: on })} />
              <Button appearance="subtle-button" onClick={() => setRows((r) => r.filter((_, j) => j !== i))}>{t('process.choice.removeExpectation', { n: i + 1 })}</Button>
            </div>
          ))}
          <Button appearance="secondary-action-button" onClick={() => setRows((r) => [...r, newRow()])}>{t('process.choice.addExpectation')}</Button>
        </Fieldset>
        {current && <CheckboxField id="decision-revisits" label={t('process.choice.revisits')} checked={revisits} onChange={setRevisits} />}
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('process.choice.decide')}</Button></div>
      </form>
    </details>
  );
}
