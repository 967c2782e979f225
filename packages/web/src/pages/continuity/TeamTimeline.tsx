import { useTranslation } from 'react-i18next';
import type { CareStep, Continuity, TeamMember } from '@gezinsplan/domain';
import { formatDate } from '../../format';

const WIDTH = 720;
const LABEL = 210;
const ROW = 34;
const TOP = 28;
const BOTTOM = 30;
const DAY = 86_400_000;

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).getTime();

/**
 * Who was on the team when, as bars on one time line: the dark part of a bar is the time as coordinator, and a
 * shaded band marks each stretch of specialist care, so the overlap (who worked alongside whom) shows at a glance.
 * Pure SVG; the lists beside it say the same in words.
 */
export function TeamTimeline({ members, coordination, steps, now = Date.now() }: {
  members: readonly TeamMember[]; coordination: Continuity['coordination']; steps: readonly CareStep[]; now?: number;
}) {
  const { t } = useTranslation();
  if (members.length === 0) return null;
  const rows = [...members].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name));
  // At least four weeks back, so a new file still draws bars a reader can see, and today always at the right.
  const start = Math.min(now - 28 * DAY, ...rows.map((m) => at(m.startDate)), ...coordination.map((p) => at(p.from)));
  const end = now + 2 * DAY;
  const x = (ms: number) => LABEL + ((WIDTH - LABEL - 16) * (Math.min(end, Math.max(start, ms)) - start)) / (end - start);
  const height = TOP + rows.length * ROW + BOTTOM;
  // A professional who left and came back has two rows; their coordination belongs on the membership that held it.
  const rowOf = (p: Continuity['coordination'][number]) => {
    const from = at(p.from);
    const held = rows.findIndex((m) => m.userId === p.userId && at(m.startDate) <= from + DAY && (!m.endDate || at(m.endDate) + DAY >= from));
    return held >= 0 ? held : rows.findIndex((m) => m.userId === p.userId);
  };
  return (
    <figure className="gp-figure">
      {/* On a phone the time line keeps a readable size and scrolls sideways. */}
      <div className="gp-scroll" tabIndex={0} role="group" aria-label={t('continuity.chartTitle')}>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} className="gp-team-timeline" role="img" aria-labelledby="team-timeline-title">
          <title id="team-timeline-title">{`${t('continuity.chartTitle')}. ${t('continuity.chartDescription')}`}</title>
          {steps.map((s) => {
            const x1 = x(at(s.steppedUpAt));
            const x2 = Math.max(x1 + 3, x(s.steppedDownAt ? at(s.steppedDownAt) : now));
            return (
              <g key={s.id}>
                <rect x={x1} y={TOP - 6} width={x2 - x1} height={rows.length * ROW + 6} fill="#fff1cc" />
                <text x={x1 + 4} y={TOP - 10} fontSize={12} fill="#5c3d00">{t('continuity.together')}</text>
              </g>
            );
          })}
          {rows.map((m, i) => {
            const y = TOP + i * ROW;
            const x1 = x(at(m.startDate));
            const x2 = Math.max(x1 + 4, x(m.endDate ? at(m.endDate) + DAY : now));
            return (
              <g key={m.id}>
                <text x={0} y={y + 13} fontSize={13} fill="#1a1a1a">{m.name.length > 26 ? `${m.name.slice(0, 25)}…` : m.name}</text>
                <text x={0} y={y + 27} fontSize={11} fill="#535353">{m.organisationName.length > 30 ? `${m.organisationName.slice(0, 29)}…` : m.organisationName}</text>
                <rect x={x1} y={y + 6} width={x2 - x1} height={16} rx={3} fill={m.active ? '#7ea6d3' : '#b9b9b9'} />
              </g>
            );
          })}
          {coordination.map((p) => {
            const row = rowOf(p);
            if (row < 0) return null;
            const x1 = x(at(p.from));
            const x2 = Math.max(x1 + 4, x(p.to ? at(p.to) : now));
            return <rect key={`${p.userId}-${p.from}`} x={x1} y={TOP + row * ROW + 6} width={x2 - x1} height={16} rx={3} fill="#154273"><title>{t('continuity.coordinating')}</title></rect>;
          })}
          <line x1={x(now)} x2={x(now)} y1={TOP - 6} y2={height - BOTTOM + 4} stroke="#535353" strokeDasharray="4 3" />
          <text x={LABEL} y={height - 8} fontSize={12} fill="#333">{formatDate(new Date(start).toISOString())}</text>
          <text x={x(now)} y={height - 8} fontSize={12} fill="#333" textAnchor="end">{t('continuity.today')}</text>
        </svg>
      </div>
      <ul className="gp-legend gp-legend--row">
        {[['#154273', t('continuity.coordinating')], ['#7ea6d3', t('family.team')], ['#fff1cc', t('continuity.together')]].map(([colour, label]) => (
          <li key={label}><svg width="28" height="14" aria-hidden="true"><rect x="1" y="1" width="26" height="12" rx="3" fill={colour} stroke="#8a8a8a" strokeWidth={0.5} /></svg><span>{label}</span></li>
        ))}
      </ul>
    </figure>
  );
}
