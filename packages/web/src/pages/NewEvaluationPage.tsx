import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, FormField, FormLabel, Heading2, Paragraph, Textarea } from '@utrecht/component-library-react';
import {
  addWeeks, CreateEvaluation, experienceQuestions, experienceScores, gasScores, todayInNetherlands, type Family, type Goal,
} from '@gezinsplan/domain';
import { api, ApiError } from '../api/client';
import { useCollaborationCatalogue, useMembers, usePlan, useTeam } from '../api/queries';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { RadioGroup } from '../components/RadioGroup';
import { TextField } from '../components/TextField';
import { QueryState } from '../components/QueryState';
import { checkForm, type FieldErrors } from '../components/validation';
import { problemFieldErrors, problemText } from '../components/problemText';
import { formatDate } from '../format';
import i18n from '../i18n';
import { useSession } from '../session/session';
import { FamilyFrame } from './family/FamilyFrame';

const NONE = '';
const localized = (x: { nl: string; en: string }) => (i18n.language === 'en' ? x.en : x.nl);

/** Recording a joint evaluation: who took part, each goal's progress, the family's experience, the collaboration. */
export function NewEvaluationPage() {
  const { familyId = '' } = useParams();
  return <FamilyFrame familyId={familyId} active="evaluations">{(family) => <EvaluationForm family={family} />}</FamilyFrame>;
}

interface GoalAnswer { score: string; comment: string }

