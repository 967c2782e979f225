import { useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, ButtonLink, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { experienceQuestions, type Evaluation, type Family } from '@gezinsplan/domain';
import { useCollaborationCatalogue, useEvaluations, usePlan } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { TrendChart } from '../components/charts/TrendChart';
import { formatDate } from '../format';
import i18n from '../i18n';
import { useSession } from '../session/session';
import { FamilyFrame } from './family/FamilyFrame';
import { EvaluationSchedule } from './family/EvaluationSchedule';

const formatScore = (v: number) => (Math.round(v * 10) / 10).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
const gasLabel = (score: number) => i18n.t(`process.gas.${score}`);

/** The joint evaluations of a family: the planning, progress on the goals over time, and each evaluation in full. */
export function EvaluationsPage() {
  const { familyId = '' } = useParams();
  return <FamilyFrame familyId={familyId} active="evaluations">{(family) => <Evaluations family={family} />}</FamilyFrame>;
}

function Evaluations({ family }: { family: Family }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  const plan = usePlan(family.id);
  const evaluations = useEvaluations(family.id);
  const session = useSession();
  const professional = session.data?.user.kind === 'professional';
  const underWay = family.phase === 'uitvoering' || family.phase === 'evaluatie';
  const newHref = `/gezinnen/${family.id}/evaluaties/nieuw`;
  return (
    <>
      <section aria-labelledby="evaluations-title" className="gp-card">
        <Heading2 id="evaluations-title">{t('process.evaluation.title')}</Heading2>
        {saved && <Alert type="ok" role="status"><Paragraph>{t('process.evaluation.saved')}</Paragraph></Alert>}
        <Paragraph>{t('process.evaluation.intro')}</Paragraph>
        {plan.data && <EvaluationSchedule familyId={family.id} plan={plan.data} canEdit={family.allowedActions.includes('family:update')} />}
        {professional && family.allowedActions.includes('plan:write') && (underWay
          ? <ButtonLink href={newHref} appearance="primary-action-button" onClick={(e) => { e.preventDefault(); void navigate(newHref); }}>{t('process.evaluation.record')}</ButtonLink>
          : <Paragraph className="gp-meta">{t('process.evaluation.wrongPhase')}</Paragraph>)}
      </section>
      <QueryState query={evaluations}>
        {(page) => page.items.length === 0 ? <Paragraph>{t('process.evaluation.none')}</Paragraph> : (
          <>
            <Progress evaluations={page.items} />
            {page.items.map((e) => <EvaluationCard key={e.id} evaluation={e} />)}
          </>
        )}
      </QueryState>
    </>
  );
}

/** The GAS T-score over time, and per goal its score at each evaluation (the numbers behind the line). */
function Progress({ evaluations }: { evaluations: Evaluation[] }) {
  const { t } = useTranslation();
  const oldestFirst = [...evaluations].reverse();
  const points = oldestFirst.filter((e) => e.tScore !== null).map((e) => ({ key: e.id, label: formatDate(e.heldOn), value: e.tScore! }));
  const goals = [...new Map(oldestFirst.flatMap((e) => e.goals.map((g) => [g.goalId, g.title] as const))).entries()];
  return (
    <section aria-labelledby="progress-title" className="gp-card">
      <Heading2 id="progress-title">{t('process.evaluation.trend')}</Heading2>
      {points.length > 0 && (
        <TrendChart points={points} min={20} max={80} reference={{ value: 50, label: t('process.evaluation.asExpected') }}
          title={t('process.evaluation.trend')} description={t('process.evaluation.trendDescription')} formatValue={formatScore} />
      )}
      <Paragraph className="gp-meta">{t('process.evaluation.trendDescription')}</Paragraph>
      {goals.length > 0 && (
        <div className="gp-scroll">
          <table className="gp-table">
            <caption>{t('process.evaluation.perGoal')}</caption>
            <thead><tr><th scope="col">{t('process.evaluation.goals')}</th>{oldestFirst.map((e) => <th key={e.id} scope="col">{formatDate(e.heldOn)}</th>)}</tr></thead>
            <tbody>
              {goals.map(([id, title]) => (
                <tr key={id}>
                  <th scope="row">{title}</th>
                  {oldestFirst.map((e) => {
                    const score = e.goals.find((g) => g.goalId === id)?.score;
                    return <td key={e.id}>{score === undefined ? '—' : <span title={gasLabel(score)}>{score > 0 ? `+${score}` : score}<span className="gp-visually-hidden"> ({gasLabel(score)})</span></span>}</td>;
                  })}
                </tr>
              ))}
              <tr><th scope="row">T-score</th>{oldestFirst.map((e) => <td key={e.id}><strong>{e.tScore === null ? '—' : formatScore(e.tScore)}</strong></td>)}</tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EvaluationCard({ evaluation: e }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const catalogue = useCollaborationCatalogue();
  const people = [...e.participants.members.map((m) => m.name), ...e.participants.professionals.map((p) => `${p.name} (${p.organisationName})`)];
  const componentName = (code: string) => {
    const c = catalogue.data?.version === e.collaboration?.catalogueVersion ? catalogue.data?.components.find((x) => x.code === code) : undefined;
    return c ? (i18n.language === 'en' ? c.en : c.nl) : code;
  };
  return (
    <article aria-labelledby={`evaluation-${e.id}`} className="gp-card">
      <Heading2 id={`evaluation-${e.id}`}>{t(`process.evaluation.kind.${e.kind}`)}: {formatDate(e.heldOn)}</Heading2>
      {e.tScore !== null && <Paragraph><span className="gp-badge gp-badge--strong">{t('process.evaluation.tScore', { score: formatScore(e.tScore) })}</span></Paragraph>}
      <Paragraph className="gp-meta">{t('process.choice.withWhom', { names: people.join(', ') })}</Paragraph>
      {e.goals.length > 0 && (
        <>
          <Heading3>{t('process.evaluation.goals')}</Heading3>
          <ul className="gp-list">
            {e.goals.map((g) => (
              <li key={g.goalId}>
                <span>{g.title}{g.comment && <><br /><span className="gp-meta">{g.comment}</span></>}</span>
                <span className="gp-badge">{t('process.evaluation.scoreOf', { score: g.score > 0 ? `+${g.score}` : g.score, label: gasLabel(g.score) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {e.experience.length > 0 && (
        <>
          <Heading3>{t('process.evaluation.experience')}</Heading3>
          <ul className="gp-list">
            {e.experience.map((x) => {
              const q = experienceQuestions.find((question) => question.code === x.code);
              return <li key={x.code}><span>{q ? (i18n.language === 'en' ? q.en : q.nl) : x.code}</span><span className="gp-meta">{t(`process.experienceScale.${x.score}`)}</span></li>;
            })}
          </ul>
        </>
      )}
      {e.collaboration && (
        <details className="gp-details">
          <summary>{t('process.evaluation.collaboration')}</summary>
          <ul className="gp-list">
            {e.collaboration.ratings.map((r) => (
              <li key={r.code}><span>{componentName(r.code)}{r.comment && <><br /><span className="gp-meta">{r.comment}</span></>}</span>
                <span className="gp-meta">{t(`process.collaborationScale.${r.score as 1}`)}</span></li>
            ))}
          </ul>
        </details>
      )}
      {e.decisions && <><Heading3>{t('process.evaluation.decisions')}</Heading3><Paragraph>{e.decisions}</Paragraph></>}
      <Paragraph className="gp-meta">{e.nextEvaluationOn ? t('process.evaluation.next', { date: formatDate(e.nextEvaluationOn) }) : e.kind === 'closing' ? t('process.evaluation.noNext') : ''}</Paragraph>
    </article>
  );
}
