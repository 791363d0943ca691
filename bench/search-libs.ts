/**
 * Search library comparison at 10,000 papers: index build time, retained heap and per-keystroke
 * query latency (p50/p95/max) for MiniSearch (what Paperboy ships) and, when installed next to
 * this script's run (BENCH_LIBS_DIR=<dir with node_modules>), FlexSearch and Orama.
 *
 *   npm run bench:search                                  # MiniSearch only
 *   BENCH_LIBS_DIR=/tmp/libs npm run bench:search         # plus flexsearch and @orama/orama there
 *
 * Papers are synthesised from the recorded fixtures (the 88-paper snapshot and 33 HF papers):
 * sentences, authors and keywords are resampled and a share of words replaced by invented ones so
 * the vocabulary grows as a real corpus's does. Runs in Node's V8 (Chromium's engine); numbers are medians of
 * repeated runs on a shared machine: compare ratios, not absolutes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Paper } from '../utils/data/db';
import { createSearchIndex, search } from '../utils/search/search-index';
import { parseDailyPapers } from '../utils/sync/sources/hf';

// npm runs scripts from the package root (the bundle itself lives in bench/results/).
const ROOT = process.cwd();
const FIXTURES = resolve(ROOT, 'tests/fixtures/recorded');
const N = Number(process.env.BENCH_PAPERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 60);

/** Deterministic PRNG (mulberry32) so every run indexes the same corpus. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(): Paper[] {
  const seed = JSON.parse(readFileSync(resolve(ROOT, 'assets/seed-papers.json'), 'utf8')) as { papers: { title: string; summary: string }[] };
  const hf: Paper[] = [];
  for (const day of ['2026-06-12', '2026-08-03']) {
    const parsed = parseDailyPapers(JSON.parse(readFileSync(resolve(FIXTURES, `hf/daily_papers_${day}.json`), 'utf8')), 'https://huggingface.co');
    if (parsed.ok) hf.push(...parsed.papers.map((p): Paper => ({ ...p, source: 'hf', firstSeenAt: 0 })));
  }
  const titles = [...seed.papers.map((p) => p.title), ...hf.map((p) => p.title)];
  const sentences = [...seed.papers.map((p) => p.summary), ...hf.map((p) => p.summary)].flatMap((s) => s.split(/(?<=\.)\s+/)).filter((s) => s.length > 20);
  const authors = hf.flatMap((p) => p.authors);
  const keywords = hf.flatMap((p) => p.aiKeywords ?? []);
  const random = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  // ~8% of words are replaced by invented ones (model names, acronyms, jargon) drawn with a
  // skew from 50,000: the vocabulary grows with the corpus as a real one does. (Suffixing
  // existing words instead would give "transformer" a thousand variants no real corpus has.)
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const invented = Array.from({ length: 50_000 }, () =>
    Array.from({ length: 4 + Math.floor(random() * 8) }, () => letters[Math.floor(random() * 26)]).join(''),
  );
  const mutate = (text: string) => text.split(' ').map((w) => (random() < 0.08 ? invented[Math.floor(random() ** 2 * invented.length)] : w)).join(' ');
  const papers: Paper[] = [];
  for (let i = 0; i < N; i++) {
    const title = mutate(`${pick(titles).split(':')[0]} ${pick(titles).split(' ').slice(-4).join(' ')}`);
    const summary = mutate(Array.from({ length: 5 + Math.floor(random() * 5) }, () => pick(sentences)).join(' '));
    papers.push({
      id: `${2400 + (i % 100)}.${String(10000 + i).padStart(5, '0')}`,
      title,
      summary,
      authors: Array.from({ length: 2 + Math.floor(random() * 8) }, () => mutate(pick(authors))),
      aiKeywords: Array.from({ length: 4 + Math.floor(random() * 8) }, () => pick(keywords)),
      links: {},
      source: 'hf',
      firstSeenAt: 0,
    });
  }
  return papers;
}

/** Keystroke queries: every prefix (from 2 characters) of 1–3-word queries, some with a typo. */
function keystrokes(papers: Paper[]): string[] {
  const random = rng(7);
  const out: string[] = [];
  for (let q = 0; q < QUERIES; q++) {
    const words = papers[Math.floor(random() * papers.length)]!.title.toLowerCase().split(/\W+/).filter((w) => w.length > 3);
    const n = 1 + Math.floor(random() * Math.min(3, words.length));
    let query = words.slice(0, n).join(' ');
    if (q % 5 === 0 && query.length > 6) query = query.slice(0, 3) + query.slice(4); // a dropped letter
    for (let i = 2; i <= query.length; i++) out.push(query.slice(0, i));
  }
  return out;
}