function EvaluationForm({ family }: { family: Family }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const plan = usePlan(family.id);
  const members = useMembers(family.id);
  const team = useTeam(family.id);
  const catalogue = useCollaborationCatalogue();
  const session = useSession();
  const [kind, setKind] = useState(params.get('soort') === 'afsluitend' ? 'closing' : 'interim');
  const [heldOn, setHeldOn] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [userIds, setUserIds] = useState<string[] | null>(null);
  const [goals, setGoals] = useState<Record<string, GoalAnswer>>({});
  const [experience, setExperience] = useState<Record<string, string>>({});
  const [collaboration, setCollaboration] = useState<Record<string, GoalAnswer>>({});
  const [decisions, setDecisions] = useState('');
  const [nextOn, setNextOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  // Whoever records it took part: ticked unless they untick themselves.
  const chosenUsers = userIds ?? (session.data ? [session.data.user.id] : []);
  const goalAnswer = (id: string) => goals[id] ?? { score: NONE, comment: '' };
  const ratingOf = (code: string) => collaboration[code] ?? { score: NONE, comment: '' };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ratings = Object.entries(collaboration).filter(([, r]) => r.score !== NONE)
      .map(([code, r]) => ({ code, score: Number(r.score), ...(r.comment ? { comment: r.comment } : {}) }));
    const body = {
      kind, ...(heldOn ? { heldOn } : {}), participants: { memberIds, userIds: chosenUsers },
      goals: Object.entries(goals).filter(([, g]) => g.score !== NONE).map(([goalId, g]) => ({ goalId, score: Number(g.score), ...(g.comment ? { comment: g.comment } : {}) })),
      experience: Object.entries(experience).filter(([, s]) => s !== NONE).map(([code, s]) => ({ code, score: Number(s) })),
      ...(ratings.length > 0 && catalogue.data ? { collaboration: { catalogueVersion: catalogue.data.version, ratings } } : {}),
      ...(decisions ? { decisions } : {}), ...(nextOn && kind !== 'closing' ? { nextEvaluationOn: nextOn } : {}),
    };
    const checked = checkForm(CreateEvaluation, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage(checked.errors['participants.userIds'] ? t('process.evaluation.needsParticipant') : t('validation.summary'));
    try {
      await api('POST', `/api/v1/families/${family.id}/evaluations`, body);
      await queryClient.invalidateQueries({ queryKey: ['family', family.id] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await navigate(`/gezinnen/${family.id}/evaluaties`, { state: { saved: true } });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      if (e instanceof ApiError && e.status === 409 && e.pointer === '/body/collaboration/catalogueVersion') {
        await queryClient.invalidateQueries({ queryKey: ['catalogue', 'collaboration'] });
        return setMessage(t('process.evaluation.catalogueReplaced'));
      }
      setMessage(problemText(e));
    }
  };

  const byFocus = (focus: Goal['focus']) => (plan.data?.goals ?? []).filter((g) => g.focus === focus && g.view === 'full');
  const goalField = (g: Goal) => (
    <div key={g.id} className="gp-fieldset">
      <RadioGroup id={`goal-${g.id}`} inline legend={t('process.evaluation.goalScore', { goal: g.title })} value={goalAnswer(g.id).score}
        onChange={(score) => setGoals((a) => ({ ...a, [g.id]: { ...goalAnswer(g.id), score } }))}
        options={[...gasScores.map((s) => ({ value: String(s), label: `${s > 0 ? '+' : ''}${s} ${t(`process.gas.${s}`)}` })), { value: NONE, label: t('process.evaluation.notScored') }]} />
      <FormField label={<FormLabel htmlFor={`goal-${g.id}-comment`}>{t('process.evaluation.comment')}</FormLabel>}
        input={<Textarea id={`goal-${g.id}-comment`} rows={2} value={goalAnswer(g.id).comment} onChange={(e) => setGoals((a) => ({ ...a, [g.id]: { ...goalAnswer(g.id), comment: e.target.value } }))} />} />
    </div>
  );
  const nextDefault = plan.data ? addWeeks(heldOn || todayInNetherlands(), plan.data.evaluation.intervalWeeks) : null;

  return (
    <>
      <Paragraph className="gp-no-print"><Link className="utrecht-link" to={`/gezinnen/${family.id}/evaluaties`}>{t('process.nav.evaluations')}</Link></Paragraph>
      <section aria-labelledby="new-evaluation-title" className="gp-card">
        <Heading2 id="new-evaluation-title">{t('process.evaluation.newTitle')}</Heading2>
        {message && <Alert type="error" role="alert"><Paragraph>{message}</Paragraph></Alert>}
        <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-labelledby="new-evaluation-title">
          <RadioGroup id="evaluation-kind" legend={t('process.evaluation.kindLabel')} value={kind} onChange={setKind}
            options={[{ value: 'interim', label: t('process.evaluation.kind.interim') }, { value: 'closing', label: t('process.evaluation.kind.closing'), description: t('process.evaluation.closingHint') }]} />
          <TextField id="evaluation-date" type="date" label={t('process.evaluation.date')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={errors.heldOn} />
          <Fieldset>
            <FieldsetLegend>{t('process.evaluation.participants')}</FieldsetLegend>
            <CheckboxGroup id="evaluation-members" legend={t('process.evaluation.whoFamily')} selected={memberIds} onChange={setMemberIds}
              options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))} />
            <CheckboxGroup id="evaluation-team" legend={t('process.evaluation.whoTeam')} selected={chosenUsers} onChange={setUserIds} error={errors['participants.userIds']}
              options={(team.data?.items ?? []).filter((m) => m.active).map((m) => ({ value: m.userId, label: `${m.name} (${m.organisationName})` }))} />
          </Fieldset>
          <Fieldset>
            <FieldsetLegend>{t('process.evaluation.goals')}</FieldsetLegend>
            {byFocus('now').map(goalField)}
            {[...byFocus('later'), ...byFocus('achieved')].length > 0 && (
              <details className="gp-details"><summary>{t('focus.later')} / {t('focus.achieved')}</summary>{[...byFocus('later'), ...byFocus('achieved')].map(goalField)}</details>
            )}
          </Fieldset>
          <Fieldset>
            <FieldsetLegend>{t('process.evaluation.experience')}</FieldsetLegend>
            <Paragraph className="gp-meta">{t('process.evaluation.experienceIntro')}</Paragraph>
            {experienceQuestions.map((q) => (
              <RadioGroup key={q.code} id={`experience-${q.code}`} inline legend={localized(q)} value={experience[q.code] ?? NONE}
                onChange={(score) => setExperience((x) => ({ ...x, [q.code]: score }))}
                options={[...experienceScores.map((s) => ({ value: String(s), label: t(`process.experienceScale.${s}`) })), { value: NONE, label: t('process.evaluation.notScored') }]} />
            ))}
          </Fieldset>
          <details className="gp-details">
            <summary>{t('process.evaluation.collaboration')}</summary>
            <QueryState query={catalogue}>
              {(c) => (
                <Fieldset>
                  <FieldsetLegend>{t('process.evaluation.collaborationFrom', { name: c.name, version: c.version })}</FieldsetLegend>
                  <Paragraph className="gp-meta">{t('process.evaluation.collaborationIntro')}</Paragraph>
                  {c.components.map((component) => (
                    <div key={component.code} className="gp-fieldset">
                      <RadioGroup id={`collaboration-${component.code}`} inline legend={localized(component)} value={ratingOf(component.code).score}
                        onChange={(score) => setCollaboration((x) => ({ ...x, [component.code]: { ...ratingOf(component.code), score } }))}
                        options={[...experienceScores.map((s) => ({ value: String(s), label: t(`process.collaborationScale.${s}`) })), { value: NONE, label: t('process.evaluation.notScored') }]} />
                      <Paragraph className="gp-meta">{component.description}</Paragraph>
                    </div>
                  ))}
                </Fieldset>
              )}
            </QueryState>
          </details>
          <FormField label={<FormLabel htmlFor="evaluation-decisions">{t('process.evaluation.decisions')}</FormLabel>}
            input={<Textarea id="evaluation-decisions" rows={3} value={decisions} onChange={(e) => setDecisions(e.target.value)} />} />
          {kind !== 'closing' && (
            <TextField id="evaluation-next" type="date" label={t('process.evaluation.nextDate')} value={nextOn} onChange={(e) => setNextOn(e.target.value)} error={errors.nextEvaluationOn}
              description={nextDefault ? t('process.evaluation.nextDefault', { count: plan.data!.evaluation.intervalWeeks, date: formatDate(nextDefault) }) : undefined} />
          )}
          <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('process.evaluation.record')}</Button></div>
        </form>
      </section>
    </>
  );
}
