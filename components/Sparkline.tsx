import type { Series } from '../utils/discover/series';
import { SPARK_H as H, SPARK_PAD as PAD, SPARK_W as W, sparkShape } from './sparkline-shape';

/** A paper's upvotes over the last days as a tiny line (inline SVG), with the numbers in its label. */
export function Sparkline({ series }: { series: Series }) {
  if (series.t.length === 0) return null;
  const { label, points, end } = sparkShape(series);
  return (
    <svg class="spark" data-role="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      {series.t.length > 1 ? (
        <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
      ) : (
        // One count: a flat, faint line up to it (no trend yet).
        <line x1={PAD} y1={end[1]} x2={end[0]} y2={end[1]} stroke="currentColor" stroke-width="1" stroke-dasharray="2 2" opacity="0.5" />
      )}
      <circle cx={end[0]} cy={end[1]} r="2" fill="currentColor" />
    </svg>
  );
}
