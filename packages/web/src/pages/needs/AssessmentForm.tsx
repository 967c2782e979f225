import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, FormField, FormLabel, Heading2, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CreateAssessment, defaultLifeDomains, zrmLevels, type AssessmentView } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { lifeDomainName } from '../family/PlanView';

type Group = 'zrm' | 'household' | 'child';
interface DomainAnswer { level: string; strengths: string; concerns: string }

/**
 * One view of the needs, for one member or the household: a level per life domain (only the domains that matter
 * now; the rest is left out, never scored 0), with what goes well and what worries. The family's own view when a
 * family member fills it in (`fixedView`); otherwise the professional says whose view it is.
 */
export function AssessmentForm({ familyId, memberId, aboutName, groupsFirst, fixedView }: {
  familyId: string; memberId: string | null; aboutName: string; groupsFirst: Group[]; fixedView?: AssessmentView;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [view, setView] = useState<string>(fixedView ?? '');
  const [assessedOn, setAssessedOn] = useState('');
  const [answers, setAnswers] = useState<Record<string, DomainAnswer>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const answer = (code: string) => answers[code] ?? { level: '', strengths: '', concerns: '' };
  const set = (code: string, patch: Partial<DomainAnswer>) => setAnswers((a) => ({ ...a, [code]: { ...answer(code), ...patch } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scores = Object.entries(answers).filter(([, a]) => a.level).map(([lifeDomain, a]) => ({
      lifeDomain, level: Number(a.level), ...(a.strengths ? { strengths: a.strengths } : {}), ...(a.concerns ? { concerns: a.concerns } : {}),
    }));
    const body = { memberId, view, ...(assessedOn ? { assessedOn } : {}), scores };
    const checked = checkForm(CreateAssessment, body);
    const found = checked.ok ? {} : checked.errors;
    setErrors(found);
    const onlyScoresMissing = Object.keys(found).every((k) => k === 'scores');
    if (!checked.ok) return setMessage({ type: 'error', text: onlyScoresMissing ? t('process.needs.chooseOne') : t('validation.summary') });
    try {
      await api('POST', `/api/v1/families/${familyId}/assessments`, body);
      setAnswers({});
      setMessage({ type: 'ok', text: t('process.needs.saved') });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  const groups = groupsFirst.map((g) => ({ group: g, domains: defaultLifeDomains.filter((d) => d.group === g) }));
  return (
    <section aria-labelledby="assess-title" className="gp-card gp-no-print">
      <Heading2 id="assess-title">{fixedView ? t('process.needs.portalTitle') : `${t('process.needs.add')}: ${aboutName}`}</Heading2>
      {fixedView && <Paragraph>{t('process.needs.portalIntro')}</Paragraph>}
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-labelledby="assess-title">
        {!fixedView && (
          <RadioGroup id="assess-view" legend={t('process.needs.view')} value={view} onChange={setView} error={errors.view}
            options={[{ value: 'family', label: t('process.needs.viewFamily') }, { value: 'professional', label: t('process.needs.viewProfessional') }]} />
        )}
        <TextField id="assess-date" type="date" label={t('process.needs.assessedOn')} value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} error={errors.assessedOn} />
        {groups.map(({ group, domains }, index) => {
          const fields = (
            <Fieldset key={group}>
              <FieldsetLegend>{t(`process.needs.groups.${group}`)}</FieldsetLegend>
              <div className="gp-domain-grid">
                {domains.map((d) => (
                  <div key={d.code} className="gp-domain">
                    <SelectField id={`assess-${d.code}`} label={t('process.needs.level', { domain: lifeDomainName(d.code) })} value={answer(d.code).level}
                      onChange={(e) => set(d.code, { level: e.target.value })}
                      options={[{ value: '', label: t('process.needs.notScored') }, ...zrmLevels.map((l) => ({ value: String(l), label: t(`process.needs.levels.${l}`) }))]} />
                    {answer(d.code).level && (
                      <>
                        <FormField label={<FormLabel htmlFor={`assess-${d.code}-strengths`}>{t('process.needs.strengths')}</FormLabel>}
                          input={<Textarea id={`assess-${d.code}-strengths`} rows={2} value={answer(d.code).strengths} onChange={(e) => set(d.code, { strengths: e.target.value })} />} />
                        <FormField label={<FormLabel htmlFor={`assess-${d.code}-concerns`}>{t('process.needs.concerns')}</FormLabel>}
                          input={<Textarea id={`assess-${d.code}-concerns`} rows={2} value={answer(d.code).concerns} onChange={(e) => set(d.code, { concerns: e.target.value })} />} />
                      </>
                    )}
                  </div>
                ))}
              </div>
            </Fieldset>
          );
          // The domains that fit whom it is about are open; the others are one click away.
          return index === 0 ? fields : <details key={group} className="gp-details"><summary>{t(`process.needs.groups.${group}`)}</summary>{fields}</details>;
        })}
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('common.save')}</Button></div>
      </form>
    </section>
  );
}
