import { formatCount } from '../utils/lib/format';
import { t as tr } from '../utils/lib/i18n';
import type { Series } from '../utils/discover/series';

const W = 64;
const H = 18;
const PAD = 2;

/** The points of a series scaled into the box: time across, count up. */
export function sparkPoints({ t, v }: Series, width = W, height = H): string {
  if (t.length === 0) return '';
  const t0 = t[0]!;
  const span = t[t.length - 1]! - t0 || 1;
  const low = Math.min(...v);
  const range = Math.max(...v) - low || 1;
  const x = (time: number) => (t.length === 1 ? width - PAD : PAD + ((time - t0) / span) * (width - 2 * PAD));
  const y = (value: number) => (t.length === 1 ? height / 2 : height - PAD - ((value - low) / range) * (height - 2 * PAD));
  return t.map((time, i) => `${x(time).toFixed(1)},${y(v[i]!).toFixed(1)}`).join(' ');
}

/** A paper's upvotes over the last days as a tiny line (inline SVG), with the numbers in its label. */
export function Sparkline({ series }: { series: Series }) {
  const { t, v } = series;
  if (t.length === 0) return null;
  const first = v[0]!;
  const last = v[v.length - 1]!;
  const label = t.length === 1 ? tr('discover.sparkOne', [formatCount(last)]) : tr('discover.sparkMany', [formatCount(t.length), formatCount(first), formatCount(last)]);
  const points = sparkPoints(series);
  const end = points.split(' ').pop()!.split(',');
  return (
    <svg class="spark" data-role="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      {t.length > 1 ? (
        <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
      ) : (
        // One count: a flat, faint line up to it (no trend yet).
        <line x1={PAD} y1={end[1]} x2={end[0]} y2={end[1]} stroke="currentColor" stroke-width="1" stroke-dasharray="2 2" opacity="0.5" />
      )}
      <circle cx={end[0]} cy={end[1]} r="2" fill="currentColor" />
    </svg>
  );
}
