import { useTranslation } from 'react-i18next';
import type { TeamMember } from '@gezinsplan/domain';

/**
 * The family's network as a picture: the family in the middle, the people around it on the left, each organisation
 * with its professional on the right; the coordinator is drawn in the family's colour. The lists beside it say the
 * same in words, so the picture is decoration for screen readers only in its details (it has one summary label).
 */
export function NetworkMap({ familyName, supporters, team }: { familyName: string; supporters: { name: string; relation: string }[]; team: TeamMember[] }) {
  const { t } = useTranslation();
  const width = 560;
  const rows = Math.max(supporters.length, team.length, 1);
  const height = Math.max(200, rows * 56 + 40);
  const cy = height / 2;
  const y = (i: number, n: number) => (n === 1 ? cy : 30 + (i * (height - 60)) / (n - 1));
  const summary = `${t('family.networkMap')}: ${familyName}; ${[...supporters.map((s) => s.name), ...team.map((m) => `${m.name} (${m.organisationName})`)].join(', ')}`;
  return (
    <svg className="gp-network" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
      {supporters.map((s, i) => <line key={`ls${i}`} x1={280} y1={cy} x2={110} y2={y(i, supporters.length)} stroke="#8fa8c8" strokeWidth={2} />)}
      {team.map((m, i) => <line key={`lt${i}`} x1={280} y1={cy} x2={430} y2={y(i, team.length)} stroke={m.role === 'coordinator' ? '#154273' : '#8fa8c8'} strokeWidth={m.role === 'coordinator' ? 4 : 2} />)}
      <circle cx={280} cy={cy} r={48} fill="#154273" />
      <text x={280} y={cy + 5} textAnchor="middle" fill="#fff" fontSize={14} fontWeight={700}>{familyName.length > 16 ? `${familyName.slice(0, 15)}…` : familyName}</text>
      {supporters.map((s, i) => (
        <g key={`s${i}`}>
          <rect x={10} y={y(i, supporters.length) - 20} width={150} height={40} rx={20} fill="#e6eef7" />
          <text x={85} y={y(i, supporters.length) - 2} textAnchor="middle" fontSize={13} fontWeight={600} fill="#1a1a1a">{s.name.slice(0, 20)}</text>
          <text x={85} y={y(i, supporters.length) + 13} textAnchor="middle" fontSize={11} fill="#535353">{s.relation.slice(0, 24)}</text>
        </g>
      ))}
      {team.map((m, i) => (
        <g key={`t${i}`}>
          <rect x={370} y={y(i, team.length) - 22} width={180} height={44} rx={6} fill={m.role === 'coordinator' ? '#154273' : '#fff'} stroke="#154273" strokeWidth={2} />
          <text x={460} y={y(i, team.length) - 4} textAnchor="middle" fontSize={13} fontWeight={600} fill={m.role === 'coordinator' ? '#fff' : '#1a1a1a'}>{m.name.slice(0, 22)}</text>
          <text x={460} y={y(i, team.length) + 12} textAnchor="middle" fontSize={11} fill={m.role === 'coordinator' ? '#fff' : '#535353'}>{m.organisationName.slice(0, 26)}</text>
        </g>
      ))}
    </svg>
  );
}