interface Engine {
  name: string;
  build(papers: Paper[]): unknown;
  query(index: unknown, q: string): unknown;
}

const gc = (globalThis as { gc?: () => void }).gc;
/** CPU time of this process in ms (user + system). */
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function engines(): Promise<Engine[]> {
  const list: Engine[] = [
    { name: 'minisearch 7.2.0 (prefix + fuzzy, AND)', build: (p) => createSearchIndex(p), query: (i, q) => search(i as ReturnType<typeof createSearchIndex>, q) },
  ];
  const dir = process.env.BENCH_LIBS_DIR;
  if (!dir) return list;
  const load = async (name: string, entry: string) => import(pathToFileURL(resolve(dir, 'node_modules', name, entry)).href);
  try {
    const { Document } = (await load('flexsearch', 'dist/flexsearch.bundle.module.min.mjs')) as { Document: new (o: object) => any };
    list.push({
      name: 'flexsearch 0.8.212 (Document, tokenize forward)',
      build: (papers) => {
        const index = new Document({ document: { id: 'id', index: ['title', 'summary', 'authors', 'keywords'] }, tokenize: 'forward' });
        for (const p of papers) index.add({ id: p.id, title: p.title, summary: p.summary, authors: p.authors.join(', '), keywords: p.aiKeywords?.join(', ') ?? '' });
        return index;
      },
      query: (index, q) => (index as any).search(q, { limit: 500, merge: true }),
    });
  } catch (error) {
    console.warn(`flexsearch not measured: ${(error as Error).message}`);
  }
  try {
    const orama = (await load('@orama/orama', 'dist/esm/index.js')) as any;
    list.push({
      name: 'orama 3.1.18 (tolerance 1)',
      build: (papers) => {
        const db = orama.create({ schema: { title: 'string', summary: 'string', authors: 'string', keywords: 'string' } });
        for (const p of papers) orama.insert(db, { id: p.id, title: p.title, summary: p.summary, authors: p.authors.join(', '), keywords: p.aiKeywords?.join(', ') ?? '' });
        return db;
      },
      query: (db, q) => orama.search(db, { term: q, tolerance: 1, limit: 500, boost: { title: 3 } }),
    });
  } catch (error) {
    console.warn(`orama not measured: ${(error as Error).message}`);
  }
  return list;
}

async function main() {
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:search does)');
  const papers = corpus();
  const queries = keystrokes(papers);
  console.log(`${papers.length} papers, ${queries.length} keystroke queries, ${RUNS} builds each\n`);
  const head = ['library', 'build ms wall / CPU (median)', 'heap MB', 'query p50 ms wall / CPU', 'p95 wall / CPU', 'max wall / CPU'];
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  const only = process.env.BENCH_ONLY;
  for (const engine of (await engines()).filter((e) => !only || e.name.startsWith(only))) {
    const builds: number[] = [];
    const buildsCpu: number[] = [];
    const heaps: number[] = [];
    let index: unknown;
    for (let run = 0; run < RUNS; run++) {
      index = undefined;
      gc();
      const before = process.memoryUsage().heapUsed;
      const start = performance.now();
      const startCpu = cpu();
      index = engine.build(papers);
      buildsCpu.push(cpu() - startCpu);
      builds.push(performance.now() - start);
      gc();
      heaps.push(process.memoryUsage().heapUsed - before);
    }
    console.error(`${engine.name}: built in ${builds.map((b) => b.toFixed(0)).join(', ')} ms; querying…`);
    for (const q of queries.slice(0, 50)) engine.query(index, q); // warm up the JIT
    const times: number[] = [];
    const timesCpu: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      const startCpu = cpu();
      engine.query(index, q);
      timesCpu.push(cpu() - startCpu);
      times.push(performance.now() - start);
    }
    if (process.env.BENCH_SLOWEST) {
      const slow = queries.map((q, i) => [times[i]!, q] as const).sort((a, b) => b[0] - a[0]).slice(0, 8);
      console.error(slow.map(([t, q]) => `${t.toFixed(1)} ms  "${q}"  (${(engine.query(index, q) as unknown[]).length} hits)`).join('\n'));
    }
    const pair = (wall: number, cpuMs: number, digits: number) => `${wall.toFixed(digits)} / ${cpuMs.toFixed(digits)}`;
    const row = [
      engine.name,
      pair(median(builds), median(buildsCpu), 0),
      (median(heaps) / 2 ** 20).toFixed(1),
      pair(pct(times, 50), pct(timesCpu, 50), 2),
      pair(pct(times, 95), pct(timesCpu, 95), 2),
      pair(Math.max(...times), Math.max(...timesCpu), 1),
    ];
    console.log(`| ${row.join(' | ')} |`);
  }
}

await main();
