/**
 * A line over time: one point per evaluation, oldest left. Built for the GAS T-score, whose 50 means "as expected":
 * that line is drawn and named, so a family reads "above the line: better than we expected". Pure SVG.
 */
interface Point { key: string; label: string; value: number }

interface Props {
  points: readonly Point[];
  /** The value range shown; the reference line sits inside it. */
  min: number;
  max: number;
  reference: { value: number; label: string };
  title: string;
  description: string;
  formatValue: (v: number) => string;
}

const WIDTH = 620;
const HEIGHT = 240;
const PAD = { left: 44, right: 130, top: 24, bottom: 44 };

export function TrendChart({ points, min, max, reference, title, description, formatValue }: Props) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (innerW * i) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - (innerH * (Math.min(max, Math.max(min, v)) - min)) / (max - min);
  const ticks = [min, (min + reference.value) / 2, reference.value, (max + reference.value) / 2, max];
  const titleId = `trend-title-${title.replace(/\W+/g, '-')}`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="gp-trend" role="img" aria-labelledby={titleId}>
      <title id={titleId}>{`${title}. ${description}`}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke={t === reference.value ? '#535353' : '#e1e5ea'} strokeDasharray={t === reference.value ? '6 4' : undefined} />
          <text x={PAD.left - 8} y={y(t)} textAnchor="end" dominantBaseline="middle" fontSize={12} fill="#535353">{formatValue(t)}</text>
        </g>
      ))}
      <text x={WIDTH - PAD.right + 8} y={y(reference.value)} dominantBaseline="middle" fontSize={12} fill="#333">{reference.label}</text>
      {points.length > 1 && (
        <polyline points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} fill="none" stroke="#154273" strokeWidth={3} />
      )}
      {points.map((p, i) => (
        <g key={p.key}>
          <circle cx={x(i)} cy={y(p.value)} r={5.5} fill="#154273" />
          <text x={x(i)} y={y(p.value) - 11} textAnchor="middle" fontSize={12} fontWeight={600} fill="#154273">{formatValue(p.value)}</text>
          <text x={x(i)} y={HEIGHT - PAD.bottom + 20} textAnchor="middle" fontSize={12} fill="#333">{p.label}</text>
        </g>
      ))}
    </svg>
  );
}
