/** min / median / p95 of a sample (nearest-rank percentiles). */
export interface Summary {
  runs: number;
  min: number;
  median: number;
  p95: number;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { runs: sorted.length, min: sorted[0]!, median: rank(0.5), p95: rank(0.95) };
}

/** Each paired run's ratio a/b; the ratio of medians is what the budget compares. */
export function ratio(a: Summary, b: Summary): number {
  return a.median / b.median;
}
