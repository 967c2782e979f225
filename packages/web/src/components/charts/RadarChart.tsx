/**
 * The life-domain "spider web": one spoke per domain, the ZRM levels 1–5 as rings, one outline per view. The family's
 * view and a professional's are told apart by line style and marker as well as colour, and earlier rounds are drawn
 * thin and pale behind the latest, so change over time shows without a second chart. Pure SVG: no chart library.
 */
export interface RadarSeries {
  key: string;
  label: string;
  view: 'family' | 'professional';
  /** An earlier round: drawn thin and pale. */
  earlier?: boolean;
  /** Level per domain code; a domain without a level leaves a gap in the outline's markers, not a zero. */
  levels: Readonly<Record<string, number | undefined>>;
}

interface Props {
  axes: readonly { code: string; label: string }[];
  series: readonly RadarSeries[];
  /** A sentence saying what the chart shows, for people who cannot see it (the table beside it has the numbers). */
  description: string;
  title: string;
}

const SIZE = 460;
/** Room beside the web for the domains' names, left and right. */
const SIDE = 70;
const CENTER = SIZE / 2;
const RADIUS = 150;
const LEVELS = [1, 2, 3, 4, 5] as const;
const COLOURS = { family: '#b34700', professional: '#154273' } as const;

function point(index: number, count: number, level: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  const r = (RADIUS * level) / 5;
  return [SIDE + CENTER + r * Math.cos(angle), CENTER + r * Math.sin(angle)];
}

const path = (points: [number, number][]) => points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

/** Long domain names wrap over two lines at the outer end of their spoke. */
function labelLines(label: string): string[] {
  if (label.length <= 16) return [label];
  const words = label.split(' ');
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

export function RadarChart({ axes, series, description, title }: Props) {
  const n = axes.length;
  if (n < 3) return null;
  const ordered = [...series].sort((a, b) => Number(!a.earlier) - Number(!b.earlier));
  const titleId = `radar-title-${title.replace(/\W+/g, '-')}`;
  return (
    <svg viewBox={`0 0 ${SIZE + 2 * SIDE} ${SIZE}`} className="gp-radar" role="img" aria-labelledby={titleId}>
      <title id={titleId}>{`${title}. ${description}`}</title>
      {LEVELS.map((level) => (
        <polygon key={level} points={path(axes.map((_, i) => point(i, n, level)))} fill={level % 2 ? '#f6f8fb' : '#fff'} stroke="#c8d1dc" strokeWidth={1} />
      ))}
      {axes.map((axis, i) => {
        const [x, y] = point(i, n, 5);
        const [lx, ly] = point(i, n, 6.1);
        const anchor = Math.abs(lx - SIDE - CENTER) < 8 ? 'middle' : lx > SIDE + CENTER ? 'start' : 'end';
        const lines = labelLines(axis.label);
        return (
          <g key={axis.code}>
            <line x1={SIDE + CENTER} y1={CENTER} x2={x} y2={y} stroke="#c8d1dc" />
            <text x={lx} y={ly - (lines.length - 1) * 7} textAnchor={anchor} dominantBaseline="middle" fontSize={13} fill="#333">
              {lines.map((line, j) => <tspan key={j} x={lx} dy={j === 0 ? 0 : 15}>{line}</tspan>)}
            </text>
          </g>
        );
      })}
      {LEVELS.map((level) => {
        const [x, y] = point(0, n, level);
        return <text key={level} x={x + 4} y={y} fontSize={11} fill="#535353" dominantBaseline="middle">{level}</text>;
      })}
      {ordered.map((s) => {
        const colour = COLOURS[s.view];
        const points = axes.map((a, i) => (s.levels[a.code] === undefined ? null : point(i, n, s.levels[a.code]!)));
        const known = points.filter((p): p is [number, number] => p !== null);
        return (
          <g key={s.key} opacity={s.earlier ? 0.45 : 1}>
            {known.length >= 2 && (
              <polygon points={path(known)} fill={s.earlier ? 'none' : colour} fillOpacity={0.12} stroke={colour}
                strokeWidth={s.earlier ? 1.5 : 3} strokeDasharray={s.view === 'family' ? '7 4' : undefined} />
            )}
            {known.map(([x, y], i) => (s.view === 'family'
              ? <circle key={i} cx={x} cy={y} r={s.earlier ? 3 : 5} fill={colour} />
              : <rect key={i} x={x - (s.earlier ? 3 : 4.5)} y={y - (s.earlier ? 3 : 4.5)} width={s.earlier ? 6 : 9} height={s.earlier ? 6 : 9} fill={colour} />))}
          </g>
        );
      })}
    </svg>
  );
}

/** The key to the chart's lines, as a list (it is read by screen readers, and printed). */
export function RadarLegend({ series }: { series: readonly RadarSeries[] }) {
  return (
    <ul className="gp-legend">
      {series.map((s) => (
        <li key={s.key} className={s.earlier ? 'gp-legend--earlier' : undefined}>
          <svg width="36" height="14" aria-hidden="true">
            <line x1="2" y1="7" x2="34" y2="7" stroke={COLOURS[s.view]} strokeWidth={s.earlier ? 1.5 : 3} strokeDasharray={s.view === 'family' ? '7 4' : undefined} opacity={s.earlier ? 0.5 : 1} />
            {s.view === 'family' ? <circle cx="18" cy="7" r="4" fill={COLOURS[s.view]} /> : <rect x="14" y="3" width="8" height="8" fill={COLOURS[s.view]} />}
          </svg>
          <span>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}
