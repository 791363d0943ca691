// A compact history of one count (a paper's upvotes or GitHub stars), sampled at each sync, and
// the rate it grew at. Pure: the sync's write path appends (utils/data/history-store.ts), the
// Rising view and the sparklines read.

/** Samples in time order: `t[i]` (ms since epoch) saw the count `v[i]`. */
export interface Series {
  t: number[];
  v: number[];
}

export const HOUR_MS = 3_600_000;
/** Samples older than this go (the last one before it stays, to interpolate from). */
export const KEEP_MS = 7 * 24 * HOUR_MS;
/** At most this many samples per series: a week of hourly syncs with room to spare. */
export const MAX_SAMPLES = 192;
/** The window a velocity is measured over. */
export const VELOCITY_WINDOW_MS = 24 * HOUR_MS;
/** Less observed time than this says nothing about a rate: no velocity yet. */
export const MIN_SPAN_MS = HOUR_MS;

/**
 * The series with one more sample. A run of equal values keeps only its first and last sample
 * (the line between them is exact), a sample at the same time replaces the last, an older one is
 * ignored, and samples beyond `KEEP_MS` before `t` go. Never mutates its input.
 */
export function appendSample(series: Series | undefined, t: number, v: number): Series {
  const times = series ? [...series.t] : [];
  const values = series ? [...series.v] : [];
  const last = times.length - 1;
  if (last >= 0 && t < times[last]!) return { t: times, v: values };
  if (last >= 0 && t === times[last]) {
    values[last] = v;
  } else if (last >= 1 && values[last] === v && values[last - 1] === v) {
    times[last] = t; // extend the flat run
  } else {
    times.push(t);
    values.push(v);
  }
  // Drop what is older than the kept window, keeping the last sample before it.
  let drop = 0;
  while (drop + 1 < times.length && times[drop + 1]! <= t - KEEP_MS) drop++;
  drop = Math.max(drop, times.length - MAX_SAMPLES);
  return { t: times.slice(drop), v: values.slice(drop) };
}

/** The count at time `at`, on the straight line between the samples around it. */
function valueAt(series: Series, i: number, at: number): number {
  const t0 = series.t[i]!;
  const t1 = series.t[i + 1]!;
  const v0 = series.v[i]!;
  const v1 = series.v[i + 1]!;
  return t1 === t0 ? v1 : v0 + ((v1 - v0) * (at - t0)) / (t1 - t0);
}

/**
 * What the count gained over a run of values, robust to glitches and resets. A dip that comes
 * back (100, 0, 100: a sample that missed its votes) gains nothing: growth counts only above the
 * highest value seen. A drop confirmed by the next sample (100, 0, 3, 10: the counter was reset)
 * starts a new baseline at the lower value, and growth counts from there.
 */
export function gainOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let high = values[0]!;
  let gain = 0;
  let dipped: number | undefined;
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    if (v >= high) {
      gain += v - high;
      high = v;
      dipped = undefined;
    } else if (dipped === undefined) {
      dipped = v;
    } else {
      // Two samples in a row below the high-water mark: a reset, not a glitch.
      high = dipped;
      dipped = undefined;
      if (v >= high) {
        gain += v - high;
        high = v;
      } else {
        dipped = v;
      }
    }
  }
  return gain;
}

/**
 * Growth per hour over the last day (`VELOCITY_WINDOW_MS` before `now`), or undefined when the
 * samples cannot tell: fewer than two in the window, under an hour apart, or the newest older than
 * the window. A gap across the window's start is bridged on the line between the samples around
 * it; gaps inside the window just lengthen the time the gain is spread over. A paper first seen
 * during the day (the daily list fills in as the day goes) is measured from its first sample, so
 * votes from before it was listed neither count nor dilute.
 */
export function velocity(series: Series | undefined, now: number, window = VELOCITY_WINDOW_MS): number | undefined {
  if (!series || series.t.length < 2) return undefined;
  const start = now - window;
  const { t, v } = series;
  const newest = t.length - 1;
  if (t[newest]! <= start) return undefined;
  let first = t.findIndex((time) => time > start);
  const values: number[] = [];
  let from: number;
  if (first > 0) {
    from = start;
    values.push(valueAt(series, first - 1, start));
  } else {
    first = 0;
    from = t[0]!;
  }
  for (let i = first; i <= newest; i++) values.push(v[i]!);
  const span = t[newest]! - from;
  if (span < MIN_SPAN_MS || values.length < 2) return undefined;
  return gainOf(values) / (span / HOUR_MS);
}

/** The samples within `window` before `now`, for a sparkline. */
export function recent(series: Series | undefined, now: number, window = 3 * VELOCITY_WINDOW_MS): Series {
  if (!series) return { t: [], v: [] };
  const from = series.t.findIndex((time) => time >= now - window);
  if (from < 0) return { t: [], v: [] };
  return { t: series.t.slice(from), v: series.v.slice(from) };
}
