// Each lead unit's completion as hand-drawn SVG bars on 首页.
import type { UnitCompletion } from '@shared/channels/dashboard';

const ROW = 26;
const LABEL = 150;
const BAR = 260;

/** Hand-drawn SVG: a dozen bars need no charting library, and it renders offline and prints. */
export function CompletionChart({ units }: { units: UnitCompletion[] }) {
  if (units.length === 0) return null;
  const height = units.length * ROW + 8;
  return (
    <svg className="chart" width={LABEL + BAR + 90} height={height} role="img" aria-label="牵头单位完成率柱状图">
      {units.map((u, i) => {
        const y = i * ROW + 4;
        const doneWidth = (u.done / u.total) * BAR;
        const overdueWidth = (u.overdue / u.total) * BAR;
        return (
          <g key={u.unitId}>
            <text x={LABEL - 8} y={y + 15} textAnchor="end" fontSize="13">
              {u.name.length > 10 ? u.name.slice(0, 10) + '…' : u.name}
            </text>
            <rect x={LABEL} y={y} width={BAR} height={18} fill="#eef1f5" />
            <rect x={LABEL} y={y} width={doneWidth} height={18} fill="#43a047" />
            <rect x={LABEL + BAR - overdueWidth} y={y} width={overdueWidth} height={18} fill="#d32f2f" opacity="0.8" />
            <text x={LABEL + BAR + 8} y={y + 14} fontSize="12" fill="#374151">
              {u.rate}%（{u.done}/{u.total}）
            </text>
          </g>
        );
      })}
    </svg>
  );
}
