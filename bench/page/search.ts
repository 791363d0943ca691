import type { Paper } from '../../utils/data/db';
import { summarise, type Summary } from '../lib/stats';

import { createSearchIndex, search } from '../../utils/search/search-index';

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
export function measureSearch(papers: Paper[], count = 200): SearchResult {
  const start = performance.now();
  const index = createSearchIndex(papers);
  const buildMs = performance.now() - start;
  const times: number[] = [];
  for (const text of keystrokes(papers, count)) {
    const t0 = performance.now();
    search(index, text);
    times.push(performance.now() - t0);
  }
  return { status: 'ok', buildMs, papers: papers.length, keystrokes: summarise(times) };
}
