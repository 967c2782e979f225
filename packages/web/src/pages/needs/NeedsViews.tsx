import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { defaultLifeDomains, type Assessment } from '@gezinsplan/domain';
import { useAssessments, useComparison, type ComparisonT } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { RadarChart, RadarLegend, type RadarSeries } from '../../components/charts/RadarChart';
import { formatDate } from '../../format';
import { lifeDomainName } from '../family/PlanView';

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

/** One member's (or, with memberId null, the household's) needs: the web and the table, or that nothing is mapped yet. */
export function MemberNeeds({ familyId, memberId, name }: { familyId: string; memberId: string | null; name: string }) {
  const { t } = useTranslation();
  const assessments = useAssessments(familyId);
  const comparison = useComparison(familyId);
  return (
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
  );
}
