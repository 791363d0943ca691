import { formatCount } from '../utils/lib/format';
import { t as tr } from '../utils/lib/i18n';
import type { Series } from '../utils/discover/series';

// What a sparkline (Sparkline.tsx) draws, apart from its markup: the popup's first screen drawn by
// the entry script (utils/pages/boot/popup-sketch.ts) draws the same from here.

export const SPARK_W = 64;
export const SPARK_H = 18;
export const SPARK_PAD = 2;

/** The points of a series scaled into the box: time across, count up. */
export function sparkPoints({ t, v }: Series, width = SPARK_W, height = SPARK_H): string {
  if (t.length === 0) return '';
  const t0 = t[0]!;
  const span = t[t.length - 1]! - t0 || 1;
  const low = Math.min(...v);
  const range = Math.max(...v) - low || 1;
  const x = (time: number) => (t.length === 1 ? width - SPARK_PAD : SPARK_PAD + ((time - t0) / span) * (width - 2 * SPARK_PAD));
  const y = (value: number) => (t.length === 1 ? height / 2 : height - SPARK_PAD - ((value - low) / range) * (height - 2 * SPARK_PAD));
  return t.map((time, i) => `${x(time).toFixed(1)},${y(v[i]!).toFixed(1)}`).join(' ');
}

/** A non-empty series' label (its numbers, in words), points and last point. */
export function sparkShape(series: Series): { label: string; points: string; end: string[] } {
  const { t, v } = series;
  const first = v[0]!;
  const last = v[v.length - 1]!;
  const label = t.length === 1 ? tr('discover.sparkOne', [formatCount(last)]) : tr('discover.sparkMany', [formatCount(t.length), formatCount(first), formatCount(last)]);
  const points = sparkPoints(series);
  return { label, points, end: points.split(' ').pop()!.split(',') };
}
