import type { Paper } from '../../utils/db';
import { summarise, type Summary } from '../lib/stats';

/**
 * Search latency over the seeded papers, measured on `utils/search.ts` (MiniSearch; the triage
 * branch is building it). `import.meta.glob` resolves to `{}` while that file does not exist, so
 * this branch builds and the row reads "n/a"; once it exists it is bundled here by itself.
 *
 * The one place to adapt when it lands is `adapt()` below: map the module's exports onto
 * `SearchEngine` (build an index from papers, answer a query). Expected shape:
 * `createSearchIndex(papers)` returning `{ search(query) }`.
 */
const modules = import.meta.glob<Record<string, unknown>>('../../utils/search.ts');

export interface SearchEngine {
  build(papers: Paper[]): unknown;
  query(index: unknown, text: string): unknown;
}

function adapt(module: Record<string, unknown>): SearchEngine | undefined {
  const create = module.createSearchIndex;
  if (typeof create !== 'function') return undefined;
  return {
    build: (papers) => create(papers),
    // utils/search.ts answers through a function of its own (`search(index, query)`).
    query: (index, text) => (typeof module.search === 'function' ? module.search(index, text) : (index as { search(text: string): unknown }).search(text)),
  };
}

export type SearchResult = { status: 'n/a'; reason: string } | { status: 'ok'; buildMs: number; papers: number; keystrokes: Summary };

/** Words a user would type, letter by letter: prefixes of title words of the stored papers. */
function keystrokes(papers: Paper[], count: number): string[] {
  const queries: string[] = [];
  for (let i = 0; queries.length < count && i < papers.length; i += 97) {
    const word = papers[i]!.title.split(' ').find((w) => w.length > 5)?.toLowerCase();
    if (!word) continue;
    for (let end = 1; end <= word.length && queries.length < count; end++) queries.push(word.slice(0, end));
  }
  return queries;
}

/** Builds the index (not timed as a keystroke) and times each keystroke's query. */
export async function measureSearch(papers: Paper[], count = 200): Promise<SearchResult> {
  const load = modules['../../utils/search.ts'];
  if (!load) return { status: 'n/a', reason: 'utils/search.ts is not on this branch' };
  const engine = adapt(await load());
  if (!engine) return { status: 'n/a', reason: 'utils/search.ts found: adapt() in bench/page/search.ts to its exports' };
  const start = performance.now();
  const index = await engine.build(papers);
  const buildMs = performance.now() - start;
  const times: number[] = [];
  for (const text of keystrokes(papers, count)) {
    const t0 = performance.now();
    await engine.query(index, text);
    times.push(performance.now() - t0);
  }
  return { status: 'ok', buildMs, papers: papers.length, keystrokes: summarise(times) };
}
