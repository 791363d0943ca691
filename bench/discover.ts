/**
 * The cost of each worked-out feature at 10,000 papers, in Node on this machine (pure logic, the
 * same code the background and the pages run): `npm run bench:discover`. Prints a table; the
 * median of 7 runs after one warm-up. The database reads around them are index ranges of at most
 * a few thousand rows and are measured by the page rows of `npm run bench`.
 */
import { resolve } from 'node:path';
import type { Paper, PaperHistory } from '../utils/data/db';
import { rankForYou, type Liked } from '../utils/discover/for-you';
import { paperIdFromUrl, paperSites } from '../utils/discover/paper-url';
import { rankCatchUp, rankRising } from '../utils/discover/rising';
import { matchRules, type Rule } from '../utils/discover/rules';
import { appendSample, type Series } from '../utils/discover/series';
import { parseDailyPapers } from '../utils/sync/sources/hf';
import { generateItems, loadTemplates } from './lib/items';

const N = 10_000;
const RUNS = 7;
const HOUR = 3_600_000;
const NOW = Date.parse('2026-08-03T12:00:00Z');

function median(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const parsed = parseDailyPapers(generateItems(loadTemplates(resolve(import.meta.dirname, '../tests/fixtures/recorded')), 0, N, N, 'http://127.0.0.1'), 'https://huggingface.co');
if (!parsed.ok) throw new Error(parsed.reason);
const papers: Paper[] = parsed.papers.map((p) => ({ ...p, source: 'hf', firstSeenAt: NOW - 30 * 24 * HOUR, lastSeenInFeedAt: NOW - HOUR }));

// Two days of hourly counts per paper, each growing at its own pace.
function series(seed: number): Series {
  let s: Series | undefined;
  for (let h = 48; h >= 0; h--) s = appendSample(s, NOW - h * HOUR, Math.floor(((48 - h) * (seed % 17)) / 3));
  return s!;
}
const histories: PaperHistory[] = papers.map((p, i) => ({ id: p.id, lastAt: NOW, upvotes: series(i), stars: series(i * 7) }));

const liked: Liked[] = papers.slice(0, 50).map((paper, i) => ({ paper, kind: i % 5 ? 'read' : 'saved', at: NOW - i * HOUR }));
const hidden = papers.slice(50, 60);
const candidates = papers.slice(60);
const rules: Rule[] = [
  { id: 'a', pattern: 'diffusion', regex: false, fields: ['title', 'abstract'], effect: 'highlight' },
  { id: 'b', pattern: 'reinforcement learning', regex: false, fields: ['title', 'abstract'], effect: 'pin' },
  { id: 'c', pattern: 'RLHF|DPO|GRPO', regex: true, fields: ['title', 'abstract'], effect: 'highlight' },
  { id: 'd', pattern: 'survey', regex: false, fields: ['title'], effect: 'dim' },
  { id: 'e', pattern: 'Google|DeepMind', regex: true, fields: ['organization', 'authors'], effect: 'highlight' },
];
const sites = paperSites(['https://arxiv.org', 'https://www.arxiv.org'], 'https://huggingface.co', ['https://www.alphaxiv.org']);
const urls = papers.map((p, i) => ['https://arxiv.org/abs/', 'https://arxiv.org/pdf/', 'https://huggingface.co/papers/', 'https://www.alphaxiv.org/abs/'][i % 4] + `${p.id}v${(i % 3) + 1}`);

const rows: [string, number, string][] = [
  ['For you: rank, no rules', median(() => rankForYou({ candidates, liked, hidden, rules: [], now: NOW })), 'the same without rules'],
  ['For you: rank a month', median(() => rankForYou({ candidates: candidates.slice(0, 1500), liked, hidden, rules, now: NOW })), '1,500 candidates: a month of daily and trending lists, what it ranks in practice'],
  ['For you: rank', median(() => rankForYou({ candidates, liked, hidden, rules, now: NOW })), `${candidates.length} candidates, 50 read/saved, 10 hidden, 5 rules (background, after a sync or an action)`],
  ['Rising: rank', median(() => rankRising(histories, NOW)), `${N} histories of 49 hourly samples (page, on opening the view)`],
  ['Catch-up: rank', median(() => rankCatchUp(papers, histories, NOW - 60 * HOUR)), `${N} papers since an absence (page, on opening the view)`],
  ['Rules: match every paper', median(() => papers.forEach((p) => matchRules(p, rules))), `${N} papers × 5 rules, 2 of them RE2 regexes (every view, on its papers)`],
  ['Sparklines: sample a sync', median(() => histories.map((h) => appendSample(h.upvotes, NOW + HOUR, 1000))), `${N} papers, one sample each (inside applySync's transaction)`],
  ['Read detection: match URLs', median(() => urls.forEach((u) => paperIdFromUrl(u, sites))), `${N} tab addresses (one per navigation in practice)`],
];
console.log(`| feature | median ms at ${N.toLocaleString('en')} papers | what |\n|---|---:|---|`);
for (const [name, ms, what] of rows) console.log(`| ${name} | ${ms.toFixed(1)} | ${what} |`);
