import type { Summary } from './stats';

export interface Row {
  what: string;
  /** What was measured and how many times, e.g. "N = 10,000 · 15 loads". */
  detail: string;
  paperboy: string;
  reference: string;
  /** The compared figure: a ratio, a size, a count. */
  result: string;
  target: string;
  ok: boolean | undefined;
}

export const ms = (s: Summary) => `${s.min.toFixed(1)} / ${s.median.toFixed(1)} / ${s.p95.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function markdown(rows: Row[], machine: string): string {
  const verdict = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? '✅' : '❌');
  const lines = [
    `Machine: ${machine}`,
    '',
    'Timings: min / median / p95.',
    '',
    '| what | measured | Paperboy | reference | result | target | met |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.detail} | ${r.paperboy} | ${r.reference} | ${r.result} | ${r.target} | ${verdict(r.ok)} |`),
  ];
  return `${lines.join('\n')}\n`;
}
