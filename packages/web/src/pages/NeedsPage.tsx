import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { defaultLifeDomains, type Assessment, type Family, type MemberSummary } from '@gezinsplan/domain';
import { useAssessments, useComparison, useMembers, type ComparisonT } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { SelectField } from '../components/SelectField';
import { RadarChart, RadarLegend, type RadarSeries } from '../components/charts/RadarChart';
import { formatDate } from '../format';
import { FamilyFrame } from './family/FamilyFrame';
import { lifeDomainName } from './family/PlanView';
import { AssessmentForm } from './needs/AssessmentForm';

const HOUSEHOLD = 'household';

/**
 * Mapping needs together: per member (or the household) the life-domain web with the family's view and the
 * professionals' overlaid, earlier rounds behind the latest; the same numbers in a table where a large difference is
 * marked to talk about; and a form to record a new view.
 */
export function NeedsPage() {
  const { familyId = '' } = useParams();
  return <FamilyFrame familyId={familyId} active="needs">{(family) => <Needs family={family} />}</FamilyFrame>;
}

function Needs({ family }: { family: Family }) {
  const { t } = useTranslation();
  const members = useMembers(family.id);
  const assessments = useAssessments(family.id);
  const comparison = useComparison(family.id);
  const [whom, setWhom] = useState<string | null>(null);
  const list = members.data?.items ?? [];
  const selected = whom ?? list.find((m) => m.role === 'parent')?.id ?? list[0]?.id ?? HOUSEHOLD;
  const memberId = selected === HOUSEHOLD ? null : selected;
  const member = list.find((m) => m.id === memberId);
  const name = member ? member.givenName : t('process.needs.household');

  return (
    <>
      <section aria-labelledby="needs-title" className="gp-card">
        <Heading2 id="needs-title">{t('process.needs.title')}</Heading2>
        <Paragraph>{t('process.needs.intro')}</Paragraph>
        <SelectField id="needs-whom" label={t('process.needs.whom')} value={selected} onChange={(e) => setWhom(e.target.value)}
          options={[...list.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` })), { value: HOUSEHOLD, label: t('process.needs.household') }]} />
        <QueryState query={assessments}>
          {(page) => {
            const mine = page.items.filter((a) => a.memberId === memberId);
            if (mine.length === 0) return <Paragraph>{t('process.needs.none', { name })}</Paragraph>;
            return (
              <div className="gp-needs">
                <NeedsWeb assessments={mine} name={name} />
                <NeedsTable rows={(comparison.data?.items ?? []).filter((c) => c.memberId === memberId)} />
              </div>
            );
          }}
        </QueryState>
      </section>
      {family.allowedActions.includes('plan:write') && (
        <AssessmentForm familyId={family.id} memberId={memberId} aboutName={name} groupsFirst={groupsFor(member)} />
      )}
    </>
  );
}

/** The domains to offer first: a child's, the household's, or an adult's own. */
function groupsFor(member: MemberSummary | undefined): ('zrm' | 'household' | 'child')[] {
  if (!member) return ['household', 'zrm', 'child'];
  return member.role === 'child' ? ['child', 'zrm', 'household'] : ['zrm', 'household', 'child'];
}

/** The latest family view and the latest professional view in full; the two rounds before each, pale behind them. */
function NeedsWeb({ assessments, name }: { assessments: Assessment[]; name: string }) {
  const { t } = useTranslation();
  const byView = (view: Assessment['view']) => assessments.filter((a) => a.view === view).sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1)).slice(0, 3);
  const series: RadarSeries[] = [...byView('family'), ...byView('professional')].map((a) => {
    const latest = byView(a.view)[0]!.id === a.id;
    const label = a.view === 'family'
      ? t('process.needs.familyView', { date: formatDate(a.assessedOn) })
      : t('process.needs.professionalView', { by: a.author.name, date: formatDate(a.assessedOn) });
    return {
      key: a.id, view: a.view, earlier: !latest, label: latest ? label : `${label}, ${t('process.needs.earlier')}`,
      levels: Object.fromEntries(a.scores.map((s) => [s.lifeDomain, s.level])),
    };
  });
  const codes = new Set(assessments.flatMap((a) => a.scores.map((s) => s.lifeDomain)));
  const axes = defaultLifeDomains.filter((d) => codes.has(d.code)).map((d) => ({ code: d.code, label: lifeDomainName(d.code) }));
  const legend = [...series].sort((a, b) => Number(!!a.earlier) - Number(!!b.earlier));
  return (
    <figure className="gp-figure">
      <RadarChart axes={axes} series={series} title={t('process.needs.chart', { name })} description={t('process.needs.chartDescription', { name })} />
      <figcaption><RadarLegend series={legend} /></figcaption>
    </figure>
  );
}

/** The latest views side by side, per domain; where they differ enough, it says so in words. */
function NeedsTable({ rows }: { rows: ComparisonT[] }) {
  const { t } = useTranslation();
  const order = (code: string) => defaultLifeDomains.findIndex((d) => d.code === code);
  const sorted = [...rows].sort((a, b) => order(a.lifeDomain) - order(b.lifeDomain));
  return (
    <table className="gp-table">
      <caption>{t('process.needs.table')}</caption>
      <thead>
        <tr><th scope="col">{t('process.needs.domain')}</th><th scope="col">{t('process.needs.family')}</th><th scope="col">{t('process.needs.professional')}</th><th scope="col"><span className="gp-visually-hidden">{t('process.needs.differ')}</span></th></tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.lifeDomain} className={r.differ ? 'gp-row--differ' : undefined}>
            <th scope="row">{lifeDomainName(r.lifeDomain)}</th>
            <td>{r.family?.level ?? t('process.needs.same')}</td>
            <td>{r.professional?.level ?? t('process.needs.same')}</td>
            <td>{r.differ && <span className="gp-badge gp-badge--talk">{t('process.needs.differ')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
