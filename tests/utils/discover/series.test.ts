import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendSample, gainOf, HOUR_MS, KEEP_MS, MAX_SAMPLES, recent, velocity, type Series } from '../../../utils/discover/series';

const T0 = Date.UTC(2026, 5, 12, 0);
const at = (hours: number) => T0 + hours * HOUR_MS;

/** A series sampled at the given hours, through appendSample as the sync writes it. */
function sampled(points: [hours: number, value: number][]): Series {
  let series: Series | undefined;
  for (const [hours, value] of points) series = appendSample(series, at(hours), value);
  return series ?? { t: [], v: [] };
}

/** Hourly samples of a steady rate: `perHour` from hour `from` to hour `to`. */
function steady(from: number, to: number, perHour: number, start = 0): [number, number][] {
  const points: [number, number][] = [];
  for (let h = from; h <= to; h++) points.push([h, start + perHour * (h - from)]);
  return points;
}

describe('appendSample', () => {
  it('keeps only the ends of a run of equal values, and the line between them is exact', () => {
    const series = sampled([
      [0, 1],
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 9],
    ]);
    expect(series).toEqual({ t: [at(0), at(1), at(4), at(5)], v: [1, 5, 5, 9] });
  });

  it('replaces a sample at the same time (two feeds listing one paper in one sync) and ignores an older one', () => {
    let series = sampled([[0, 1]]);
    series = appendSample(series, at(0), 3);
    series = appendSample(series, at(-1), 99);
    expect(series).toEqual({ t: [at(0)], v: [3] });
  });

  it('forgets samples older than a week but keeps the last one before it, and never exceeds MAX_SAMPLES', () => {
    const series = sampled(steady(0, 24 * 10, 1));
    expect(series.t[0]).toBeLessThanOrEqual(at(240) - KEEP_MS);
    expect(series.t[1]).toBeGreaterThan(at(240) - KEEP_MS);
    expect(series.t.length).toBeLessThanOrEqual(MAX_SAMPLES);
    expect(series.t.length).toBe(series.v.length);
  });

  it('does not change the series it was given', () => {
    const before = sampled([
      [0, 1],
      [1, 2],
    ]);
    const copy = structuredClone(before);
    appendSample(before, at(2), 3);
    expect(before).toEqual(copy);
  });

  it('any sequence of appends stays sorted, bounded and parallel', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 24 * 30 }), fc.integer({ min: 0, max: 500 })), { maxLength: 400 }), (points) => {
        const series = sampled(points);
        expect(series.t.length).toBe(series.v.length);
        expect(series.t.length).toBeLessThanOrEqual(MAX_SAMPLES);
        for (let i = 1; i < series.t.length; i++) expect(series.t[i]).toBeGreaterThan(series.t[i - 1]!);
      }),
    );
  });
});

describe('gainOf', () => {
  it('a dip that comes back gains nothing: 100, 0, 100', () => {
    expect(gainOf([100, 0, 100])).toBe(0);
    expect(gainOf([100, 0, 104])).toBe(4);
  });

  it('a drop confirmed by the next sample is a reset: growth counts from the new baseline', () => {
    expect(gainOf([100, 0, 3, 10])).toBe(10);
  });

  it('never negative', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 })), (values) => {
        expect(gainOf(values)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('velocity: upvotes per hour over the last day', () => {
  it('a steady rate reads as that rate', () => {
    expect(velocity(sampled(steady(0, 48, 3)), at(48))).toBeCloseTo(3);
  });

  it('first sample: no velocity yet; nor under an hour of observation', () => {
    expect(velocity(sampled([[10, 40]]), at(10))).toBeUndefined();
    expect(velocity({ t: [at(10), at(10.5)], v: [40, 50] }, at(10.5))).toBeUndefined();
    expect(velocity(undefined, at(10))).toBeUndefined();
  });

  it('a gap inside the day (the laptop slept 10 hours) spreads the gain over the time it took', () => {
    const points = steady(0, 48, 2).filter(([h]) => h < 30 || h > 40);
    expect(velocity(sampled(points), at(48))).toBeCloseTo(2);
  });

  it('a gap across the window start is bridged by interpolation', () => {
    // Samples at 0..10 and 40..48; the window starts at hour 24, inside the gap.
    const points = steady(0, 48, 2).filter(([h]) => h <= 10 || h >= 40);
    expect(velocity(sampled(points), at(48))).toBeCloseTo(2);
  });

  it('only the last day counts: an early burst is forgotten', () => {
    const points: [number, number][] = [...steady(0, 10, 20), ...steady(11, 48, 1, 200)];
    expect(velocity(sampled(points), at(48))).toBeCloseTo(1, 1);
  });

  it('a reset of the counter does not read as a fall, nor a glitch as a rise', () => {
    const reset = sampled([...steady(0, 30, 2), [31, 0], [32, 2], [33, 4]]);
    expect(velocity(reset, at(33))).toBeGreaterThan(0);
    const glitch = sampled([...steady(0, 30, 0, 100), [31, 0], [32, 100], [48, 100]]);
    expect(velocity(glitch, at(48))).toBe(0);
  });

  it('stale: nothing sampled in the last day gives no velocity', () => {
    expect(velocity(sampled(steady(0, 10, 5)), at(40))).toBeUndefined();
  });

  it('a day filling in: a paper listed late in the day is measured from when it appeared, so it outranks an older, slower one', () => {
    const allDay = sampled(steady(0, 22, 2)); // listed since midnight, 2 an hour: 44 upvotes
    const lateFast = sampled(steady(18, 22, 6, 12)); // first seen at 18:00 already at 12, then 6 an hour: 36
    expect(velocity(lateFast, at(22))).toBeCloseTo(6);
    expect(velocity(allDay, at(22))).toBeCloseTo(2);
    expect(velocity(lateFast, at(22))!).toBeGreaterThan(velocity(allDay, at(22))!);
  });
});

describe('recent', () => {
  it('the samples of the last three days, for a sparkline', () => {
    const series = sampled(steady(0, 24 * 5, 1));
    const shown = recent(series, at(120));
    expect(shown.t[0]).toBeGreaterThanOrEqual(at(120 - 72));
    expect(shown.v.at(-1)).toBe(120);
    expect(recent(undefined, at(0))).toEqual({ t: [], v: [] });
  });
});
